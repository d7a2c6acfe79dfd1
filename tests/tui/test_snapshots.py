"""SVG snapshots of the main screens (regenerate with `pytest --snapshot-update` and look).

Deterministic: fixed reviewer, clock and reference date, relative paths (the test runs in its
tmp folder), no notifications on screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app_harness import AppFactory
from pilot_helpers import press_and_settle, settle
from textual.pilot import Pilot

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[Any]], Awaitable[None]]


def _opened_then_pressed(key: str) -> RunBefore:
    """What snap_compare runs first: wait for the app to settle, press `key`, let it draw."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()

    return run_before


def test_main_screen_80x24(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=settle)


def test_main_screen_200x60(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    async def mark_two(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press_and_settle(pilot, "v", "d")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(200, 60), run_before=mark_two)


def test_note_editor(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    opened_note = _opened_then_pressed("n")
    assert snap_compare(app_factory(), terminal_size=(100, 30), run_before=opened_note)


def test_help(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    opened_help = _opened_then_pressed("question_mark")
    assert snap_compare(app_factory(), terminal_size=(100, 40), run_before=opened_help)
