"""Finding the fact-checks of a claim: full-text candidates, re-ranked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from workbench.core.library.model import Match
from workbench.core.library.rank import DEFAULT_WEIGHTS, Weights, rerank, word_rarity
from workbench.core.library.store import FactCheckStore
from workbench.core.library.text import dates_mentioned, query_words

CANDIDATES = 50
"""Full-text candidates re-ranked per query (recall@50 is ~0.96 on the train queries)."""

COMMON_FRACTION = 0.02
"""A candidate must contain at least one query word found in at most this share of the
fact-checks (the two rarest words when none is that rare). BM25 still ranks on every word;
the gate only spares scoring thousands of fact-checks that share nothing but "video" or
"says" with the query — the cost that grows with the library (train MAP@5 0.887 with the
gate, 0.892 without; at 200,000 fact-checks p95 44 ms instead of 108 ms)."""

CHECKED_BEFORE_THRESHOLD = 0.4
"""A match at least this confident is shown as "checked before": the lowest threshold with a
precision of at least 0.85 on the train queries (0.858, recall 0.585 when chosen; with the
gate below 0.865 and 0.584, dev 0.902 and 0.744; with the names in the ranking 0.868 and 0.584,
dev 0.897 and 0.744: see benchmarks/bench_library.py). The confidence has its own weights
(`rank.CONFIDENCE_WEIGHTS`), so re-tuning the ranking leaves this threshold's meaning alone."""

CHECKED_BEFORE_FRACTION = 0.01
"""The rare-word gate (see `COMMON_FRACTION`) when only confident matches are wanted: a
confident match shares a rarer word with the claim. Chosen on train among 0.02, 0.01, 0.005,
0.002 (F1 0.695, 0.697, 0.694, 0.673); 50 claims against 200,000 fact-checks take 0.57 s
instead of 0.87 s."""

CHECKED_BEFORE_LIMIT = 3
"""At most this many "checked before" matches per claim."""


def search(
    store: FactCheckStore,
    query: str,
    *,
    top: int = 5,
    reference_date: dt.date | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    common_fraction: float = COMMON_FRACTION,
) -> list[Match]:
    """The `top` fact-checks most like `query`, best first.

    Dates written in the query, and `reference_date` (an article's date), favour reviews
    published around them.
    """
    words = query_words(query)
    if not words or top <= 0:
        return []
    frequencies = store.document_frequencies(words)
    present, rare = index_words(store, frequencies, common_fraction=common_fraction)
    if not present:
        return []
    candidates = store.candidates(present, max(CANDIDATES, top), required=rare)
    dates = dates_mentioned(query)
    if reference_date is not None:
        dates.append(reference_date)
    rarity = word_rarity(frequencies, store.count())
    return rerank(query, candidates, dates, weights, rarity)[:top]


def checked_before(
    store: FactCheckStore,
    claims: Sequence[str],
    *,
    reference_date: dt.date | None = None,
    threshold: float = CHECKED_BEFORE_THRESHOLD,
    exclude_article: str | None = None,
    common_fraction: float = CHECKED_BEFORE_FRACTION,
) -> list[list[Match]]:
    """For each claim, those of its 3 best matches that are at least `threshold` confident.

    `exclude_article` leaves out the user's own verdicts on that article (a claim is not
    "checked before" by its own review).
    """
    found = []
    for claim in claims:
        # A few more than needed, for the article's own verdicts left out.
        matches = search(
            store,
            claim,
            top=2 * CHECKED_BEFORE_LIMIT,
            reference_date=reference_date,
            common_fraction=common_fraction,
        )
        others = [
            m for m in matches if not (exclude_article and m.fact_check.article == exclude_article)
        ]
        found.append([m for m in others[:CHECKED_BEFORE_LIMIT] if m.confidence >= threshold])
    return found


def index_words(
    store: FactCheckStore,
    frequencies: Mapping[str, int],
    *,
    common_fraction: float = COMMON_FRACTION,
) -> tuple[list[str], list[str] | None]:
    """The query words the library has, and the rare ones a candidate must contain (None:
    every word is rare, no gate needed). See `COMMON_FRACTION`."""
    present = sorted((n, w) for w, n in frequencies.items() if n > 0)
    if not present:
        return [], None
    limit = common_fraction * store.count()
    rare = [w for n, w in present if n <= limit] or [w for _, w in present[:2]]
    everything = [w for _, w in present]
    return everything, (rare if len(rare) < len(everything) else None)
