"""What is shown carries no carriage return or control character; JSON keeps exact offsets.

A Windows file (CRLF line endings, hard-wrapped inside sentences) read from disk and from
standard input: the `claims` table and the Markdown report show its sentences with the line
break as a space, never "␍"; the JSON still slices the decoded text exactly.
"""

from __future__ import annotations

from pathlib import Path

from cli_result import RunCli
from hostile_inputs import CRLF_ARTICLE

from workbench.core.sanitize import visible


def test_visible_turns_every_line_break_convention_into_one() -> None:
    assert visible("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert visible("a\r\nb\rc\nd", single_line=True) == "a b c d"
    assert visible("x\x1b[2Jy\x07", single_line=True) == "x␛[2Jy␇"
    assert "\r" not in visible("\r\r\n\r") and "␍" not in visible("\r\r\n\r")


def _table_has_no_carriage_return(out: str) -> None:
    assert "\r" not in out
    assert "␍" not in out
    assert "Northfield container" in " ".join(out.split())


def test_claims_table_of_a_crlf_file_shows_no_carriage_return(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(CRLF_ARTICLE.encode("utf-8"))
    result = run_cli("claims", str(path), "--date", "2023-11-07")
    assert result.code == 0, result.err
    _table_has_no_carriage_return(result.out)


def test_claims_table_from_stdin_shows_no_carriage_return(run_cli: RunCli) -> None:
    result = run_cli("claims", "-", "--date", "2023-11-07", stdin=CRLF_ARTICLE.encode("utf-8"))
    assert result.code == 0, result.err
    _table_has_no_carriage_return(result.out)


def test_json_offsets_still_slice_the_decoded_crlf_text(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(CRLF_ARTICLE.encode("utf-8"))
    result = run_cli("claims", str(path), "--all", "--format", "json", "--date", "2023-11-07")
    claims = result.json()["claims"]
    decoded = path.read_bytes().decode("utf-8")
    assert any("\r\n" in c["text"] for c in claims)  # JSON keeps the text as decoded
    for claim in claims:
        assert decoded[claim["start"] : claim["end"]] == claim["text"]


def test_markdown_report_of_a_crlf_file_shows_no_carriage_return(
    run_cli: RunCli, tmp_path: Path
) -> None:
    from workbench.core.extraction import extract
    from workbench.core.loading import load_document
    from workbench.core.review.location import default_session_path
    from workbench.core.review.model import Verdict
    from workbench.core.review.workspace import ReviewWorkspace

    path = tmp_path / "wire.txt"
    path.write_bytes(CRLF_ARTICLE.encode("utf-8"))
    document = load_document(str(path))
    workspace = ReviewWorkspace.open(
        extract(document), default_session_path(document), reviewer="Checker"
    )
    for claim in workspace.claims:
        workspace.set_verdict(claim.id, Verdict.VERIFIED)
    result = run_cli("report", str(path))
    assert result.code == 0, result.err
    _table_has_no_carriage_return(result.out)
