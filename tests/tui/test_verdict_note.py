"""Issue 11, item 1: a note written right after a verdict goes to the claim just judged."""

from __future__ import annotations

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, go_to, opened, press_and_settle, press_on_claim, saved_review
from textual.widgets import Label

from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.note_editor import NoteEditor
from workbench.tui.screens.url_prompt import UrlPrompt

pytestmark = pytest.mark.anyio


def _dialog_heading(app: WorkbenchApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def test_shift_d_disputes_then_notes_the_same_claim_then_advances(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await go_to(pilot, "42 million euros")
        listing = claim_list(app)
        judged = listing.current
        assert judged is not None
        await press_and_settle(pilot, "D")
        assert isinstance(app.screen, NoteEditor)
        heading = _dialog_heading(app, "#note-claim")
        assert "✗ disputed" in heading
        assert judged.text in heading  # in full, not cut down
        assert listing.current == judged  # no advance while the note is open
        await pilot.press(*"Budget says 44", "enter", *"million.")
        await press_and_settle(pilot, "ctrl+s")
        assert not isinstance(app.screen, NoteEditor)
        now = claim_list(app).current
        assert now is not None and now.id != judged.id  # advanced after the note was kept
    review = saved_review("42 million euros")
    assert review["verdict"] == "disputed"
    assert review["note"] == "Budget says 44\nmillion."


@pytest.mark.parametrize(
    ("key", "verdict"),
    [("V", "✓ verified"), ("I", "? inconclusive"), ("X", "– not a claim")],
)
async def test_each_shift_verdict_opens_the_note_of_that_claim(
    app_factory: AppFactory, key: str, verdict: str
) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", key)
        assert verdict in _dialog_heading(app, "#note-claim")
        await press_and_settle(pilot, "escape")  # cancelled: the verdict stays, the cursor too
        current = claim_list(app).current
        assert current is not None and "Traffic on the old ferry" in current.text
    assert saved_review("Traffic on the old ferry")["note"] == ""


async def test_n_and_a_after_a_verdict_name_the_claim_they_act_on(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await go_to(pilot, "42 million euros")
        await press_and_settle(pilot, "d")  # auto-advance moves the cursor on
        current = claim_list(app).current
        assert current is not None and "42 million" not in current.text
        await press_and_settle(pilot, "n")
        heading = _dialog_heading(app, "#note-claim")
        assert current.text in heading and "· unreviewed" in heading
        await press_and_settle(pilot, "escape")
        await press_and_settle(pilot, "a")
        assert isinstance(app.screen, UrlPrompt)
        assert current.text in _dialog_heading(app, "#url-claim")
