"""Cut a page's text into passages to match claims against: each sentence, and each sentence
with the next, since a claim often condenses two sentences of its source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.segment import split_sentences
from workbench.core.spans import Span

_PARAGRAPH = re.compile(r"[^\r\n]+")
_MAX_SENTENCE = 600
"""Longer "sentences" (lists, unpunctuated dumps) are cut into pieces about this long, so a
single 2 MB line cannot make every comparison slow."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of one or more consecutive sentences of a page."""

    text: str
    """The passage as written on the page."""
    start: int
    """Offset of its first character in the page text."""
    end: int
    """Offset one past its last character."""
    sentences: int
    """How many sentences it spans (1 or 2)."""


def split_passages(text: str, *, window: int = 2) -> list[Passage]:
    """Passages of `text` in order: every sentence, then it joined with up to `window - 1`
    following sentences of the same paragraph."""
    passages: list[Passage] = []
    for paragraph in _PARAGRAPH.finditer(text):
        sentences = [
            piece
            for span in split_sentences(text, paragraph.start(), paragraph.end())
            for piece in _pieces(text, span)
        ]
        for index, first in enumerate(sentences):
            for size in range(1, window + 1):
                if index + size > len(sentences):
                    break
                last = sentences[index + size - 1]
                passages.append(Passage(text[first.start : last.end], first.start, last.end, size))
    return passages


def _pieces(text: str, span: Span) -> list[Span]:
    """`span`, cut at whitespace into pieces of at most about `_MAX_SENTENCE` characters."""
    if len(span) <= _MAX_SENTENCE:
        return [span]
    pieces: list[Span] = []
    start = span.start
    while span.end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        pieces.append(Span(start, cut))
        start = cut
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        pieces.append(Span(start, span.end))
    return pieces
