"""The library in the app, with real keys: "Checked before", adopting a match, verdicts kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import (
    claim_list,
    go_to,
    opened,
    press_and_settle,
    press_on_claim,
    saved_review,
)
from textual.message import Message
from textual.notifications import Notify

from workbench.core.library import library_path, open_library
from workbench.core.library.jsonld import fact_check_of
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.checked_before import MARK, CheckedBefore

pytestmark = pytest.mark.anyio


BRIDGE_CHECK = {
    "@type": "ClaimReview",
    "claimReviewed": "The council said the Elm bridge cost 42 million euros.",
    "url": "https://checks.example/elm-bridge-cost",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"},
    "author": {"@type": "Organization", "name": "Desk Check"},
    "creator": {"@type": "Person", "name": "Rita Reviewer"},
    "datePublished": "2023-07-29",
}


def published_library() -> Path:
    path = library_path()
    store = open_library(path)
    store.upsert([fact_check_of(BRIDGE_CHECK)])
    store.close()
    return path


def block_text(app: WorkbenchApp) -> str:
    block = app.screen.query_one(CheckedBefore)
    return str(block.content) if block.display else ""


def own_entries() -> list[tuple[str, str]]:
    store = open_library(library_path(), create=False)
    try:
        matches = store.candidates(["bridge", "ferry", "traffic", "council"], 50)
        return sorted(
            (m.fact_check.claim, m.fact_check.rating)
            for m in matches
            if m.fact_check.origin == "own"
        )
    finally:
        store.close()


async def test_checked_before_block_mark_and_adopting_a_match(app_factory: AppFactory) -> None:
    published_library()
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        listing = claim_list(app)
        assert listing.marked, "no claim was matched"
        await go_to(pilot, "the bridge cost 42 million euros")
        claim = listing.current
        assert claim is not None and claim.id in listing.marked
        text = block_text(app)
        assert "Checked before" in text
        assert "The council said the Elm bridge cost 42 million euros." in text
        assert "Mostly true" in text
        assert "Desk Check · Rita Reviewer" in text
        assert "2023-07-29" in text
        assert "https://checks.example/elm-bridge-cost" in text
        assert MARK in app.export_screenshot()
        await press_and_settle(pilot, "c")
        assert "(a source of this claim)" in block_text(app)
        await go_to(pilot, "Traffic on the old ferry")
        assert block_text(app) == ""  # no match: no block
    review = saved_review("the bridge cost 42 million euros")
    assert review["urls"] == ["https://checks.example/elm-bridge-cost"]


async def test_verdicts_go_into_the_library_and_a_change_updates_the_entry(
    app_factory: AppFactory,
) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        assert own_entries() == [
            (
                "Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.",
                "disputed",
            )
        ]
        await press_and_settle(pilot, "v")
        assert [rating for _, rating in own_entries()] == ["verified"]
        await press_and_settle(pilot, "ctrl+z")
        assert [rating for _, rating in own_entries()] == ["disputed"]
        await press_and_settle(pilot, "u")
        assert own_entries() == []


@pytest.mark.parametrize("damage", ["garbage", "newer schema"])
async def test_an_unusable_library_never_stops_a_review(
    app_factory: AppFactory, damage: str
) -> None:
    path = library_path()
    if damage == "garbage":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"not a library" * 500)
    else:
        published_library()
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")  # written by a newer workbench
    messages: list[Message] = []
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40), message_hook=messages.append) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        await press_on_claim(pilot, "Mayor Ana Ruiz", "v")
    told = [
        str(m.notification.message)
        for m in messages
        if isinstance(m, Notify) and "library" in str(m.notification.message)
    ]
    assert len(told) == 1, told
    assert "unavailable" in told[0] and "saved as usual" in told[0]
    assert saved_review("Traffic on the old ferry")["verdict"] == "disputed"
    assert saved_review("Mayor Ana Ruiz")["verdict"] == "verified"
    if damage == "garbage":
        assert path.read_bytes() == b"not a library" * 500


async def test_opening_without_a_library_creates_none(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40)):
        assert claim_list(app).marked == frozenset()
    assert not library_path().exists()


async def test_a_verdict_is_checked_before_in_the_next_article(app_factory: AppFactory) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
    Path("second.txt").write_text(
        "Ferry numbers questioned\n\n"
        "Traffic on the old ferry fell by 60 percent in 2022, the port authority said.\n",
        encoding="utf-8",
    )
    second = app_factory("second.txt")
    async with opened(second, size=(120, 40)) as pilot:
        await go_to(pilot, "Traffic on the old ferry")
        text = block_text(second)
        assert "Traffic on the old ferry fell by 60 percent in 2022" in text
        assert "disputed" in text
        assert "your review · Test Checker · 2023-07-30" in text
        assert str(Path("article.txt").resolve()) in text  # where it was checked


async def test_library_text_is_shown_literally(app_factory: AppFactory) -> None:
    hostile = {
        **BRIDGE_CHECK,
        "claimReviewed": (
            "The [bold red]Elm bridge[/] cost 42 million euros\x1b[2J, the council said."
        ),
        "author": {"@type": "Organization", "name": "[link=https://evil.example]Desk[/link]"},
    }
    store = open_library(library_path())
    store.upsert([fact_check_of(hostile)])
    store.close()
    app = app_factory()
    async with opened(app, size=(120, 40)) as pilot:
        await go_to(pilot, "the bridge cost 42 million euros")
        text = block_text(app)
        assert "[bold red]Elm bridge[/]" in text
        assert "[link=https://evil.example]Desk[/link]" in text
        assert "\x1b" not in text


async def test_reopening_a_review_brings_its_verdicts_into_the_library(
    app_factory: AppFactory,
) -> None:
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "v")
    for part in library_path().parent.glob(library_path().name + "*"):
        part.unlink()  # the library is lost; the review file is the source of truth
    again = app_factory()
    async with opened(again, size=(120, 40)):
        pass  # opening the review is the whole step: it brings the verdicts back
    assert [rating for _, rating in own_entries()] == ["verified"]
