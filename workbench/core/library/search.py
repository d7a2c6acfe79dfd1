"""Finding the fact-checks of a claim: full-text candidates, re-ranked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workbench.core.library.model import Match
from workbench.core.library.rank import DEFAULT_WEIGHTS, Weights, rerank
from workbench.core.library.store import FactCheckStore
from workbench.core.library.text import dates_mentioned, query_words

CANDIDATES = 50
"""Full-text candidates re-ranked per query (recall@50 is ~0.96 on the train queries)."""

CHECKED_BEFORE_THRESHOLD = 0.75
"""A match at least this good is shown as "checked before" (chosen on the train queries: see
benchmarks/bench_library.py for its precision)."""

CHECKED_BEFORE_LIMIT = 3
"""At most this many "checked before" matches per claim."""


def search(
    store: FactCheckStore,
    query: str,
    *,
    top: int = 5,
    reference_date: dt.date | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Match]:
    """The `top` fact-checks most like `query`, best first.

    Dates written in the query, and `reference_date` (an article's date), favour reviews
    published around them.
    """
    words = query_words(query)
    if not words or top <= 0:
        return []
    candidates = store.candidates(words, max(CANDIDATES, top))
    dates = dates_mentioned(query)
    if reference_date is not None:
        dates.append(reference_date)
    return rerank(query, candidates, dates, weights)[:top]


def checked_before(
    store: FactCheckStore,
    claims: Sequence[str],
    *,
    reference_date: dt.date | None = None,
    threshold: float = CHECKED_BEFORE_THRESHOLD,
    exclude_article: str | None = None,
) -> list[list[Match]]:
    """For each claim, up to 3 matches at least `threshold` good.

    `exclude_article` leaves out the user's own verdicts on that article (a claim is not
    "checked before" by its own review).
    """
    found = []
    for claim in claims:
        matches = search(store, claim, top=CHECKED_BEFORE_LIMIT + 3, reference_date=reference_date)
        kept = [
            m
            for m in matches
            if m.score >= threshold
            and not (exclude_article and m.fact_check.article == exclude_article)
        ]
        found.append(kept[:CHECKED_BEFORE_LIMIT])
    return found
