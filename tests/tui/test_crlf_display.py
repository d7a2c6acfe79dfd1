"""A Windows (CRLF) article in the app: the list and the detail pane show no "␍"."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import make_app
from hostile_inputs import CRLF_ARTICLE
from pilot_helpers import claim_list, go_to, opened
from textual.widgets import Static

pytestmark = pytest.mark.anyio


async def test_crlf_article_shows_no_carriage_return_in_list_or_detail(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_bytes(CRLF_ARTICLE.encode("utf-8"))
    app = make_app("wire.txt")
    async with opened(app, size=(160, 40)) as pilot:
        listing = claim_list(app)
        assert len(listing.claims) == 2
        for words in ("Dockworkers", "4,000 people"):
            await go_to(pilot, words)
            row = listing.render_line(listing.cursor).text
            assert "␍" not in row and "\r" not in row
            detail = str(app.screen.query_one("#detail-paragraph", Static).render())
            assert "␍" not in detail and "\r" not in detail
        await go_to(pilot, "Dockworkers")
        row = listing.render_line(listing.cursor).text
        assert "the Northfield c" in row  # the line break shown as one space
        detail = str(app.screen.query_one("#detail-paragraph", Static).render())
        assert "Northfield\ncontainer terminal" in detail
