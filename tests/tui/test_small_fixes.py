"""Issue 11, items 6 and 8: notes keep their lines; the header's date origin reads plainly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from app_harness import AppFactory, fixed_clock
from pilot_helpers import (
    go_to,
    header_text,
    list_rows,
    opened,
    press_and_settle,
    press_on_claim,
    review_screen,
)
from textual.widgets import Static

from workbench.core.extraction import extract
from workbench.core.loading import load_document
from workbench.tui.app import WorkbenchApp
from workbench.tui.request import ReviewRequest

pytestmark = pytest.mark.anyio


async def test_a_note_typed_on_two_lines_shows_on_two_lines(app_factory: AppFactory) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, "Traffic on the old ferry")
        await press_and_settle(pilot, "n", *"first line", "enter", *"second line", "ctrl+s")
        note = review_screen(app).query_one("#detail-note")
        shown = "\n".join(str(block.content) for block in note.query(Static))
        assert "first line\nsecond line" in shown


async def test_the_header_names_an_inferred_date_without_nested_parentheses(
    tmp_path: Path,
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "The bridge opened on Friday, July 28, said the mayor.\n\n"
        "Traffic fell by 60 percent, the port said.\n",
        encoding="utf-8",
    )
    extraction = extract(load_document(str(article)), today=dt.date(2023, 8, 2))
    request = ReviewRequest(
        extraction=extraction,
        session_path=tmp_path / "story.txt.review.json",
        shown_path="story.txt.review.json",
        clock=fixed_clock(),
    )
    app = WorkbenchApp(request)
    async with opened(app, size=(160, 30)):
        header = header_text(app)
    assert "reference date 2023-07-28, inferred from “Friday, July 28” (a Friday in 2023)" in (
        header
    )
    assert "((" not in header and "(inferred" not in header


async def test_a_claim_has_the_same_number_in_the_app_the_claims_table_and_the_report(
    app_factory: AppFactory, capsys: pytest.CaptureFixture[str]
) -> None:

    from workbench.cli.main import main

    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        row = next(r for r in list_rows(app) if "Traffic on the old ferry" in r)
        assert row.split()[1] == "6"
        status = str(review_screen(app).query_one("#detail-status").render())
        assert status.startswith("claim #6")
    assert main(["claims", "article.txt", "--date", "2023-07-30"]) == 0
    table = capsys.readouterr().out
    assert any(
        line.split("│")[1].strip() == "6" for line in table.splitlines() if "Traffic" in line
    )
    assert main(["report", "article.txt"]) == 0
    assert "### ✗ Disputed · claim 6\n" in capsys.readouterr().out
