"""Issue 11, item 7: the layout fits the terminal (rows, footer, folding, the dates column)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_helpers import claim_list, list_rows, review_screen, settle

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.claim_detail import ClaimDetail

pytestmark = pytest.mark.anyio

AppFactory = Callable[..., WorkbenchApp]


def _detail_shown(app: WorkbenchApp) -> bool:
    detail = review_screen(app).query_one(ClaimDetail)
    return detail.display and detail.region.height > 0


async def test_80x24_has_six_claim_rows_the_whole_footer_and_the_detail(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert claim_list(app).scrollable_content_region.height >= 6
        assert _detail_shown(app)
        keys = list(review_screen(app).query("FooterKey"))
        assert len(keys) >= 8
        assert all(key.region.right <= 80 and key.region.height == 1 for key in keys)
        assert all(key.region.y == 23 for key in keys)


async def test_below_80x24_the_detail_folds_away_behind_p(app_factory: AppFactory) -> None:
    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert not _detail_shown(app)
        assert claim_list(app).scrollable_content_region.height >= 12
        await pilot.press("p")
        await settle(pilot)
        assert _detail_shown(app)
        await pilot.press("p")
        await settle(pilot)
        assert not _detail_shown(app)
        await pilot.press("enter")  # reading a claim brings the pane back
        await settle(pilot)
        assert _detail_shown(app)
    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert claim_list(app).scrollable_content_region.height >= 4
        assert len([row for row in list_rows(app) if row.strip()]) == 4


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_the_dates_column_never_cuts_a_date_it_has_room_for(
    app_factory: AppFactory, article: Path, width: int
) -> None:
    article.write_text(
        "The port closed more than three years ago, officials said on Friday, July 28, 2023.\n\n"
        "The ferry carried 2,000 people in 2019, the council said.\n",
        encoding="utf-8",
    )
    app = app_factory()
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        assert any("before 2020-07 +1" in row for row in rows), rows
        assert any(" 2019 " in row for row in rows)
