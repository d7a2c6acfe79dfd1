"""Fixtures for the app tests: a private home for the workbench, a short article, the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from app_harness import ARTICLE, REVIEWER, make_app

from workbench.tui.app import WorkbenchApp


@pytest.fixture
def anyio_backend() -> str:
    """The async tests run on asyncio (anyio's pytest plugin comes with httpx's anyio)."""
    return "asyncio"


@pytest.fixture(autouse=True)
def private_home(private_folders: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The root conftest's private folders, a fixed reviewer, and run inside tmp_path."""
    monkeypatch.setenv("WORKBENCH_REVIEWER", REVIEWER)
    monkeypatch.chdir(tmp_path)  # relative paths: the header shows the same text every run
    return private_folders


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The article written to `article.txt` in the test's folder."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def app_factory(article: Path) -> Iterator[Callable[..., WorkbenchApp]]:
    """Build apps on the test article."""
    yield make_app
