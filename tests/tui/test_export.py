"""`e`: the report is previewed, then written beside the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import opened, press_and_settle, press_on_claim
from textual.widgets import MarkdownViewer

from workbench.tui.screens.export_preview import ExportPreview

pytestmark = pytest.mark.anyio


async def test_export_previews_then_writes_the_report(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        await press_and_settle(pilot, "e")
        assert isinstance(app.screen, ExportPreview)
        viewer = app.screen.query_one(MarkdownViewer)
        assert viewer.document.source and "Traffic on the old ferry" in viewer.document.source
        assert not (tmp_path / "article.txt.report.md").exists()  # nothing written yet
        await press_and_settle(pilot, "enter")
        assert not isinstance(app.screen, ExportPreview)
    report = (tmp_path / "article.txt.report.md").read_text(encoding="utf-8")
    assert "Traffic on the old ferry" in report
    assert "disputed" in report.lower()


async def test_export_cancelled_writes_nothing(app_factory: AppFactory, tmp_path: Path) -> None:
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_and_settle(pilot, "e")
        assert isinstance(app.screen, ExportPreview)
        await press_and_settle(pilot, "escape")
    assert not (tmp_path / "article.txt.report.md").exists()
