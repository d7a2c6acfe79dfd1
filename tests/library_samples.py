"""ClaimReview JSON-LD written by the project for the library tests (no outside data)."""

from __future__ import annotations

import json
from typing import Any


def claim_review(
    claim: str,
    *,
    url: str | None = None,
    identifier: str | None = None,
    rating: str = "False",
    date: str = "2024-03-01",
    publisher: str = "Desk Check",
    reviewer: str = "Rita Reviewer",
) -> dict[str, Any]:
    """One ClaimReview object as publishers write it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": rating},
        "author": {"@type": "Organization", "name": publisher},
        "creator": {"@type": "Person", "name": reviewer},
        "datePublished": date,
    }
    if url:
        data["url"] = url
    if identifier:
        data["identifier"] = identifier
    return data


BRIDGE = claim_review(
    "The Elm river bridge cost 42 million euros to build.",
    url="https://checks.example/elm-bridge-cost",
    rating="Mostly true",
)
VACCINE = claim_review(
    "A vaccine makes people magnetic so that spoons stick to their arms.",
    url="https://checks.example/magnetic-vaccine",
)
MOON = claim_review(
    "The moon landing in 1969 was filmed in a studio in Nevada.",
    identifier="moon-landing-studio",
    rating="Pants on fire",
    date="12 July 2019",
)


def as_feed(*reviews: dict[str, Any]) -> str:
    """A schema.org DataFeed of DataFeedItems (how aggregators publish)."""
    return json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": r} for r in reviews],
        }
    )


def as_html(*reviews: dict[str, Any]) -> str:
    """A fact-check article carrying its ClaimReview (and an unrelated block) as ld+json."""
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(r)}</script>' for r in reviews
    )
    organisation = json.dumps({"@context": "https://schema.org", "@type": "Organization"})
    return (
        "<!doctype html><html><head><title>Fact check</title>"
        f'<script type="application/ld+json">{organisation}</script>{scripts}'
        "</head><body><p>Our verdict.</p></body></html>"
    )
