"""Attach a reference URL: an input line checked before it is accepted (http/https only)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from workbench.core.errors import WorkbenchError
from workbench.core.review.workspace import validate_url


class UrlPrompt(ModalScreen[str | None]):
    """Ask for a URL; dismisses with a valid one, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="url.cancel", tooltip="Attach nothing"),
    ]

    def __init__(self, heading: Content) -> None:
        super().__init__()
        self._heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(id="url-dialog", classes="dialog"):
            yield Label(self._heading, id="url-claim")
            yield Input(placeholder="https://…", id="url-input")
            yield Label("", id="url-error")
            yield Label(Content.styled("enter attaches · esc cancels", "dim"))

    @on(Input.Submitted)
    def attach(self, event: Input.Submitted) -> None:
        try:
            url = validate_url(event.value)
        except WorkbenchError as error:
            self.query_one("#url-error", Label).update(Content.styled(str(error), "red"))
            return
        self.dismiss(url)

    def action_cancel(self) -> None:
        self.dismiss(None)
