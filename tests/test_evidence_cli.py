"""`workbench evidence ARTICLE URL...` against a real server: JSON shape, table, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from workbench.cli.main import main

PAGES = Path(__file__).parent / "pages"
HTML = "text/html; charset=utf-8"


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # wide enough that table cells do not wrap


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "article.md"
    path.write_bytes((PAGES / "article-claims.md").read_bytes())
    return str(path)


def test_json_has_pages_and_claims_with_differences(
    httpserver: HTTPServer, article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/story").respond_with_data(
        (PAGES / "flood-report.html").read_bytes(), content_type=HTML
    )
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    good, gone = httpserver.url_for("/story"), httpserver.url_for("/gone")
    assert main(["evidence", article, good, gone, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["url"] for p in data["pages"]] == [good, gone]
    for page in data["pages"]:
        assert set(page) >= {
            "url",
            "final_url",
            "status",
            "title",
            "published",
            "fetched_at",
            "sha256",
            "error",
        }
    assert data["pages"][0]["error"] is None and data["pages"][0]["published"] == "2023-07-28"
    assert data["pages"][1]["error"] == "not found (404)"
    claims = {c["text"]: c for c in data["claims"]}
    children = next(c for text, c in claims.items() if "105 children" in text)
    assert set(children) >= {"id", "text", "best"}
    best = children["best"]
    assert best["url"] == good and "115 children" in best["passage"]
    assert 0 <= best["score"] <= 100
    assert "number “105 children” ≠ “115 children”" in [d["note"] for d in best["differ"]]
    record = next(c for text, c in claims.items() if "2018" in text)["best"]
    assert any(d["claim"] == "2018" and d["passage"] == "2019" for d in record["differ"])


def test_table_shows_untrusted_text_literally(
    httpserver: HTTPServer, article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        (PAGES / "flood-report.html")
        .read_text(encoding="utf-8")
        .replace("Floods in Sindh displace", "[bold red]Floods\x1b[2J in Sindh displace")
    )
    httpserver.expect_request("/story").respond_with_data(page, content_type=HTML)
    assert main(["evidence", article, httpserver.url_for("/story")]) == 0
    out = capsys.readouterr().out
    assert "[bold red]Floods" in out and "\x1b[2J" not in out
    assert "differ: number “105 children” ≠ “115 children”" in out


def test_no_readable_page_exits_1_with_one_line(
    httpserver: HTTPServer, article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/boom").respond_with_data("x", status=500)
    url = httpserver.url_for("/boom")
    assert main(["evidence", article, url, "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"workbench: could not read the page ({url}: server error (500))\n"
    assert json.loads(captured.out)["pages"][0]["error"] == "server error (500)"


def test_file_url_is_refused_per_page(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evidence", article, "file:///etc/passwd", "ftp://x.example/a"]) == 1
    captured = capsys.readouterr()
    assert "only http and https URLs can be fetched, not file://" in captured.out
    assert captured.err.count("\n") == 1


def test_missing_url_argument_is_a_usage_error(article: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["evidence", article])
    assert exit_info.value.code == 2
