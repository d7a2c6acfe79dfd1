"""Issue 11, item 2: every sentence can be reviewed (A shows them; work on one lists it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, list_rows, opened, press_and_settle, saved_review, shown_texts

from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.note_editor import NoteEditor

pytestmark = pytest.mark.anyio

SUNNY = "It felt like a sunny day."


def _text_style(app: WorkbenchApp, words: str) -> str:
    """The style of the claim text in the row holding `words` (dimmed or not)."""
    listing = claim_list(app)
    for y in range(listing.scrollable_content_region.height):
        strip = listing.render_line(y)
        if words in strip.text:
            segment = next(s for s in strip if words[:8] in s.text)
            return str(segment.style)
    raise AssertionError(f"no row with {words!r}")


async def test_a_shows_unlisted_sentences_dimmed_and_a_note_lists_one_for_good(
    app_factory: AppFactory, article: Path
) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        await press_and_settle(pilot, "slash", *"sunny")
        assert shown_texts(app) == []  # not listed: the search finds nothing
        await press_and_settle(pilot, "escape")
        await press_and_settle(pilot, "A")
        assert SUNNY in shown_texts(app)
        sunny = next(c for c in claim_list(app).claims if c.text == SUNNY)
        assert not sunny.checkworthy
        score = f"{sunny.score:.2f}"
        assert any(SUNNY in row and row.endswith(score) for row in list_rows(app))  # its score
        dimmed = _text_style(app, SUNNY)
        assert dimmed != _text_style(app, "Traffic on the old ferry")
        await press_and_settle(pilot, "slash", *"sunny", "enter")
        assert [c.text for c in claim_list(app).claims] == [SUNNY]
        await press_and_settle(pilot, "n")
        assert isinstance(app.screen, NoteEditor)
        await press_and_settle(pilot, *"weather matters here", "ctrl+s")
        await press_and_settle(pilot, "A")  # back to the listed claims: it is one of them now
        assert SUNNY in shown_texts(app)
        assert _text_style(app, SUNNY) != dimmed
    assert saved_review(SUNNY)["listed"] is True

    # Survives reopening and an edit elsewhere in the article, even with the note gone.
    article.write_text(article.read_text().replace("60 percent", "61 percent"), encoding="utf-8")
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        await press_and_settle(pilot, "slash", *"sunny", "enter")
        assert shown_texts(app) == [SUNNY]
        await press_and_settle(pilot, "n")
        await press_and_settle(pilot, "ctrl+a", "delete", "ctrl+s")
        assert shown_texts(app) == [SUNNY]
    assert saved_review(SUNNY)["listed"] is True


async def test_x_on_an_unlisted_sentence_marks_it_not_a_claim_and_lists_it(
    app_factory: AppFactory,
) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_and_settle(pilot, "A", "g")
        current = claim_list(app).current
        assert current is not None and current.text == "Harbour town opens new bridge"
        await press_and_settle(pilot, "x")
        await press_and_settle(pilot, "A")
        assert "Harbour town opens new bridge" in shown_texts(app)
    review = saved_review("Harbour town opens new bridge")
    assert (review["verdict"], review["listed"]) == ("not_a_claim", True)


async def test_escape_in_the_list_clears_an_active_search(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        # enter: back in the list, search kept
        await press_and_settle(pilot, "slash", *"ferry", "enter")
        assert len(shown_texts(app)) == 1
        assert claim_list(app).has_focus
        await press_and_settle(pilot, "escape")
        assert len(shown_texts(app)) == 4
        current = claim_list(app).current
        assert current is not None and "ferry" in current.text  # the cursor stays on it
