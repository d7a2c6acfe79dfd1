"""The review screen's link to the library: matches on opening, verdicts saved into it.

Everything here runs beside the review, never in its way: matching runs in a thread worker
after the first paint, writes go through one background writer that always writes the latest
state, and a library that is damaged, locked or read-only is said once and then left alone —
the review file is the source of truth, and it is saved as always.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from textual.widget import Widget

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Claim
from workbench.core.library import (
    FactCheck,
    FactCheckStore,
    Match,
    library_path,
    open_library,
)
from workbench.core.library.claims import dated_reference
from workbench.core.library.own import article_identity, own_fact_checks
from workbench.core.library.search import checked_before
from workbench.core.review.model import Session
from workbench.tui.screens.review_view import ReviewView
from workbench.tui.widgets.checked_before import CheckedBefore

FIRST_BATCH = 4
"""Claims matched before the first update of the screen; each later batch is twice as big,
so the first marks come at once and the screen is redrawn only a few times in all (each
redraw takes the interpreter from the matching thread)."""


class MemoryView(ReviewView, Protocol):
    """What the claim memory uses of the review screen."""

    def show_detail(self) -> None: ...


class ClaimMemory:
    """Matches of the article's claims, and the article's verdicts kept in the library."""

    def __init__(self, screen: MemoryView, path: Path | None = None) -> None:
        self.screen = screen
        self.path = path or library_path()
        document = screen.workspace.extraction.document
        self.article = article_identity(document.source, sha256=document.sha256)
        self.matches: dict[str, list[Match]] = {}
        """Claim id → its "checked before" matches (filled by the worker)."""
        self.unavailable: str | None = None
        """Why the library cannot be used, once that is known."""
        self._store: FactCheckStore | None = None
        self._database = threading.Lock()
        """Held while the store is used (one thread at a time on the connection)."""
        self._state = threading.Lock()
        """Held briefly around `_pending` and `_writing` (never while waiting for SQLite)."""
        self._pending: list[FactCheck] | None = None
        self._writing = False
        self._synced: list[FactCheck] | None = None
        self._block: CheckedBefore | None = None
        self._host: Widget | None = None

    # -- on opening ------------------------------------------------------------------------

    def start(self, detail: Widget) -> None:
        """Add the block to the detail pane and match every claim in a worker (the pane
        hosts the workers)."""
        self._host = detail
        self._block = CheckedBefore()
        anchor = detail.query("#detail-signals")
        if anchor:
            detail.mount(self._block, after=anchor.first())
        else:
            detail.mount(self._block)
        # After the first frame: matching must not delay the first paint.
        detail.call_after_refresh(self._start_matching)
        with self._state:
            start = self._pending is not None and not self._writing
            self._writing = self._writing or start
        if start:  # verdicts saved before the pane was there
            detail.run_worker(self._write, thread=True, exit_on_error=False, group="library-write")

    def _start_matching(self) -> None:
        claims = list(self.screen.workspace.claims)
        reference = dated_reference(self.screen.workspace.extraction)
        self._worker_host().run_worker(
            lambda: self._match(claims, reference),
            thread=True,
            exit_on_error=False,
            group="library",
            name="library matches",
        )

    def _match(self, claims: Sequence[Claim], day: dt.date | None) -> None:
        if not self.path.exists():
            return  # no library yet: nothing was checked before (and none is made by reading)
        try:
            with self._database:
                store = self._open()
                if store.count() == 0:
                    return
            start, size = 0, FIRST_BATCH
            while start < len(claims):
                batch = claims[start : start + size]
                start, size = start + size, size * 2
                with self._database:
                    found = checked_before(
                        store,
                        [claim.text for claim in batch],
                        reference_date=day,
                        exclude_article=self.article,
                    )
                matches = {claim.id: kept for claim, kept in zip(batch, found, strict=True) if kept}
                if matches:
                    self.screen.app.call_from_thread(self._found, matches)
        except WorkbenchError as error:
            self.screen.app.call_from_thread(self._tell_unavailable, str(error))

    def _found(self, matches: dict[str, list[Match]]) -> None:
        self.matches.update(matches)
        listing = self.screen.claim_list
        listing.marked = frozenset(self.matches)
        listing.refresh()
        current = listing.current
        if current is not None and current.id in matches:
            self.screen.show_detail()

    # -- the detail pane -----------------------------------------------------------------------

    def show(self, claim: Claim | None) -> None:
        """Show the block for `claim` (hidden when it has no match)."""
        if self._block is None:
            return
        if claim is None:
            self._block.show([])
            return
        urls = self.screen.workspace.review_of(claim.id).urls
        self._block.show(self.matches.get(claim.id, []), urls)

    def adopt(self) -> None:
        """Attach the best match's link not yet attached as a source of the current claim."""
        screen = self.screen
        claim = screen.claim_list.current
        if claim is None:
            screen.notify("No claim selected.", severity="warning")
            return
        matches = self.matches.get(claim.id, [])
        if not matches:
            screen.notify("Nothing was checked before for this claim.", severity="warning")
            return
        attached = screen.workspace.review_of(claim.id).urls
        links = [m.fact_check.url for m in matches if m.fact_check.url.startswith("http")]
        fresh = [url for url in links if url not in attached]
        if not fresh:
            said = "already sources of this claim" if links else "without a link to adopt"
            screen.notify(f"The matches are {said}.", severity="warning")
            return
        try:
            screen.workspace.add_url(claim.id, fresh[0])
        except WorkbenchError as error:
            screen.notify(str(error), title="Not saved", severity="error")
            return
        screen.notify("Source added from a match checked before.")
        screen.reload(keep=claim.id, fallback_row=screen.claim_list.cursor)

    # -- verdicts into the library ---------------------------------------------------------------

    def saved(self, session: Session) -> None:
        """The review was saved: bring its verdicts into the library (in the background)."""
        if self.unavailable is not None:
            return
        checks = own_fact_checks(session, self.article)
        if checks == self._synced or (not checks and self._synced is None):
            return  # nothing of the library's changed (a fetched page, a view save)
        self._synced = checks
        with self._state:
            self._pending = checks
            start = not self._writing and self._host is not None
            self._writing = self._writing or start
        if start:
            self._worker_host().run_worker(
                self._write, thread=True, exit_on_error=False, group="library-write"
            )

    def _write(self) -> None:
        """Write the latest state until there is no newer one (a burst of keys: few writes)."""
        while True:
            with self._state:
                checks = self._pending
                self._pending = None
                if checks is None:
                    self._writing = False
                    return
            try:
                with self._database:
                    self._open(create=True).replace_article(self.article, checks)
            except WorkbenchError as error:
                with self._state:
                    self._pending = None
                    self._writing = False
                self.screen.app.call_from_thread(self._tell_unavailable, str(error))
                return

    def _worker_host(self) -> Widget:
        assert self._host is not None, "start() first"
        return self._host

    def _open(self, *, create: bool = False) -> FactCheckStore:
        if self._store is None:
            self._store = open_library(self.path, create=create)
        return self._store

    def _tell_unavailable(self, reason: str) -> None:
        if self.unavailable is not None:
            return
        self.unavailable = reason
        self.screen.notify(
            f"{reason}. Reviews are saved as usual; `workbench library import` can add them later.",
            title="Library unavailable",
            severity="warning",
            timeout=10,
        )

    def close(self) -> None:
        """Release the library (the app is quitting)."""
        with self._database:
            if self._store is not None:
                self._store.close()
                self._store = None
