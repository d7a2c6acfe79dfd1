"""Re-ranking the full-text candidates: how alike the claims are, whether they name the same
people, and how close the dates.

BM25 finds candidates by shared words; it cannot tell a claim from one that shares its rare
words in another order, about another person or another year. Each candidate gets features in
0–1 and the score is their weighted mean (weights tuned on the CheckThat! train queries,
reported on dev: see benchmarks/bench_library.py). Names are compared by the evidence
package's machinery, as a claim is compared with a passage. Numbers were tried the same way
and left out: no weight of theirs improved the train queries (the benchmark's `--tune`
measures them still).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from workbench.core.evidence.names import Name, compare_names, names_in
from workbench.core.evidence.words import fold
from workbench.core.library.model import Candidate, FactCheck, Match
from workbench.core.library.text import parse_iso, query_words, without_links


@dataclass(frozen=True)
class Weights:
    """How much each feature counts."""

    relevance: float = 1.0
    """BM25 relevance, relative to the best candidate of the query."""
    claim: float = 1.0
    """Word-set similarity of the query and the checked claim (rapidfuzz token_set_ratio)."""
    title: float = 1.0
    """Word-set similarity of the query and the review's headline."""
    date: float = 0.8
    """Closeness of a date the query gives and the review's date (fact-checks follow claims)."""
    names: float = 0.4
    """The share of the query's names the claim or headline has (whole words, or the surname)."""

    @property
    def total(self) -> float:
        """The sum of the weights (scores are divided by it to stay within 0–1)."""
        return self.relevance + self.claim + self.title + self.date + self.names


DEFAULT_WEIGHTS = Weights()

COVERAGE_WEIGHT = 2.0
"""Weight of the rare-word coverage in the confidence (where the score has the relative BM25;
chosen on the train queries)."""

CONFIDENCE_WEIGHTS = Weights(claim=0.25, title=0.25, date=0.4, names=0.0)
"""The confidence's own weights of the similarities and the date: those the "checked before"
threshold was chosen with (see search.py), kept apart from the ranking's so that re-tuning
the order of a query's matches does not move the threshold."""

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
    text = without_links(query)
    processed = default_process(text)
    best = max(c.relevance for c in candidates) or 1.0
    # Names are read only when they count, and left out of a query without any (not counted
    # as a miss), as the date is.
    names = names_in(text) if weights.names else []
    # Without a date to compare, the date feature is left out (not counted as a miss), so a
    # claim from an undated text can still reach the "checked before" threshold.
    total = weights.total if dates else weights.total - weights.date
    total -= 0.0 if names else weights.names
    matches = []
    for candidate in candidates:
        relevance, claim, title, date = features_of(processed, candidate, best, dates)
        score = (
            weights.relevance * relevance
            + weights.claim * claim
            + weights.title * title
            + weights.date * date
        )
        if names:
            check = candidate.fact_check
            # A new line between them: a name never runs from the claim into the headline.
            score += weights.names * name_agreement(names, f"{check.claim}\n{check.title}")
        covered = coverage(rarity or {}, candidate.fact_check)
        confidence = (
            COVERAGE_WEIGHT * covered
            + CONFIDENCE_WEIGHTS.claim * claim
            + CONFIDENCE_WEIGHTS.title * title
            + (CONFIDENCE_WEIGHTS.date * date if dates else 0.0)
        ) / (
            COVERAGE_WEIGHT
            + CONFIDENCE_WEIGHTS.claim
            + CONFIDENCE_WEIGHTS.title
            + (CONFIDENCE_WEIGHTS.date if dates else 0.0)
        )
        matches.append(Match(candidate.fact_check, score / total, confidence))
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


def name_agreement(names: Sequence[Name], passage: str) -> float:
    """The share of `names` the passage has, as whole words or by the surname (see
    `compare_names`)."""
    if not names:
        return 0.0
    folded = fold(passage).lower()
    # A name agrees only where its surname is a whole word of the passage: most names of most
    # candidates fail this one regular-expression test and are spared the tokenising, and the
    # names compared are all likely to agree, which spares `compare_names` its search for
    # rivals (search stays within its time budget).
    written = [n for n in names if all(p.search(folded) for p in _surname_patterns(n))]
    if not written:
        return 0.0
    agreed = sum(relation == "agree" for relation, _ in compare_names(written, passage))
    return agreed / len(names)


@functools.lru_cache(maxsize=256)
def _surname_patterns(name: Name) -> tuple[re.Pattern[str], ...]:
    """Each word of the name's surname as a whole word, made once per query rather than once
    per candidate."""
    return tuple(re.compile(rf"(?<!\w){re.escape(part)}(?!\w)") for part in name.surname)


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
