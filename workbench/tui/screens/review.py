"""The review screen: header, claim list, detail pane, search field and footer.

It holds no review state of its own: every change goes through `ReviewWorkspace` (which saves
at once), and the screen redraws from what the workspace says is saved, so a failed save can
never leave the screen showing something the file does not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Claim
from workbench.core.fetch.client import FetchLimits
from workbench.core.review.counts import VerdictCounts
from workbench.core.review.filtering import ClaimFilter, next_status_filter
from workbench.core.review.model import Verdict, ViewState
from workbench.core.review.workspace import ReviewWorkspace
from workbench.core.timestamps import utc_now
from workbench.tui.bindings import REVIEW_BINDINGS
from workbench.tui.reference_fetcher import ReferenceFetcher
from workbench.tui.rows import RowState
from workbench.tui.screens.claim_memory import ClaimMemory
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.report_exporter import ReportExporter
from workbench.tui.screens.review_dialogs import ReviewDialogs
from workbench.tui.screens.review_edits import ReviewEdits, next_unreviewed_row, row_of
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.claim_list import ClaimList
from workbench.tui.widgets.review_header import ReviewHeader, header_content
from workbench.tui.widgets.search_bar import SearchBar

FOLD_BELOW = (80, 24)
"""Terminal size (columns, rows) below which the detail pane starts folded away."""

DETAIL_DELAY = 0.04
"""Seconds the cursor must rest before the detail pane follows it."""

VIEW_SAVE_DELAY = 0.5
"""Seconds of calm before the cursor position is saved (not on every key: each save fsyncs)."""


class ReviewScreen(Screen[None]):
    """Reviewing the claims of one article."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(
        self,
        workspace: ReviewWorkspace,
        shown_path: str,
        *,
        auto_advance: bool = True,
        fetch_limits: FetchLimits | None = None,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.shown_path = shown_path
        view = workspace.session.view
        self.claim_filter = ClaimFilter().with_status(view.status_filter).containing(view.search)
        self.counts = VerdictCounts.of(workspace.claims, workspace.verdict_of)
        """Claims per verdict, for the header (updated one verdict at a time)."""
        self._view_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        self._detail_choice: bool | None = None
        """The checker's p: True shows the detail pane, False folds it, None follows the size."""
        self.all_sentences = False
        """`A`: every sentence on show, not only the listed claims (unlisted ones dimmed)."""
        self.auto_advance = auto_advance
        """After a verdict, move the cursor to the next unreviewed claim."""
        self.fetcher = ReferenceFetcher(workspace, fetch_limits)
        """Fetches reference pages in workers and says when they change."""
        self.exporter = ReportExporter(workspace, clock)
        """Renders, previews and writes the report."""
        self.dialogs = ReviewDialogs(self)
        """The dialogs (note, URLs, orphans, timeline) and what their answers change."""
        self.edits = ReviewEdits(self)
        """Verdicts, auto-advance, joining claims, undo and redo."""
        self.memory = ClaimMemory(self)
        """The library: "checked before" matches, and this review's verdicts kept in it."""
        self.exporter.checked_before = self.memory.matches  # the report lists them too

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReviewHeader(id="header")
        yield SearchBar(placeholder="search claims and notes (esc clears)", id="search")
        with Container(id="panes"):
            yield ClaimList(id="claims")
            yield ClaimDetail(id="detail")
        yield Footer(compact=True)
        yield self.fetcher
        yield self.exporter

    def on_mount(self) -> None:
        self.memory.start(self.query_one(ClaimDetail))
        search = self.query_one(SearchBar)
        search.value = self.claim_filter.search
        search.display = bool(self.claim_filter.search)
        saved = self.workspace.session.view.cursor
        self.reload(keep=saved if saved else None, prefer_unreviewed=not saved)
        self.claim_list.focus()

    @property
    def claim_list(self) -> ClaimList:
        """The claim list widget."""
        return self.query_one(ClaimList)

    # -- redrawing from the saved state ------------------------------------------------------

    def reload(
        self,
        keep: str | None = None,
        *,
        fallback_row: int = 0,
        prefer_unreviewed: bool = False,
    ) -> None:
        """Redraw everything from the workspace; put the cursor on `keep` if it is on show.

        One pass over every claim: for filter and search changes, undo, notes and URLs. A
        verdict takes the quicker path in `action_verdict`.
        """
        workspace = self.workspace
        self.counts = VerdictCounts.of(workspace.claims, workspace.verdict_of)
        shown = self.filtered()
        listing = self.claim_list
        row = row_of(shown, keep)
        if row is None and prefer_unreviewed:
            row = next_unreviewed_row(workspace, shown, 0)
        if row is None:
            row = min(fallback_row, max(0, len(shown) - 1))
        listing.show(shown, self.row_state, cursor=row)
        self.refresh_header()
        self.call_after_refresh(self.show_detail)  # an edit shows at once, not after the delay

    def filtered(self) -> list[Claim]:
        """The claims (or, with `A`, all sentences) that pass the filter and search."""
        workspace = self.workspace
        source = workspace.extraction.sentences if self.all_sentences else workspace.claims
        return self.claim_filter.apply(source, workspace.verdict_of, self._note_of)

    def row_state(self, claim: Claim) -> RowState:
        """What the claim's row shows besides its text."""
        workspace = self.workspace
        review = workspace.session.review_for(claim.id)
        return RowState(
            review.verdict if review else Verdict.UNREVIEWED,
            changed=review is not None and review.changed_since_verdict,
            unlisted=self.all_sentences and not workspace.is_listed(claim.id),
        )

    def _note_of(self, claim_id: str) -> str:
        review = self.workspace.session.review_for(claim_id)
        return review.note if review else ""

    def refresh_header(self) -> None:
        """Progress, filter and review file in the header."""
        session = self.workspace.session
        self.query_one(ReviewHeader).update(
            header_content(
                self.workspace.extraction,
                self.counts.progress(),
                self.claim_filter,
                len(self.claim_list.claims),
                self.shown_path,
                len(session.orphaned),
                activity=self.fetcher.progress.label,
            )
        )
        self.memory.saved(session)  # every save ends here: the library follows the review

    @on(ClaimList.Highlighted)
    def cursor_moved(self, event: ClaimList.Highlighted) -> None:
        # The list answers the key at once; the detail pane (a relayout) waits until the keys
        # pause, so holding j scrolls smoothly through thousands of claims.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self.show_detail)
        self.schedule_view_save()

    def show_detail(self) -> None:
        """Show the claim under the cursor in the detail pane now."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        claim = self.claim_list.current
        review = self.workspace.review_of(claim.id) if claim else None
        pages = self.workspace.session.pages
        self.query_one(ClaimDetail).show(
            claim,
            review,
            self.workspace.extraction.document.text,
            pages,
            pending=self.fetcher.pending,
        )
        self.memory.show(claim)
        if claim is not None and review is not None:
            self.fetcher.realign_missing(claim, review.urls, pages)

    @on(ClaimList.OpenDetail)
    def focus_detail(self) -> None:
        if self.has_class("-folded"):
            self.action_toggle_detail()
        self.query_one(ClaimDetail).focus()

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        small = width < FOLD_BELOW[0] or height < FOLD_BELOW[1]
        if self._detail_choice is None:
            self.set_class(small, "-folded")

    def action_toggle_detail(self) -> None:
        """Fold the detail pane away, or bring it back (the choice holds until the next p)."""
        folded = not self.has_class("-folded")
        self._detail_choice = not folded
        self.set_class(folded, "-folded")
        if folded:
            self.claim_list.focus()
        else:
            self.call_after_refresh(self.show_detail)

    # -- remembering the view ----------------------------------------------------------------

    def current_view(self) -> ViewState:
        """Cursor, filter and search as they are on screen."""
        current = self.claim_list.current
        return ViewState(
            cursor=current.id if current else self.workspace.session.view.cursor,
            status_filter=self.claim_filter.status,
            search=self.claim_filter.search,
        )

    def schedule_view_save(self) -> None:
        """Save the view once the user pauses."""
        if self._view_timer is not None:
            self._view_timer.stop()
        self._view_timer = self.set_timer(VIEW_SAVE_DELAY, self.save_view)

    def save_view(self) -> None:
        """Save cursor, filter and search now (quietly: the view is a convenience)."""
        self.workspace.set_view(self.current_view())

    # -- reviewing ---------------------------------------------------------------------------

    def _current_or_tell(self) -> Claim | None:
        claim = self.claim_list.current
        if claim is None:
            self.notify("No claim selected.", severity="warning")
        return claim

    def failed(self, error: WorkbenchError, keep: str | None) -> None:
        """Tell the one-line reason and show what is actually saved."""
        self.notify(str(error), title="Not saved", severity="error")
        self.reload(keep=keep, fallback_row=self.claim_list.cursor)

    def action_verdict(self, value: str) -> None:
        """Set the verdict of the claim under the cursor, then move to the next unreviewed."""
        claim = self._current_or_tell()
        if claim is not None:
            self.edits.verdict(claim, Verdict(value))

    def action_verdict_note(self, value: str) -> None:
        """Set the verdict, then write the note of that same claim; advance after the note."""
        claim = self._current_or_tell()
        if claim is not None:
            self.edits.verdict_and_note(claim, Verdict(value))

    def action_note(self) -> None:
        """Open the note editor for the claim under the cursor."""
        claim = self._current_or_tell()
        if claim is not None:
            self.dialogs.edit_note(claim)

    def action_attach_url(self) -> None:
        """Ask for a reference URL and attach it to the claim under the cursor."""
        claim = self._current_or_tell()
        if claim is not None:
            self.dialogs.attach_url(claim)

    def action_remove_url(self) -> None:
        """Pick one of the claim's URLs and remove it (undoable)."""
        claim = self._current_or_tell()
        if claim is not None:
            self.dialogs.remove_url(claim)

    def action_timeline(self) -> None:
        """The dated claims on a time axis; enter there puts the cursor on the claim."""
        self.dialogs.timeline()

    def action_orphans(self) -> None:
        """The orphaned reviews: move one onto the claim under the cursor, or drop one."""
        self.dialogs.orphans(self.claim_list.current)

    def action_join_next(self) -> None:
        """Make one claim of the claim under the cursor and the sentence after it."""
        claim = self._current_or_tell()
        if claim is not None:
            self.edits.join_next(claim)

    def action_undo(self) -> None:
        """Take back the last change, and show the claim it changed."""
        self.edits.undo()

    def action_redo(self) -> None:
        """Make again the last change undo took back, and show the claim it changed."""
        self.edits.redo()

    def lift_filter(self) -> None:
        """Show every claim: no status filter, no search."""
        self.claim_filter = ClaimFilter()
        search = self.query_one(SearchBar)
        with search.prevent(SearchBar.Changed):
            search.value = ""
        search.display = False
        self.schedule_view_save()

    def action_all_sentences(self) -> None:
        """Show every sentence of the article (unlisted ones dimmed), or only the claims."""
        self.all_sentences = not self.all_sentences
        current = self.claim_list.current
        self.reload(keep=current.id if current else None)
        if self.all_sentences:
            self.notify(
                "All sentences: unlisted ones are dimmed; a verdict, note or URL lists one."
            )
        else:
            self.notify("Listed claims only.")

    # -- evidence: fetching reference pages (the fetcher works, the screen shows) ----------

    def action_fetch(self) -> None:
        """Fetch the reference pages of the claim under the cursor (through the cache)."""
        self.fetch_references(refresh=False)

    def action_refetch(self) -> None:
        """Fetch this claim's pages again from the servers, bypassing the HTTP cache."""
        self.fetch_references(refresh=True)

    def action_next_passage(self) -> None:
        """Step to the claim's next related passage in the evidence."""
        self.query_one(ClaimDetail).next_passage()

    def action_fetch_all(self) -> None:
        """Fetch every reference page of every claim (through the cache)."""
        self.fetch_references(refresh=False, every_claim=True)

    def fetch_references(self, *, refresh: bool, every_claim: bool = False) -> None:
        """Queue the pages to fetch; the fetcher's worker fetches them while keys stay live."""
        claim_ids: list[str] | None = None
        if not every_claim:
            claim = self._current_or_tell()
            if claim is None:
                return
            claim_ids = [claim.id]
        if not self.fetcher.fetch(claim_ids, refresh=refresh):
            where = "any claim" if every_claim else "this claim"
            self.notify(f"No reference URLs on {where} (a attaches one).", severity="warning")

    @on(ReferenceFetcher.Changed)
    def _pages_changed(self) -> None:
        self.refresh_header()
        self.show_detail()

    @on(ReferenceFetcher.Ended)
    def _fetches_ended(self, message: ReferenceFetcher.Ended) -> None:
        self.notify(
            message.summary,
            title="Reference pages",
            severity="warning" if message.failed else "information",
        )

    @on(ReferenceFetcher.Failed)
    def _fetch_failed(self, message: ReferenceFetcher.Failed) -> None:
        self.notify(message.text, title=message.title, severity="error")

    # -- filtering ---------------------------------------------------------------------------

    def set_status_filter(self, status: str) -> None:
        """Show only claims with this status (`all` shows every claim)."""
        current = self.claim_list.current
        self.claim_filter = self.claim_filter.with_status(status)
        self.reload(keep=current.id if current else None)
        self.save_view()

    def action_cycle_filter(self) -> None:
        self.set_status_filter(next_status_filter(self.claim_filter.status))

    def action_search(self) -> None:
        search = self.query_one(SearchBar)
        search.display = True
        search.focus()

    def action_clear_search(self) -> None:
        """Esc in the list: drop the search, keep the cursor on its claim."""
        if not self.claim_filter.search:
            return
        current = self.claim_list.current
        search = self.query_one(SearchBar)
        with search.prevent(SearchBar.Changed):
            search.value = ""
        search.display = False
        self.claim_filter = self.claim_filter.containing("")
        self.reload(keep=current.id if current else None)
        self.save_view()

    @on(SearchBar.Changed)
    def search_changed(self, event: SearchBar.Changed) -> None:
        current = self.claim_list.current
        self.claim_filter = self.claim_filter.containing(event.value)
        self.reload(keep=current.id if current else None)
        self.schedule_view_save()

    @on(SearchBar.Cleared)
    def search_cleared(self) -> None:
        self.query_one(SearchBar).display = False
        self.claim_list.focus()

    @on(SearchBar.Done)
    def search_done(self) -> None:
        search = self.query_one(SearchBar)
        search.display = bool(search.value)
        self.claim_list.focus()

    # -- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Render the report in a worker, then preview it."""
        self.exporter.export()

    # -- help and quitting ------------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def toggle_auto_advance(self) -> None:
        """Turn moving to the next unreviewed claim after a verdict on or off (remembered)."""
        self.edits.toggle_auto_advance()

    def go_to_claim(self, claim_id: str) -> None:
        """Put the cursor on a claim, lifting a filter that hides it."""
        if row_of(self.filtered(), claim_id) is None and self.claim_filter.is_active:
            self.lift_filter()
            self.notify("Filter lifted to show the claim.")
        self.reload(keep=claim_id, fallback_row=self.claim_list.cursor)

    def action_adopt_match(self) -> None:
        """Add the link of a match checked before as a source of this claim."""
        self.memory.adopt()

    async def action_quit(self) -> None:
        self.save_view()
        self.app.exit()

    def on_unmount(self) -> None:
        self.memory.close()
