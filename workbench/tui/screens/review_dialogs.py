"""The review screen's dialogs: each opens a modal and applies the answer through the workspace.

Note, URLs (attach, remove), orphaned reviews and the timeline. The screen keeps the list, the
detail pane and the verdict keys; it hands itself in as a `DialogsView` (what a dialog needs of
it), so this module does not import the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.content import Content

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Claim
from workbench.core.review.timeline import build_timeline
from workbench.tui.screens.note_editor import NoteEditor
from workbench.tui.screens.orphans import OrphanChoice, OrphansScreen
from workbench.tui.screens.review_view import ReviewView
from workbench.tui.screens.timeline import TimelineScreen
from workbench.tui.screens.url_prompt import UrlPrompt
from workbench.tui.screens.url_remover import UrlRemover
from workbench.tui.widgets.claim_heading import claim_heading, claim_number


class DialogsView(ReviewView, Protocol):
    """What the dialogs use of the review screen."""

    all_sentences: bool

    def failed(self, error: WorkbenchError, keep: str | None) -> None: ...

    def go_to_claim(self, claim_id: str) -> None: ...


class ReviewDialogs:
    """Opens the review screen's dialogs and applies what the checker chose."""

    def __init__(self, screen: DialogsView) -> None:
        self.screen = screen

    def _heading(self, claim: Claim) -> Content:
        return claim_heading(claim, self.screen.workspace.verdict_of(claim.id))

    def edit_note(self, claim: Claim, then: Callable[[], None] | None = None) -> None:
        """The note editor on `claim`; `then` runs once the note is kept."""
        note = self.screen.workspace.review_of(claim.id).note

        def keep(result: str | None) -> None:
            if result is None:
                return
            if result != note:
                try:
                    self.screen.workspace.set_note(claim.id, result)
                except WorkbenchError as error:
                    self.screen.failed(error, claim.id)
                    return
                self.screen.notify("Note saved.")
                self.screen.reload(keep=claim.id, fallback_row=self.screen.claim_list.cursor)
            if then is not None:
                then()

        self.screen.app.push_screen(NoteEditor(note, self._heading(claim)), keep)

    def attach_url(self, claim: Claim) -> None:
        """Ask for a reference URL and attach it to `claim`."""

        def attach(url: str | None) -> None:
            if url is None:
                return
            try:
                self.screen.workspace.add_url(claim.id, url)
            except WorkbenchError as error:
                self.screen.failed(error, claim.id)
                return
            self.screen.notify("URL attached.")
            self.screen.reload(keep=claim.id, fallback_row=self.screen.claim_list.cursor)

        self.screen.app.push_screen(UrlPrompt(self._heading(claim)), attach)

    def remove_url(self, claim: Claim) -> None:
        """Pick one of the claim's URLs and remove it (undoable)."""
        urls = self.screen.workspace.review_of(claim.id).urls
        if not urls:
            self.screen.notify("No reference URLs on this claim.", severity="warning")
            return

        def remove(url: str | None) -> None:
            if url is None:
                return
            try:
                self.screen.workspace.remove_url(claim.id, url)
            except WorkbenchError as error:
                self.screen.failed(error, claim.id)
                return
            self.screen.notify("URL removed (ctrl+z brings it back).")
            self.screen.reload(keep=claim.id, fallback_row=self.screen.claim_list.cursor)

        pages = self.screen.workspace.session.pages
        self.screen.app.push_screen(UrlRemover(self._heading(claim), urls, pages), remove)

    def timeline(self) -> None:
        """The dated claims on a time axis; enter there puts the cursor on the claim."""
        workspace = self.screen.workspace
        claims = workspace.extraction.sentences if self.screen.all_sentences else workspace.claims
        timeline = build_timeline(claims, workspace.extraction.reference.value)
        bar_width = max(12, min(60, self.screen.app.size.width // 3))

        def go(claim_id: str | None) -> None:
            if claim_id is not None:
                self.screen.go_to_claim(claim_id)

        self.screen.app.push_screen(
            TimelineScreen(timeline, workspace.verdict_of, bar_width=bar_width), go
        )

    def orphans(self, target: Claim | None) -> None:
        """The orphaned reviews: move one onto `target`, or drop one."""

        def chosen(choice: OrphanChoice | None) -> None:
            if choice is None:
                return
            try:
                if choice.action == "move" and target is not None:
                    self.screen.workspace.move_orphan(choice.index, target.id)
                    self.screen.notify(
                        f"Review moved onto claim {claim_number(target)} (ctrl+z takes it back)."
                    )
                else:
                    self.screen.workspace.drop_orphan(choice.index)
                    self.screen.notify("Orphaned review dropped (ctrl+z brings it back).")
            except WorkbenchError as error:
                self.screen.failed(error, target.id if target else None)
                return
            self.screen.reload(
                keep=target.id if target else None, fallback_row=self.screen.claim_list.cursor
            )

        self.screen.app.push_screen(
            OrphansScreen(self.screen.workspace.session.orphaned, target), chosen
        )
