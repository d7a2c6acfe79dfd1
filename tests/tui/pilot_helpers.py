"""Small helpers shared by the Pilot tests: what a user does (open, press, go to a claim, attach
a URL) and waits for, and what they read on screen or find saved."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.pilot import Pilot

from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.claim_detail import ClaimDetail
from workbench.tui.widgets.claim_list import ClaimList

DETAIL_WAIT = 5.0
"""Seconds the detail pane may take to follow the cursor before a test fails (it takes 0.04)."""


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and messages drain, and wait for the detail pane to follow the cursor.

    The pane follows after a short rest (a timer in the screen): this waits for the app to
    do it, calling nothing of the app's own, so a broken debounce fails the tests.
    """
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    if not isinstance(screen, ReviewScreen):
        return
    detail = screen.query_one(ClaimDetail)
    listing = screen.query_one(ClaimList)
    waited = 0.0
    while detail.claim_id != (listing.current.id if listing.current else None):
        if waited > DETAIL_WAIT:
            raise AssertionError("the detail pane did not follow the cursor")
        await pilot.pause(0.02)
        waited += 0.02
    await app.workers.wait_for_complete()  # the pane may have started a re-alignment
    await pilot.pause()


@asynccontextmanager
async def opened(
    app: WorkbenchApp,
    *,
    size: tuple[int, int],
    notifications: bool = False,
    message_hook: Callable[[Message], None] | None = None,
) -> AsyncIterator[Pilot[None]]:
    """The app running in a terminal of `size`, once it has loaded and settled (what a user
    first sees); `notifications` and `message_hook` as for `App.run_test`."""
    async with app.run_test(
        size=size, notifications=notifications, message_hook=message_hook
    ) as pilot:
        await settle(pilot)
        yield pilot


async def press_and_settle(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys` (real key presses), then wait for the app to answer them."""
    await pilot.press(*keys)
    await settle(pilot)


def notifications(app: WorkbenchApp) -> list[str]:
    """The notifications on screen now, as the user reads them (title and message)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def review_screen(app: WorkbenchApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen), f"expected the review screen, got {screen!r}"
    return screen


def claim_list(app: WorkbenchApp) -> ClaimList:
    return review_screen(app).query_one(ClaimList)


def shown_texts(app: WorkbenchApp) -> list[str]:
    return [claim.text for claim in claim_list(app).claims]


async def go_to(pilot: Pilot[None], words: str) -> None:
    """Move the cursor with real keys (g, then j) to the claim containing `words`."""
    app = pilot.app
    assert isinstance(app, WorkbenchApp)
    listing = claim_list(app)
    listing.focus()
    await pilot.press("g")
    for _ in range(len(listing.claims)):
        current = listing.current
        if current is not None and words in current.text:
            await settle(pilot)
            return
        await pilot.press("j")
    raise AssertionError(f"no claim containing {words!r} in {shown_texts(app)}")


async def press_on_claim(pilot: Pilot[None], words: str, *keys: str) -> None:
    """Go to the claim containing `words`, press `keys` there (a verdict, a note...) and wait."""
    await go_to(pilot, words)
    await press_and_settle(pilot, *keys)


async def attach_url(pilot: Pilot[None], url: str) -> None:
    """Attach `url` to the current claim as a user does: `a`, the URL typed key by key, enter."""
    await press_and_settle(pilot, "a", *url, "enter")


async def attach_and_fetch(pilot: Pilot[None], words: str, *urls: str) -> None:
    """Go to the claim containing `words`, attach each of `urls` to it, fetch them with `f`."""
    await go_to(pilot, words)
    for url in urls:
        await attach_url(pilot, url)
    await press_and_settle(pilot, "f")


def saved(path: Path = Path("article.txt.review.json")) -> dict[str, Any]:
    """The review file as JSON."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def saved_review(words: str, path: Path = Path("article.txt.review.json")) -> dict[str, Any]:
    """The saved review of the claim containing `words`."""
    for review in saved(path)["claims"]:
        if words in review["text"]:
            found: dict[str, Any] = review
            return found
    raise AssertionError(f"no saved review for {words!r}")


def screen_text(app: WorkbenchApp) -> str:
    """Everything on screen as plain text (what a user reads)."""
    return app.export_screenshot()  # SVG, but the text is in it, escaped for XML


def list_rows(app: WorkbenchApp) -> list[str]:
    """The claim list's rows on screen, as drawn (what the user reads)."""
    listing = claim_list(app)
    height = listing.scrollable_content_region.height
    return [listing.render_line(y).text for y in range(height)]


def header_text(app: WorkbenchApp) -> str:
    """The review screen's header as drawn: the review file, the reference date, progress."""
    return str(review_screen(app).query_one("#header").render())


def detail_part(app: WorkbenchApp, part: str) -> str:
    """One part of the detail pane as drawn: `status`, `changes`, `paragraph`, `urls`, ..."""
    widget = review_screen(app).query_one(f"#detail-{part}")
    return str(widget.render()) if widget.display else ""
