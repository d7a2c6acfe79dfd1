"""schema.org ClaimReview JSON-LD: one object per reviewed claim, for publishing.

Rating scale (`reviewRating`; also stated in each rating's `description`):

| verdict      | ratingValue | alternateName |
|--------------|-------------|---------------|
| disputed     | 1           | Disputed      |
| inconclusive | 2           | Unproven      |
| verified     | 3           | True          |

`worstRating` is 1 and `bestRating` 3. Disputed has its own name: the checker found the claim
contested, which is not the same as showing it false. Claims marked "not a claim" or left
unreviewed are not published. The checker's note is not published either: it is a working
note, not a write-up; the reference URLs are, as `citation`, since they are what the verdict
rests on.
"""

from __future__ import annotations

from typing import Any

from workbench.core.extraction import Extraction
from workbench.core.report.common import Report, build_report
from workbench.core.review.model import ClaimReview, Session, Verdict

RATINGS: dict[Verdict, tuple[int, str]] = {
    Verdict.DISPUTED: (1, "Disputed"),
    Verdict.INCONCLUSIVE: (2, "Unproven"),
    Verdict.VERIFIED: (3, "True"),
}
"""Verdicts that are published, with their rating value and name."""
WORST_RATING = 1
BEST_RATING = 3
SCALE_DESCRIPTION = "1 = Disputed, 2 = Unproven (inconclusive), 3 = True (verified)"
"""The scale in words, put in every rating so the output documents itself."""


def render_claimreview(
    extraction: Extraction,
    session: Session | None,
    *,
    generated_at: str | None = None,
    reviewer: str | None = None,
    review_url: str | None = None,
) -> list[dict[str, Any]]:
    """The ClaimReview objects (a JSON-LD list).

    `review_url` is where the fact-check will be published; each object's `url` is it plus
    `#<claim id>`. Without it, `url` is left out (it is not known).
    """
    report = build_report(extraction, session, generated_at=generated_at, reviewer=reviewer)
    return claimreview_of(report, review_url=review_url)


def claimreview_of(report: Report, *, review_url: str | None = None) -> list[dict[str, Any]]:
    """Render an already merged report."""
    objects = []
    for entry in report.entries:
        review = entry.review
        if review is None or review.verdict not in RATINGS:
            continue
        objects.append(_claim_review(report, entry.claim.text, review, review_url))
    return objects


def _claim_review(
    report: Report, text: str, review: ClaimReview, review_url: str | None
) -> dict[str, Any]:
    value, name = RATINGS[review.verdict]
    document = report.document
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if report.article_url:
        appearance["url"] = report.article_url
    if document.title:
        appearance["headline"] = document.title
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if document.published:
        item["datePublished"] = document.published.isoformat()
    author_name = review.reviewer or report.reviewer or "unknown"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": name,
            "description": SCALE_DESCRIPTION,
        },
        "itemReviewed": item,
        "author": {"@type": "Person", "name": author_name},
        "datePublished": (review.reviewed_at or report.generated_at)[:10],
    }
    if review.urls:
        # The reference pages the verdict rests on.
        data["citation"] = [{"@type": "CreativeWork", "url": url} for url in review.urls]
    if review_url:
        data["url"] = f"{review_url}#{review.claim_id}"
    return data
