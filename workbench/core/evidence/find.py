"""Evidence for claims: up to three related passages per claim over its pages, each compared.

This is what the app and `workbench evidence` call: claims from the extraction pipeline, page
records from the fetcher, out come ranked passages with agree/differ findings. A passage that
is not about the claim is never compared: when no passage of any page is related, the claim
keeps only the nearest passage, flagged unrelated, for transparency.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.dates import DateMention
from workbench.core.evidence.align import Match, PassageIndex
from workbench.core.evidence.findings import compare, shifted
from workbench.core.evidence.passages import split_passages
from workbench.core.evidence.records import NO_COMPARISON, PageMatch
from workbench.core.evidence.when import dates_in
from workbench.core.extraction import Claim
from workbench.core.fetch.page import PageRecord

PASSAGES_PER_CLAIM = 3
"""Related passages shown per claim (the best and up to two others)."""
CLAIM_CHARS = 2_000
"""A "claim" longer than this (an unpunctuated dump read as one sentence) is matched and
compared on its first this-many characters, so the work per claim stays bounded."""


@dataclass(frozen=True)
class ClaimEvidence:
    """A claim and its related passages over all its pages, best first."""

    claim_id: str
    """The claim's id (as in `workbench claims`)."""
    text: str
    """The claim's text."""
    matches: tuple[PageMatch, ...]
    """Up to three related passages, highest score first, each compared with the claim."""
    nearest: PageMatch | None = None
    """When no passage is related: the closest one, unrelated and not compared."""

    @property
    def best(self) -> PageMatch | None:
        """The best related passage over all pages, if any."""
        return self.matches[0] if self.matches else None

    @property
    def others(self) -> tuple[PageMatch, ...]:
        """The other related passages, ranked."""
        return self.matches[1:]

    def to_json(self) -> dict[str, Any]:
        """`{"id", "text", "best": {...} | null, "others": [...], "nearest": {...} | null}`."""
        return {
            "id": self.claim_id,
            "text": self.text,
            "best": self.best.to_json() if self.best else None,
            "others": [m.to_json() for m in self.others],
            "nearest": self.nearest.to_json() if self.nearest else None,
        }


class PageEvidence:
    """One page prepared for matching: its passages indexed, passage dates resolved once."""

    def __init__(self, page: PageRecord, *, fallback_date: dt.date | None = None) -> None:
        self.page = page
        self.reference = page.published or fallback_date
        self.index = PassageIndex(split_passages(page.text))
        self._dates: dict[int, list[DateMention]] = {}

    def candidates(self, claim: Claim) -> list[Match]:
        """This page's candidate passages for `claim`, best first."""
        return self.index.ranked(claim.text)

    def compared(self, claim: Claim, found: Match, claim_reference: dt.date | None) -> PageMatch:
        """`found` as a page match: compared with the claim when related, bare otherwise."""
        passage = found.passage
        comparison = NO_COMPARISON
        if found.related:
            if found.index not in self._dates:
                self._dates[found.index] = dates_in(passage.text, self.reference)
            comparison = compare(
                claim.text,
                passage.text,
                claim_reference=claim_reference,
                passage_reference=self.reference,
                claim_dates=shifted(claim.dates, claim.start),
                passage_dates=self._dates[found.index],
            )
        return PageMatch(
            self.page.url,
            passage.text,
            passage.start,
            passage.end,
            found.score,
            comparison,
            related=found.related,
            reference=self.reference.isoformat() if self.reference else None,
        )


def _pick(
    ranked: Sequence[tuple[PageEvidence, Match]], limit: int
) -> list[tuple[PageEvidence, Match]]:
    """The best related passages that do not overlap one another (a sentence and the same
    sentence joined with the next are one piece of evidence, not two)."""
    chosen: list[tuple[PageEvidence, Match]] = []
    for page, match in ranked:
        if not match.related:
            continue
        if any(
            page is other_page
            and match.passage.start < other.passage.end
            and other.passage.start < match.passage.end
            for other_page, other in chosen
        ):
            continue
        chosen.append((page, match))
        if len(chosen) == limit:
            break
    return chosen


def evidence_for(
    claim: Claim,
    pages: Sequence[PageEvidence],
    reference_date: dt.date | None,
    *,
    limit: int = PASSAGES_PER_CLAIM,
) -> ClaimEvidence:
    """The claim's related passages over `pages` (or its nearest unrelated one)."""
    claim = _bounded(claim)
    ranked = [(page, match) for page in pages for match in page.candidates(claim)]
    ranked.sort(key=lambda item: (item[1].related, item[1].score), reverse=True)
    chosen = _pick(ranked, limit)
    matches = tuple(page.compared(claim, match, reference_date) for page, match in chosen)
    nearest = None
    if not matches and ranked:
        page, match = ranked[0]
        nearest = page.compared(claim, match, reference_date)
    return ClaimEvidence(claim.id, claim.text, matches, nearest)


def _bounded(claim: Claim) -> Claim:
    """`claim` cut to `CLAIM_CHARS` (its dates inside the cut kept), offsets unchanged."""
    if len(claim.text) <= CLAIM_CHARS:
        return claim
    end = claim.start + CLAIM_CHARS
    return dataclasses.replace(
        claim,
        text=claim.text[:CLAIM_CHARS],
        end=end,
        dates=tuple(d for d in claim.dates if d.end <= end),
    )


def find_evidence(
    claims: Sequence[Claim],
    pages: Sequence[PageRecord],
    *,
    reference_date: dt.date | None = None,
) -> list[ClaimEvidence]:
    """For each claim, its related passages over the readable pages (errors skipped).

    `reference_date` is the article's (the extraction's `reference.value`); a page without
    a date of its own resolves its relative dates against it.
    """
    prepared = [PageEvidence(p, fallback_date=reference_date) for p in pages if p.ok]
    return [evidence_for(claim, prepared, reference_date) for claim in claims]


def page_match(evidence: ClaimEvidence) -> PageMatch | None:
    """What a review keeps for a claim on one page: its best related passage with the others
    of that page, or the nearest unrelated one; None when the page shares no word with it."""
    if evidence.best is None:
        return evidence.nearest
    return PageMatch(
        evidence.best.url,
        evidence.best.passage,
        evidence.best.start,
        evidence.best.end,
        evidence.best.score,
        evidence.best.comparison,
        related=True,
        others=evidence.others,
        reference=evidence.best.reference,
    )
