"""schema.org ClaimReview: one object per reviewed claim, with the documented rating scale."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factories import build_extraction

from workbench.core.document import SourceKind
from workbench.core.extraction import Extraction
from workbench.core.report import render, render_claimreview
from workbench.core.report.claimreview import SCALE_DESCRIPTION
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace

NOW = "2023-07-30T12:00:00Z"
TEXTS = [
    "Exports fell 4% in 2019.",
    "The toll rose to 12.",
    "Jane Doe said 1,200 jobs went.",
    "It was a quiet day.",
    "The port reopened on July 28.",
]


def make_extraction(*, url: str | None, published: dt.date | None) -> Extraction:
    """A web page when `url` is given (with a title and maybe a date), else a local text file."""
    return build_extraction(
        TEXTS,
        source=url or "story.txt",
        kind=SourceKind.HTML if url else SourceKind.TEXT,
        title="Exports slump" if url else None,
        published=published,
        url=url,
        sha256="c" * 64,
    )


def review_all(extraction: Extraction, tmp_path: Path) -> ReviewWorkspace:
    workspace = ReviewWorkspace.open(
        extraction, tmp_path / "r.review.json", reviewer="Alice Checker", clock=lambda: NOW
    )
    ids = [s.id for s in extraction.sentences]
    workspace.set_verdict(ids[0], Verdict.DISPUTED)
    workspace.set_verdict(ids[1], Verdict.INCONCLUSIVE)
    workspace.set_verdict(ids[2], Verdict.VERIFIED)
    workspace.set_verdict(ids[3], Verdict.NOT_A_CLAIM)
    workspace.set_note(ids[4], "to do")  # unreviewed with a note: not published
    return workspace


def test_one_object_per_reviewed_claim_with_required_fields(tmp_path: Path) -> None:
    extraction = make_extraction(url="https://news.example/exports", published=dt.date(2023, 7, 28))
    workspace = review_all(extraction, tmp_path)
    objects = render_claimreview(
        extraction, workspace.session, generated_at=NOW, review_url="https://checks.example/r1"
    )
    assert [o["claimReviewed"] for o in objects] == TEXTS[:3]
    ratings = [
        (o["reviewRating"]["ratingValue"], o["reviewRating"]["alternateName"]) for o in objects
    ]
    assert ratings == [(1, "Disputed"), (2, "Unproven"), (3, "True")]
    for obj in objects:
        assert obj["@context"] == "https://schema.org"
        assert obj["@type"] == "ClaimReview"
        rating = obj["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
        assert rating["description"] == SCALE_DESCRIPTION
        assert obj["itemReviewed"] == {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://news.example/exports",
                "headline": "Exports slump",
            },
            "datePublished": "2023-07-28",
        }
        assert obj["author"] == {"@type": "Person", "name": "Alice Checker"}
        assert obj["datePublished"] == "2023-07-30"
        assert obj["url"].startswith("https://checks.example/r1#c")
    assert len({o["url"] for o in objects}) == 3


def test_unknown_fields_are_left_out(tmp_path: Path) -> None:
    extraction = make_extraction(url=None, published=None)
    workspace = review_all(extraction, tmp_path)
    objects = json.loads(render("claimreview", extraction, workspace.session, generated_at=NOW))
    assert len(objects) == 3
    for obj in objects:
        assert "url" not in obj
        assert obj["itemReviewed"] == {"@type": "Claim", "appearance": {"@type": "CreativeWork"}}


def test_nothing_reviewed_gives_an_empty_list() -> None:
    extraction = make_extraction(url=None, published=None)
    assert render_claimreview(extraction, None, generated_at=NOW) == []


def test_sources_are_published_and_the_working_note_is_not(tmp_path: Path) -> None:
    extraction = make_extraction(url=None, published=None)
    workspace = review_all(extraction, tmp_path)
    first = extraction.sentences[0].id
    workspace.set_note(first, "The agency's own table says *4.1%*, not 6%.\n")
    workspace.add_url(first, "https://stats.example/table-7")
    objects = render_claimreview(extraction, workspace.session, generated_at=NOW)
    assert "reviewBody" not in objects[0]
    assert "4.1%" not in json.dumps(objects)
    assert objects[0]["citation"] == [
        {"@type": "CreativeWork", "url": "https://stats.example/table-7"}
    ]
    assert "citation" not in objects[1]
