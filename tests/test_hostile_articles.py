"""Bad and hostile articles through `workbench claims` and `workbench report`, as users send them.

Each input either works — the table shows its text literally with no escape byte reaching the
terminal, the JSON keeps the text exactly and its offsets slice the decoded text — or is
refused with one line on stderr and exit 1. A few run through a real `python -m workbench`
process to prove that no traceback ever reaches stderr and that nothing hangs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cli_result import RunCli
from hostile_inputs import (
    HOSTILE_LINE,
    MALFORMED_HTML,
    MARKDOWN_BREAKER,
    SCRIPT_ONLY_HTML,
    assert_refused_in_one_line,
    claim_table,
    elf_bytes,
    html_in_markdown,
    link_targets,
    nested_html,
    news_text,
    pdf_bytes,
    png_bytes,
    random_bytes,
    raw_cells,
    raw_claim_table,
    rendered_cell,
    write,
)

from workbench.core.sanitize import visible

REPO = Path(__file__).resolve().parents[1]
# C0 controls but newline, DEL and C1 controls: none may reach a terminal raw.
TERMINAL_CONTROLS = [chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so a table row holds a whole sentence on one line."""
    monkeypatch.setenv("COLUMNS", "400")


def claims_json(run: RunCli, path: Path, *extra: str) -> dict[str, Any]:
    result = run("claims", str(path), "--format", "json", "--all", *extra)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    data: dict[str, Any] = result.json()
    return data


def assert_offsets_slice(data: dict[str, Any], text: str) -> None:
    """Every claim and every copy of it slices `text` (the decoded article) to its text."""
    assert data["claims"], "no sentence found"
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        for copy in claim["copies"]:
            assert text[copy["start"] : copy["end"]] == claim["text"]
        for date in claim["dates"]:
            assert text[date["start"] : date["end"]] == date["text"]


def table_claim_column(out: str) -> list[str]:
    """The cells of the `claim` column of `workbench claims` table output, row by row."""
    lines = out.splitlines()
    header = next(line for line in lines if "claim" in line and "score" in line)
    column = [part.strip() for part in header.split("┃")].index("claim")
    return [
        line.split("│")[column].strip()
        for line in lines
        if line.startswith("│") and line.count("│") > column
    ]


# -- refused with one line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\r\n   \n", "is empty"),
        ("bom-only.txt", b"\xef\xbb\xbf\n \n", "is empty"),
        ("program.txt", elf_bytes(), "not a text article"),
        ("picture.txt", png_bytes(), "not a text article"),
        ("paper.txt", pdf_bytes(), "not a text article"),
        ("random.txt", random_bytes(), "not a text article"),
        ("random.html", random_bytes(seed=3), "not a text article"),
        ("program.md", elf_bytes(seed=4), "not a text article"),
        ("noext", png_bytes(), "not a text article"),
    ],
)
def test_empty_and_binary_articles_are_refused_in_one_line(
    run_cli: RunCli, tmp_path: Path, name: str, data: bytes, why: str
) -> None:
    path = write(tmp_path, name, data)
    for fmt in ("table", "json"):
        result = run_cli("claims", str(path), "--format", fmt)
        assert_refused_in_one_line(result.code, result.err, str(path), why)
        assert result.out == ""


def test_html_whose_body_is_all_script_shows_no_script_as_claims(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(tmp_path, "scripts.html", SCRIPT_ONLY_HTML)
    result = run_cli("claims", str(path), "--format", "json", "--all")
    if result.code == 0:
        texts = " ".join(c["text"] for c in result.json()["claims"])
        assert "president said" not in texts and "document.write" not in texts
    else:
        assert_refused_in_one_line(result.code, result.err, str(path), "no article text")


@pytest.mark.slow
def test_a_50_mb_text_is_refused_by_its_size(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    chunk = news_text(1 << 20).encode("utf-8")
    with path.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    result = run_cli("claims", str(path))
    assert_refused_in_one_line(result.code, result.err, str(path), "too large", "MB")
    assert result.out == ""


def test_standard_input_over_the_limit_is_refused(run_cli: RunCli) -> None:
    from workbench.core.loading import MAX_ARTICLE_BYTES

    result = run_cli("claims", "-", stdin=b"a" * (MAX_ARTICLE_BYTES + 1))
    assert_refused_in_one_line(result.code, result.err, "standard input", "too large")


# -- works, literally ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Le ministre a déclaré vendredi que 40 élèves étaient malades en 2019.\n"),
        ("cp1252", "The mayor said “40 people” died in 2019 — a record, according to police.\n"),
        ("utf-16", "The mayor said 40 people died in 2019, according to the police.\n"),
        ("utf-16-be", "Der Bürgermeister sagte, 40 Menschen seien 2019 gestorben.\n"),
        ("utf-8-sig", "The mayor said 40 people died in 2019, according to the police.\n"),
    ],
)
def test_legacy_and_wide_encodings_decode_with_offsets_intact(
    run_cli: RunCli, tmp_path: Path, encoding: str, text: str
) -> None:
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw  # as Windows tools write it: with a BOM
    path = write(tmp_path, f"{encoding}.txt", raw)
    data = claims_json(run_cli, path)
    assert_offsets_slice(data, text)
    assert "".join(c["text"] for c in data["claims"]) in text
    assert data["claims"][0]["text"] == text.strip()


def test_stray_nul_bytes_become_replacement_characters_one_for_one(
    run_cli: RunCli, tmp_path: Path
) -> None:
    body = news_text(2000)
    text = (
        "The mayor said 40\x00 people died in 2019.\n\n" + body + "Police said\x00 12 were hurt.\n"
    )
    path = write(tmp_path, "nul.txt", text)
    data = claims_json(run_cli, path)
    assert_offsets_slice(data, text.replace("\x00", "\ufffd"))
    table = run_cli("claims", str(path), "--all")
    assert table.code == 0 and "\x00" not in table.out


def test_markup_escapes_and_invisible_characters_show_literally(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(tmp_path, "hostile.txt", HOSTILE_LINE + "\n")
    table = run_cli("claims", str(path), "--all")
    assert table.code == 0, table.err
    for control in TERMINAL_CONTROLS:
        assert control not in table.out, f"U+{ord(control):04X} reached the terminal"
    # Rich markup is shown as typed, not interpreted; escapes and bidi become visible marks.
    shown = " ".join(" ".join(table_claim_column(table.out)).split())
    assert "[bold red]The mayor[/] said [link=https://x]40 people[/link]" in shown
    assert shown == " ".join(visible(HOSTILE_LINE, single_line=True).split())
    assert "␛[2J" in shown and "<U+202E>" in shown and "<U+200B>" in shown

    data = claims_json(run_cli, path)
    assert data["claims"][0]["text"] == HOSTILE_LINE  # exactly, escapes and all
    assert_offsets_slice(data, HOSTILE_LINE + "\n")


def test_json_output_never_carries_raw_terminal_controls(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, "hostile.txt", HOSTILE_LINE + "\n")
    result = run_cli("claims", str(path), "--format", "json")
    assert result.code == 0, result.err
    for control in TERMINAL_CONTROLS:
        assert control not in result.out, f"U+{ord(control):04X} printed raw in the JSON"


def test_a_narrow_table_wraps_long_words_instead_of_cutting_them(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    path = write(tmp_path, "hostile.txt", HOSTILE_LINE + "\n")
    table = run_cli("claims", str(path), "--all")
    assert table.code == 0, table.err
    shown = "".join("".join(table_claim_column(table.out)).split())
    assert shown == "".join(visible(HOSTILE_LINE, single_line=True).split()), "text was cut"


def test_text_made_of_nul_bytes_works_or_is_refused_in_one_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(tmp_path, "nuls.txt", "The mayor said 40\x00\x00\x00 people died in 2019.\n")
    result = run_cli("claims", str(path), "--format", "json")
    if result.code == 0:
        assert_offsets_slice(result.json(), path.read_text().replace("\x00", "\ufffd"))
    else:
        assert_refused_in_one_line(result.code, result.err, str(path), "binary")


def test_markdown_that_tries_to_break_things_is_extracted_as_text(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(tmp_path, "breaker.txt", MARKDOWN_BREAKER)
    data = claims_json(run_cli, path)
    assert_offsets_slice(data, MARKDOWN_BREAKER)
    texts = [c["text"] for c in data["claims"]]
    assert any("<script>alert(1)</script>" in t for t in texts)
    table = run_cli("claims", str(path), "--all")
    assert table.code == 0 and "<script>alert(1)</script>" in table.out


def test_malformed_html_still_yields_its_sentences(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, "broken.html", MALFORMED_HTML)
    result = run_cli("claims", str(path), "--format", "json", "--all")
    assert result.code == 0, result.err
    texts = " ".join(c["text"] for c in result.json()["claims"])
    assert "12 schools closed" in texts
    assert "said no" in texts


def test_deeply_nested_html_works_or_is_refused_in_one_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(tmp_path, "deep.html", nested_html(10_000))
    result = run_cli("claims", str(path), "--format", "json", "--all")
    if result.code == 0:
        texts = " ".join(c["text"] for c in result.json()["claims"])
        assert "40 people died in the flood" in texts
    else:
        assert_refused_in_one_line(result.code, result.err, str(path))


def test_deeply_nested_html_keeps_its_text(run_cli: RunCli, tmp_path: Path) -> None:
    """Nesting is not a reason to lose the article: browsers show this page's sentence."""
    path = write(tmp_path, "deep.html", nested_html(10_000))
    result = run_cli("claims", str(path), "--format", "json", "--all")
    assert result.code == 0, result.err
    texts = " ".join(c["text"] for c in result.json()["claims"])
    assert "40 people died in the flood" in texts


# -- the report on hostile text ------------------------------------------------------------------


def _review_everything(article: Path) -> int:
    """Mark every claim of `article` with a hostile note and URL, as the app would save it."""
    from workbench.core.extraction import extract
    from workbench.core.loading import load_document
    from workbench.core.review.location import default_session_path
    from workbench.core.review.model import Verdict
    from workbench.core.review.workspace import ReviewWorkspace

    document = load_document(str(article))
    extraction = extract(document)
    workspace = ReviewWorkspace.open(
        extraction, default_session_path(document), reviewer="<b>Eve</b> | [x](javascript:1)"
    )
    verdicts = [Verdict.DISPUTED, Verdict.VERIFIED, Verdict.INCONCLUSIVE, Verdict.NOT_A_CLAIM]
    for number, claim in enumerate(workspace.claims):
        workspace.set_verdict(claim.id, verdicts[number % len(verdicts)])
        workspace.set_note(claim.id, "Note | with <script>x()</script>\n# heading\n" + HOSTILE_LINE)
        workspace.add_url(claim.id, "https://example.org/a|b?q=<script>")
    return len(workspace.claims)


@pytest.mark.parametrize("name", ["breaker.txt", "breaker.md", "hostile.txt"])
def test_report_on_hostile_text_keeps_its_table_and_shows_no_raw_html(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    content = (
        HOSTILE_LINE + "\n\n" + MARKDOWN_BREAKER if name == "hostile.txt" else MARKDOWN_BREAKER
    )
    article = write(tmp_path, name, content)
    listed = _review_everything(article)
    assert listed > 0
    result = run_cli("report", str(article))
    assert result.code == 0, result.err
    report = result.out

    rows = raw_claim_table(report)
    assert len(rows) == 2 + listed  # header, delimiter, one row per claim
    assert {raw_cells(row) for row in rows} == {5}, rows
    parsed = claim_table(report)
    assert len(parsed) == 1 + listed

    claims = claims_json(run_cli, article)["claims"]
    column = parsed[0].index("claim")
    shown = [rendered_cell(row[column]) for row in parsed[1:]]
    assert shown == [visible(c["text"], single_line=True) for c in claims]

    assert html_in_markdown(report) == []
    assert "<script>" not in report
    assert link_targets(report), "the source links are gone"
    for target in link_targets(report):
        assert target.startswith("https://example.org/"), target
    for control in TERMINAL_CONTROLS:
        assert control not in report, f"U+{ord(control):04X} in the report"


# -- a real process: no traceback, no hang ---------------------------------------------------------


def run_process(
    *args: str, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[bytes], float]:
    """`python -m workbench ARGS` in a child process; returns it and how long it took."""
    env = {**os.environ, "COLUMNS": "120", "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        timeout=timeout,  # raises TimeoutExpired, failing the test, if it hangs
        env=env,
        cwd=REPO,
        check=False,
    )
    return done, time.perf_counter() - started


def test_binary_and_empty_files_never_print_a_traceback(tmp_path: Path) -> None:
    for name, data in (("a.txt", elf_bytes()), ("b.txt", b""), ("c.html", random_bytes())):
        path = write(tmp_path, name, data)
        done, _ = run_process("claims", str(path))
        err = done.stderr.decode("utf-8", "replace")
        assert_refused_in_one_line(done.returncode, err, str(path))


def test_hostile_text_reaches_a_real_terminal_pipe_without_escapes(tmp_path: Path) -> None:
    path = write(tmp_path, "hostile.txt", HOSTILE_LINE + "\n\n" + MARKDOWN_BREAKER)
    for fmt in ("table", "json"):
        done, _ = run_process("claims", str(path), "--all", "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
        assert "\x9b" not in done.stdout.decode("utf-8")
    assert json.loads(done.stdout)["claims"][0]["text"] == HOSTILE_LINE


@pytest.mark.slow
def test_one_2_mb_line_without_punctuation_finishes(tmp_path: Path) -> None:
    path = write(tmp_path, "line.txt", "word " * (2 * 1024 * 1024 // 5))
    done, took = run_process("claims", str(path), "--format", "json", timeout=60)
    print(f"2 MB single line: exit {done.returncode} in {took:.1f} s")
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode == 0:
        assert err == ""
        data = json.loads(done.stdout)
        text = path.read_text(encoding="utf-8")
        for claim in data["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["text"]
    else:
        assert_refused_in_one_line(done.returncode, err, str(path))


def test_page_built_of_furniture_boxes_gives_claims_or_one_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # Boxes named as furniture nested 200 deep, thousands of hover cards in one paragraph, and
    # a page that is nothing but link lists: no traceback, no hang, the story still listed.
    nested = "<div class='related'>" * 200 + "<a href='/x'>Other story</a>" + "</div>" * 200
    cards = "".join(
        f"<a href='/p{n}'>Name {n}</a><span><img src='p.jpg'><a href='/a'>A</a><a href='/b'>B</a>"
        "</span> and"
        for n in range(3000)
    )
    story = (
        "<p>The council approved a budget of 12 million euros on March 13, 2024, the mayor "
        "said.</p>"
    )
    body = f"{nested}<article>{story}<p>Present were {cards} others.</p></article>"
    page = f"<html><body>{body}</body></html>"
    path = tmp_path / "boxes.html"
    path.write_text(page, encoding="utf-8")
    data = claims_json(run_cli, path)
    texts = [c["text"] for c in data["claims"]]
    assert any("12 million euros" in t for t in texts)
    assert not any("A B" in t or "AB" in t for t in texts)

    links_only = (
        "<html><body>" + "<ul>" + "<li><a href='/x'>Link</a></li>" * 500 + "</ul></body></html>"
    )
    path = tmp_path / "links.html"
    path.write_text(links_only, encoding="utf-8")
    result = run_cli("claims", str(path), "--format", "json")
    assert result.code in (0, 1)
    assert "Traceback" not in result.err
    if result.code == 1:
        assert len(result.err.strip().splitlines()) == 1
