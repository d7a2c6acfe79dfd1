"""Sentence splitting with exact character offsets.

INTERFACE (kept stable for the rest of the core): `split_sentences(text, start, end)`.
This first version is a plain regex; the real splitter replaces it.
"""

from __future__ import annotations

import re

from workbench.core.spans import Span

_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside `text[start:end]`, trimmed of whitespace, in order.

    Offsets are into `text` (not the slice). A paragraph break is always a boundary, so
    callers pass one paragraph at a time.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, stop):
        spans.append(Span(pos, match.start()))
        pos = match.end()
    spans.append(Span(pos, stop))
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
