"""The command palette's entries for the review screen: every action, the filters, settings."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from workbench.core.review.filtering import STATUS_FILTERS
from workbench.core.review.model import Verdict

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.review import ReviewScreen


def review_commands(app: WorkbenchApp, screen: ReviewScreen) -> Iterable[SystemCommand]:
    """What the palette offers on the review screen."""
    for verdict in Verdict:
        yield SystemCommand(
            f"Mark {verdict.label}",
            f"{verdict.symbol} set the claim under the cursor to {verdict.label}",
            partial(screen.action_verdict, verdict.value),
        )
    yield SystemCommand("Edit note", "Write the claim's note (n)", screen.action_note)
    yield SystemCommand("Attach URL", "Attach a reference page (a)", screen.action_attach_url)
    yield SystemCommand("Search claims", "Filter the list as you type (/)", screen.action_search)
    for status in STATUS_FILTERS:
        label = "all claims" if status == "all" else f"{status.replace('_', ' ')} claims"
        yield SystemCommand(
            f"Show {label}", "Status filter (s cycles)", partial(screen.set_status_filter, status)
        )
    yield SystemCommand(
        "Export report", "Preview the Markdown report and write it (e)", screen.action_export
    )
    yield SystemCommand("Undo", "Take back the last change (ctrl+z)", screen.action_undo)
    yield SystemCommand("Fetch references", "Fetch this claim's pages (f)", screen.action_fetch)
    yield SystemCommand(
        "Fetch all references", "Fetch the pages of every claim (F)", screen.action_fetch_all
    )
    yield SystemCommand(
        "Refetch references (ignore cache)",
        "Fetch this claim's pages again from the server (r)",
        screen.action_refetch,
    )
    state = "on" if app.auto_advance else "off"
    yield SystemCommand(
        f"Toggle auto-advance (now {state})",
        "After a verdict, move to the next unreviewed claim",
        app.toggle_auto_advance,
    )
    yield SystemCommand(
        "Orphaned reviews",
        "Reviews whose sentence is gone from the article (o)",
        screen.action_orphans,
    )
    yield SystemCommand("Help: keys", "Every key (?)", screen.action_help)
