"""Issue 11, item 3: an edit to a judged sentence shows in the list, the pane and the report;
an orphaned review can be moved onto a sentence or dropped, and both undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import (
    claim_list,
    detail_part,
    go_to,
    list_rows,
    opened,
    press_and_settle,
    press_on_claim,
    saved,
    saved_review,
)

from workbench.core.extraction import extract
from workbench.core.loading import load_document
from workbench.core.report.markdown import render_markdown
from workbench.core.review.store import load_session
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.orphans import OrphansScreen

pytestmark = pytest.mark.anyio

FERRY = "Traffic on the old ferry"


def _report(article: Path) -> str:
    extraction = extract(load_document(str(article)))
    session = load_session(Path(str(article) + ".review.json"))
    from workbench.core.report.common import reattached

    assert session is not None
    return render_markdown(extraction, reattached(extraction, session), generated_at="x")


def _row_of(app: WorkbenchApp, words: str) -> str:
    return next(row for row in list_rows(app) if words in row)


async def test_an_edited_sentence_is_marked_until_the_verdict_is_confirmed(
    app_factory: AppFactory, article: Path
) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, FERRY, "d")
        assert "Δ" not in _row_of(app, FERRY)
    article.write_text(article.read_text().replace("60 percent", "65 percent"), encoding="utf-8")

    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        row = _row_of(app, FERRY)
        assert row.startswith("✗Δ")
        await go_to(pilot, FERRY)
        changes = detail_part(app, "changes")
        assert "Changed since the verdict" in changes
        assert "was  Traffic on the old ferry fell by 60 percent" in changes
        assert "now  Traffic on the old ferry fell by 65 percent" in changes
        report = _report(article)
        assert "> Traffic on the old ferry fell by 65 percent" in report
        assert "Changed since the verdict:** was “Traffic on the old ferry fell by 60 percent" in (
            report
        )
        await press_and_settle(pilot, "d")  # the same verdict again: confirmed on the new wording
        assert not _row_of(app, FERRY).startswith("✗Δ")
        assert detail_part(app, "changes") == ""
    assert "Changed since the verdict" not in _report(article)
    assert saved_review(FERRY)["verdict_text"] == saved_review(FERRY)["text"]


async def test_an_orphan_is_moved_onto_a_sentence_then_dropped_and_both_undo(
    app_factory: AppFactory, article: Path
) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, FERRY, "V")
        await pilot.press(*"port data")
        await press_and_settle(pilot, "ctrl+s")
    reworded = "Ferry crossings dropped sharply last year, port officials said."
    article.write_text(
        article.read_text().replace(
            "Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.",
            reworded,
        ),
        encoding="utf-8",
    )
    app = app_factory()
    async with opened(app, size=(120, 40), notifications=True) as pilot:
        assert len(saved()["orphaned"]) == 1
        await press_on_claim(pilot, "Ferry crossings", "o")
        assert isinstance(app.screen, OrphansScreen)
        await press_and_settle(pilot, "enter")
        assert saved()["orphaned"] == []
        moved = saved_review("Ferry crossings")
        assert (moved["verdict"], moved["note"]) == ("verified", "port data")
        assert _row_of(app, "Ferry crossings").startswith("✓Δ")  # judged on other words
        await press_and_settle(pilot, "ctrl+z")
        assert len(saved()["orphaned"]) == 1
        assert all("Ferry crossings" not in r["text"] for r in saved()["claims"])
        await press_and_settle(pilot, "o")
        await press_and_settle(pilot, "x")
        assert saved()["orphaned"] == []
        await press_and_settle(pilot, "ctrl+z")
        assert len(saved()["orphaned"]) == 1
        current = claim_list(app).current
        assert current is not None and "Ferry crossings" in current.text
