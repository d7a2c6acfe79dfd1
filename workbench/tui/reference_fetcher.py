"""Fetching reference pages and re-aligning stored ones, in workers, told by messages.

The review screen asks (`fetch`, `realign_missing`) and shows what it is told: `Changed` when
a page was saved or the queue moved, `Ended` with the summary when a batch is done. The pages
are saved through the workspace here; the screen never touches the network or the matching.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from textual import on, work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from workbench.core.errors import WorkbenchError
from workbench.core.evidence.records import SavedPage
from workbench.core.extraction import Claim
from workbench.core.fetch.client import FetchLimits
from workbench.core.review.fetch_jobs import claims_by_url, kept_entry, page_entry, realigned_entry
from workbench.core.review.fetch_progress import FetchProgress
from workbench.core.review.workspace import ReviewWorkspace


class ReferenceFetcher(Widget):
    """Invisible: holds the fetch queue and its workers for one review."""

    DEFAULT_CSS = "ReferenceFetcher { display: none; }"

    class Changed(Message):
        """A page was saved, or the queue changed: the header and detail pane may differ."""

    class Ended(Message):
        """A batch of fetches ended."""

        def __init__(self, summary: str, *, failed: bool) -> None:
            super().__init__()
            self.summary = summary
            self.failed = failed

    class Failed(Message):
        """Something could not be saved or fetching stopped on a bug; one line for the user."""

        def __init__(self, text: str, *, title: str = "") -> None:
            super().__init__()
            self.text = text
            self.title = title

    def __init__(self, workspace: ReviewWorkspace, limits: FetchLimits | None) -> None:
        super().__init__()
        self.workspace = workspace
        self.limits = limits
        self.progress = FetchProgress()
        """Reference pages queued or being fetched."""
        self._realigned: set[tuple[str, str]] = set()

    @property
    def pending(self) -> set[str]:
        """URLs queued or being fetched right now."""
        return self.progress.pending

    def fetch(self, claim_ids: Sequence[str] | None, *, refresh: bool) -> int:
        """Queue the pages of these claims (None: of every claim); how many URLs they attach.

        0 means there was nothing to fetch.
        """
        urls = claims_by_url(self.workspace.session, claim_ids)
        if not urls:
            return 0
        if self.progress.add(list(urls), refresh=refresh):
            self.post_message(self.Changed())
            if not any(w.group == "fetch" and w.is_running for w in self.workers):
                self._fetch_queued()
        return len(urls)

    @work(exclusive=True, exit_on_error=False, group="fetch", name="fetch")
    async def _fetch_queued(self) -> None:
        from workbench.core.fetch.client import WebClient

        reference = self.workspace.extraction.reference.value
        async with WebClient(self.limits) as client:

            async def one(url: str, refresh: bool) -> None:
                record = await client.fetch_page(url, refresh=refresh)
                claims = [
                    claim
                    for claim_id in claims_by_url(self.workspace.session).get(url, [])
                    if (claim := self.workspace.claim(claim_id)) is not None
                ]
                # Matching and date resolution are CPU work: off the event loop.
                entry = await asyncio.to_thread(page_entry, record, claims, reference)
                self._page_fetched(url, entry)

            while batch := self.progress.take():
                await asyncio.gather(*(one(url, refresh) for url, refresh in batch.items()))
        self.post_message(self.Ended(self.progress.summary, failed=self.progress.failed > 0))
        self.progress.reset()
        self.post_message(self.Changed())

    def _page_fetched(self, url: str, entry: SavedPage) -> None:
        """Save one finished page (on the UI thread)."""
        kept, used = kept_entry(entry, self.workspace.session.pages.get(url))
        try:
            self.workspace.set_page(url, kept)
        except WorkbenchError as error:
            self.post_message(self.Failed(str(error), title="Not saved"))
        self.progress.finished(url, ok=not entry.error, kept=not used)
        self.post_message(self.Changed())

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "fetch" and event.state is WorkerState.ERROR:
            # A bug, not a page failure (those are records): say so, keep the app usable.
            self.post_message(self.Failed(f"Fetching stopped: {event.worker.error!r}"))
            self.progress.reset()
            self.post_message(self.Changed())

    # -- pages fetched before the claim attached them ----------------------------------------

    def realign_missing(
        self, claim: Claim, urls: Sequence[str], pages: Mapping[str, SavedPage]
    ) -> None:
        """Find the claim's passage on pages fetched before it attached them (or before an
        article edit moved its id): from the stored page text, without the network."""
        for url in urls:
            saved = pages.get(url)
            if saved is None or saved.error or url in self.progress.pending:
                continue
            if saved.match_for(claim.id) is not None:
                continue
            if (url, claim.id) not in self._realigned:
                self._realigned.add((url, claim.id))
                self._realign(url, claim)

    @work(thread=True, exit_on_error=False, group="realign")
    def _realign(self, url: str, claim: Claim) -> None:
        saved = self.workspace.session.pages.get(url)
        if saved is None:
            return
        reference = self.workspace.extraction.reference.value
        updated = realigned_entry(saved, claim, reference)
        if updated is not None:
            self.app.call_from_thread(self._realigned_page, url, updated)

    def _realigned_page(self, url: str, entry: SavedPage) -> None:
        current = self.workspace.session.pages.get(url)
        if current is None or current.record.sha256 != entry.record.sha256:
            return  # refetched meanwhile: the new fetch aligned it already
        merged = current.with_matches(entry.matches)
        try:
            self.workspace.set_page(url, merged)
        except WorkbenchError as error:
            self.post_message(self.Failed(str(error), title="Not saved"))
            return
        self.post_message(self.Changed())
