"""Asked when the review file cannot be read: start a new review beside it, or quit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class DamagedSessionDialog(ModalScreen[bool]):
    """Dismisses with True to start a new review at the proposed path."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="damaged.yes", tooltip="Start a new review"),
        Binding(
            "n,escape,q", "answer(False)", "No", id="damaged.no", tooltip="Quit and change nothing"
        ),
    ]

    def __init__(self, damaged: str, reason: str, new_path: str) -> None:
        super().__init__()
        self._damaged = damaged
        self._reason = reason
        self._new_path = new_path

    def compose(self) -> ComposeResult:
        with Vertical(id="damaged-dialog", classes="dialog"):
            yield Label(
                Content.assemble(
                    ("The review file ", "bold"),
                    (self._damaged, "bold"),
                    (" cannot be read: ", "bold"),
                    self._reason,
                    ".\nIt was left as it is.\n\nStart a new review in ",
                    (self._new_path, "bold"),
                    "?",
                ),
                id="damaged-message",
            )
            with Horizontal(id="damaged-buttons"):
                yield Button("Yes, start a new review (y)", id="yes", variant="primary")
                yield Button("No, quit (n)", id="no")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
