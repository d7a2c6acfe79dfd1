"""Reopening restores the review; an edited article keeps its reviews or lists them orphaned."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import ARTICLE, AppFactory
from pilot_helpers import (
    attach_url,
    claim_list,
    header_text,
    notifications,
    opened,
    press_and_settle,
    press_on_claim,
    review_screen,
    saved,
    saved_review,
)
from textual.widgets import OptionList

from workbench.tui.app import WorkbenchApp

pytestmark = pytest.mark.anyio


async def _review_two_claims(app: WorkbenchApp) -> None:
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        await press_on_claim(pilot, "Mayor Ana Ruiz", "n")
        await press_and_settle(pilot, *"ok", "ctrl+s")
        await attach_url(pilot, "https://news.example.org/bridge")
        # v last: the cursor then moves on to the next unreviewed claim
        await press_and_settle(pilot, "v")
        await press_and_settle(pilot, "s", "s", "s")  # filter: disputed
        await pilot.press("q")


async def test_reopen_restores_verdicts_notes_urls_cursor_and_filter(
    app_factory: AppFactory,
) -> None:
    await _review_two_claims(app_factory())
    assert saved()["view"]["filter"] == "disputed"
    app = app_factory()
    async with opened(app, size=(100, 30)):
        screen = review_screen(app)
        assert screen.claim_filter.status == "disputed"
        current = claim_list(app).current
        assert current is not None and "Traffic on the old ferry" in current.text
        [mayor] = [c for c in screen.workspace.claims if "Mayor Ana Ruiz" in c.text]
        review = screen.workspace.review_of(mayor.id)
        assert "Mayor Ana Ruiz" in review.text
        assert review.note == "ok"
        assert review.urls == ("https://news.example.org/bridge",)
        assert review.verdict.value == "verified"


async def test_reworded_sentence_keeps_its_review_and_deleted_one_is_orphaned(
    app_factory: AppFactory, article: Path
) -> None:
    await _review_two_claims(app_factory())
    edited = ARTICLE.replace(
        "Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.",
        "Traffic on the old ferry fell by 60 percent in 2022, the port authority has reported.",
    ).replace(
        '"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.', ""
    )
    article.write_text(edited, encoding="utf-8")
    app = app_factory()
    async with opened(app, size=(100, 30), notifications=True) as pilot:
        screen = review_screen(app)
        assert len(screen.workspace.session.orphaned) == 1
        assert "1 orphaned" in header_text(app)
        assert any("lost their sentence" in note for note in notifications(app))
        # o lists the orphaned review itself: its verdict, text and note.
        await pilot.press("o")
        await pilot.pause()
        options = app.screen.query_one("#orphans-list", OptionList)
        shown = str(options.get_option_at_index(0).prompt)
        assert "Mayor Ana Ruiz" in shown and "Note: ok" in shown and "verified" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    assert saved_review("the port authority has reported")["verdict"] == "disputed"
    orphan = saved()["orphaned"][0]
    assert "Mayor Ana Ruiz" in orphan["text"] and orphan["note"] == "ok"
