"""Check-worthiness: a 0-1 score and named signals for each sentence.

INTERFACE: `score_sentences(texts) -> list[Scored]`, `CHECKWORTHY_THRESHOLD`.
First version: signal rules only; the learned model replaces the scoring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CHECKWORTHY_THRESHOLD = 0.5
"""Sentences scoring at least this are listed as claims."""

_RULES = {
    "number": re.compile(r"\d"),
    "quotation": re.compile(r"[\"“”]"),
    "attribution": re.compile(r"\b(according to|said|says|told|reported)\b", re.I),
}


@dataclass(frozen=True)
class Scored:
    """The check-worthiness of one sentence."""

    score: float
    """0 (nothing to check) to 1 (certainly a factual claim)."""
    signals: tuple[str, ...]
    """Names of the signals found: date, number, quotation, attribution, entity, ..."""


def score_sentences(texts: Sequence[str]) -> list[Scored]:
    """Score each sentence."""
    out = []
    for text in texts:
        signals = tuple(name for name, rule in _RULES.items() if rule.search(text))
        out.append(Scored(min(1.0, 0.3 * len(signals) + 0.2), signals))
    return out
