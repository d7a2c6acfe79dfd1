"""The review screen: header, claim list, detail pane, search field and footer.

It holds no review state of its own: every change goes through `ReviewWorkspace` (which saves
at once), and the screen redraws from what the workspace says is saved, so a failed save can
never leave the screen showing something the file does not hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Claim
from workbench.core.review.filtering import ClaimFilter, next_status_filter
from workbench.core.review.model import Verdict, ViewState
from workbench.core.review.workspace import ReviewWorkspace
from workbench.tui.bindings import REVIEW_BINDINGS
from workbench.tui.export import RenderedReport, render_report, write_report
from workbench.tui.screens.export_preview import ExportPreview
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.note_editor import NoteEditor
from workbench.tui.screens.url_prompt import UrlPrompt
from workbench.tui.state import ReviewIndex
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.claim_list import ClaimList
from workbench.tui.widgets.review_header import ReviewHeader, header_content
from workbench.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

DETAIL_DELAY = 0.04
"""Seconds the cursor must rest before the detail pane follows it."""

VIEW_SAVE_DELAY = 0.5
"""Seconds of calm before the cursor position is saved (not on every key: each save fsyncs)."""


class ReviewScreen(Screen[None]):
    """Reviewing the claims of one article."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, workspace: ReviewWorkspace, shown_path: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.shown_path = shown_path
        view = workspace.session.view
        self.claim_filter = ClaimFilter().with_status(view.status_filter).containing(view.search)
        self.index = ReviewIndex.of(workspace.session)
        self._view_timer: Timer | None = None
        self._detail_timer: Timer | None = None

    @property
    def workbench(self) -> WorkbenchApp:
        """The app, typed."""
        from workbench.tui.app import WorkbenchApp

        assert isinstance(self.app, WorkbenchApp)
        return self.app

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReviewHeader(id="header")
        yield SearchBar(placeholder="search claims and notes (esc clears)", id="search")
        with Container(id="panes"):
            yield ClaimList(id="claims")
            yield ClaimDetail(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
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
        """Redraw everything from the workspace; put the cursor on `keep` if it is on show."""
        self.index = ReviewIndex.of(self.workspace.session)
        shown = self.claim_filter.apply(
            self.workspace.claims, self.index.verdict_of, self.index.note_of
        )
        listing = self.claim_list
        row = _row_of(shown, keep)
        if row is None and prefer_unreviewed:
            row = next(
                (
                    n
                    for n, c in enumerate(shown)
                    if self.index.verdict_of(c.id) is Verdict.UNREVIEWED
                ),
                None,
            )
        if row is None:
            row = min(fallback_row, max(0, len(shown) - 1))
        listing.show(shown, self.index.verdict_of, cursor=row)
        self.refresh_header()
        self.call_after_refresh(self.show_detail)  # an edit shows at once, not after the delay

    def refresh_header(self) -> None:
        """Progress, filter and review file in the header."""
        session = self.workspace.session
        self.query_one(ReviewHeader).update(
            header_content(
                self.workspace.extraction,
                self.index.progress(self.workspace.claims),
                self.claim_filter,
                len(self.claim_list.claims),
                self.shown_path,
                len(session.orphaned),
            )
        )

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
        self.query_one(ClaimDetail).show(
            claim, review, self.workspace.extraction.document.text, self.workspace.session.pages
        )

    @on(ClaimList.OpenDetail)
    def focus_detail(self) -> None:
        self.query_one(ClaimDetail).focus()

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

    def _failed(self, error: WorkbenchError, keep: str | None) -> None:
        """Tell the one-line reason and show what is actually saved."""
        self.notify(str(error), title="Not saved", severity="error")
        self.reload(keep=keep, fallback_row=self.claim_list.cursor)

    def action_verdict(self, value: str) -> None:
        """Set the verdict of the claim under the cursor, then move to the next unreviewed."""
        claim = self._current_or_tell()
        if claim is None:
            return
        verdict = Verdict(value)
        row = self.claim_list.cursor
        try:
            self.workspace.set_verdict(claim.id, verdict)
        except WorkbenchError as error:
            self._failed(error, claim.id)
            return
        keep = claim.id
        if self.workbench.auto_advance and verdict is not Verdict.UNREVIEWED:
            keep = self._next_unreviewed_after(claim) or claim.id
        self.reload(keep=keep, fallback_row=row)

    def _next_unreviewed_after(self, claim: Claim) -> str | None:
        index = ReviewIndex.of(self.workspace.session)
        candidates = self.claim_filter.apply(self.workspace.claims, index.verdict_of, index.note_of)
        unreviewed = [c for c in candidates if index.verdict_of(c.id) is Verdict.UNREVIEWED]
        after = [c for c in unreviewed if c.index > claim.index]
        pick = after[0] if after else (unreviewed[0] if unreviewed else None)
        return pick.id if pick else None

    def action_note(self) -> None:
        """Open the note editor for the claim under the cursor."""
        claim = self._current_or_tell()
        if claim is None:
            return
        note = self.workspace.review_of(claim.id).note

        def keep(result: str | None) -> None:
            if result is None or result == note:
                return
            try:
                self.workspace.set_note(claim.id, result)
            except WorkbenchError as error:
                self._failed(error, claim.id)
                return
            self.notify("Note saved.")
            self.reload(keep=claim.id, fallback_row=self.claim_list.cursor)

        self.app.push_screen(NoteEditor(note, _one_line(claim.text)), keep)

    def action_attach_url(self) -> None:
        """Ask for a reference URL and attach it to the claim under the cursor."""
        claim = self._current_or_tell()
        if claim is None:
            return

        def attach(url: str | None) -> None:
            if url is None:
                return
            try:
                self.workspace.add_url(claim.id, url)
            except WorkbenchError as error:
                self._failed(error, claim.id)
                return
            self.notify("URL attached.")
            self.reload(keep=claim.id, fallback_row=self.claim_list.cursor)

        self.app.push_screen(UrlPrompt(_one_line(claim.text)), attach)

    def action_undo(self) -> None:
        """Take back the last change."""
        current = self.claim_list.current
        try:
            what = self.workspace.undo()
        except WorkbenchError as error:
            self._failed(error, current.id if current else None)
            return
        if what is None:
            self.notify("Nothing to undo.")
            return
        self.notify(f"Undone: {what}.")
        self.reload(keep=current.id if current else None, fallback_row=self.claim_list.cursor)

    def action_fetch(self) -> None:
        self.notify("Fetching is not available yet.", severity="warning")

    def action_fetch_all(self) -> None:
        self.notify("Fetching is not available yet.", severity="warning")

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
        self._render_report()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", name="export")
    def _render_report(self) -> RenderedReport:
        request = self.workbench.request
        return render_report(
            self.workspace.extraction,
            self.workspace.session,
            generated_at=request.clock(),
            reviewer=self.workspace.reviewer,
        )

    @on(Worker.StateChanged)
    def worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export":
            return
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, WorkbenchError) else repr(error)
            self.notify(f"The report could not be made: {message}", severity="error")
        elif event.state is WorkerState.SUCCESS:
            rendered = event.worker.result
            assert isinstance(rendered, RenderedReport)
            self._preview(rendered)

    def _preview(self, rendered: RenderedReport) -> None:
        def write(yes: bool | None) -> None:
            if not yes:
                return
            try:
                write_report(rendered)
            except WorkbenchError as error:
                self.notify(str(error), title="Not written", severity="error")
                return
            self.notify(f"Report written to {rendered.path.name}.", title="Exported")

        self.app.push_screen(ExportPreview(rendered.markdown, rendered.path.name), write)

    # -- help and quitting ------------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.save_view()
        self.app.exit()


def _row_of(claims: list[Claim], claim_id: str | None) -> int | None:
    if claim_id is None:
        return None
    for row, claim in enumerate(claims):
        if claim.id == claim_id:
            return row
    return None


def _one_line(text: str) -> str:
    from workbench.core.sanitize import visible

    return visible(text, single_line=True)
