"""Issue 11, item 4: a URL can be removed (key and palette); failed fetches show as failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import make_app
from pilot_helpers import detail_part, go_to, saved, saved_review, settle
from pytest_httpserver import HTTPServer
from textual.pilot import Pilot

from workbench.core.extraction import extract
from workbench.core.fetch.client import FetchLimits
from workbench.core.loading import load_document
from workbench.core.report.markdown import render_markdown
from workbench.core.review.store import load_session
from workbench.tui.screens.url_remover import UrlRemover

pytestmark = pytest.mark.anyio

FERRY = "Traffic on the old ferry"


async def _attach(pilot: Pilot[None], url: str) -> None:
    await pilot.press("a", *url, "enter")
    await settle(pilot)


async def test_a_failed_url_shows_failed_and_can_be_removed_then_restored(
    article: Path, server: HTTPServer
) -> None:
    server.expect_request("/page").respond_with_data(
        "<html><body><p>The ferry lost traffic in 2022.</p></body></html>",
        content_type="text/html; charset=utf-8",
    )
    server.expect_request("/gone").respond_with_data("Not here", status=404)
    page, gone = server.url_for("/page"), server.url_for("/gone")
    app = make_app(fetch_limits=FetchLimits(connect_timeout=2, read_timeout=5, total_timeout=5))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await go_to(pilot, FERRY)
        await _attach(pilot, page)
        await _attach(pilot, gone)
        await pilot.press("f")
        await settle(pilot)
        sources = detail_part(app, "urls")
        assert f"{gone}  ✗ failed: not found (404)" in sources
        assert f"{page}  ✓ read" in sources
        extraction = extract(load_document("article.txt"))
        report = render_markdown(extraction, load_session(Path("article.txt.review.json")))
        assert "✗ failed" in next(line for line in report.splitlines() if FERRY in line)

        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, UrlRemover)
        await pilot.press("down", "enter")  # the second URL: the one that failed
        await settle(pilot)
        assert saved_review(FERRY)["urls"] == [page]
        assert gone not in detail_part(app, "urls")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert saved_review(FERRY)["urls"] == [page, gone]
        # The palette offers it too, under the binding's own words.
        await pilot.press("ctrl+p", *"remove a reference", "enter")
        await settle(pilot)
        assert isinstance(app.screen, UrlRemover)
        await pilot.press("enter")
        await settle(pilot)
    assert saved_review(FERRY)["urls"] == [gone]
    assert saved()["pages"][gone]["error"]
