"""The search field: filters the claim list as the user types; esc clears it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An `Input` that says when the user is done with it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear", id="search.clear", tooltip="Clear the search"),
    ]

    class Cleared(Message):
        """Esc: the search is cleared and the field gives the focus back."""

    class Done(Message):
        """Enter: keep the search and go back to the list."""

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())

    async def action_submit(self) -> None:
        self.post_message(self.Done())
