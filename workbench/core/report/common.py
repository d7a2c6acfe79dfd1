"""What every report format is built from: the claims with their reviews, counted and ordered.

`build_report()` merges an extraction with an attached session once, so Markdown, JSON and
ClaimReview agree on which claims are listed, what their verdicts are, and who reviewed them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.document import Document
from workbench.core.evidence.records import SavedPage
from workbench.core.extraction import Claim, Extraction
from workbench.core.review.filtering import listed_claims
from workbench.core.review.joins import apply_joins
from workbench.core.review.model import ClaimReview, Session, Verdict
from workbench.core.review.reattach import reattach
from workbench.core.timestamps import parse_timestamp, utc_now

SECTION_ORDER: tuple[Verdict, ...] = (
    Verdict.DISPUTED,
    Verdict.INCONCLUSIVE,
    Verdict.VERIFIED,
    Verdict.NOT_A_CLAIM,
    Verdict.UNREVIEWED,
)
"""The order of the detailed sections: what needs attention first."""

REPORT_SUFFIXES = {
    "markdown": ".report.md",
    "json": ".report.json",
    "claimreview": ".claimreview.json",
}
"""File name endings of each report format."""


@dataclass(frozen=True)
class ReportEntry:
    """One listed claim and the checker's work on it."""

    number: int
    """The claim's number: its sentence's position in the article (1-based), the same number
    the app and `workbench claims` show."""
    claim: Claim
    """The sentence from the article."""
    review: ClaimReview | None
    """Its review, or None when the claim was never touched."""

    @property
    def verdict(self) -> Verdict:
        """The verdict (unreviewed without a review)."""
        return self.review.verdict if self.review else Verdict.UNREVIEWED

    @property
    def has_detail(self) -> bool:
        """Whether the claim gets its own section: a verdict, a note or a source."""
        return self.review is not None and not self.review.is_empty


@dataclass(frozen=True)
class Report:
    """An extraction and its review, merged for rendering."""

    extraction: Extraction
    """The article's claims."""
    session: Session | None
    """The review (re-attached to the current article), or None when none was saved."""
    entries: tuple[ReportEntry, ...]
    """Listed claims in document order: check-worthy sentences and any reviewed sentence."""
    orphaned: tuple[ClaimReview, ...]
    """Reviews whose sentence is no longer in the article."""
    generated_at: str
    """When the report was made (ISO 8601, UTC)."""
    reviewer: str | None
    """Who made the report, if known."""

    @property
    def counts(self) -> dict[Verdict, int]:
        """Listed claims per verdict (every verdict present, zeros included)."""
        counts = dict.fromkeys(Verdict, 0)
        for entry in self.entries:
            counts[entry.verdict] += 1
        return counts

    @property
    def reviewed(self) -> int:
        """Listed claims with a verdict."""
        return sum(1 for e in self.entries if e.verdict is not Verdict.UNREVIEWED)

    @property
    def reviewers(self) -> tuple[str, ...]:
        """Everyone who set a verdict (first appearance first); else the session's reviewer."""
        names: list[str] = []
        for review in (*(e.review for e in self.entries if e.review), *self.orphaned):
            if review.reviewer and review.reviewer not in names:
                names.append(review.reviewer)
        if not names:
            for name in (self.session.reviewer if self.session else None, self.reviewer):
                if name and name not in names:
                    names.append(name)
        return tuple(names)

    @property
    def detailed(self) -> tuple[ReportEntry, ...]:
        """Entries that get a section, disputed first, then by `SECTION_ORDER`, then document."""
        rank = {v: i for i, v in enumerate(SECTION_ORDER)}
        with_detail = [e for e in self.entries if e.has_detail]
        return tuple(sorted(with_detail, key=lambda e: (rank[e.verdict], e.number)))

    @property
    def document(self) -> Document:
        """The article."""
        return self.extraction.document

    @property
    def article_url(self) -> str | None:
        """The article's URL when known (its canonical URL, or the URL it was opened from)."""
        if self.document.url:
            return self.document.url
        if self.document.source.startswith(("http://", "https://")):
            return self.document.source
        return None

    @property
    def title(self) -> str:
        """The article's title, or its source when it has none."""
        return (
            self.document.title
            or (self.session.article_title if self.session else None)
            or ("standard input" if self.document.source == "-" else self._source_name)
        )

    @property
    def _source_name(self) -> str:
        source = self.document.source
        return Path(source).name if self.document.is_local_file else source

    def page(self, url: str) -> SavedPage | None:
        """The fetched page record for `url`, if the session has one."""
        return self.session.pages.get(url) if self.session is not None else None


def reattached(extraction: Extraction, session: Session) -> Session:
    """`session` with its reviews matched to the current sentences (nothing written).

    The same rule `ReviewWorkspace.open` applies, without saving: a report never changes the
    review file. A session already attached to this very article (the workspace's, or a file
    saved against the same bytes whose reviews all name current sentences) is returned as it
    is: retrying its orphans would only find the same answer, slowly.
    """
    extraction = apply_joins(extraction, session.joins)
    current = {s.id: s.text for s in extraction.sentences}
    if session.article_sha256 == extraction.document.sha256 and all(
        current.get(r.claim_id) == r.text for r in session.reviews
    ):
        return session
    result = reattach(session.reviews + session.orphaned, extraction.sentences)
    order = {s.id: s.index for s in extraction.sentences}
    reviews = sorted(result.attached, key=lambda r: (order.get(r.claim_id, len(order)), r.start))
    return replace(session, reviews=tuple(reviews), orphaned=result.orphaned)


def build_report(
    extraction: Extraction,
    session: Session | None,
    *,
    generated_at: str | None = None,
    reviewer: str | None = None,
) -> Report:
    """Merge claims and reviews.

    `session` must already be attached to `extraction`'s sentences: the workspace's session
    is; a session loaded from a file goes through `reattached()` first. A review that names
    no current sentence anyway is reported as orphaned, never dropped.
    """
    if session is not None:
        # Sentences the checker joined are one claim in the report too (no-op when joined).
        extraction = apply_joins(extraction, session.joins)
    known = {s.id for s in extraction.sentences}
    reviews = {r.claim_id: r for r in session.reviews if r.claim_id in known} if session else {}
    listed = listed_claims(extraction.sentences, reviews)
    entries = tuple(ReportEntry(claim.index + 1, claim, reviews.get(claim.id)) for claim in listed)
    orphaned: tuple[ClaimReview, ...] = ()
    if session is not None:
        stray = tuple(r for r in session.reviews if r.claim_id not in known)
        orphaned = session.orphaned + stray
    return Report(
        extraction=extraction,
        session=session,
        entries=entries,
        orphaned=orphaned,
        generated_at=generated_at or utc_now(),
        reviewer=reviewer,
    )


def report_path(document: Document, format: str = "markdown") -> Path:
    """Where the report is written by default.

    Beside a local article (`ARTICLE.report.md`); for a URL or stdin, in the user data folder
    under `reports/`, named like the review file.
    """
    from workbench.core.paths import data_dir
    from workbench.core.review.location import REVIEW_SUFFIX, default_session_path

    suffix = REPORT_SUFFIXES[format]
    if document.is_local_file:
        return Path(document.source + suffix)
    review_name = default_session_path(document).name
    stem = review_name[: -len(REVIEW_SUFFIX)]
    return data_dir() / "reports" / f"{stem}{suffix}"


def format_time(value: str | None) -> str:
    """An ISO time as people read it (`2023-07-30 14:02 UTC`); the input when unparsable."""
    if not value:
        return ""
    parsed = parse_timestamp(value)
    if parsed is None:
        return value
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC)
        return parsed.strftime("%Y-%m-%d %H:%M UTC")
    return parsed.strftime("%Y-%m-%d %H:%M")
