"""Character spans: every piece of text the core hands out keeps its offsets into the document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range `[start, end)` of character offsets into a document's text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether `other` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end
