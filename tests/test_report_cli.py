"""`workbench report`: stdout Markdown by default, JSON and ClaimReview, -o, and the errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_result import RunCli

from workbench.cli.main import main
from workbench.core.extraction import Extraction, extract
from workbench.core.loading import load_document
from workbench.core.review.model import Verdict
from workbench.core.review.store import save_session
from workbench.core.review.workspace import ReviewWorkspace

ARTICLE = """North Korea opens its borders

North Korea opened its borders for the first time in three years, officials said on July 28.

Defense Minister Sergei Shoigu watched a parade marking the 70th anniversary of the armistice.

North Korea opened its borders for the first time in three years, officials said on July 28.

"China and Russia are special partners for North Korea," Wi Sung-lac said.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def sentence(extraction: Extraction, words: str) -> str:
    return next(s.id for s in extraction.sentences if words in s.text)


def review(article: Path) -> ReviewWorkspace:
    extraction = extract(load_document(str(article)))
    workspace = ReviewWorkspace.open(
        extraction, Path(str(article) + ".review.json"), reviewer="alice"
    )
    workspace.set_verdict(sentence(extraction, "Shoigu"), Verdict.DISPUTED)
    workspace.set_note(sentence(extraction, "Shoigu"), "The parade was on July 27.")
    workspace.set_verdict(sentence(extraction, "special partners"), Verdict.VERIFIED)
    return workspace


def test_markdown_to_stdout(article: Path, run_cli: RunCli) -> None:
    review(article)
    result = run_cli("report", str(article))
    assert result.code == 0
    out, err = result.out, result.err
    assert out.startswith("# Fact-check report: ")
    assert "| ✗ disputed | 1 |" in out and "| ✓ verified | 1 |" in out
    assert "### ✗ Disputed · claim" in out
    assert "> The parade was on July 27." in out
    assert err == ""


def test_output_file_is_written_and_stdout_stays_empty(
    article: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    review(article)
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    result = run_cli("report", str(article), "-o", str(target))
    assert result.code == 0
    assert result.out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Fact-check report: ") and text.endswith("\n")
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]  # no temp file left


def test_json_and_claimreview_formats(article: Path, run_cli: RunCli) -> None:
    review(article)
    result = run_cli("report", str(article), "--format", "json")
    assert result.code == 0
    data = result.json()
    assert data["summary"]["counts"]["disputed"] == 1
    assert data["review_file"]["version"] == 2
    result = run_cli("report", str(article), "--format", "claimreview")
    assert result.code == 0
    objects = result.json()
    assert sorted(o["reviewRating"]["alternateName"] for o in objects) == ["Disputed", "True"]


def test_report_does_not_write_the_review_file(article: Path, run_cli: RunCli) -> None:
    workspace = review(article)
    before = workspace.path.read_bytes()
    # Edit the article so that re-attachment has work to do; the report must not save it.
    article.write_text(ARTICLE.replace("Defense Minister", "Russian Defence Minister"), "utf-8")
    result = run_cli("report", str(article))
    assert result.code == 0
    out = result.out
    assert "| ✗ disputed | 1 |" in out  # the review followed its reworded sentence
    assert "Russian Defence Minister" in out
    assert workspace.path.read_bytes() == before


def test_explicit_session_and_date(article: Path, tmp_path: Path, run_cli: RunCli) -> None:
    workspace = review(article)
    moved = tmp_path / "elsewhere.json"
    moved.write_bytes(workspace.path.read_bytes())
    workspace.path.unlink()
    result = run_cli("report", str(article), "--session", str(moved), "--date", "2023-07-29")
    assert result.code == 0
    out = result.out
    assert "- **Reference date:** 2023-07-29 (given with --date)" in out
    assert "| ✗ disputed | 1 |" in out


def test_the_sessions_reference_date_override_is_used(article: Path, run_cli: RunCli) -> None:
    from dataclasses import replace

    workspace = review(article)
    save_session(workspace.path, replace(workspace.session, reference_date="2023-07-29"))
    result = run_cli("report", str(article))
    assert result.code == 0
    assert "- **Reference date:** 2023-07-29 " in result.out


def test_missing_session_reports_everything_unreviewed(article: Path, run_cli: RunCli) -> None:
    result = run_cli("report", str(article))
    assert result.code == 0
    out, err = result.out, result.err
    assert "every claim is unreviewed" in out
    assert "| ✗ disputed | 0 |" in out
    assert "no review file" in err and len(err.strip().splitlines()) == 1
    assert not Path(str(article) + ".review.json").exists()


def test_damaged_session_exits_1_with_one_line(article: Path, run_cli: RunCli) -> None:
    session = Path(str(article) + ".review.json")
    session.write_bytes(b'{"version": 1, "article": {"source": "x"}, "claims": [')
    result = run_cli("report", str(article))
    assert result.code == 1
    out, err = result.out, result.err
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "cannot be read" in err and "Traceback" not in err
    assert session.read_bytes() == b'{"version": 1, "article": {"source": "x"}, "claims": ['


def test_missing_article_exits_1(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("report", str(tmp_path / "nope.txt"))
    assert result.code == 1
    err = result.err
    assert "no such file" in err and len(err.strip().splitlines()) == 1


def test_unwritable_output_exits_1(article: Path, tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("report", str(article), "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1


def test_bad_format_is_a_usage_error(article: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(article), "--format", "pdf"])
    assert exit_info.value.code == 2


def test_python_dash_m_writes_utf_8_whatever_the_locale(article: Path, tmp_path: Path) -> None:
    review(article)
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "report", str(article)],
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.startswith("# Fact-check report: ") and "| ✗ disputed | 1 |" in out
