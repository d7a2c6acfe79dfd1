"""Evidence in the app: attach URLs, fetch them with f / F from a real server on 127.0.0.1, read
the passage with its differing number, failures as one line, keys live while fetching, and
the evidence shown again after reopening with the server gone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_harness import make_app
from pilot_helpers import (
    attach_and_fetch,
    attach_url,
    claim_list,
    go_to,
    header_text,
    notifications,
    opened,
    press_and_settle,
    review_screen,
    saved,
    saved_review,
    settle,
)
from pytest_httpserver import HTTPServer
from textual.content import Content
from textual.widgets import Static
from werkzeug import Request, Response

from workbench.core.fetch.client import FetchLimits
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.evidence import DIFFER_STYLE, NO_RELATED

pytestmark = pytest.mark.anyio

CLAIM = "Traffic on the old ferry"
"""Words of the claim the tests review (its sentence says 60 percent)."""

NEWS_PAGE = """\
<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry traffic slumps as bridge opens | The Harbour Courier</title>
<meta property="article:published_time" content="2023-07-29T08:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/sport">Sport</a>
</nav><p>Subscribe for 1 euro a month</p></header>
<main><article>
<h1>Ferry traffic slumps as bridge opens</h1>
<p class="byline">By Jo Marsh, July 29, 2023</p>
<p>The new bridge over the Elm river opened on Friday after three years of work, and the
town's ferry is already feeling it.</p>
<p>Traffic on the old ferry fell by 65 percent in 2022, the port authority reported. The
ferry company said 12 crossings a day would continue until the end of the year.</p>
<p>The council said the bridge cost 42 million euros. Mayor Ana Ruiz called it "a new
chapter for the harbour", and 300 people attended the opening on July 28.</p>
</article></main>
<aside><h2>Most read</h2><ul><li>Storm closes the beach</li><li>Market moves to May</li>
</ul></aside>
<footer><p>© 2023 The Harbour Courier. All rights reserved.</p></footer>
</body></html>
"""
"""A realistic news page: navigation and footer boilerplate, dates, and the claim's source
sentence with one number changed (65 percent where the article says 60)."""


class Gate:
    """A page the server holds until the test lets it go (a slow server, without sleeping)."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.release = threading.Event()

    def handler(self, request: Request) -> Response:
        self.asked.set()
        self.release.wait(timeout=10)
        return Response(NEWS_PAGE, content_type="text/html; charset=utf-8")


@pytest.fixture
def gate(server: HTTPServer) -> Iterator[Gate]:
    """`/slow` on the server, held until released (released at the end in any case)."""
    held = Gate()
    server.expect_request("/slow").respond_with_handler(held.handler)
    try:
        yield held
    finally:
        held.release.set()


def evidence_app(total_timeout: float = 5.0) -> WorkbenchApp:
    limits = FetchLimits(connect_timeout=2, read_timeout=total_timeout, total_timeout=total_timeout)
    return make_app(fetch_limits=limits)


def evidence_shown(app: WorkbenchApp) -> Content:
    content = review_screen(app).query_one("#detail-evidence", Static).content
    assert isinstance(content, Content)
    return content


def serve_news_page(server: HTTPServer, headers: dict[str, str] | None = None) -> str:
    """Serve NEWS_PAGE at /ferry (with `headers`) and return its URL."""
    server.expect_request("/ferry").respond_with_data(
        NEWS_PAGE, content_type="text/html; charset=utf-8", headers=headers
    )
    return server.url_for("/ferry")


async def test_fetch_shows_passage_differing_number_and_failures(
    article: Path, server: HTTPServer, gate: Gate
) -> None:
    serve_news_page(server)
    server.expect_request("/gone").respond_with_data("Not here", status=404)
    story, gone, slow = (server.url_for(p) for p in ("/ferry", "/gone", "/slow"))
    # The held page times out; the others have the same budget, which a loaded machine needs.
    app = evidence_app(total_timeout=2.0)
    async with opened(app, size=(120, 40), notifications=True) as pilot:
        await attach_and_fetch(pilot, CLAIM, story, gone, slow)
        shown = evidence_shown(app)
        text = shown.plain
        assert "Ferry traffic slumps as bridge opens" in text
        assert "published 2023-07-29" in text and "fetched " in text
        assert "Traffic on the old ferry fell by 65 percent in 2022" in text
        assert "differ: number “60 percent” ≠ “65 percent”" in text
        # The differing number is highlighted in the passage (reverse video, also red).
        differing = [text[s.start : s.end] for s in shown.spans if str(s.style) == DIFFER_STYLE]
        assert "65 percent" in differing
        assert "✗ could not be read: not found (404)" in text
        assert "✗ could not be read: timed out after 2 s" in text
        assert "fetching" not in header_text(app)
        notes = notifications(app)
        assert any("1 page read, 2 failed" in note for note in notes)
    pages = saved()["pages"]
    claim_id = saved_review(CLAIM)["id"]
    good = pages[story]
    assert good["status"] == 200 and good["fetched_at"] and len(good["sha256"]) == 64
    match = good["matches"][claim_id]
    assert "fell by 65 percent" in match["passage"]
    assert [d["note"] for d in match["differ"]] == ["number “60 percent” ≠ “65 percent”"]
    assert pages[gone]["error"] == "not found (404)" and pages[gone]["matches"] == {}
    assert pages[slow]["error"].startswith("timed out")


async def test_keys_answer_while_a_page_is_slow(
    article: Path, server: HTTPServer, gate: Gate
) -> None:
    slow = server.url_for("/slow")
    app = evidence_app()
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, CLAIM)
        await attach_url(pilot, slow)
        listing = claim_list(app)
        row = listing.cursor
        await pilot.press("f")
        await pilot.pause()
        assert gate.asked.wait(timeout=10)  # the server has the request and holds it
        header = header_text(app)
        assert "fetching 1 of 1…" in header
        assert "fetching…" in evidence_shown(app).plain
        await pilot.press("k")
        await pilot.pause()
        assert listing.cursor == row - 1  # the list answered while the page is pending
        assert review_screen(app).fetcher.progress.busy
        await pilot.press("j")
        gate.release.set()
        await settle(pilot)
        assert listing.cursor == row
        assert not review_screen(app).fetcher.progress.busy
        assert "differ: number “60 percent” ≠ “65 percent”" in evidence_shown(app).plain


async def test_fetch_all_then_reopen_without_the_server(article: Path, server: HTTPServer) -> None:
    story = serve_news_page(server)
    app = evidence_app()
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, "42 million euros")
        await attach_url(pilot, story)
        await go_to(pilot, CLAIM)
        await attach_url(pilot, story)
        await pilot.press("g")  # F fetches every claim's pages, wherever the cursor is
        await press_and_settle(pilot, "F")
    matches = saved()["pages"][story]["matches"]
    assert {saved_review(CLAIM)["id"], saved_review("42 million")["id"]} == set(matches)
    server.stop()  # reopening must not need the network
    app = evidence_app()
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, CLAIM)
        text = evidence_shown(app).plain
        assert "Ferry traffic slumps as bridge opens" in text
        assert "differ: number “60 percent” ≠ “65 percent”" in text
        await go_to(pilot, "42 million euros")
        assert "agree: number “42 million” = “42 million”" in evidence_shown(app).plain


async def test_page_fetched_for_one_claim_is_aligned_for_another_offline(
    article: Path, server: HTTPServer
) -> None:
    story = serve_news_page(server)
    app = evidence_app()
    async with opened(app, size=(120, 40)) as pilot:
        await attach_and_fetch(pilot, CLAIM, story)
        server.stop()
        # Attached after the fetch: its passage comes from the stored page text, no network.
        await go_to(pilot, "Mayor Ana Ruiz")
        await attach_url(pilot, story)
        await settle(pilot)
        text = evidence_shown(app).plain
        assert "Mayor Ana Ruiz called it" in text
        assert "could not be read" not in text
    mayor = saved_review("Mayor Ana Ruiz")["id"]
    assert mayor in saved()["pages"][story]["matches"]


async def test_fetch_without_urls_says_so(article: Path) -> None:
    app = evidence_app()
    async with opened(app, size=(100, 30), notifications=True) as pilot:
        await pilot.press("f")
        await press_and_settle(pilot, "F")
        notes = notifications(app)
    assert any("No reference URLs on this claim (a attaches one)." in n for n in notes)
    assert any("No reference URLs on any claim (a attaches one)." in n for n in notes)


async def test_r_refetches_past_the_http_cache(article: Path, server: HTTPServer) -> None:
    """f answers from the cache while the page is fresh; r asks the server again."""
    story = serve_news_page(server, headers={"Cache-Control": "max-age=3600"})
    app = evidence_app()
    async with opened(app, size=(120, 40)) as pilot:
        await attach_and_fetch(pilot, CLAIM, story)
        await press_and_settle(pilot, "f")
        assert len(server.log) == 1, "a fresh page is read from the cache"
        await press_and_settle(pilot, "r")
        assert len(server.log) == 2, "r went to the server"
        assert "differ: number “60 percent” ≠ “65 percent”" in evidence_shown(app).plain


THREE_PASSAGES_PAGE = NEWS_PAGE.replace(
    "<p>The council said the bridge cost",
    "<p>Ferry traffic on the old crossing fell in 2022 as drivers took the bridge, the port "
    "authority said in its review.</p>\n<p>Storms closed the beach twice in June.</p>\n"
    "<p>The port authority reported that traffic on the old ferry fell again in 2022 and "
    "2023.</p>\n<p>The council said the bridge cost",
)
"""NEWS_PAGE with two more passages about the ferry's traffic (and one about something else)."""

GARDEN_PAGE = NEWS_PAGE.replace(
    "<h1>Ferry traffic slumps as bridge opens</h1>",
    "<h1>Grow your own tomatoes</h1>",
).replace(
    NEWS_PAGE[NEWS_PAGE.index("<p>The new bridge") : NEWS_PAGE.index("</article>")],
    "<p>Seven tips for growing tomatoes at home: water them daily and feed them compost "
    "every week until the fruit sets.</p>\n<p>Plant the seedlings in a sunny spot after the "
    "last frost, the gardener advised, and stake them early.</p>\n",
)
"""A page about something else entirely."""


@pytest.mark.parametrize("size", [(120, 35), (160, 40)], ids=["list-above", "list-beside"])
async def test_related_passages_cycle_with_w_in_view_and_clear_of_notifications(
    article: Path, server: HTTPServer, size: tuple[int, int]
) -> None:
    server.expect_request("/ferry").respond_with_data(
        THREE_PASSAGES_PAGE, content_type="text/html; charset=utf-8"
    )
    app = evidence_app()
    # Notifications on (off by default, as in run_test), to see where they appear.
    async with opened(app, size=size, notifications=True) as pilot:
        await attach_and_fetch(pilot, CLAIM, server.url_for("/ferry"))
        text = evidence_shown(app).plain
        assert "Passage 1 of 3" in text and "w shows the next passage" in text
        assert "Traffic on the old ferry fell by 65 percent in 2022" in text
        assert "differ: number “60 percent” ≠ “65 percent”" in text
        assert "Storms closed the beach" not in text
        # The evidence is in view in the detail pane, and no notification covers the pane.
        detail = review_screen(app).query_one(ClaimDetail)
        title = detail.query_one("#detail-evidence-title")
        assert title.region.height == 1
        assert detail.region.y <= title.region.y < detail.region.bottom
        toasts = list(app.screen.query("Toast"))
        assert toasts, "the fetch summary is shown as a notification"
        for toast in toasts:
            assert not toast.region.overlaps(detail.region)
        seen = {text.split("Passage ")[1][:6]}
        for _ in range(3):
            await pilot.press("w")
            await pilot.pause()
            shown = evidence_shown(app).plain
            seen.add(shown.split("Passage ")[1][:6])
            assert detail.region.y <= title.region.y < detail.region.bottom
        assert seen == {"1 of 3", "2 of 3", "3 of 3"}
        assert "Passage 1 of 3" in evidence_shown(app).plain  # it wraps around
        assert "ferry" in evidence_shown(app).plain.lower()


async def test_a_page_about_something_else_says_so(article: Path, server: HTTPServer) -> None:
    server.expect_request("/garden").respond_with_data(
        GARDEN_PAGE, content_type="text/html; charset=utf-8"
    )
    app = evidence_app()
    async with opened(app, size=(120, 35)) as pilot:
        await attach_and_fetch(pilot, CLAIM, server.url_for("/garden"))
        text = evidence_shown(app).plain
        assert "Grow your own tomatoes" in text
        assert NO_RELATED in text
        assert "differ:" not in text and "agree:" not in text and "tomatoes at home" not in text
    matches = saved()["pages"][server.url_for("/garden")]["matches"]
    match = matches.get(saved_review(CLAIM)["id"])
    assert match is None or (match["related"] is False and match["differ"] == match["agree"] == [])
