"""Auto-advance is a user setting: turned off from the palette, remembered by the next app."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pilot_helpers import claim_list, go_to, review_screen, settle

from workbench.core.settings import Settings, load_settings, settings_path
from workbench.tui.app import WorkbenchApp

pytestmark = pytest.mark.anyio

AppFactory = Callable[..., WorkbenchApp]


async def test_auto_advance_off_is_remembered(app_factory: AppFactory) -> None:
    assert load_settings() == Settings()  # a fresh settings folder per test
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"auto-advance")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert review_screen(app).auto_advance is False
    assert settings_path().exists()
    assert load_settings().auto_advance is False

    again = app_factory()
    assert again.auto_advance is False
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await go_to(pilot, "Mayor Ana Ruiz")
        before = claim_list(again).current
        await pilot.press("v")
        await settle(pilot)
        assert claim_list(again).current == before  # the cursor stayed on the marked claim


def test_a_damaged_settings_file_means_the_defaults() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for damaged in ("{not json", "[]", '{"auto_advance": "no"}', ""):
        path.write_text(damaged, encoding="utf-8")
        assert load_settings() == Settings()
