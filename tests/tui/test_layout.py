"""Issue 11, item 7: the layout fits the terminal (rows, footer, folding, the dates column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, list_rows, opened, press_and_settle, review_screen

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.claim_detail import ClaimDetail

pytestmark = pytest.mark.anyio


def _detail_shown(app: WorkbenchApp) -> bool:
    detail = review_screen(app).query_one(ClaimDetail)
    return detail.display and detail.region.height > 0


async def test_80x24_has_six_claim_rows_the_whole_footer_and_the_detail(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with opened(app, size=(80, 24)):
        assert claim_list(app).scrollable_content_region.height >= 6
        assert _detail_shown(app)
        keys = list(review_screen(app).query("FooterKey"))
        assert len(keys) >= 8
        assert all(key.region.right <= 80 and key.region.height == 1 for key in keys)
        assert all(key.region.y == 23 for key in keys)


async def test_below_80x24_the_detail_folds_away_behind_p(app_factory: AppFactory) -> None:
    app = app_factory()
    async with opened(app, size=(60, 20)) as pilot:
        assert not _detail_shown(app)
        assert claim_list(app).scrollable_content_region.height >= 12
        await press_and_settle(pilot, "p")
        assert _detail_shown(app)
        await press_and_settle(pilot, "p")
        assert not _detail_shown(app)
        await press_and_settle(pilot, "enter")  # reading a claim brings the pane back
        assert _detail_shown(app)
    app = app_factory()
    async with opened(app, size=(40, 12)) as pilot:
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
    async with opened(app, size=(width, 30)):
        rows = list_rows(app)
        assert any("before 2020-07 +1" in row for row in rows), rows
        assert any(" 2019 " in row for row in rows)
