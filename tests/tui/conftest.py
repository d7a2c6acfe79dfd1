"""Fixtures for the app tests: a private home for the workbench, a short article, the app, and a
local server for reference pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from app_harness import ARTICLE, REVIEWER, AppFactory, make_app
from pytest_httpserver import HTTPServer


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
def app_factory(article: Path) -> Iterator[AppFactory]:
    """Build apps on the test article."""
    yield make_app


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A server on 127.0.0.1 for reference pages; threaded, so a held page holds no other."""
    httpd = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpd.start()
    try:
        yield httpd
    finally:
        httpd.clear()
        if httpd.is_running():
            httpd.stop()
