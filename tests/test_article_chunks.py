"""A story the page splits into chunks is listed whole (issue 10: numbered facts left out).

Magazine sites cut the body into repeated containers with ads between them; the extractor keeps
the first, and the rest of the story went missing. Pages written here, in that shape.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from cli_result import RunCli

from workbench.core.article_chunks import with_chunks

STORY = [
    f"The council spent {10 + i} million pounds on the ring road in {2000 + i}, its accounts "
    f"for that year show."
    for i in range(12)
]
QUOTED = "The minister said the bridge would never be finished before 2030, according to a memo."


def chunk(sentences: list[str]) -> str:
    return (
        "<div class='grid grid-margins'><div class='grid--item body body__container'>"
        + "".join(f"<p>{s}</p>" for s in sentences)
        + "</div><div class='grid--item grid-layout__aside'></div></div>"
    )


AD = "<div class='row full-bleed-ad'><div class='ad'>Advertisement</div></div>"


def page(article: str) -> str:
    return (
        "<!doctype html><html><head><title>Ring road costs</title></head><body><main>"
        "<article class='article main-content'><div class='content-background'><div>"
        f"{article}</div></div></article></main></body></html>"
    )


def listed_texts(run_cli: RunCli, path: Path) -> list[str]:
    result = run_cli("claims", str(path), "--format", "json", "--date", "2019-11-18")
    assert result.code == 0, result.err
    return [claim["text"] for claim in result.json()["claims"]]


def test_every_chunk_of_the_story_is_listed_in_order(run_cli: RunCli, tmp_path: Path) -> None:
    chunks = AD.join([chunk(STORY[:4]), chunk(STORY[4:8]), chunk(STORY[8:])])
    path = tmp_path / "page.html"
    path.write_text(page(f"<div class='article__chunks'>{chunks}</div>"), encoding="utf-8")
    assert listed_texts(run_cli, path) == STORY


def extracted_from(html: str, lines: list[str]) -> str:
    """`with_chunks` given `lines` as what the extractor kept of `html`."""
    return with_chunks("\n".join(lines), lxml.html.fromstring(html))


def test_a_box_of_another_kind_with_the_same_class_is_not_added() -> None:
    # A fact-check site quotes the statement it checks in a box that reuses the body's class,
    # placed elsewhere in the page: that is not the story's text.
    statement = (
        "<div class='statement'><div class='statement-content'><div class='wsw'>"
        f"<p>{QUOTED}</p></div></div></div>"
    )
    body = "<div class='story'><div class='wsw'>" + "".join(f"<p>{s}</p>" for s in STORY)
    html = page(statement + body + "</div></div>")
    assert extracted_from(html, STORY) == "\n".join(STORY)


def test_twins_placed_alike_are_added_before_and_after() -> None:
    chunks = AD.join([chunk(STORY[:4]), chunk(STORY[4:8]), chunk(STORY[8:])])
    html = page(f"<div class='article__chunks'>{chunks}</div>")
    # The extractor kept the middle chunk, after a headline line of its own.
    assert extracted_from(html, ["Ring road costs", *STORY[4:8]]).split("\n") == [
        "Ring road costs",
        *STORY,
    ]


def test_the_opening_written_as_bare_text_is_put_first() -> None:
    opening = (
        "We bring you the best deals we have found today on games and hardware, updated 7 days "
        "a week, 365 days a year."
    )
    items = "".join(f"<h2>Deal {i}</h2>{sentence}<br>" for i, sentence in enumerate(STORY[:6]))
    html = page(f"<section class='article-page'>{opening}<p></p>{items}</section>")
    assert extracted_from(html, STORY[:6]).split("\n") == [opening, *STORY[:6]]
    # A short label written bare is not an opening.
    html = page(f"<section class='article-page'>Deals<p></p>{items}</section>")
    assert extracted_from(html, STORY[:6]).split("\n") == STORY[:6]
