"""What the review screen's helpers (dialogs, edits, claim memory) may use of the screen.

They see the screen through this Protocol instead of importing it, so there is no import loop;
each helper extends it with the few extra members it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from workbench.core.review.workspace import ReviewWorkspace
    from workbench.tui.widgets.claim_list import ClaimList


class ReviewView(Protocol):
    """The members of the review screen every helper uses."""

    workspace: ReviewWorkspace

    @property
    def app(self) -> App[object]: ...

    @property
    def claim_list(self) -> ClaimList: ...

    def reload(
        self, keep: str | None = None, *, fallback_row: int = 0, prefer_unreviewed: bool = False
    ) -> None: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
