"""Remove a reference URL from a claim: pick one of its URLs (failed ones are marked)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.evidence.records import SavedPage
from workbench.tui.widgets.source_line import url_line


class UrlRemover(ModalScreen[str | None]):
    """The claim's URLs; enter removes the selected one, esc keeps them all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="remove_url.cancel", tooltip="Remove nothing"),
    ]

    def __init__(
        self, heading: Content, urls: Sequence[str], pages: Mapping[str, SavedPage]
    ) -> None:
        super().__init__()
        self._heading = heading
        self._urls = tuple(urls)
        self._pages = pages

    def compose(self) -> ComposeResult:
        with Vertical(id="remove-url-dialog", classes="dialog"):
            yield Label(self._heading, id="remove-url-claim")
            yield OptionList(
                *(
                    Option(url_line(url, self._pages.get(url)), id=str(index))
                    for index, url in enumerate(self._urls)
                ),
                id="remove-url-list",
            )
            yield Label(
                Content.styled("enter removes the URL (ctrl+z brings it back) · esc cancels", "dim")
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._urls[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
