"""`o`: the reviews whose sentence is gone from the article (kept, never dropped).

After the article is edited, a review that cannot follow its sentence is orphaned. The
checker's verdict, note and sources are still work they did, so this screen shows each one
in full, as the report does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.core.review.model import ClaimReview
from workbench.core.sanitize import visible


def orphan_content(orphans: Sequence[ClaimReview]) -> Content:
    """The orphaned reviews as plain, literal text (the claims and notes are untrusted)."""
    if not orphans:
        return Content("No orphaned reviews: every review is attached to its sentence.")
    parts: list[Content] = []
    for review in orphans:
        verdict = review.verdict
        header = Content.assemble(
            (f"{verdict.symbol} {verdict.label}", "bold"),
            f"  (was at characters {review.start}–{review.end})",
        )
        lines = [header, Content(visible(review.text))]
        if review.note:
            lines.append(Content.assemble(("Note: ", "bold"), visible(review.note)))
        for url in review.urls:
            lines.append(Content.assemble(("Source: ", "bold"), visible(url)))
        if review.reviewer or review.reviewed_at:
            who = " on ".join(x for x in (review.reviewer, review.reviewed_at) if x)
            lines.append(Content.styled(f"reviewed by {who}", "dim"))
        parts.append(Content("\n").join(lines))
    return Content("\n\n").join(parts)


class OrphansScreen(ModalScreen[None]):
    """The orphaned reviews, read-only; esc or o closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,o", "close", "Close", id="orphans.close", tooltip="Close"),
    ]

    def __init__(self, orphans: Sequence[ClaimReview]) -> None:
        super().__init__()
        self._orphans = tuple(orphans)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="orphans-dialog", classes="dialog"):
            count = len(self._orphans)
            yield Label(Content.styled(f"Orphaned reviews ({count})", "bold"))
            yield Label(
                Content.styled(
                    "Their sentence is no longer in the article. They stay in the review file "
                    "and in the report.",
                    "dim",
                )
            )
            yield Static(orphan_content(self._orphans), id="orphans-text")
            yield Label(Content.styled("esc closes", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
