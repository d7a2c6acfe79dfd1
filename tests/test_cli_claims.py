"""`workbench claims`: the command-line contract of PRODUCT.md, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_result import RunCli

from workbench.cli.main import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = SAMPLES / "north-korea-opens-borders.txt"


def run_json(run_cli: RunCli, *args: str) -> dict[str, object]:
    result = run_cli("claims", *args, "--format", "json")
    assert result.code == 0
    data: dict[str, object] = result.json()
    return data


def test_seed_lists_each_claim_once_with_both_copies(run_cli: RunCli) -> None:
    data = run_json(run_cli, str(SEED))
    text = SEED.read_text(encoding="utf-8")
    claims = data["claims"]
    assert isinstance(claims, list) and len(claims) >= 8
    texts = [c["text"] for c in claims]
    assert len(texts) == len(set(texts)), "a claim is listed twice"
    for claim in claims:
        # Offsets slice the decoded file to the claim text, for every copy.
        assert text[claim["start"] : claim["end"]] == claim["text"]
        for copy in claim["copies"]:
            assert text[copy["start"] : copy["end"]] == claim["text"]
        # Every paragraph but the first is printed twice in the seed article.
        if not claim["text"].startswith("North Korea opened its borders"):
            assert claim["occurrences"] == 2, claim["text"]


def test_seed_sentences_are_not_split_inside_abbreviations(run_cli: RunCli) -> None:
    data = run_json(run_cli, str(SEED), "--all")
    sentences = [c["text"] for c in data["claims"]]  # type: ignore[union-attr]
    assert any(s.endswith("banned by the U.N. Security Council resolution.") for s in sentences)
    assert any("collapse of U.S.-North Korea diplomatic talks in 2019." in s for s in sentences)
    for sentence in sentences:
        assert not sentence.endswith(("U.N.", "U.S.")), sentence
        assert not sentence.startswith(("Security Council", "-North Korea")), sentence


def test_all_lists_every_sentence(run_cli: RunCli) -> None:
    every = run_json(run_cli, str(SEED), "--all")
    claims = run_json(run_cli, str(SEED))
    assert len(every["claims"]) > len(claims["claims"])  # type: ignore[arg-type]
    assert every["sentences"] == len(every["claims"])  # type: ignore[arg-type]


def test_json_has_the_contract_fields(run_cli: RunCli) -> None:
    data = run_json(run_cli, str(SEED), "--date", "2023-07-28")
    assert data["reference_date"] == "2023-07-28"
    assert "--date" in str(data["reference_date_origin"])
    for key in ("source", "reference_date", "reference_date_origin", "claims"):
        assert key in data
    claim = data["claims"][0]  # type: ignore[index]
    for key in ("id", "text", "start", "end", "occurrences", "score", "signals", "dates"):
        assert key in claim
    assert 0.0 <= claim["score"] <= 1.0


def test_table_output_shows_claims_and_reference_date(run_cli: RunCli) -> None:
    result = run_cli("claims", str(SEED), "--date", "2023-07-28")
    assert result.code == 0
    assert "reference date 2023-07-28" in result.out
    assert "Shoigu" in result.out


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("claims", str(tmp_path / "nope.txt"))
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith("workbench: ")
    assert "no such file" in result.err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["claims", str(SEED), "--date", "28/07/2023"])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["claims"], ["report"], ["evidence"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: workbench" in capsys.readouterr().out


def test_python_dash_m_works_the_same(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The council approved 12 new schools on Monday, officials said.\n")
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(article), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"][0]["text"].startswith("The council approved")
    missing = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(tmp_path / "missing.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert missing.stderr.strip().count("\n") == 0


def test_a_long_listing_reaches_a_pipe_whole_before_the_process_ends(tmp_path: Path) -> None:
    # `workbench claims` ends with os._exit once its output is flushed: megabytes of JSON
    # through a pipe must still arrive to the last byte, and the exit code stay 0.
    article = tmp_path / "long.txt"
    paragraphs = [
        f"The council approved {n} new schools on Monday, officials said in district {n}."
        for n in range(3000)
    ]
    article.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(article), "--format", "json"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"}\n")
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) == 3000
    assert claims[-1]["text"].endswith("in district 2999.")


@pytest.mark.parametrize("output", ["json", "table"])
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path, output: str) -> None:
    # `workbench claims ... | head -c 100`: the pipe closes mid-output; no traceback, code 0,
    # for the table as for the JSON.
    article = tmp_path / "long.txt"
    article.write_text(
        "\n\n".join(
            f"The port moved {n} containers on Friday, the authority said." for n in range(2000)
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "claims", str(article), "--format", output],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(100)  # the table opens on the title, wrapped to the width
    assert first.startswith(b"{") if output == "json" else len(first) == 100
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert b"Traceback" not in errors and errors == b""
