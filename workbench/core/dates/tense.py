"""The tense a date is written in, from the words around it in its sentence.

Deliberately small: the nearest marker decides which year a bare "July 28" or which week a bare
"Friday" means, and a past-tense sentence about a date after the reference date earns a warning.
Markers that usually signal the future ("will", "expected", "scheduled") win over past ones.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"]

_FUTURE = re.compile(
    r"(?i:\b(?:will|shall|won['’]t|going\s+to|gonna|expects?|expected|scheduled|slated|planned|"
    r"plans?|set\s+to|due|upcoming|intends?\s+to|aims?\s+to|to\s+be\s+held|would|could|"
    r"might|may|should)\b|['’]ll\b)"
)
# Markers that put the whole rest of the sentence in the future ("will be held on 6 May").
_STRONG_FUTURE = re.compile(
    r"(?i:\b(?:will|shall|won['’]t|going\s+to|scheduled|slated|due|expects?|plans?)\b|['’]ll\b)"
)
# Irregular past forms news prose uses most, then any "-ed" word of five letters or more.
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|met|began|took|gave|made|saw|won|lost|left|"
    r"held|led|sent|spoke|wrote|became|fell|rose|hit|struck|fled|ran|paid|sold|bought|"
    r"brought|thought|found|kept|chose|drew|grew|broke|stood|sat|ago|"
    r"[a-z]{3,}(?<!need)(?<!hundr)(?<!spe)(?<!ind)(?<!exce)(?<!succe)(?<!procee)ed)\b"
)
_NEUTRAL_ED = frozenset({"hundred", "indeed", "speed", "exceed", "succeed", "proceed", "need"})


def tense_near(text: str, start: int, end: int, lo: int, hi: int) -> Tense | None:
    """The tense of the marker nearest to `text[start:end]` within `text[lo:hi]` (its sentence)."""
    if _STRONG_FUTURE.search(text, lo, start):
        return "future"
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for match in pattern.finditer(text, lo, hi):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)  # type: ignore[assignment]
    return best[1] if best is not None else None


def past_marker(text: str, lo: int, hi: int, skip: tuple[int, int]) -> str | None:
    """The past-tense word that makes the sentence `text[lo:hi]` clearly past, or None.

    None as soon as anything in the sentence points to the future or a possibility, so the
    warning it feeds stays rare and right.
    """
    if _FUTURE.search(text, lo, hi):
        return None
    for match in _PAST.finditer(text, lo, hi):
        if skip[0] <= match.start() < skip[1] or match.group().casefold() in _NEUTRAL_ED:
            continue
        if match.group() == "ago":
            continue
        return match.group()
    return None
