"""`o`: the reviews whose sentence is gone from the article: move one onto a sentence, or drop it.

After the article is edited, a review that cannot follow its sentence is orphaned. The
checker's verdict, note and sources are still work they did, so this screen shows each one in
full, as the report does, and lets the checker put it on the sentence it belongs to (the claim
under the cursor when `o` was pressed) or drop it. Both are undoable (ctrl+z).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.extraction import Claim
from workbench.core.review.model import ClaimReview
from workbench.core.sanitize import visible
from workbench.tui.widgets.claim_heading import claim_number


@dataclass(frozen=True)
class OrphanChoice:
    """What the checker chose to do with one orphaned review."""

    action: Literal["move", "drop"]
    """Move it onto the target claim, or drop it."""
    index: int
    """Which orphaned review (its position in the session's list)."""


def orphan_content(review: ClaimReview) -> Content:
    """One orphaned review as plain, literal text (the claim and note are untrusted)."""
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
    return Content("\n").join(lines)


class OrphansScreen(ModalScreen[OrphanChoice | None]):
    """The orphaned reviews; enter moves the selected one onto the target claim, x drops it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,o", "close", "Close", id="orphans.close", tooltip="Close"),
        Binding(
            "m",
            "move",
            "Move here",
            id="orphans.move",
            tooltip="Move the selected review onto the claim under the cursor",
        ),
        Binding(
            "x,delete",
            "drop",
            "Drop",
            id="orphans.drop",
            tooltip="Drop the selected review (ctrl+z brings it back)",
        ),
    ]

    def __init__(self, orphans: Sequence[ClaimReview], target: Claim | None) -> None:
        super().__init__()
        self._orphans = tuple(orphans)
        self._target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="orphans-dialog", classes="dialog"):
            count = len(self._orphans)
            yield Label(Content.styled(f"Orphaned reviews ({count})", "bold"))
            if not self._orphans:
                yield Label("No orphaned reviews: every review is attached to its sentence.")
            else:
                yield Label(
                    Content.styled(
                        "Their sentence is no longer in the article. They stay in the review "
                        "file and the report until moved or dropped.",
                        "dim",
                    )
                )
                yield OptionList(
                    *(
                        Option(orphan_content(review), id=str(index))
                        for index, review in enumerate(self._orphans)
                    ),
                    id="orphans-list",
                )
                if self._target is not None:
                    target = visible(self._target.text, single_line=True)
                    yield Label(
                        Content.assemble(
                            ("enter or m", "bold"),
                            f" moves the selected review onto claim {claim_number(self._target)}: ",
                            (target, "italic"),
                        ),
                        id="orphans-target",
                    )
            yield Label(Content.styled("x drops the selected review · esc closes", "dim"))

    def on_mount(self) -> None:
        if self._orphans:
            self.query_one(OptionList).focus()

    def _selected(self) -> int | None:
        if not self._orphans:
            return None
        return self.query_one(OptionList).highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_move()

    def action_move(self) -> None:
        index = self._selected()
        if index is not None and self._target is not None:
            self.dismiss(OrphanChoice("move", index))

    def action_drop(self) -> None:
        index = self._selected()
        if index is not None:
            self.dismiss(OrphanChoice("drop", index))

    def action_close(self) -> None:
        self.dismiss(None)
