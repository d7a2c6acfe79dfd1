"""A lookup of the saved reviews by claim id, rebuilt after each change.

`Session.review_for` scans the list of reviews; the list rows and the progress line ask for
every claim's verdict, so at 10,000 claims they need a dictionary instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.extraction import Claim
from workbench.core.review.model import ClaimReview, Session, Verdict
from workbench.core.review.workspace import Progress


@dataclass(frozen=True)
class ReviewIndex:
    """The reviews of one saved session, by claim id."""

    reviews: Mapping[str, ClaimReview]
    """Each attached review under its claim's id."""

    @classmethod
    def of(cls, session: Session) -> ReviewIndex:
        """Index the reviews of `session`."""
        return cls({review.claim_id: review for review in session.reviews})

    def verdict_of(self, claim_id: str) -> Verdict:
        """The claim's verdict (unreviewed when it has no review)."""
        review = self.reviews.get(claim_id)
        return review.verdict if review else Verdict.UNREVIEWED

    def note_of(self, claim_id: str) -> str:
        """The claim's note, for searching."""
        review = self.reviews.get(claim_id)
        return review.note if review else ""

    def progress(self, claims: Sequence[Claim]) -> Progress:
        """Counts per verdict over `claims` (the same numbers as `ReviewWorkspace.progress`)."""
        counts = dict.fromkeys(Verdict, 0)
        for claim in claims:
            counts[self.verdict_of(claim.id)] += 1
        total = len(claims)
        return Progress(total, total - counts[Verdict.UNREVIEWED], counts)
