"""What a fetch in the app does with each page: which claims it is for, and what gets saved.

The review screen runs these in a worker and only shows the result. A page is
aligned only against the claims that attach its URL (the checker chose that page for them),
and saved in the shape the report reads: the page record plus `matches` by claim id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from workbench.core.evidence.find import find_evidence, page_match
from workbench.core.evidence.records import PageMatch, SavedPage
from workbench.core.extraction import Claim
from workbench.core.fetch.page import PageRecord
from workbench.core.fetch.store import PageStore
from workbench.core.review.model import Session


def claims_by_url(session: Session, claim_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Each attached URL and the ids of the claims attaching it, in the order attached.

    `claim_ids` limits it to those claims' URLs (`f`); None takes every claim's (`F`). Either
    way a URL lists *every* claim that attaches it, so one fetch serves them all.
    """
    wanted = set(claim_ids) if claim_ids is not None else None
    urls: dict[str, list[str]] = {}
    for review in session.reviews:
        if wanted is None or review.claim_id in wanted:
            for url in review.urls:
                urls.setdefault(url, [])
    for review in session.reviews:
        for url in review.urls:
            if url in urls:
                urls[url].append(review.claim_id)
    return urls


def page_entry(
    record: PageRecord, claims: Sequence[Claim], reference_date: dt.date | None
) -> SavedPage:
    """What `Session.pages[url]` keeps: the record (without its text) and each claim's match.

    CPU work (passage splitting, fuzzy matching, dates): call it off the UI thread.
    """
    matches: dict[str, PageMatch] = {}
    if record.ok and claims:
        for evidence in find_evidence(claims, [record], reference_date=reference_date):
            if (match := page_match(evidence)) is not None:
                matches[evidence.claim_id] = match
    return SavedPage(_without_text(record), matches)


def _without_text(record: PageRecord) -> PageRecord:
    # The review file keeps the record, not the text (the page store has it under its hash).
    return PageRecord.from_json(record.to_json())


def kept_entry(new: SavedPage, old: SavedPage | None) -> tuple[SavedPage, bool]:
    """The entry to save after a fetch, and whether the new one was used.

    A failed refetch (server down today) must not throw away evidence read before: the old
    entry stays, and the caller reports the failure instead.
    """
    if new.error and old is not None and not old.error:
        return old, False
    return new, True


def realigned_entry(
    saved: SavedPage,
    claim: Claim,
    reference_date: dt.date | None,
    store: PageStore | None = None,
) -> SavedPage | None:
    """`saved` with a match for `claim` added, from the page text kept in the page store.

    For a claim that attached an already-fetched page, or whose id moved after an article
    edit. None when the text is not stored (the cache was cleared) or nothing matched; no
    network either way. CPU work: call it off the UI thread.
    """
    if saved.error or not saved.record.sha256:
        return None
    record = (store or PageStore()).reopen(saved.record)
    if not record.ok:
        return None
    found = find_evidence([claim], [record], reference_date=reference_date)
    match = page_match(found[0]) if found else None
    if match is None:
        return None
    return saved.with_matches({claim.id: match})


def fetch_summary(read: int, failed: int, kept: int) -> str:
    """The notification after a fetch: "2 pages read, 1 failed"."""
    parts = [f"{read} page{'s' if read != 1 else ''} read"]
    if failed:
        parts.append(f"{failed} failed")
    if kept:
        parts.append(f"{kept} kept from an earlier fetch")
    return ", ".join(parts)
