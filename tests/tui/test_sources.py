"""Issue 11, item 4: a URL can be removed (key and palette); failed fetches show as failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import make_app
from pilot_helpers import detail_part, go_to, opened, press_and_settle, saved, saved_review
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


async def _attach_typed(pilot: Pilot[None], url: str) -> None:
    """Attach `url` typing it key by key (pilot_helpers.attach_url fills the field at once)."""
    await press_and_settle(pilot, "a", *url, "enter")


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
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, FERRY)
        await _attach_typed(pilot, page)
        await _attach_typed(pilot, gone)
        await press_and_settle(pilot, "f")
        sources = detail_part(app, "urls")
        assert f"{gone}  ✗ failed: not found (404)" in sources
        assert f"{page}  ✓ read" in sources
        extraction = extract(load_document("article.txt"))
        report = render_markdown(extraction, load_session(Path("article.txt.review.json")))
        assert "✗ failed" in next(line for line in report.splitlines() if FERRY in line)

        await press_and_settle(pilot, "delete")
        assert isinstance(app.screen, UrlRemover)
        await press_and_settle(pilot, "down", "enter")  # the second URL: the one that failed
        assert saved_review(FERRY)["urls"] == [page]
        assert gone not in detail_part(app, "urls")
        await press_and_settle(pilot, "ctrl+z")
        assert saved_review(FERRY)["urls"] == [page, gone]
        # The palette offers it too, under the binding's own words.
        await press_and_settle(pilot, "ctrl+p", *"remove a reference", "enter")
        assert isinstance(app.screen, UrlRemover)
        await press_and_settle(pilot, "enter")
    assert saved_review(FERRY)["urls"] == [gone]
    assert saved()["pages"][gone]["error"]
