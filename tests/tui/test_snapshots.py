"""SVG snapshots of the main screens (regenerate with `pytest --snapshot-update` and look).

Deterministic: fixed reviewer, clock and reference date, relative paths (the test runs in its
tmp folder), no notifications on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app_harness import AppFactory
from pilot_helpers import press_and_settle, settle
from textual.pilot import Pilot

SnapCompare = Callable[..., bool]


async def _opened(pilot: Pilot[Any]) -> None:
    await settle(pilot)


def test_main_screen_80x24(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=_opened)


def test_main_screen_200x60(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    async def mark_two(pilot: Pilot[Any]) -> None:
        await _opened(pilot)
        await press_and_settle(pilot, "v", "d")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(200, 60), run_before=mark_two)


def test_note_editor(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    async def open_editor(pilot: Pilot[Any]) -> None:
        await _opened(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(100, 30), run_before=open_editor)


def test_help(app_factory: AppFactory, snap_compare: SnapCompare) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await _opened(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(100, 40), run_before=open_help)
