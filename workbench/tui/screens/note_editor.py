"""The note editor: a multi-line text area; ctrl+s keeps the note, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep", id="note.keep", tooltip="Keep the note"),
        Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Discard the changes"),
    ]

    def __init__(self, note: str, heading: Content) -> None:
        super().__init__()
        self._note = note
        self._heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            # Label(Content) shows the claim literally; a str would be parsed as markup.
            yield Label(self._heading, id="note-claim")
            yield TextArea(self._note, soft_wrap=True, id="note-text")
            yield Label(
                Content.styled("ctrl+s keeps the note (Markdown) · esc cancels", "dim"),
                id="note-help",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
