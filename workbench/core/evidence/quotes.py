"""Quotations in a claim, looked for word for word in the passage (any quote style)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.evidence.records import NOT_IN_PASSAGE, Finding
from workbench.core.evidence.words import fold
from workbench.core.spans import Span

# On folded text: "…" pairs, and '…' pairs whose opening mark starts a word and whose closing
# mark ends one (so the apostrophes of "the country's leaders' talks" are not a quotation).
_QUOTE = re.compile(r"\"([^\"]{2,})\"|(?<!\w)'(?=\w)([^']{2,}?)(?<=[\w.,!?])'(?!\w)")
_ALIKE = 60
"""Below this rapidfuzz similarity the passage has nothing like the quotation."""


@dataclass(frozen=True)
class Quote:
    """Quoted words in the claim (inside the quotation marks)."""

    text: str
    """The words."""
    span: Span
    """Their offsets in the claim."""


def quotes_in(text: str) -> list[Quote]:
    """The quotations of `text`."""
    quotes = []
    for match in _QUOTE.finditer(fold(text)):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        quotes.append(Quote(text[start:end], Span(start, end)))
    return quotes


def _letters(text: str) -> str:
    """Lowercase with everything but letters and digits as spaces, keeping the length."""
    return "".join(c.lower() if c.isalnum() and len(c.lower()) == 1 else " " for c in text)


def compare_quotes(quotes: Sequence[Quote], passage: str) -> list[tuple[str, Finding]]:
    """A quotation agrees when the passage has the same words in a row; otherwise the
    closest stretch of the passage is shown as worded differently."""
    results: list[tuple[str, Finding]] = []
    folded_passage = _letters(passage)
    for quote in quotes:
        words = _letters(quote.text).split()
        if not words:
            continue
        where = _find_words(words, folded_passage)
        if where is not None:
            note = f"quote “{quote.text}”: same words"
            results.append(("agree", _finding(quote, passage, where, note)))
            continue
        alignment = fuzz.partial_ratio_alignment(" ".join(words), folded_passage)
        if alignment is not None and alignment.score >= _ALIKE:
            span = (alignment.dest_start, alignment.dest_end)
            shown = passage[span[0] : span[1]]
            note = (
                f"quote “{quote.text}” worded differently: “{shown}” ({alignment.score:.0f}% alike)"
            )
            results.append(("differ", _finding(quote, passage, span, note)))
        else:
            note = f"quote “{quote.text}” {NOT_IN_PASSAGE}"
            results.append(("differ", _finding(quote, passage, None, note)))
    return results


def _find_words(words: Sequence[str], folded_passage: str) -> tuple[int, int] | None:
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
    match = re.search(pattern, folded_passage)
    return (match.start(), match.end()) if match else None


def _finding(quote: Quote, passage: str, where: tuple[int, int] | None, note: str) -> Finding:
    start, end = where if where is not None else (None, None)
    written = passage[start:end] if where is not None else None
    return Finding("quote", quote.text, quote.span.start, quote.span.end, written, start, end, note)
