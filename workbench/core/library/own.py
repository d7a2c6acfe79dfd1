"""The user's own verdicts as fact-checks: each claim of a review with a verdict becomes one.

The review file stays the source of truth; these entries are derived from it, keyed by the
article and the claim, so saving the same review again updates them instead of adding more.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.library.model import OWN, FactCheck
from workbench.core.review.location import REVIEW_SUFFIX
from workbench.core.review.model import Session, Verdict

OWN_PUBLISHER = "your review"
"""Who published an own verdict, as shown beside the match."""

NOT_FACT_CHECKS = frozenset({Verdict.UNREVIEWED, Verdict.NOT_A_CLAIM})
"""Verdicts that say nothing about whether a claim holds: not put in the library."""


def article_identity(source: str, review_path: Path | None = None, *, sha256: str = "") -> str:
    """The article as the library knows it: a URL as is, a local file by its absolute path.

    A review file sits beside its article (`ARTICLE.review.json`), so a relative source in it
    is read from the review file's folder.
    """
    if source.startswith(("http://", "https://")):
        return source
    if source == "-":
        return f"stdin:{sha256[:16]}"  # a pasted article is known by its text
    path = Path(source)
    if not path.is_absolute() and review_path is not None:
        if review_path.name.endswith(REVIEW_SUFFIX):
            beside = review_path.with_name(review_path.name[: -len(REVIEW_SUFFIX)])
            if beside.name == path.name:
                return str(beside.resolve())
        path = review_path.parent / path.name
    return str(path.resolve())


def own_fact_checks(session: Session, article: str) -> list[FactCheck]:
    """One fact-check per reviewed claim of `session` (see `NOT_FACT_CHECKS`)."""
    link = article if article.startswith(("http://", "https://")) else ""
    checks = []
    for review in session.reviews:
        if review.verdict in NOT_FACT_CHECKS:
            continue
        checks.append(
            FactCheck(
                key=f"own\n{article}\n{review.claim_id}",
                claim=review.text,
                rating=review.verdict.label,
                publisher=OWN_PUBLISHER,
                reviewer=review.reviewer or session.reviewer or "",
                url=link,
                identifier=f"{article}#{review.claim_id}",
                date=(review.reviewed_at or review.updated_at or "")[:10],
                article=article,
                note=review.note,
                sources=review.urls,
                origin=OWN,
            )
        )
    return checks
