"""`workbench claims --all --format json` gives the same output as the committed goldens.

A guard for speed work on the pipeline: faster code must not silently change what is found.
Each sample in samples/, plus an article built here with edited copies of those samples (so the
fuzzy folding stages have copies to find and near-copies to refuse), is run through the command
and compared with tests/golden/<name>.json. Scores are compared rounded to 2 decimals, so
floating-point noise passes while any real change of score, decision, signal, date, offset or
fold fails.

When a change of output is intended, regenerate the goldens and review the diff:

    WORKBENCH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_claims_output_stable.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import main
from workbench.core.loading import load_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("WORKBENCH_UPDATE_GOLDEN") == "1"

_NUMBER = re.compile(r"\d+")
_PLACES = ("Northfield", "Riverside", "Oakdale")


def edited_article() -> str:
    """Every sample paragraph three times: as written, with one word added, with its numbers
    changed; then a place name inserted. Exercises exact, fuzzy and refused folds."""
    paragraphs: list[str] = []
    for sample in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.md")):
        for paragraph in load_document(str(sample)).text.split("\n"):
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(("#", "---", "title:", "date:")):
                continue
            paragraphs.append(paragraph)
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.append(paragraph.replace(" the ", " the very ", 1))
        out.append(_NUMBER.sub(lambda m: str(int(m.group()) + 1), paragraph))
        out.append(f"In {_PLACES[index % len(_PLACES)]}, {paragraph}")
    return "\n\n".join(out) + "\n"


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The output with the source path reduced to its name and scores to 2 decimals."""
    data = dict(data)
    data["source"] = Path(data["source"]).name
    data["claims"] = [{**c, "score": round(c["score"], 2)} for c in data["claims"]]
    return data


def articles(tmp: Path) -> list[Path]:
    built = tmp / "edited-copies.txt"
    built.write_text(edited_article(), encoding="utf-8")
    return sorted(p for p in SAMPLES.iterdir() if p.is_file()) + [built]


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in SAMPLES.iterdir() if p.is_file()) + ["edited-copies.txt"],
)
def test_claims_output_matches_golden(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = {p.name: p for p in articles(tmp_path)}[name]
    assert main(["claims", str(path), "--all", "--format", "json"]) == 0
    got = normalised(json.loads(capsys.readouterr().out))
    # Every article here dates itself, so the goldens do not depend on the day the test runs.
    assert got["reference_date_rule"] != "today"
    golden = GOLDEN / f"{name}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got["sentences"] == expected["sentences"]
    for mine, theirs in zip(got["claims"], expected["claims"], strict=True):
        assert mine == theirs, mine["text"]
    assert got == expected
