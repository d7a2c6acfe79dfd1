"""The review screen's edits: verdicts, auto-advance, joining claims, undo and redo.

Each edit goes through the workspace (which saves at once), then redraws the screen from what
was saved. The screen keeps the keys, the list and the detail pane; it hands itself in as an
`EditsView` (what an edit needs of it), so this module does not import the screen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Claim
from workbench.core.review.counts import VerdictCounts
from workbench.core.review.filtering import ClaimFilter
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import Change, ReviewWorkspace
from workbench.core.sanitize import visible
from workbench.core.settings import load_settings, save_settings
from workbench.tui.rows import RowState
from workbench.tui.screens.review_dialogs import ReviewDialogs
from workbench.tui.screens.review_view import ReviewView
from workbench.tui.widgets.claim_heading import claim_number


class EditsView(ReviewView, Protocol):
    """What the edits use of the review screen."""

    claim_filter: ClaimFilter
    counts: VerdictCounts
    all_sentences: bool
    auto_advance: bool
    dialogs: ReviewDialogs

    def filtered(self) -> list[Claim]: ...

    def row_state(self, claim: Claim) -> RowState: ...

    def refresh_header(self) -> None: ...

    def failed(self, error: WorkbenchError, keep: str | None) -> None: ...

    def lift_filter(self) -> None: ...


class ReviewEdits:
    """Applies the checker's edits through the workspace and moves the cursor after them."""

    def __init__(self, screen: EditsView) -> None:
        self.screen = screen

    def verdict(self, claim: Claim, verdict: Verdict) -> None:
        """Set the verdict of `claim`, then move to the next unreviewed claim."""
        if self._set_verdict(claim, verdict):
            self._advance_from(claim, verdict)

    def verdict_and_note(self, claim: Claim, verdict: Verdict) -> None:
        """Set the verdict, then write the note of that same claim; advance after the note."""
        if self._set_verdict(claim, verdict):
            self.screen.dialogs.edit_note(claim, then=lambda: self._advance_from(claim, verdict))

    def _set_verdict(self, claim: Claim, verdict: Verdict) -> bool:
        """Save the verdict and redraw its row; whether it was saved.

        At 10,000 claims this must not walk the list: the counts move by one and only the
        claim's row is redrawn (or dropped, when the filter no longer shows it).
        """
        screen = self.screen
        workspace = screen.workspace
        listing = screen.claim_list
        row = listing.cursor
        listed = len(workspace.claims)
        old = workspace.verdict_of(claim.id)
        try:
            workspace.set_verdict(claim.id, verdict)
        except WorkbenchError as error:
            screen.failed(error, claim.id)
            return False
        if len(workspace.claims) != listed:
            # A sentence joined or left the list (one the extractor did not pick): redo it all.
            screen.reload(keep=claim.id, fallback_row=row)
            return True
        screen.counts.moved(old, verdict)
        if screen.claim_filter.status not in ("all", verdict.value):
            shown = [*listing.claims[:row], *listing.claims[row + 1 :]]  # the filter hides it
            listing.show(shown, screen.row_state, cursor=row)
        else:
            listing.refresh_row(row)
        screen.refresh_header()
        return True

    def _advance_from(self, claim: Claim, verdict: Verdict) -> None:
        """After a verdict on `claim`: the next unreviewed claim, when auto-advance is on."""
        if not self.screen.auto_advance or verdict is Verdict.UNREVIEWED:
            return
        listing = self.screen.claim_list
        shown = listing.claims
        row = listing.cursor
        # When the filter took the claim out of the list, its row holds the next claim.
        on_row = row < len(shown) and shown[row].id == claim.id
        start = row + 1 if on_row else row
        target = next_unreviewed_row(self.screen.workspace, shown, start)
        if target is not None:
            listing.cursor = target

    def toggle_auto_advance(self) -> None:
        """Turn moving to the next unreviewed claim after a verdict on or off (remembered)."""
        screen = self.screen
        screen.auto_advance = not screen.auto_advance
        state = "on" if screen.auto_advance else "off"
        try:
            save_settings(replace(load_settings(), auto_advance=screen.auto_advance))
        except (OSError, WorkbenchError) as error:
            screen.notify(f"Auto-advance {state} for this session; not remembered: {error}")
            return
        screen.notify(f"Auto-advance {state} (remembered).")

    def join_next(self, claim: Claim) -> None:
        """Make one claim of `claim` and the sentence after it."""
        screen = self.screen
        try:
            joined = screen.workspace.join_next(claim.id)
        except WorkbenchError as error:
            screen.failed(error, claim.id)
            return
        screen.notify(
            f"Joined claim {claim_number(joined)} with the next sentence (ctrl+z splits them)."
        )
        screen.reload(keep=joined.id, fallback_row=screen.claim_list.cursor)

    def undo(self) -> None:
        """Take back the last change, and show the claim it changed."""
        self._step(self.screen.workspace.undo, "Undone", "Nothing to undo.")

    def redo(self) -> None:
        """Make again the last change undo took back, and show the claim it changed."""
        self._step(self.screen.workspace.redo, "Redone", "Nothing to redo.")

    def _step(self, step: Callable[[], Change | None], done: str, nothing: str) -> None:
        screen = self.screen
        current = screen.claim_list.current
        try:
            change = step()
        except WorkbenchError as error:
            screen.failed(error, current.id if current else None)
            return
        if change is None:
            screen.notify(nothing)
            return
        claim = screen.workspace.claim(change.claim_id) if change.claim_id else None
        where = ""
        if claim is not None:
            where = f" on claim {claim_number(claim)} “{_short(claim.text)}”"
            # The checker is told what changed and sees it: a filter hiding the claim is lifted.
            if row_of(screen.filtered(), claim.id) is None:
                if screen.claim_filter.is_active:
                    screen.lift_filter()
                    where += " (filter lifted to show it)"
                if not screen.all_sentences and not screen.workspace.is_listed(claim.id):
                    where += " (no longer listed: A shows every sentence)"
        screen.notify(f"{done}: {change.what}{where}.")
        keep = claim.id if claim is not None else (current.id if current else None)
        screen.reload(keep=keep, fallback_row=screen.claim_list.cursor)


def next_unreviewed_row(
    workspace: ReviewWorkspace, shown: Sequence[Claim], start: int
) -> int | None:
    """The first unreviewed row from `start` on, wrapping around (stops at the first)."""
    verdict_of = workspace.verdict_of
    is_listed = workspace.is_listed
    for row in itertools.chain(range(start, len(shown)), range(min(start, len(shown)))):
        claim_id = shown[row].id
        if verdict_of(claim_id) is Verdict.UNREVIEWED and is_listed(claim_id):
            return row
    return None


def row_of(claims: Sequence[Claim], claim_id: str | None) -> int | None:
    """The row of `claim_id` among `claims`, or None when it is not on show."""
    if claim_id is None:
        return None
    for row, claim in enumerate(claims):
        if claim.id == claim_id:
            return row
    return None


def _short(text: str, cells: int = 40) -> str:
    """A claim cut down for a one-line notification (literal, one line)."""
    line = visible(text, single_line=True)
    return line if len(line) <= cells else line[: cells - 1] + "…"
