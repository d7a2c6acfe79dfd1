"""`workbench claims` end to end on the seed article: the dates it prints, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import main

SEED = Path(__file__).resolve().parents[1] / "samples" / "north-korea-opens-borders.txt"


def claims_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["claims", *args, "--format", "json", "--all"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def all_dates(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for claim in data["claims"] for d in claim["dates"]]


def test_seed_article_dates(capsys: pytest.CaptureFixture[str]) -> None:
    data = claims_json(capsys, str(SEED))
    assert data["reference_date"] == "2023-07-28"
    assert data["reference_date_rule"] == "inferred"
    assert "Friday, July 28" in data["reference_date_origin"]
    by_text = {(d["text"], d["value"], d["granularity"]) for d in all_dates(data)}
    assert ("Friday, July 28", "2023-07-28", "day") in by_text
    assert ("July 27", "2023-07-27", "day") in by_text
    assert ("2019", "2019", "year") in by_text
    assert ("next month", "2023-08", "month") in by_text
    ago = next(d for d in all_dates(data) if d["text"] == "more than three years ago")
    assert (ago["value"], ago["granularity"], ago["qualifier"], ago["relative"]) == (
        "2020-07",
        "month",
        "before",
        True,
    )
    text = SEED.read_text(encoding="utf-8")
    for date in all_dates(data):
        assert text[date["start"] : date["end"]] == date["text"]
        assert "70th" not in date["text"]
        if "years of" in text[date["start"] : date["end"] + 4]:
            assert date["granularity"] == "duration"


def test_weekday_warning_in_the_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "council.txt"
    article.write_text("On Friday, July 28, 2024, the council met.\n", encoding="utf-8")
    data = claims_json(capsys, str(article), "--date", "2024-08-01")
    (date,) = all_dates(data)
    assert date["value"] == "2024-07-28"
    assert date["warnings"] == ["July 28, 2024 is a Sunday, not a Friday"]
