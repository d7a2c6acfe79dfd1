"""The library file: search and stats, own verdicts, two writers at once, damage, claims."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from collections.abc import Callable
from pathlib import Path

from cli_result import CliResult
from library_samples import BRIDGE, MOON, VACCINE, as_feed

from workbench.core.library import FactCheck, open_library
from workbench.core.library.model import PUBLISHED
from workbench.core.library.sqlite_store import SCHEMA_VERSION
from workbench.core.review.model import ClaimReview, Session, Verdict
from workbench.core.review.store import save_session

RunCli = Callable[..., CliResult]

FIRST_ARTICLE = """\
Harbour council approves the Elm bridge

The new bridge over the Elm river cost 42 million euros, the council said on Friday.

Ferry traffic fell by 60 percent in 2022, according to the port authority.
"""

SECOND_ARTICLE = """\
Opposition questions bridge spending

Critics say the Elm river bridge cost 42 million euros, far above the first estimate.
"""


def write_review(path: Path, article: Path, verdicts: dict[str, str]) -> None:
    """A review file written by the workbench's own store, with `verdicts` by claim text."""
    reviews = tuple(
        ClaimReview(
            claim_id=f"c{n}",
            text=text,
            verdict=Verdict(verdict),
            note="Checked with the council minutes.",
            urls=("https://council.example/minutes",),
            reviewer="Ann Checker",
            reviewed_at="2024-05-02T10:00:00Z",
        )
        for n, (text, verdict) in enumerate(verdicts.items())
    )
    session = Session(article_source=str(article), article_title="Harbour council", reviews=reviews)
    save_session(path, session)


def test_search_stdin_writes_one_json_object_a_line(tmp_path: Path, run_cli: RunCli) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(BRIDGE, VACCINE, MOON), encoding="utf-8")
    run_cli("library", "import", str(feed))
    stdin = "vaccines make you magnetic, spoons stick\n\nwas the moon landing faked in Nevada?\n"
    result = run_cli("library", "search", "-", "--top", "2", stdin=stdin.encode())
    assert result.code == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [line["query"] for line in lines] == [
        "vaccines make you magnetic, spoons stick",
        "was the moon landing faked in Nevada?",
    ]
    assert lines[0]["matches"][0]["claim"] == VACCINE["claimReviewed"]
    assert lines[1]["matches"][0]["id"] == "moon-landing-studio"
    for line in lines:
        assert len(line["matches"]) <= 2
        for match in line["matches"]:
            assert set(match) >= {"id", "claim", "rating", "publisher", "url", "date", "score"}
            assert 0 <= match["score"] <= 1


def test_search_table_and_stats(tmp_path: Path, run_cli: RunCli) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(BRIDGE, MOON), encoding="utf-8")
    run_cli("library", "import", str(feed))
    table = run_cli("library", "search", "moon landing studio")
    assert table.code == 0
    assert "Pants on fire" in table.out
    # The claim is printed whole on one line (a grid once squeezed it to one letter a line).
    assert "1. [" in table.out
    assert "The moon landing in 1969 was filmed in a studio in Nevada." in table.out
    stats = run_cli("library", "stats")
    assert "2 fact-checks: 2 published, 0 your own verdicts" in stats.out


def test_search_without_a_library_is_one_line_and_creates_nothing(
    tmp_path: Path, run_cli: RunCli
) -> None:
    missing = tmp_path / "none.sqlite3"
    result = run_cli("library", "search", "anything", "--library", str(missing))
    assert result.code == 1
    assert "there is no library at" in result.err
    assert not missing.exists()


def test_usage_errors_exit_2(run_cli: RunCli) -> None:
    import pytest

    with pytest.raises(SystemExit) as stopped:
        run_cli("library", "search", "x", "--top", "0")
    assert stopped.value.code == 2
    with pytest.raises(SystemExit) as stopped:
        run_cli("library")
    assert stopped.value.code == 2


def test_own_verdicts_are_found_from_a_second_article(tmp_path: Path, run_cli: RunCli) -> None:
    first = tmp_path / "first.txt"
    first.write_text(FIRST_ARTICLE, encoding="utf-8")
    review = tmp_path / "first.txt.review.json"
    claim = "The new bridge over the Elm river cost 42 million euros, the council said on Friday."
    write_review(review, first, {claim: "disputed", "It was sunny.": "not_a_claim"})
    result = run_cli("library", "import", str(review))
    assert result.code == 0, result.err
    assert "1 added, 0 updated" in result.out  # "not a claim" says nothing about truth
    second = tmp_path / "second.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    claims = run_cli("claims", str(second), "--format", "json").json()["claims"]
    found = [m for c in claims for m in c["checked_before"]]
    assert found, claims
    match = found[0]
    assert match["claim"] == claim
    assert match["rating"] == "disputed"
    assert match["reviewer"] == "Ann Checker"
    assert match["date"] == "2024-05-02"
    assert match["origin"] == "own"
    # the article's own claims are not "checked before" by its own review
    mine = run_cli("claims", str(first), "--format", "json").json()["claims"]
    assert all(c["checked_before"] == [] for c in mine)


def test_a_changed_verdict_updates_its_entry(tmp_path: Path, run_cli: RunCli) -> None:
    first = tmp_path / "first.txt"
    first.write_text(FIRST_ARTICLE, encoding="utf-8")
    review = tmp_path / "first.txt.review.json"
    claim = "The new bridge over the Elm river cost 42 million euros, the council said on Friday."
    write_review(review, first, {claim: "disputed"})
    run_cli("library", "import", str(review))
    write_review(review, first, {claim: "verified"})
    result = run_cli("library", "import", str(review))
    assert "0 added, 1 updated" in result.out
    stats = run_cli("library", "stats", "--format", "json").json()
    assert stats["fact_checks"] == 1 and stats["own"] == 1
    found = run_cli("library", "search", "Elm river bridge 42 million", "--format", "json")
    assert found.json()["matches"][0]["rating"] == "verified"
    write_review(review, first, {claim: "unreviewed"})  # undone: the entry goes
    run_cli("library", "import", str(review))
    assert run_cli("library", "stats", "--format", "json").json()["fact_checks"] == 0


def test_claims_without_a_library_gets_empty_lists_and_creates_none(
    tmp_path: Path, run_cli: RunCli
) -> None:
    article = tmp_path / "first.txt"
    article.write_text(FIRST_ARTICLE, encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    result = run_cli("claims", str(article), "--format", "json", "--library", str(library))
    assert all(c["checked_before"] == [] for c in result.json()["claims"])
    assert not library.exists()


def _write_many(path: str, prefix: str, count: int) -> None:
    store = open_library(Path(path))
    for n in range(count):
        store.upsert(
            [FactCheck(key=f"{prefix}-{n}", claim=f"{prefix} claim number {n}", origin=PUBLISHED)]
        )
    store.close()


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    open_library(path).close()  # made once, as the first window would
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_write_many, args=(str(path), name, 60)) for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert [w.exitcode for w in writers] == [0, 0]
    store = open_library(path, create=False)
    assert store.count() == 120
    assert len(store.candidates(["claim"], 500)) == 120  # the index agrees with the table
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_library_is_one_line(tmp_path: Path, run_cli: RunCli) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database at all" * 100)
    result = run_cli("library", "stats", "--library", str(damaged))
    assert result.code == 1
    assert result.err.strip() == (
        f"workbench: the library {damaged} is unavailable: the file is damaged or is not a library"
    )
    article = tmp_path / "first.txt"
    article.write_text(FIRST_ARTICLE, encoding="utf-8")
    claims = run_cli("claims", str(article), "--format", "json", "--library", str(damaged))
    assert claims.code == 0  # the claims still come, with the reason said once
    assert all(c["checked_before"] == [] for c in claims.json()["claims"])
    assert "unavailable" in claims.err
    assert damaged.read_bytes() == b"this is not a database at all" * 100  # left untouched


def test_markdown_report_lists_matches_under_the_claim(tmp_path: Path, run_cli: RunCli) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(BRIDGE, VACCINE), encoding="utf-8")
    run_cli("library", "import", str(feed))
    article = tmp_path / "first.txt"
    article.write_text(FIRST_ARTICLE, encoding="utf-8")
    result = run_cli("report", str(article))
    assert result.code == 0
    section = result.out.split("## Checked before", 1)[1]
    claim = "The new bridge over the Elm river cost 42 million euros, the council said on Friday."
    lines = section.strip().splitlines()
    block = lines[lines.index(next(line for line in lines if claim in line)) :]
    assert block[0].endswith(claim)
    assert block[1].startswith(f"- “{BRIDGE['claimReviewed']}” — **Mostly true** — Desk Check")
    assert (
        "[https://checks.example/elm-bridge-cost](https://checks.example/elm-bridge-cost)"
        in (block[1])
    )
    assert "magnetic" not in section  # an unrelated fact-check is not listed


def test_markdown_report_without_a_library_has_no_section(tmp_path: Path, run_cli: RunCli) -> None:
    article = tmp_path / "first.txt"
    article.write_text(FIRST_ARTICLE, encoding="utf-8")
    result = run_cli("report", str(article))
    assert result.code == 0
    assert "Checked before" not in result.out


def test_a_killed_import_leaves_the_library_consistent(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    feed = tmp_path / "many.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for n in range(30_000):
            out.write(json.dumps({**BRIDGE, "url": f"https://checks.example/{n}"}) + "\n")
    library = tmp_path / "killed.sqlite3"
    open_library(library).upsert([FactCheck(key="before", claim="A claim kept before.")])
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbench",
            "library",
            "import",
            str(feed),
            "--library",
            str(library),
        ]
    )
    deadline = time.monotonic() + 30
    # Killed while it writes: once the write-ahead log has grown past its header.
    wal = Path(f"{library}-wal")
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 100_000:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    store = open_library(library, create=False)
    assert store.count() in (1, 30_001)  # all of the import or none of it
    assert len(store.candidates(["kept"], 10)) == 1
    store.close()
    with sqlite3.connect(library) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO fact_checks_text(fact_checks_text) VALUES ('integrity-check')")


def test_help_everywhere(run_cli: RunCli) -> None:
    import pytest

    for args in (("library",), ("library", "import"), ("library", "search"), ("library", "stats")):
        with pytest.raises(SystemExit) as stopped:
            run_cli(*args, "--help")
        assert stopped.value.code == 0


def test_a_reviewed_claim_carries_its_matches_in_its_own_section(
    tmp_path: Path, run_cli: RunCli
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(BRIDGE, VACCINE), encoding="utf-8")
    run_cli("library", "import", str(feed))
    article = tmp_path / "first.txt"
    article.write_text(FIRST_ARTICLE, encoding="utf-8")
    claim = "The new bridge over the Elm river cost 42 million euros, the council said on Friday."
    write_review(tmp_path / "first.txt.review.json", article, {claim: "disputed"})
    result = run_cli("report", str(article))
    assert result.code == 0, result.err
    section = result.out.split("### ✗ Disputed", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert claim in section
    assert "**Checked before**" in section
    assert f"- “{BRIDGE['claimReviewed']}” — **Mostly true** — Desk Check" in section
    # ...and not a second time in the list of claims not reviewed yet
    assert result.out.count(f"“{BRIDGE['claimReviewed']}”") == 1
