"""The library's records: a fact-check, and a fact-check matched against a claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PUBLISHED = "published"
"""Origin of a fact-check imported from ClaimReview JSON-LD."""
OWN = "own"
"""Origin of a fact-check made from one of the user's own verdicts."""


@dataclass(frozen=True)
class FactCheck:
    """One checked claim: who rated it how, when, and where to read the check."""

    key: str
    """Identity in the library: the review's URL or identifier plus the claim (re-imports
    with the same key update the entry instead of adding one)."""
    claim: str
    """The claim that was checked, as the checker wrote it."""
    rating: str = ""
    """The verdict in the checker's words ("False", "Mostly true", "disputed"...)."""
    publisher: str = ""
    """Who published the check (an organisation, or "you" for the user's own verdicts)."""
    reviewer: str = ""
    """The person who checked it, when known."""
    url: str = ""
    """Where the check can be read (the fact-check article, or the reviewed article)."""
    identifier: str = ""
    """The publisher's identifier of the review, when it gives one."""
    date: str = ""
    """When the check was published or the verdict given (ISO `YYYY-MM-DD`), if known."""
    title: str = ""
    """The review's headline."""
    description: str = ""
    """The review's summary."""
    article: str = ""
    """For an own verdict: the article (path or URL) the claim came from."""
    note: str = ""
    """For an own verdict: the checker's note."""
    sources: tuple[str, ...] = ()
    """Reference URLs the check relies on."""
    origin: str = PUBLISHED
    """`published` (imported) or `own` (a verdict given in the workbench)."""

    @property
    def public_id(self) -> str:
        """The id shown to users and programs: the publisher's identifier, else the URL."""
        return self.identifier or self.url or self.key


@dataclass(frozen=True)
class Match:
    """A fact-check found for a claim, with how well it matches (0–1, higher is closer)."""

    fact_check: FactCheck
    """The fact-check."""
    score: float
    """The re-ranking score, 0–1: orders the matches of one query (its BM25 part is relative
    to the query's best candidate, so it is not comparable across queries)."""
    confidence: float = 0.0
    """How sure the match is, 0–1, comparable across queries: the share of the query's rare
    words the fact-check has, its word-set similarity and date closeness. "Checked before"
    is decided on it."""

    def to_json(self) -> dict[str, Any]:
        """The contract's match shape (`id`, `claim`, `rating`, `publisher`, `url`, `date`,
        `score`), plus who checked it and where it came from."""
        check = self.fact_check
        return {
            "id": check.public_id,
            "claim": check.claim,
            "rating": check.rating or None,
            "publisher": check.publisher or None,
            "url": check.url or None,
            "date": check.date or None,
            "score": round(self.score, 4),
            "confidence": round(self.confidence, 4),
            "reviewer": check.reviewer or None,
            "origin": check.origin,
        }


@dataclass(frozen=True)
class Candidate:
    """A fact-check the full-text index found for a query, with its BM25 relevance."""

    fact_check: FactCheck
    """The fact-check."""
    relevance: float
    """BM25 relevance (higher is better; only comparable within one query)."""


@dataclass(frozen=True)
class UpsertCounts:
    """What a write did."""

    added: int = 0
    """Fact-checks new to the library."""
    updated: int = 0
    """Fact-checks already there (same key), replaced by the new version."""
