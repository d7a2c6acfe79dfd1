"""Finding candidate date expressions fast: cheap trigger words first, the full pattern near them.

Trying the full pattern at every position of a 1 MB article costs over a second; almost every
date contains a digit, a month or weekday name, a time unit or a word like "today". One cheap scan
finds those triggers, and the full pattern is tried only where an expression holding the trigger
could start: at the trigger, or a few words before it when they are words that open date
phrases ("more than three years ago", "the end of last year", "in May").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from workbench.core.dates.lexicon import (
    DATE_PREPOSITIONS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERIOD_MODIFIERS,
    QUALIFIERS,
    RELATIVE_STEPS,
    VAGUE_COUNTS,
)
from workbench.core.dates.patterns import TRIGGER_AFTER_NON_LETTER
from workbench.core.dates.shapes import CANDIDATES

_STARTERS = frozenset(
    word
    for phrase in (
        *QUALIFIERS,
        *NUMBER_WORDS,
        *VAGUE_COUNTS,
        *ORDINAL_WORDS,
        *PERIOD_MODIFIERS,
        *RELATIVE_STEPS,
        *DATE_PREPOSITIONS,
        # "earlier this month", "the day before yesterday", holiday names, and the words a
        # lone month or a season may follow ("for June", "that summer")
        *("earlier", "later", "day", "new", "independence", "good", "for", "that"),
    )
    for word in phrase.replace("-", " ").split()
    if word
)
"""Words that can open a date phrase before its trigger word."""

_LOOKBACK = 48
"""Characters before a trigger where the phrase may start (four or five words)."""


def trigger_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Where `patterns.TRIGGER` matches in `text[lo:hi]`, as its `finditer` would find them.

    `TRIGGER` matches at p when the character before p is no letter and its body matches at
    p; `TRIGGER_AFTER_NON_LETTER` matches at p - 1 exactly then, taking that character. So a
    search from one before where `finditer` would search next finds its next match, one on.
    (Like `finditer`, `TRIGGER` looks behind `lo`; a range that opens the text has nothing
    before it, so a copy of it with a space before is searched instead.)"""
    shift = 0
    if lo == 0:
        text, lo, hi, shift = " " + text[:hi], 1, hi + 1, 1
    search = TRIGGER_AFTER_NON_LETTER.search
    position = lo
    while (found := search(text, position - 1, hi)) is not None:
        yield found.start() + 1 - shift
        position = found.end()


def candidates(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Non-overlapping candidate matches in `text[lo:hi]`, in order."""
    covered = lo
    for at in trigger_starts(text, lo, hi):
        if at < covered:
            continue
        for start in _starts(text, max(covered, at - _LOOKBACK), at):
            match = CANDIDATES.match(text, start, hi)
            if match is not None and match.end() > at:
                yield match
                covered = match.end()
                break


def _starts(text: str, lo: int, at: int) -> list[int]:
    """Where a phrase holding the trigger at `at` may start, farthest first."""
    starts = [at]
    if at > lo and text[at - 1] in "'’":  # the '90s
        starts.append(at - 1)
    cursor = starts[-1]
    # Walk back word by word with plain indexing: faster here than any regex call.
    while cursor > lo:
        end = cursor
        while end > lo and text[end - 1] in " \t-":
            end -= 1
        if end in (cursor, lo):
            break
        begin = end
        while begin > lo and text[begin - 1].isalpha():
            begin -= 1
        if begin == end or text[begin:end].casefold() not in _STARTERS:
            break
        starts.append(begin)
        cursor = begin
    starts.reverse()
    return starts


_last: tuple[str, tuple[tuple[int, int], ...], list[list[re.Match[str]]]] | None = None
"""The last document scanned: the reference-date inference and `find_dates` read the same
sentences one after the other, and scanning a 1 MB article twice would double the cost."""


def scan_spans(text: str, bounds: Sequence[tuple[int, int]]) -> list[list[re.Match[str]]]:
    """The candidates of each (start, end) range, remembered for the last text scanned."""
    global _last
    key = tuple(bounds)
    if _last is not None and _last[0] is text and _last[1] == key:
        return _last[2]
    found = [list(candidates(text, start, end)) for start, end in key]
    _last = (text, key, found)
    return found
