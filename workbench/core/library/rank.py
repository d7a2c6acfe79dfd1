"""Re-ranking the full-text candidates: how alike the claims are, and how close the dates.

BM25 finds candidates by shared words; it cannot tell a claim from one that shares its rare
words in another order or about another year. Each candidate gets features in 0–1 and the
score is their weighted mean (weights tuned on the CheckThat! train queries, reported on dev:
see benchmarks/bench_library.py).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from workbench.core.library.model import Candidate, FactCheck, Match
from workbench.core.library.text import parse_iso, query_words, without_links


@dataclass(frozen=True)
class Weights:
    """How much each feature counts."""

    relevance: float = 1.0
    """BM25 relevance, relative to the best candidate of the query."""
    claim: float = 0.25
    """Word-set similarity of the query and the checked claim (rapidfuzz token_set_ratio)."""
    title: float = 0.25
    """Word-set similarity of the query and the review's headline."""
    date: float = 0.4
    """Closeness of a date the query gives and the review's date (fact-checks follow claims)."""

    @property
    def total(self) -> float:
        """The sum of the weights (scores are divided by it to stay within 0–1)."""
        return self.relevance + self.claim + self.title + self.date


DEFAULT_WEIGHTS = Weights()

COVERAGE_WEIGHT = 2.0
"""Weight of the rare-word coverage in the confidence (where the score has the relative BM25;
chosen on the train queries)."""

_STEM = 6
"""Words are compared by their first letters ("vaccines" and "vaccinated" agree): a crude
stem, enough to say whether a fact-check has a query word."""

DATE_SCALE_DAYS = 60.0
"""A date this many days away keeps 1/e of the date feature."""


def rerank(
    query: str,
    candidates: Sequence[Candidate],
    dates: Sequence[dt.date] = (),
    weights: Weights = DEFAULT_WEIGHTS,
    rarity: Mapping[str, float] | None = None,
) -> list[Match]:
    """The candidates as matches, best first.

    `rarity` gives the query's words their weight for the confidence (see `word_rarity`).
    """
    if not candidates:
        return []
    processed = default_process(without_links(query))
    best = max(c.relevance for c in candidates) or 1.0
    # Without a date to compare, the date feature is left out (not counted as a miss), so a
    # claim from an undated text can still reach the "checked before" threshold.
    total = weights.total if dates else weights.total - weights.date
    matches = []
    for candidate in candidates:
        features = features_of(processed, candidate, best, dates)
        score = (
            weights.relevance * features[0]
            + weights.claim * features[1]
            + weights.title * features[2]
            + weights.date * features[3]
        ) / total
        covered = coverage(rarity or {}, candidate.fact_check)
        confidence = (
            COVERAGE_WEIGHT * covered
            + weights.claim * features[1]
            + weights.title * features[2]
            + weights.date * features[3]
        ) / (total - weights.relevance + COVERAGE_WEIGHT)
        matches.append(Match(candidate.fact_check, score, confidence))
    matches.sort(key=lambda m: (-m.score, m.fact_check.key))
    return matches


def features_of(
    processed_query: str, candidate: Candidate, best_relevance: float, dates: Sequence[dt.date]
) -> tuple[float, float, float, float]:
    """Relevance, claim similarity, headline similarity and date closeness, each 0–1."""
    check = candidate.fact_check
    claim = _similarity(processed_query, check.claim)
    return (
        max(0.0, candidate.relevance / best_relevance),
        claim,
        # A review without a headline (the user's own verdicts) is judged by its claim alone.
        _similarity(processed_query, check.title) if check.title else claim,
        date_closeness(dates, check),
    )


def _similarity(processed_query: str, text: str) -> float:
    if not text:
        return 0.0
    return float(fuzz.token_set_ratio(processed_query, default_process(text))) / 100.0


def date_closeness(dates: Sequence[dt.date], check: FactCheck) -> float:
    """1 when the review is dated on one of `dates`, falling off with the distance in days."""
    day = parse_iso(check.date) if check.date else None
    if day is None or not dates:
        return 0.0
    gap = min(abs((day - d).days) for d in dates)
    return math.exp(-gap / DATE_SCALE_DAYS)


def word_rarity(frequencies: Mapping[str, int], total: int) -> dict[str, float]:
    """Each query word the library has, weighted by its inverse document frequency."""
    return {
        word[:_STEM]: math.log(1 + total / count) for word, count in frequencies.items() if count
    }


def coverage(rarity: Mapping[str, float], check: FactCheck) -> float:
    """The share of the query's word weight found in the fact-check (claim, title, summary)."""
    total = sum(rarity.values())
    if not total:
        return 0.0
    words = {w[:_STEM] for w in query_words(f"{check.claim} {check.title} {check.description}")}
    return sum(weight for word, weight in rarity.items() if word in words) / total
