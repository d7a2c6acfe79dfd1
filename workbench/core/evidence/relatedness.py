"""Whether a passage is about the same thing as a claim.

Decided from what both share, not from string similarity alone: the claim's content words
weighted by how rare they are on the page (a name or "jury" tells more than "people"), plus
the nouns of its quantities ("10 minutes" meets "15 minutes"). A passage covering enough of
the claim's weight is related; one covering less is related only when it also shares a
quantity's noun. The thresholds were tuned on half of the real pages of the evidence
benchmark (`benchmarks/bench_evidence_findings.py`) and checked on the other half.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.evidence.quantities import NUMBER_WORDS, quantities_in
from workbench.core.evidence.words import content_words

_MAYBE_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
"""A quick look for a quantity before the full scan."""

RELATED = 0.45
"""Share of the claim's word weight a passage must cover to be about it."""
ANCHORED = 0.3
"""The share that is enough when the passage also has one of the claim's quantity nouns."""


@dataclass(frozen=True)
class ClaimTerms:
    """What a claim is about, weighted for one page."""

    weights: dict[str, float]
    """Each content word and its weight on the page."""
    total: float
    """The sum of the weights."""
    units: frozenset[str]
    """The nouns of its quantities (`minute`, `child`)."""

    @classmethod
    def of(cls, claim: str, weight: Callable[[str], float]) -> ClaimTerms:
        """The terms of `claim`, weighted by `weight` (the page's IDF)."""
        weights = {word: weight(word) for word in content_words(claim)}
        units = (
            frozenset(q.unit[0] for q in quantities_in(claim) if q.unit)
            if _MAYBE_NUMBER.search(claim)
            else frozenset()
        )
        return cls(weights, sum(weights.values()), units)


@dataclass(frozen=True)
class Relatedness:
    """How much a passage shares with a claim."""

    coverage: float
    """Share of the claim's word weight found in the passage, 0–1."""
    anchored: bool
    """Whether the passage has a noun of one of the claim's quantities."""

    @property
    def related(self) -> bool:
        """Whether the passage is about the claim."""
        return self.coverage >= RELATED or (self.anchored and self.coverage >= ANCHORED)


def relatedness(terms: ClaimTerms, passage_words: frozenset[str]) -> Relatedness:
    """How much of `terms` the passage (its content words) shares."""
    if terms.total <= 0:
        return Relatedness(0.0, False)
    shared = sum(w for word, w in terms.weights.items() if word in passage_words)
    anchored = any(u in passage_words or u + "s" in passage_words for u in terms.units)
    return Relatedness(shared / terms.total, anchored)
