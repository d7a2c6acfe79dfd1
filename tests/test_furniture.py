"""Page furniture stays out of the claim list; the story's own sentences, lead included, stay in.

Every example of issue 10, on pages and pasted text written here: link lists, promos,
subscription lines, "Read more / Related / See more" lines, captions and credits, poll widgets,
hover-card text glued into a sentence, and the summary lead a page keeps in
`div.article__summary`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_result import RunCli

from workbench.core.furniture import furniture_paragraphs, is_furniture_line
from workbench.core.spans import Span

STORY = [
    "Three people have died during protests in Bolivia since the disputed election on "
    "October 20, the country's ombudsman said on Thursday.",
    "Police fired tear gas at about 2,000 demonstrators in La Paz on Wednesday night, "
    "according to witnesses.",
    "The electoral authority said it had counted 95 percent of the ballots by Monday.",
    "Opposition leader Carlos Mesa called for a second round of voting in December.",
    "The Organization of American States said it would audit the count within 12 days.",
    "Schools in the capital stayed closed for a third day, the education ministry said.",
]

FURNITURE_LINES = [
    "Join our Free $1,000,000 Parlay Challenge",
    "Read more: Bolivia's president declares victory in disputed vote",
    "Related: The 15 Weirdest Galaxies in Our Universe",
    "See more: Hong Kong protests: 800 students under siege at university",
    '16" MacBook Pro Now Available',
    "Sign up for The Water Coolest, our free daily newsletter.",
    "(Graphic: Global assets in 2019 - here)",
    "12 issues for £11.99.",
    "- %165 голосов",
    "Photo: Supporters of Evo Morales march in La Paz on Monday. (AP Photo/Juan Karita)",
    "Tempo de leitura: 1 minuto",
    "Copyright 2019 Example News. All rights reserved.",
    "Filed under: Khawarij |",
    "Where the money goes",
    "[1] Alarm fatigue: impacts on patient safety, Ruskin KJ. Curr Opin Anaesthesiol. 2015.",
]


def page(body: str, head: str = "<title>Protests in Bolivia</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def story_paragraphs() -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in STORY[1:])


def listed(run_cli: RunCli, path: Path) -> list[dict[str, Any]]:
    result = run_cli("claims", str(path), "--format", "json", "--date", "2019-11-14")
    assert result.code == 0, result.err
    claims: list[dict[str, Any]] = result.json()["claims"]
    return claims


def listed_texts(run_cli: RunCli, path: Path) -> list[str]:
    return [c["text"] for c in listed(run_cli, path)]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_each_furniture_line_is_furniture(line: str) -> None:
    assert is_furniture_line(line), line


@pytest.mark.parametrize("sentence", STORY)
def test_story_sentences_are_not_furniture(sentence: str) -> None:
    assert not is_furniture_line(sentence)


def test_pasted_text_lists_the_story_and_not_its_furniture(run_cli: RunCli, tmp_path: Path) -> None:
    lines = [STORY[0], FURNITURE_LINES[1], *STORY[1:3], *FURNITURE_LINES[2:6], *STORY[3:]]
    lines += [FURNITURE_LINES[0], *FURNITURE_LINES[6:]]
    path = tmp_path / "pasted.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    texts = listed_texts(run_cli, path)
    assert texts == STORY
    # Furniture is not listed, but it is not cut out of the text either: --all shows it, and
    # every offset still slices the file as written.
    result = run_cli("claims", str(path), "--all", "--format", "json", "--date", "2019-11-14")
    everything = result.json()["claims"]
    decoded = path.read_text(encoding="utf-8")
    for claim in everything:
        assert decoded[claim["start"] : claim["end"]] == claim["text"]
    flagged = [c["text"] for c in everything if c.get("furniture")]
    assert "Join our Free $1,000,000 Parlay Challenge" in flagged
    assert all(not c["checkworthy"] for c in everything if c.get("furniture"))


def test_list_of_links_in_pasted_text_is_furniture(run_cli: RunCli, tmp_path: Path) -> None:
    links = ["- NFL odds, cheat sheet, picks, bets, sims", "- 15 Amazing Images of Stars",
             "- 11 Fascinating Facts About Our Milky Way Galaxy"]  # fmt: skip
    path = tmp_path / "pasted.md"
    path.write_text("\n\n".join(STORY[:3]) + "\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY[:3]


def test_one_story_bullet_that_ends_as_a_sentence_is_kept() -> None:
    text = "- The council cut 300 jobs in 2022.\n- It hired 40 people in 2023."
    paragraphs = [Span(2, 35), Span(38, len(text))]
    assert furniture_paragraphs(text, paragraphs) == set()


def test_html_page_furniture_is_cut_and_the_summary_lead_kept(
    run_cli: RunCli, tmp_path: Path
) -> None:
    body = (
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "</ul></nav></header>"
        "<main><article>"
        "<h1>Protests in Bolivia</h1>"
        f"<div class='article__summary'><p>{STORY[0]}</p></div>"
        "<div id='article-event-promo' class='ArticleEventPromo'>"
        "<h2>Join our Free $1,000,000 Parlay Challenge</h2><a href='/play'>Play now</a></div>"
        f"{story_paragraphs()}"
        "<p><strong>Related: </strong><a href='/galaxies'>The 15 Weirdest Galaxies in Our "
        "Universe</a></p>"
        "<figure><img src='x.jpg'><figcaption>Supporters march in La Paz on Monday, "
        "November 11, 2019.</figcaption></figure>"
        "<ul><li><a href='/a'>15 Amazing Images of Stars</a></li>"
        "<li><a href='/b'>11 Fascinating Facts About Our Milky Way Galaxy</a></li>"
        "<li><a href='/c'>NFL odds, cheat sheet, picks, bets, sims</a></li></ul>"
        "<div class='poll-widget'><p>Will there be a second round?</p><ul><li>Yes - %165 "
        "голосов</li><li>No - %35 голосов</li></ul></div>"
        "<div class='latest-news-box'><h3><a href='/gronk'>Gronk, Serena perform with Laker "
        "Girls</a></h3><h4>Gronk may have found his true calling on 12 November.</h4></div>"
        "<p>Get <a href='/mcm'>Motor Cycle Monthly</a> delivered through your letterbox every "
        "month. 12 issues for £11.99. <a href='/mcm'>Click here</a> for more info</p>"
        "</article></main>"
        "<aside><h3>Most read</h3><p>Markets fell 3 percent on Monday, traders said.</p></aside>"
        "<aside class='sidebar'><section class='widget'><h3>About the blog</h3>"
        "<p class='author-intro'>The Example blog has gathered news from 40 countries since "
        "2009.</p></section></aside>"
        "<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer>"
    )
    path = tmp_path / "bolivia.html"
    path.write_text(page(body), encoding="utf-8")
    texts = listed_texts(run_cli, path)
    assert texts == STORY


def test_hover_card_text_is_not_glued_into_the_sentence(run_cli: RunCli, tmp_path: Path) -> None:
    card = (
        '<span class="rollover-people"><a class="rollover-people-link" href="/people/kn">'
        'Kristi Noem</a><span class="rollover-people-block"><span class="rollover-block">'
        '<img src="kn.jpg" alt=""><a class="name" href="/people/kn">Kristi Lynn Noem</a>'
        '<a href="/news/1">South Dakota governor doubles down on meth campaign</a> '
        '<a href="/news/2">South Dakota drops pipeline protest laws after lawsuit</a> '
        '<a href="/people/kn">MORE</a></span></span></span>'
    )
    sentence = (
        f"<p>South Dakota Gov. {card} (R) is defending the state's new anti-drug campaign, "
        "which cost $449,000, her office said on Tuesday.</p>"
    )
    body = "<article><h1>Noem defends campaign</h1>" + sentence + story_paragraphs() + "</article>"
    path = tmp_path / "hill.html"
    path.write_text(page(body, "<title>Noem defends campaign</title>"), encoding="utf-8")
    texts = listed_texts(run_cli, path)
    assert texts[0] == (
        "South Dakota Gov. Kristi Noem (R) is defending the state's new anti-drug campaign, "
        "which cost $449,000, her office said on Tuesday."
    )
    assert not any("Lynn" in t or "MORE" in t for t in texts)


def test_a_page_of_teasers_gets_no_lead_put_back(run_cli: RunCli, tmp_path: Path) -> None:
    teasers = "".join(
        f"<div class='card'><p class='summary'>Other story number {n} happened on "
        f"Monday in a town far away.</p></div>"
        for n in range(5)
    )
    body = "<article><h1>Protests in Bolivia</h1>" + story_paragraphs() + "</article>" + teasers
    path = tmp_path / "teasers.html"
    path.write_text(page(body), encoding="utf-8")
    assert not any("Other story" in t for t in listed_texts(run_cli, path))


def test_headline_repeating_the_title_is_not_listed(run_cli: RunCli, tmp_path: Path) -> None:
    body = (
        "<article><h1>Bolivia protests leave 3 dead after 2019 vote</h1>"
        + story_paragraphs()
        + "</article>"
    )
    head = "<title>Bolivia protests leave 3 dead after 2019 vote</title>"
    path = tmp_path / "headline.html"
    path.write_text(page(body, head), encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY[1:]


def test_a_release_ends_at_its_reference_list(run_cli: RunCli, tmp_path: Path) -> None:
    # A press release's footnotes, then its "About" boilerplate whose heading the extractor
    # dropped: none of it is the story, even the counted "employs around 1,300 people".
    back_matter = [
        "For more information on the new solution, please visit: www.example.com",
        "[1] Alarm fatigue: impacts on patient safety, Ruskin KJ. Curr Opin Anaesthesiol. 2015.",
        "[2] Joint Commission National Patient Safety Goal: Alarm Management",
        "Example is a global solutions provider focused on healthcare ICT.",
        "Example is headquartered in Baar (Switzerland), has subsidiaries in 15 countries and "
        "employs around 1,300 people worldwide.",
    ]
    path = tmp_path / "release.txt"
    path.write_text("\n\n".join([*STORY, *back_matter]) + "\n", encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY


def test_a_short_open_line_among_sentences_is_a_headline(run_cli: RunCli, tmp_path: Path) -> None:
    # Another story's headline between the sentences of this one; the text's own first line
    # (its headline) is kept, and so is text pasted with no punctuation at all.
    teaser = "Dave Matthews Band takes over Rock Hall Fan Vote"
    path = tmp_path / "pasted.txt"
    path.write_text("\n\n".join([*STORY[:3], teaser, *STORY[3:]]) + "\n", encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY
    bare = [line.rstrip(".") for line in STORY]
    path.write_text("\n\n".join(bare) + "\n", encoding="utf-8")
    assert len(listed_texts(run_cli, path)) == len(bare)


def test_hover_card_pasted_into_a_sentence_is_left_out(run_cli: RunCli, tmp_path: Path) -> None:
    # Issue 10: the politics site's hover card, copied from the page with its sentence.
    glued = (
        "South Dakota Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down on "
        "meth campaignSouth Dakota drops pipeline protest laws after lawsuitMORE (R) is "
        "defending the state's new anti-drug campaign, which cost $449,000, her office said "
        "on Tuesday."
    )
    path = tmp_path / "pasted.txt"
    path.write_text("\n\n".join([glued, *STORY[1:]]) + "\n", encoding="utf-8")
    claims = listed(run_cli, path)
    assert claims[0]["text"] == (
        "South Dakota Gov. Kristi Noem (R) is defending the state's new anti-drug campaign, "
        "which cost $449,000, her office said on Tuesday."
    )
    assert [c["text"] for c in claims[1:]] == STORY[1:]
    # The offsets still span the sentence as it is in the file.
    decoded = path.read_text(encoding="utf-8")
    assert decoded[claims[0]["start"] : claims[0]["end"]] == glued
    # A name written with an inner capital, and a capitalised "MORE", are left alone.
    plain = "McDonald's sold MORE burgers in 2019 than in 2018, its chief executive said."
    path.write_text(plain + "\n", encoding="utf-8")
    assert listed_texts(run_cli, path) == [plain]
