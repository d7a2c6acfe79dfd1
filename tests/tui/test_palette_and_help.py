"""The command palette and the help screen come from the key bindings, keymap included."""

from __future__ import annotations

import pytest
from app_harness import AppFactory
from pilot_helpers import opened, press_and_settle
from textual.command import CommandList
from textual.widgets import DataTable

from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.note_editor import NoteEditor

pytestmark = pytest.mark.anyio


def _palette_text(app: WorkbenchApp) -> str:
    """The palette's entries as the user reads them (title and hint of each)."""
    options = app.screen.query_one(CommandList)
    return "\n".join(
        str(options.get_option_at_index(index).prompt) for index in range(options.option_count)
    )


async def test_palette_shows_each_action_with_its_key_as_remapped(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        app.set_keymap({"review.note": "w"})
        await press_and_settle(pilot, "ctrl+p")
        await press_and_settle(pilot, *"the claim's note")
        text = _palette_text(app)
        assert "Edit the claim's note" in text
        assert "key: w" in text
        assert "(n)" not in text
        await press_and_settle(pilot, "enter")
        assert isinstance(app.screen, NoteEditor)
        await press_and_settle(pilot, "escape")
        await press_and_settle(pilot, "w")  # the remapped key opens it too
        assert isinstance(app.screen, NoteEditor)


async def test_help_lists_each_key_once(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(120, 50)) as pilot:
        await press_and_settle(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        keys = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert len([k for k in keys if "tab" in k.split(" / ")]) == 1
        assert len(keys) == len(set(keys))
