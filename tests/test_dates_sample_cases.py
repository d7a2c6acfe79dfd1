"""The date cases of the shipped samples that issue 10 found wrong, checked through
`workbench claims` as a user runs it (the rules themselves are tested on sentences written in
test_dates_tense.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main


def dates_of(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each sentence's date mentions, (text, value), from `workbench claims --all`."""
    assert main(["claims", str(path), "--all", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    return {c["text"]: [(d["text"], d["value"]) for d in c["dates"]] for c in claims}


def sentence_with(found: dict[str, list[tuple[str, str]]], words: str) -> list[tuple[str, str]]:
    (text,) = [text for text in found if words in text]
    return found[text]


def test_harbour_tunnel_detour_from_june_is_the_coming_june(
    capsys: pytest.CaptureFixture[str], samples: Path
) -> None:
    found = dates_of(capsys, samples / "harbour-tunnel-closure.html")  # dated 2024-05-16
    assert sentence_with(found, "detour from June") == [("June", "2024-06")]
    assert ("June 3", "2024-06-03") in sentence_with(found, "from June 3")


def test_city_budget_tonight_is_the_meeting_night(
    capsys: pytest.CaptureFixture[str], samples: Path
) -> None:
    found = dates_of(capsys, samples / "city-budget-2024.md")  # dated Thursday 2024-03-14
    assert ("Wednesday night", "2024-03-13") in sentence_with(found, "approved a 612 million")
    assert sentence_with(found, "That ends tonight") == [("tonight", "2024-03-13")]
