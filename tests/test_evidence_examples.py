"""Issue 9's examples, each against a real page served on 127.0.0.1, through `workbench evidence`:
no name is a piece of a word, no false agreement or difference, silence (and a flag) when no
passage is about the claim, quantities and times compared as such, findings that name their
words, up to three passages, `--all`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_result import CliResult
from pytest_httpserver import HTTPServer

HTML = "text/html; charset=utf-8"


def news_page(title: str, paragraphs: list[str], published: str = "2023-07-28") -> str:
    """A news page as a site serves it: navigation, the article, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Courier</title>
<meta property="article:published_time" content="{published}T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Sam Reed</p>
{body}
</article></main><footer><p>© 2023 The Courier. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(autouse=True)
def _narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def check(
    tmp_path: Path, httpserver: HTTPServer, run_cli: Callable[..., CliResult]
) -> Callable[..., dict[str, Any]]:
    """Serve a page, write an article dated 2023-07-28, run `evidence --format json`."""

    def run(article: str, page: str, *extra: str) -> dict[str, Any]:
        path = tmp_path / "article.md"
        path.write_text(f"---\ndate: 2023-07-28\n---\n\n{article}\n", encoding="utf-8")
        httpserver.expect_request("/page").respond_with_data(page, content_type=HTML)
        url = httpserver.url_for("/page")
        result = run_cli("evidence", str(path), url, "--all", "--format", "json", *extra)
        assert result.code == 0, result.err
        data: dict[str, Any] = json.loads(result.out)
        return data

    return run


def claim(data: dict[str, Any], words: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["claims"] if words in c["text"])
    return found


def findings(match: dict[str, Any], kind: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    return [
        (how, f)
        for how in ("agree", "differ", "compatible")
        for f in match[how]
        if kind is None or f["kind"] == kind
    ]


def test_names_are_never_pieces_of_words(check: Callable[..., dict[str, Any]]) -> None:
    sentence = (
        "It also said the delegations met in North Korea despite protests, while Samsung also "
        "and Apple declined, the Fort Worth delegate added."
    )
    page = news_page(
        "Talks go on",
        [sentence, "Officials in Seoul gave no further details about the talks on Friday."],
    )
    best = claim(check(sentence, page), "delegations")["best"]
    names = [f["claim"] for _, f in findings(best, "name")]
    assert "North Korea" in names and "Fort Worth" in names
    for name in names:
        assert name.split()[-1] not in ("al", "de")
        start = sentence.index(name)
        assert not sentence[start - 1 : start].isalnum()
        assert not sentence[start + len(name) : start + len(name) + 1].isalnum()
    assert best["differ"] == []


def test_no_agreement_on_a_first_word_or_a_first_name(check: Callable[..., dict[str, Any]]) -> None:
    article = (
        "The New York Times said North Korean envoys joined Olivier Kowalczyk’s team on "
        "July 27 in the garden."
    )
    page = news_page(
        "Garden news",
        [
            "New members said North Garden Club envoys joined Olivier Dupont's team in July "
            "in the garden.",
            "The club meets again next spring, its secretary said.",
        ],
    )
    best = claim(check(article, page), "New York Times")["best"]
    assert best is not None and best["related"]
    agreed = [f["claim"] for how, f in findings(best, "name") if how == "agree"]
    assert "New York Times" not in agreed and "North Korean" not in agreed
    assert not any(f["passage"] in ("New", "North", "Olivier") for _, f in findings(best, "name"))
    differ = {f["claim"]: f["note"] for f in best["differ"] if f["kind"] == "name"}
    assert "Olivier Kowalczyk" in differ and "Olivier Dupont" in differ["Olivier Kowalczyk"]
    (july,) = [f for _, f in findings(best, "date")]
    assert july in best["compatible"]
    assert july["note"] == (
        "date “July 27” → 2023-07-27 within “July” → 2023-07 (both from the date 2023-07-28)"
    )


def test_identical_text_has_no_difference(check: Callable[..., dict[str, Any]]) -> None:
    article = "Russia’s army said “We will stay” after the blast at 6:38 p.m. on Friday."
    page = news_page(
        "Blast",
        [
            'Russia\'s army said "We will stay" after the blast at 6:38 p.m. on Friday.',
            "Rescuers worked through the night to clear the road near the station.",
        ],
    )
    best = claim(check(article, page), "Russia")["best"]
    assert best["differ"] == [] and best["compatible"] == []
    notes = [f["note"] for f in best["agree"]]
    assert "name “Russia” = “Russia”" in notes
    assert "time “6:38 p.m.” → 18:38 = “6:38 p.m.” → 18:38" in notes
    assert any(f["kind"] == "quote" and f["claim"] == "We will stay" for f in best["agree"])
    assert not [f for f in best["agree"] if f["kind"] == "number"]  # 6:38 is not 6 and 38


def test_a_changed_time_is_one_time_difference(check: Callable[..., dict[str, Any]]) -> None:
    article = "The blast hit the station at 6:38 p.m. on Friday, police said."
    page = news_page(
        "Blast",
        [
            "The blast hit the station at 6:45 p.m. on Friday, police said.",
            "Rescuers worked through the night to clear the road near the station.",
        ],
    )
    best = claim(check(article, page), "blast")["best"]
    assert [f["note"] for f in best["differ"]] == [
        "time “6:38 p.m.” → 18:38 vs “6:45 p.m.” → 18:45"
    ]


def test_unrelated_pages_get_no_findings_and_a_flag(
    check: Callable[..., dict[str, Any]],
) -> None:
    article = (
        "The three countries’ leaders will likely meet next month.\n\n"
        "Tomato prices rose 4.9 percent in June, the ministry said."
    )
    page = news_page(
        "Grow your own",
        [
            "Seven tips for growing tomatoes at home: water them daily and feed them compost.",
            "Plant the seedlings in a sunny spot after the last frost, the gardener advised.",
        ],
    )
    data = check(article, page)
    for words in ("three countries", "Tomato prices"):
        item = claim(data, words)
        assert item["best"] is None and item["others"] == []
        nearest = item["nearest"]
        assert nearest is None or (
            nearest["related"] is False
            and nearest["agree"] == nearest["differ"] == nearest["compatible"] == []
        )


def test_unrelated_is_said_in_the_table(
    tmp_path: Path, httpserver: HTTPServer, run_cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("The three countries’ leaders will likely meet next month.\n", encoding="utf-8")
    page = news_page(
        "Grow your own",
        ["Seven tips for growing tomatoes: water them daily and feed them compost, they said."],
    )
    httpserver.expect_request("/page").respond_with_data(page, content_type=HTML)
    result = run_cli("evidence", str(path), httpserver.url_for("/page"), "--all")
    assert result.code == 0
    assert "no passage on these pages is about this claim" in result.out
    assert "three ≠ seven" not in result.out and "differ:" not in result.out


def test_a_quantity_finds_its_passage_and_is_compared_with_its_qualifier(
    check: Callable[..., dict[str, Any]],
) -> None:
    article = "The jury deliberated for less than 10 minutes before the verdict."
    page = news_page(
        "Verdict",
        [
            "Police broke down the door of the house at dawn and found the suspect asleep, "
            "officers said before the hearing.",
            "At trial, the jury took just 15 minutes to find him guilty.",
            "His lawyer said he would appeal the verdict.",
        ],
    )
    best = claim(check(article, page), "jury")["best"]
    assert "15 minutes" in best["passage"]
    (number,) = [f for f in best["differ"] if f["kind"] == "number"]
    assert number["claim"] == "less than 10" and number["passage"] == "15"
    assert number["note"] == "number “less than 10 minutes” ≠ “15 minutes”"
    compatible = check(article.replace("10", "20"), page)
    (fits,) = claim(compatible, "jury")["best"]["compatible"]
    assert fits["note"] == "number “less than 20 minutes” fits “15 minutes”"


def test_a_changed_name_is_reported_with_its_reason(
    tmp_path: Path, httpserver: HTTPServer, run_cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        "---\ndate: 2023-07-28\n---\n\n"
        "Chinese official Li Hongzhong met the delegation in Pyongyang on July 27.\n",
        encoding="utf-8",
    )
    page = news_page(
        "Delegation",
        [
            "Chinese official Zhao Leji met the delegation in Pyongyang on July 26.",
            "The two sides discussed trade and the border, state media reported.",
        ],
    )
    httpserver.expect_request("/page").respond_with_data(page, content_type=HTML)
    url = httpserver.url_for("/page")
    data = json.loads(run_cli("evidence", str(path), url, "--format", "json").out)
    best = claim(data, "Hongzhong")["best"]
    names = [f for f in best["differ"] if f["kind"] == "name"]
    assert [f["claim"] for f in names] == ["Li Hongzhong"]
    assert names[0]["note"].startswith("name “Li Hongzhong” not in the passage; it has “Zhao Leji”")
    assert best["passage"][names[0]["passage_start"] : names[0]["passage_end"]] == "Zhao Leji"
    # The table names the words of every finding, at 80 columns.
    table = run_cli("evidence", str(path), url).out
    assert "differ: date “July 27” → 2023-07-27 vs “July 26” → 2023-07-26" in table
    assert "differ: name “Li Hongzhong” not in the passage" in table
    assert max(len(line) for line in table.splitlines()) <= 80


def test_relative_dates_say_which_reference_dates_resolved_them(
    check: Callable[..., dict[str, Any]],
) -> None:
    article = "The minister resigned yesterday after the vote on the budget."
    page = news_page(
        "Minister resigns",
        [
            "The minister resigned yesterday after the vote on the budget.",
            "Her deputy will lead the ministry until a successor is named.",
        ],
        published="2023-07-25",
    )
    best = claim(check(article, page), "minister")["best"]
    (date,) = best["differ"]
    assert date["note"] == (
        "date “yesterday” → 2023-07-27 vs “yesterday” → 2023-07-24 (from the article's date "
        "2023-07-28 and the page's date 2023-07-25)"
    )


def test_a_year_and_a_day_inside_it_are_compatible(check: Callable[..., dict[str, Any]]) -> None:
    article = "Exports of rice to Kenya fell sharply in 2019, the trade office said."
    page = news_page(
        "Rice",
        [
            "Exports of rice to Kenya fell sharply on March 3, 2019, the trade office said.",
            "Prices recovered the following year.",
        ],
    )
    best = claim(check(article, page), "Exports")["best"]
    assert best["differ"] == []
    assert [f["note"] for f in best["compatible"]] == [
        "date “2019” → 2019 contains “March 3, 2019” → 2019-03-03"
    ]


def test_up_to_three_related_passages(check: Callable[..., dict[str, Any]]) -> None:
    article = "Floods in Sindh have killed 105 children, UNICEF said."
    page = news_page(
        "Floods",
        [
            "Floods in Sindh have killed 115 children, UNICEF said on Thursday.",
            "The weather office said more rain would fall on the coast this week.",
            "UNICEF said floods in Sindh killed children in several districts.",
            "Markets in Karachi were closed for the holiday.",
            "In Sindh, floods have now killed children in every district, UNICEF added.",
            "Relief workers said floods in Sindh had killed 105 children by Monday.",
        ],
    )
    item = claim(check(article, page), "105 children")
    passages = [item["best"], *item["others"]]
    assert 2 <= len(passages) <= 3
    assert all(p["related"] for p in passages)
    scores = [p["score"] for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert not any("Markets in Karachi" in p["passage"] for p in passages)


def test_all_takes_every_sentence(
    tmp_path: Path, httpserver: HTTPServer, run_cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("The bridge opened.\n\nWhat a day.\n", encoding="utf-8")
    page = news_page("Bridge", ["The bridge opened on Friday after three years of work."])
    httpserver.expect_request("/page").respond_with_data(page, content_type=HTML)
    url = httpserver.url_for("/page")
    listed = json.loads(run_cli("evidence", str(path), url, "--format", "json").out)
    every = json.loads(run_cli("evidence", str(path), url, "--all", "--format", "json").out)
    texts = [c["text"] for c in every["claims"]]
    assert texts == ["The bridge opened.", "What a day."]
    assert len(listed["claims"]) < len(texts)
