"""Reviewing with real keys: verdicts, notes, URLs, filter, search, undo; the file holds it."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import REVIEWER, AppFactory
from pilot_helpers import (
    claim_list,
    go_to,
    notifications,
    opened,
    press_and_settle,
    press_on_claim,
    review_screen,
    saved,
    saved_review,
    shown_texts,
)
from textual.widgets import Input, TextArea

from workbench.core.review.model import Verdict
from workbench.tui.screens.note_editor import NoteEditor
from workbench.tui.screens.url_prompt import UrlPrompt
from workbench.tui.widgets.search_bar import SearchBar

pytestmark = pytest.mark.anyio


async def test_cursor_starts_on_first_unreviewed_and_verdicts_are_saved(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        listing = claim_list(app)
        assert listing.cursor == 0
        first = listing.current
        assert first is not None
        await press_and_settle(pilot, "v")
        # auto-advance: the next unreviewed claim is under the cursor now
        assert listing.current is not None and listing.current.id != first.id
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
    verified = saved_review(first.text[:30])
    assert verified["verdict"] == "verified"
    assert verified["reviewer"] == REVIEWER
    assert verified["reviewed_at"].startswith("2023-07-30T12:00")
    assert saved_review("Traffic on the old ferry")["verdict"] == "disputed"


async def test_every_verdict_key(app_factory: AppFactory) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(100, 30)) as pilot:
        await go_to(pilot, "Mayor Ana Ruiz")
        workspace = review_screen(app).workspace
        claim = claim_list(app).current
        assert claim is not None
        for key, verdict in (
            ("i", Verdict.INCONCLUSIVE),
            ("x", Verdict.NOT_A_CLAIM),
            ("d", Verdict.DISPUTED),
            ("v", Verdict.VERIFIED),
            ("u", Verdict.UNREVIEWED),
        ):
            await press_and_settle(pilot, key)
            assert claim_list(app).current == claim  # auto-advance is off
            assert workspace.verdict_of(claim.id) is verdict
    assert all("Mayor Ana Ruiz" not in r["text"] for r in saved()["claims"])


async def test_note_ctrl_s_keeps_and_escape_cancels(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "42 million euros", "n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"A **b**", "enter", *"c2")
        await press_and_settle(pilot, "ctrl+s")
        assert saved_review("42 million euros")["note"] == "A **b**\nc2"
        await press_and_settle(pilot, "n")
        app.screen.query_one(TextArea).text = "thrown away"
        await press_and_settle(pilot, "escape")
        assert not isinstance(app.screen, NoteEditor)
    assert saved_review("42 million euros")["note"] == "A **b**\nc2"


async def test_url_valid_is_attached_and_ftp_refused(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "a")
        assert isinstance(app.screen, UrlPrompt)
        await press_and_settle(pilot, *"ftp://example.org/x", "enter")
        assert isinstance(app.screen, UrlPrompt)  # refused: the dialog stays, with the reason
        assert "only http and https" in str(app.screen.query_one("#url-error").render())
        # The refused URL is still in the field to correct: cleared (ctrl+u), the right one typed.
        assert app.screen.query_one(Input).value == "ftp://example.org/x"
        await press_and_settle(pilot, "ctrl+u", *"https://port.example.org/report-2022", "enter")
        assert not isinstance(app.screen, UrlPrompt)
    assert saved_review("Traffic on the old ferry")["urls"] == [
        "https://port.example.org/report-2022"
    ]


async def test_status_filter_cycles_and_search_filters(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        everything = shown_texts(app)
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        await press_and_settle(pilot, "s")  # unreviewed
        assert review_screen(app).claim_filter.status == "unreviewed"
        assert len(shown_texts(app)) == len(everything) - 1
        await press_and_settle(pilot, "s", "s")  # verified, then disputed
        assert review_screen(app).claim_filter.status == "disputed"
        assert [t for t in shown_texts(app)] == [t for t in everything if "Traffic" in t]
        await press_and_settle(pilot, "s", "s", "s")  # inconclusive, not a claim, all
        assert shown_texts(app) == everything
        await press_and_settle(pilot, "slash")
        assert isinstance(app.focused, SearchBar)
        await press_and_settle(pilot, *"ruiz")
        assert shown_texts(app) and all("ruiz" in t.lower() for t in shown_texts(app))
        assert len(shown_texts(app)) < len(everything)
        await press_and_settle(pilot, "escape")
        assert shown_texts(app) == everything
        assert not app.screen.query_one(SearchBar).display
    assert saved()["view"]["search"] == ""


async def test_undo_takes_back_the_last_change(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        assert saved_review("Traffic on the old ferry")["verdict"] == "disputed"
        await press_and_settle(pilot, "ctrl+z")
    assert saved()["claims"] == []


async def test_failed_save_is_told_and_screen_shows_what_is_saved(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30), notifications=True) as pilot:
        # A folder where the review file goes: the atomic rename onto it fails, even for root.
        blocker = tmp_path / "article.txt.review.json"
        blocker.unlink(missing_ok=True)  # the view may have been saved already
        blocker.mkdir()
        (blocker / "keep").write_text("x")
        claim = claim_list(app).current
        assert claim is not None
        await press_and_settle(pilot, "v")
        workspace = review_screen(app).workspace
        assert workspace.verdict_of(claim.id) is Verdict.UNREVIEWED
        assert claim_list(app).current == claim
        assert any("cannot write" in note for note in notifications(app))
