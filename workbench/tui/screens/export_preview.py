"""The report preview: the Markdown as it will be written; enter writes it, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, MarkdownViewer


class ExportPreview(ModalScreen[bool]):
    """Show the report; dismisses with True to write it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,ctrl+s,w", "write", "Write", id="export.write", tooltip="Write the report file"
        ),
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not write"),
    ]

    def __init__(self, markdown: str, target: str) -> None:
        super().__init__()
        self._markdown = markdown
        self._target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(Content.assemble(("Report preview", "bold"), f" → {self._target}"))
            # open_links=False: a link in the article must not open a browser from a preview.
            yield MarkdownViewer(
                self._markdown, show_table_of_contents=False, open_links=False, id="export-md"
            )
            yield Label(Content.styled("enter writes the file · esc cancels", "dim"))

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()

    def action_write(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
