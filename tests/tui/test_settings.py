"""Auto-advance is a user setting: turned off from the palette, remembered by the next app."""

from __future__ import annotations

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, go_to, opened, press_and_settle, review_screen

from workbench.core.settings import Settings, load_settings, settings_path

pytestmark = pytest.mark.anyio


async def test_auto_advance_off_is_remembered(app_factory: AppFactory) -> None:
    assert load_settings() == Settings()  # a fresh settings folder per test
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_and_settle(pilot, "ctrl+p")
        await press_and_settle(pilot, *"auto-advance")
        await press_and_settle(pilot, "enter")
        assert review_screen(app).auto_advance is False
    assert settings_path().exists()
    assert load_settings().auto_advance is False

    again = app_factory()
    assert again.auto_advance is False
    async with opened(again, size=(100, 30)) as pilot:
        await go_to(pilot, "Mayor Ana Ruiz")
        before = claim_list(again).current
        await press_and_settle(pilot, "v")
        assert claim_list(again).current == before  # the cursor stayed on the marked claim


def test_a_damaged_settings_file_means_the_defaults() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for damaged in ("{not json", "[]", '{"auto_advance": "no"}', ""):
        path.write_text(damaged, encoding="utf-8")
        assert load_settings() == Settings()
