"""Evidence for claims: each claim's best passage on each reference page, compared.

This is what the TUI and `workbench evidence` call: claims from the extraction pipeline,
page records from the fetcher, out come matches with scores and agree/differ findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.dates import DateMention
from workbench.core.evidence.align import PassageIndex
from workbench.core.evidence.compare import compare, dates_in, shifted
from workbench.core.evidence.passages import split_passages
from workbench.core.evidence.records import PageMatch
from workbench.core.extraction import Claim
from workbench.core.fetch.page import PageRecord


@dataclass(frozen=True)
class ClaimEvidence:
    """A claim and its best passage on every page that has one, best first."""

    claim_id: str
    """The claim's id (as in `workbench claims`)."""
    text: str
    """The claim's text."""
    matches: tuple[PageMatch, ...]
    """One match per readable page that shares words with the claim, highest score first."""

    @property
    def best(self) -> PageMatch | None:
        """The best passage over all pages, if any."""
        return self.matches[0] if self.matches else None

    def to_json(self) -> dict[str, Any]:
        """`{"id", "text", "best": {...} | null, "pages": [...]}`."""
        return {
            "id": self.claim_id,
            "text": self.text,
            "best": self.best.to_json() if self.best else None,
            "pages": [m.to_json() for m in self.matches],
        }


class PageEvidence:
    """One page prepared for matching: its passages indexed, passage dates resolved once."""

    def __init__(self, page: PageRecord, *, fallback_date: dt.date | None = None) -> None:
        self.page = page
        self.reference = page.published or fallback_date
        self.index = PassageIndex(split_passages(page.text))
        self._dates: dict[int, list[DateMention]] = {}

    def match(self, claim: Claim, claim_reference: dt.date | None) -> PageMatch | None:
        """The best passage of this page for `claim`, compared with it."""
        found = self.index.best(claim.text)
        if found is None:
            return None
        passage = found.passage
        if found.index not in self._dates:
            self._dates[found.index] = dates_in(passage.text, self.reference)
        comparison = compare(
            claim.text,
            passage.text,
            claim_reference=claim_reference,
            claim_dates=shifted(claim.dates, claim.start),
            passage_dates=self._dates[found.index],
        )
        return PageMatch(
            self.page.url, passage.text, passage.start, passage.end, found.score, comparison
        )


def find_evidence(
    claims: Sequence[Claim],
    pages: Sequence[PageRecord],
    *,
    reference_date: dt.date | None = None,
) -> list[ClaimEvidence]:
    """For each claim, its best passage on each readable page (pages with errors skipped).

    `reference_date` is the article's (the extraction's `reference.value`); a page without
    a date of its own resolves its relative dates against it.
    """
    prepared = [PageEvidence(p, fallback_date=reference_date) for p in pages if p.ok]
    results: list[ClaimEvidence] = []
    for claim in claims:
        matches = [m for page in prepared if (m := page.match(claim, reference_date))]
        matches.sort(key=lambda m: -(m.score or 0.0))
        results.append(ClaimEvidence(claim.id, claim.text, tuple(matches)))
    return results
