"""The JSON report: the review file's content plus the claims with their reviews merged in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factories import build_extraction, saved_page

from workbench.core.dates import ReferenceDate, ReferenceOrigin
from workbench.core.document import SourceKind
from workbench.core.extraction import Extraction
from workbench.core.report import render, render_json
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace

NOW = "2023-07-30T12:00:00Z"


def make_extraction(texts: list[str]) -> Extraction:
    """A dated Markdown article whose every sentence is a listed claim with a number."""
    return build_extraction(
        texts,
        reference=ReferenceDate(
            dt.date(2023, 7, 28), ReferenceOrigin.DOCUMENT, "the article's date"
        ),
        signals=("number",),
        source="story.md",
        kind=SourceKind.MARKDOWN,
        title="Exports",
        published=dt.date(2023, 7, 28),
        sha256="a" * 64,
    )


def reviewed(tmp_path: Path) -> tuple[Extraction, ReviewWorkspace]:
    extraction = make_extraction(
        ["Exports fell 4% in 2019.", "The toll rose to 12.", "Jane Doe said 1,200 jobs went."]
    )
    workspace = ReviewWorkspace.open(
        extraction, tmp_path / "story.md.review.json", reviewer="alice", clock=lambda: NOW
    )
    first, second, _ = (s.id for s in extraction.sentences)
    workspace.set_verdict(first, Verdict.DISPUTED)
    workspace.set_note(first, "It was **3%**.")
    workspace.add_url(first, "https://stats.example/exports")
    workspace.set_page(
        "https://stats.example/exports",
        saved_page(
            {
                "url": "https://stats.example/exports",
                "status": 200,
                "sha256": "b" * 64,
                "matches": {first: {"passage": "Exports fell 3%.", "score": 0.7}},
            }
        ),
    )
    workspace.set_verdict(second, Verdict.VERIFIED)
    return extraction, workspace


def test_json_shape(tmp_path: Path) -> None:
    extraction, workspace = reviewed(tmp_path)
    data = render_json(extraction, workspace.session, generated_at=NOW)
    assert data["format"] == "workbench-report"
    assert data["format_version"] == 1
    assert data["generated_at"] == NOW
    assert data["reviewers"] == ["alice"]
    assert data["article"] == {
        "source": "story.md",
        "title": "Exports",
        "url": None,
        "published": "2023-07-28",
        "sha256": "a" * 64,
    }
    assert data["reference_date"] == "2023-07-28"
    assert data["reference_date_origin"] == "the article's date"
    assert data["reference_date_rule"] == "document"
    assert data["summary"] == {
        "claims": 3,
        "reviewed": 2,
        "orphaned": 0,
        "counts": {
            "unreviewed": 1,
            "verified": 1,
            "disputed": 1,
            "inconclusive": 0,
            "not_a_claim": 0,
        },
    }
    claims = data["claims"]
    assert [c["text"] for c in claims] == [s.text for s in extraction.sentences]
    assert [c["verdict"] for c in claims] == ["disputed", "verified", "unreviewed"]
    first = claims[0]
    for key in ("id", "text", "start", "end", "occurrences", "score", "signals", "dates"):
        assert key in first  # the `workbench claims` shape, kept
    assert first["note"] == "It was **3%**."
    assert first["reviewer"] == "alice" and first["reviewed_at"] == NOW
    saved = json.loads(workspace.path.read_text(encoding="utf-8"))
    page = saved["pages"]["https://stats.example/exports"]
    assert page["status"] == 200 and page["sha256"] == "b" * 64
    assert first["sources"] == [
        {
            "url": "https://stats.example/exports",
            "page": {k: v for k, v in page.items() if k != "matches"},
            "match": {
                "url": "https://stats.example/exports",
                "passage": "Exports fell 3%.",
                "start": 0,
                "end": 0,
                "score": 0.7,
                "related": True,
                "agree": [],
                "differ": [],
                "compatible": [],
            },
        }
    ]
    assert claims[2]["note"] == "" and claims[2]["reviewer"] is None
    # Everything in the review file is there too.
    assert data["review_file"] == saved
    assert data["orphaned"] == []


def test_json_text_parses_and_keeps_orphans(tmp_path: Path) -> None:
    _, workspace = reviewed(tmp_path)
    edited = make_extraction(["Something else entirely, nothing alike.", "The toll rose to 12."])
    data = json.loads(render("json", edited, workspace.session, generated_at=NOW))
    assert [o["text"] for o in data["orphaned"]] == ["Exports fell 4% in 2019."]
    assert data["orphaned"][0]["verdict"] == "disputed"
    assert data["summary"]["orphaned"] == 1
    assert [c["verdict"] for c in data["claims"]] == ["unreviewed", "verified"]


def test_json_without_session() -> None:
    extraction = make_extraction(["Exports fell 4% in 2019."])
    data = render_json(extraction, None, generated_at=NOW)
    assert data["review_file"] is None
    assert data["claims"][0]["verdict"] == "unreviewed"
    assert data["reviewers"] == []
