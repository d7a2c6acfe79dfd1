"""What a web page's blocks add to the claim list: only the story's sentences.

The cases come from news pages a new user opened (issue 10), rewritten here: a dek and a caption
that do not close as sentences, a Russian story sentence that names a time, an author's bio and
the letters desk's invitation at the end, a follow-us line, a paragraph the page's own source
wrapped over several lines, and a German legal reference ("§ 291a Abs. 3 Nr. 4").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_result import RunCli

from workbench.core.checkworthiness import score_sentences, states_event
from workbench.core.furniture import furniture_paragraphs, is_furniture_line
from workbench.core.segment import split_sentences
from workbench.core.spans import Span

STORY = [
    "A kidnapped 8-year-old girl was rescued by police in Fort Worth on Monday, officials said.",
    "The suspect, Michael Webb, was sentenced to life in federal prison last Thursday.",
    "A family friend found the suspect's car in the hotel parking lot and called 911.",
    "Webb still faces nine state charges of aggravated kidnapping, prosecutors said.",
]


def page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Police rescue kidnapped girl</title></head>"
        f"<body><main><article><h1>Police rescue kidnapped girl</h1>{body}</article></main>"
        "</body></html>"
    )


def one_per_line(lines: list[str]) -> tuple[str, list[Span]]:
    """A text with one paragraph per line, and the paragraphs' spans."""
    spans, at = [], 0
    for line in lines:
        spans.append(Span(at, at + len(line)))
        at += len(line) + 1
    return "\n".join(lines), spans


def listed_texts(run_cli: RunCli, path: Path) -> list[str]:
    result = run_cli("claims", str(path), "--format", "json", "--date", "2019-11-18")
    assert result.code == 0, result.err
    return [claim["text"] for claim in result.json()["claims"]]


def test_open_blocks_of_a_page_are_not_listed(run_cli: RunCli, tmp_path: Path) -> None:
    body = (
        # The dek: the story's summary without a full stop, which its sentences state again.
        "<p class='dek'>The suspect confessed and the jury took just 15 minutes to find him "
        "guilty</p>"
        f"<p>{STORY[0]}</p>"
        "<figure><img src='car.jpg'><p>Police cars outside the Forest Hill hotel on Nov. 4</p>"
        "</figure>"
        f"<p>{STORY[1]}</p><p>{STORY[2]}</p>"
        "<p>Also on example.com Three arrested after wrong-way crash in North Richland Hills</p>"
        f"<p>{STORY[3]}</p>"
        "<p>Follow Example News on Facebook, Twitter (@ExampleNews) and Instagram.</p>"
        "<p>Example News is committed to publishing a diversity of letters to the editor. "
        "We’d like to hear what you think about this or any of our articles. And here’s our "
        "email: letters@example.com.</p>"
        "<p>Jo Marsh is Example News's crime reporter and has covered Fort Worth for 12 "
        "years.</p>"
    )
    path = tmp_path / "page.html"
    path.write_text(page(body), encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY


def test_a_paragraph_the_page_source_wrapped_is_one_paragraph(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # The page's source breaks the paragraph inside its text, spaces around the break; the
    # extractor keeps the breaks, and each piece alone is not a sentence.
    body = (
        "<div class='post'>Veteran actress Kate Henshaw, who in 2008 won the \n"
        "Africa Movie Academy Award for Best Actress, has taken\n"
        " to her Instagram page to share photos of herself. The 47 year old was one of the \n"
        "guests invited to an event by media mogul Debola Lagos on Saturday.</div>"
        "<p>She flaunted a handbag in the colours of the Nigerian flag, the actress said.</p>"
    )
    path = tmp_path / "page.html"
    path.write_text(page(body), encoding="utf-8")
    texts = [" ".join(text.split()) for text in listed_texts(run_cli, path)]
    assert (
        "Veteran actress Kate Henshaw, who in 2008 won the Africa Movie Academy Award for Best "
        "Actress, has taken to her Instagram page to share photos of herself." in texts
    )
    assert (
        "The 47 year old was one of the guests invited to an event by media mogul Debola Lagos "
        "on Saturday." in texts
    )


@pytest.mark.parametrize(
    "line",
    [
        "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and "
        "Instagram.",
        "The Times is committed to publishing a diversity of letters to the editor. We’d like to "
        "hear what you think about this or any of our articles. Here are some tips. And here’s "
        "our email: letters@nytimes.com.",
        "There's plenty more where that came from. Sign up for The Water Coolest today to get "
        "the free daily newsletter delivered to your inbox daily.",
        "Nov 21, 2019 5:04 PM ET",
        "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário "
        "não serão aprovados pelo moderador.",
        "Comments are moderated and will not appear until approved.",
    ],
)
def test_invitations_and_stamps_are_furniture(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "sentence",
    [
        # Voting runs until 8 October, 18:00 Moscow time: a sentence, not a date stamp.
        "Голосование продлится до 8 октября до 18:00 по московскому времени.",
        "The senator followed the debate on Twitter and said so on Monday.",
        "Reporters can email the press office at press@example.gov, the ministry said.",
        "The senator's comments were approved by the committee on Monday.",
        "His comments were moderate, aides said.",
        "Facebook said comments flagged by its moderators are reviewed within a day.",
    ],
)
def test_story_sentences_with_stamps_or_addresses_are_kept(sentence: str) -> None:
    assert not is_furniture_line(sentence)


def test_an_author_bio_is_furniture_only_at_the_end() -> None:
    bio = "Jo Marsh is a freelance writer based in Leeds."
    lines = [*STORY, bio]
    text, spans = one_per_line(lines)
    assert furniture_paragraphs(text, spans) == {len(lines) - 1}
    # News about a journalist, at the end of a story, is the story's.
    news = "Evan Gershkovich is a reporter for The Journal who was detained in March 2023."
    text, spans = one_per_line([*STORY, news])
    assert furniture_paragraphs(text, spans) == set()
    # The same sentence at the top of a long story is the story's.
    lines = [bio, *STORY, *STORY]
    text, spans = one_per_line(lines)
    assert furniture_paragraphs(text, spans) == set()


def test_open_blocks_are_furniture_on_pages_only() -> None:
    lines = ["Drivers face a 40-minute detour from June", *STORY]
    text, spans = one_per_line(lines)
    # A draft's first line is the writer's headline and kept; on a page it is a dek.
    assert furniture_paragraphs(text, spans) == set()
    assert furniture_paragraphs(text, spans, web_page=True) == {0}
    # A sentence closed before a footnote mark or a symbol is closed.
    for closed in ("The town had 5,000 people in 2010.[3]", "The council met on Friday. 👍"):
        text, spans = one_per_line([closed, *STORY])
        assert furniture_paragraphs(text, spans, web_page=True) == set(), closed
    # A block that closes a sentence before its open end keeps that sentence.
    lines = ["The vote was 52 to 48. Details to follow", *STORY]
    text, spans = one_per_line(lines)
    assert furniture_paragraphs(text, spans, web_page=True) == set()


def test_nr_before_a_number_does_not_end_a_sentence() -> None:
    text = "Das regelt § 291a Abs. 3 Nr. 4 SGB V seit 2019. Danach gilt es."
    assert [s.slice(text) for s in split_sentences(text, 0, len(text))] == [
        "Das regelt § 291a Abs. 3 Nr. 4 SGB V seit 2019.",
        "Danach gilt es.",
    ]


def test_a_first_person_figure_on_a_page_is_listed_but_not_in_a_debate() -> None:
    answer = "A: I am very honored to be on the SBJ 40 Under 40 list."
    opinion = "I think we will win 3 of the next 4 games this season."
    signals = score_sentences([answer])[0].signals
    assert states_event(answer, signals, web_page=True)
    # A debater's first person with a figure is talk (ClaimBuster labels nearly all of it so).
    assert not states_event(answer, signals)
    assert not states_event(opinion, score_sentences([opinion])[0].signals, web_page=True)


def test_an_interview_answer_with_a_figure_is_listed_from_a_page(
    run_cli: RunCli, tmp_path: Path
) -> None:
    answer = "A: I am very honored to be on the SBJ 40 Under 40 list."
    path = tmp_path / "page.html"
    path.write_text(page(f"<p>{STORY[0]}</p><p>{answer}</p><p>{STORY[1]}</p>"), "utf-8")
    assert answer in listed_texts(run_cli, path)
