"""`e`: the report is previewed, then written beside the article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_helpers import go_to, settle
from textual.widgets import MarkdownViewer

from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.export_preview import ExportPreview

pytestmark = pytest.mark.anyio

AppFactory = Callable[..., WorkbenchApp]


async def test_export_previews_then_writes_the_report(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await go_to(pilot, "Traffic on the old ferry")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportPreview)
        viewer = app.screen.query_one(MarkdownViewer)
        assert viewer.document.source and "Traffic on the old ferry" in viewer.document.source
        assert not (tmp_path / "article.txt.report.md").exists()  # nothing written yet
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportPreview)
    report = (tmp_path / "article.txt.report.md").read_text(encoding="utf-8")
    assert "Traffic on the old ferry" in report
    assert "disputed" in report.lower()


async def test_export_cancelled_writes_nothing(app_factory: AppFactory, tmp_path: Path) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportPreview)
        await pilot.press("escape")
        await settle(pilot)
    assert not (tmp_path / "article.txt.report.md").exists()
