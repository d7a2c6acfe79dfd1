"""Opening: a damaged review file is never touched; a review open elsewhere is refused."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, header_text, opened, press_and_settle, review_screen

from workbench.cli.main import main
from workbench.core.review.store import SessionLock, lock_path
from workbench.tui.screens.damaged_session import DamagedSessionDialog

pytestmark = pytest.mark.anyio

DAMAGED = b'{"version": 1, "claims": [ oops'


async def test_damaged_file_no_quits_and_leaves_it(app_factory: AppFactory, tmp_path: Path) -> None:
    review = tmp_path / "article.txt.review.json"
    review.write_bytes(DAMAGED)
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        assert isinstance(app.screen, DamagedSessionDialog)
        message = str(app.screen.query_one("#damaged-message").render())
        assert "article.txt.review.json cannot be read" in message
        assert "article.txt.review.2.json" in message
        await press_and_settle(pilot, "n")
    assert review.read_bytes() == DAMAGED
    assert not (tmp_path / "article.txt.review.2.json").exists()


async def test_damaged_file_yes_starts_a_new_review_beside_it(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    review = tmp_path / "article.txt.review.json"
    review.write_bytes(DAMAGED)
    app = app_factory()
    async with opened(app, size=(100, 30)) as pilot:
        await press_and_settle(pilot, "y")
        assert claim_list(app).claims
        await press_and_settle(pilot, "v")
        assert review_screen(app).workspace.path == Path("article.txt.review.2.json")
        assert "article.txt.review.2.json" in header_text(app)
    for lock in app.locks:
        lock.release()
    assert review.read_bytes() == DAMAGED
    assert (tmp_path / "article.txt.review.2.json").exists()


def test_second_open_is_refused_with_one_line(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held = SessionLock(lock_path(Path("article.txt.review.json")))
    held.acquire()
    try:
        assert main(["article.txt"]) == 1
    finally:
        held.release()
    error = capsys.readouterr().err
    assert error.startswith("workbench: the review") and "open in another workbench" in error
    assert error.count("\n") == 1


def test_unreadable_article_is_one_line_before_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["missing.txt"]) == 1
    assert capsys.readouterr().err == "workbench: missing.txt: no such file\n"


def test_reviewer_option_is_accepted() -> None:
    from workbench.cli.main import build_parser

    args = build_parser(None).parse_args(["a.txt", "--reviewer", "Ana", "--session", "x.json"])
    assert isinstance(args, argparse.Namespace)
    assert (args.reviewer, args.session) == ("Ana", "x.json")
