"""Fold duplicated paragraphs and sentences, keeping every copy's offsets.

INTERFACE: `fold_spans(text, spans) -> list[FoldGroup]`. First version: exact matching on
normalised text; the scalable near-duplicate version replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.spans import Span

_NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True)
class FoldGroup:
    """Spans judged to be copies of one another; the first is the one shown."""

    members: tuple[int, ...]
    """Indices into the input spans, in document order; `members[0]` is the canonical copy."""

    @property
    def canonical(self) -> int:
        """Index of the copy that stands for the group."""
        return self.members[0]


def fold_spans(text: str, spans: Sequence[Span]) -> list[FoldGroup]:
    """Group near-identical spans. Every input index appears in exactly one group.

    Groups are ordered by their canonical (first) member.
    """
    groups: dict[str, list[int]] = {}
    for index, span in enumerate(spans):
        key = _NON_WORD.sub(" ", span.slice(text)).strip().casefold()
        groups.setdefault(key, []).append(index)
    return sorted((FoldGroup(tuple(m)) for m in groups.values()), key=lambda g: g.canonical)
