"""Re-attach saved reviews to the sentences of a possibly edited article.

By content, not position: a review keeps the sentence text it was made on; an exact id match
wins, then the most similar remaining sentence (rapidfuzz) above a threshold. What cannot be
re-attached is orphaned, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from workbench.core.extraction import Claim
from workbench.core.review.model import ClaimReview

REATTACH_THRESHOLD = 80.0
"""Minimum similarity (0-100, word order ignored) for a review to follow an edited sentence."""


@dataclass(frozen=True)
class Reattachment:
    """The outcome of matching saved reviews to current sentences."""

    attached: tuple[ClaimReview, ...]
    """Reviews now pointing at current sentences (ids, text and offsets updated)."""
    orphaned: tuple[ClaimReview, ...]
    """Reviews whose sentence is gone."""
    moved: int
    """How many reviews followed an edited sentence (matched by similarity, not id)."""


def _sorted_words(text: str) -> str:
    """rapidfuzz's token_sort_ratio key, computed once per sentence instead of per pair."""
    from rapidfuzz import utils

    return " ".join(sorted(utils.default_process(text).split()))


def reattach(reviews: Sequence[ClaimReview], sentences: Sequence[Claim]) -> Reattachment:
    """Match each review to one sentence; each sentence takes at most one review."""
    from rapidfuzz import fuzz, process

    by_id = {s.id: s for s in sentences}
    taken: set[str] = set()
    attached: list[ClaimReview] = []
    pending: list[ClaimReview] = []
    for review in reviews:
        sentence = by_id.get(review.claim_id)
        if sentence is not None and sentence.id not in taken:
            taken.add(sentence.id)
            attached.append(_moved_to(review, sentence))
        else:
            pending.append(review)
    orphaned: list[ClaimReview] = []
    moved = 0
    if pending:
        # Punctuation-only sentences have no words to compare: they would match each other.
        keys = {s.id: k for s in sentences if (k := _sorted_words(s.text))}
        for review in pending:
            key = _sorted_words(review.text)
            choices = {i: k for i, k in keys.items() if i not in taken}
            best = (
                process.extractOne(
                    key,
                    choices,
                    scorer=fuzz.ratio,
                    processor=None,
                    score_cutoff=REATTACH_THRESHOLD,
                )
                if key and choices
                else None
            )
            if best is None:
                orphaned.append(review)
                continue
            sentence = by_id[best[2]]
            taken.add(sentence.id)
            attached.append(_moved_to(review, sentence))
            moved += 1
    return Reattachment(tuple(attached), tuple(orphaned), moved)


def _moved_to(review: ClaimReview, sentence: Claim) -> ClaimReview:
    return replace(
        review, claim_id=sentence.id, text=sentence.text, start=sentence.start, end=sentence.end
    )
