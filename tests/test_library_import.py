"""`workbench library import`: every JSON-LD shape, bad records, re-import, URLs, review files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_result import CliResult
from library_samples import BRIDGE, MOON, VACCINE, as_feed, as_html, claim_review
from pytest_httpserver import HTTPServer

RunCli = Callable[..., CliResult]


def fact_checks(run_cli: RunCli) -> int:
    result = run_cli("library", "stats", "--format", "json")
    assert result.code == 0, result.err
    count: int = result.json()["fact_checks"]
    return count


def top_claim(run_cli: RunCli, query: str) -> dict[str, object]:
    result = run_cli("library", "search", query, "--format", "json")
    assert result.code == 0, result.err
    matches = result.json()["matches"]
    assert matches, f"nothing found for {query!r}"
    first: dict[str, object] = matches[0]
    return first


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one.json", json.dumps(BRIDGE)),
        ("list.json", json.dumps([BRIDGE, VACCINE, MOON])),
        ("graph.jsonld", json.dumps({"@context": "https://schema.org", "@graph": [BRIDGE, MOON]})),
        ("feed.json", as_feed(BRIDGE, VACCINE, MOON)),
        ("lines.jsonl", "\n".join(json.dumps(r) for r in (BRIDGE, VACCINE, MOON)) + "\n"),
        ("page.html", as_html(BRIDGE, VACCINE)),
    ],
)
def test_each_shape_is_imported_and_found(
    name: str, text: str, tmp_path: Path, run_cli: RunCli
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    expected = text.count('"ClaimReview"')
    result = run_cli("library", "import", str(path))
    assert result.code == 0, result.err
    assert f"{expected} added, 0 updated" in result.out
    assert fact_checks(run_cli) == expected
    found = top_claim(run_cli, "the bridge over the Elm river cost 42 million euros")
    assert found["claim"] == BRIDGE["claimReviewed"]
    assert found["rating"] == "Mostly true"
    assert found["publisher"] == "Desk Check"
    assert found["url"] == "https://checks.example/elm-bridge-cost"
    assert found["date"] == "2024-03-01"


def test_reimport_updates_instead_of_duplicating(tmp_path: Path, run_cli: RunCli) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(BRIDGE, MOON), encoding="utf-8")
    assert run_cli("library", "import", str(feed)).code == 0
    changed = {**BRIDGE, "reviewRating": {"@type": "Rating", "alternateName": "False"}}
    feed.write_text(as_feed(changed, MOON), encoding="utf-8")
    result = run_cli("library", "import", str(feed))
    assert "0 added, 2 updated" in result.out
    assert fact_checks(run_cli) == 2
    assert top_claim(run_cli, "Elm river bridge cost 42 million euros")["rating"] == "False"


def test_dates_in_words_become_iso(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "moon.json"
    path.write_text(json.dumps(MOON), encoding="utf-8")
    run_cli("library", "import", str(path))
    found = top_claim(run_cli, "moon landing filmed in a Nevada studio")
    assert found["date"] == "2019-07-12"
    assert found["id"] == "moon-landing-studio"


def test_bad_records_are_reported_one_line_each_and_the_rest_imported(
    tmp_path: Path, run_cli: RunCli
) -> None:
    no_claim = {"@type": "ClaimReview", "url": "https://checks.example/empty"}
    lines = [json.dumps(BRIDGE), "{not json", json.dumps(no_claim), json.dumps("a string")]
    lines.append(json.dumps(VACCINE))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("library", "import", str(path))
    assert result.code == 0
    assert "2 added, 0 updated, 3 bad records skipped" in result.out
    errors = result.err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"{path}: line 2: skipped: not JSON")
    assert errors[1] == f"{path}: line 3: skipped: no claimReviewed (the claim that was checked)"
    assert errors[2] == f"{path}: line 4: skipped: not an object but str"
    assert fact_checks(run_cli) == 2


def test_bad_record_in_a_feed_gives_its_position(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "feed.json"
    feed = json.loads(as_feed(BRIDGE, {"@type": "ClaimReview", "claimReviewed": 7 * [1]}))
    path.write_text(json.dumps(feed), encoding="utf-8")
    result = run_cli("library", "import", str(path))
    assert "1 added, 0 updated, 1 bad records skipped" in result.out
    assert result.err.strip() == (
        f"{path}: dataFeedElement[1].item: skipped: no claimReviewed (the claim that was checked)"
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Just some notes, not JSON at all.\nSecond line.\n", "is not JSON-LD"),
        (json.dumps({"@type": "Person", "name": "Ann"}), "no schema.org ClaimReview found"),
        ("<html><body>No data here</body></html>", "carries no JSON-LD"),
    ],
)
def test_a_file_that_is_not_json_ld_is_one_line_and_exit_1(
    text: str, says: str, tmp_path: Path, run_cli: RunCli
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(BRIDGE), encoding="utf-8")
    result = run_cli("library", "import", str(path), str(good))
    assert result.code == 1
    assert len(result.err.splitlines()) == 1
    assert says in result.err
    assert "Traceback" not in result.err
    assert fact_checks(run_cli) == 1  # the good file after it still went in


def test_missing_file_is_one_line(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("library", "import", str(tmp_path / "nowhere.json"))
    assert result.code == 1
    assert result.err.strip().endswith("nowhere.json: no such file")


def test_url_import_reads_the_pages_ld_json(httpserver: HTTPServer, run_cli: RunCli) -> None:
    reviewed = claim_review(
        "The harbour tunnel will close for two years from 2025.",
        url="https://checks.example/tunnel",
        rating="Misleading",
    )
    httpserver.expect_request("/fact-check/tunnel").respond_with_data(
        as_html(reviewed), content_type="text/html; charset=utf-8"
    )
    result = run_cli("library", "import", httpserver.url_for("/fact-check/tunnel"))
    assert result.code == 0, result.err
    assert "1 added" in result.out
    found = top_claim(run_cli, "harbour tunnel closes for two years")
    assert found["rating"] == "Misleading"


def test_url_that_fails_is_one_line(httpserver: HTTPServer, run_cli: RunCli) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    result = run_cli("library", "import", httpserver.url_for("/gone"))
    assert result.code == 1
    assert len(result.err.splitlines()) == 1
    assert "404" in result.err


def test_library_option_and_variable_choose_the_file(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(BRIDGE), encoding="utf-8")
    chosen = tmp_path / "chosen.sqlite3"
    assert run_cli("library", "import", str(path), "--library", str(chosen)).code == 0
    assert chosen.is_file()
    monkeypatch.setenv("WORKBENCH_LIBRARY", str(chosen))
    assert fact_checks(run_cli) == 1
    monkeypatch.delenv("WORKBENCH_LIBRARY")
    data = Path(str(tmp_path / "data"))
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    assert run_cli("library", "import", str(path)).code == 0
    assert (data / "library.sqlite3").is_file()  # the default: in the user data folder
