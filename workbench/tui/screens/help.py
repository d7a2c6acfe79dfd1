"""`?`: every key of the app, from the same binding data the footer uses."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from workbench.tui.bindings import (
    DETAIL_BINDINGS,
    EXTRA_KEYS,
    LIST_BINDINGS,
    REVIEW_BINDINGS,
    key_label,
)


class HelpScreen(ModalScreen[None]):
    """The keys table; esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(Content.styled("Keys", "bold"))
            table: DataTable[str] = DataTable(cursor_type="none", zebra_stripes=True)
            table.add_columns("key", "action")
            for binding in [*LIST_BINDINGS, *DETAIL_BINDINGS, *REVIEW_BINDINGS]:
                if not isinstance(binding, Binding):
                    continue
                table.add_row(key_label(binding), binding.tooltip or binding.description)
            for key, what in EXTRA_KEYS:
                table.add_row(key, what)
            yield table
            yield Label(Content.styled("esc closes", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
