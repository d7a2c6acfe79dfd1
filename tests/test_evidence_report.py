"""Evidence in the reports: pages fetched from 127.0.0.1, aligned as the app does, saved in the
review file; the Markdown names every finding's words, and says when no passage is about the
claim; the JSON carries the match with `related`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytest_httpserver import HTTPServer

from workbench.core.document import Document, SourceKind
from workbench.core.extraction import extract
from workbench.core.fetch.client import fetch_pages_sync
from workbench.core.report import render_json, render_markdown
from workbench.core.review.fetch_jobs import page_entry
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace

NOW = "2023-07-30T12:00:00Z"
HTML = "text/html; charset=utf-8"


def page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="article:published_time" content="2023-07-28T08:00:00Z"></head>'
        f"<body><main><article><h1>{title}</h1>{body}</article></main></body></html>"
    )


def test_markdown_names_findings_and_says_when_no_passage_is_about_the_claim(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    claims = [
        "Chinese official Li Hongzhong met the delegation in Pyongyang on July 27.",
        "Tomato prices rose 4.9 percent in June, the ministry said.",
    ]
    extraction = extract(
        Document("\n\n".join(claims), "story.txt", SourceKind.TEXT),
        reference_date=dt.date(2023, 7, 28),
    )
    httpserver.expect_request("/visit").respond_with_data(
        page(
            "Delegation",
            [
                "Chinese official Zhao Leji met the delegation in Pyongyang on July 26.",
                "The two sides discussed trade and the border, state media reported.",
            ],
        ),
        content_type=HTML,
    )
    workspace = ReviewWorkspace.open(
        extraction, tmp_path / "story.txt.review.json", reviewer="alice", clock=lambda: NOW
    )
    url = httpserver.url_for("/visit")
    for sentence in extraction.sentences:
        workspace.set_verdict(sentence.id, Verdict.DISPUTED)
        workspace.add_url(sentence.id, url)
    (record,) = fetch_pages_sync([url])
    workspace.set_page(url, page_entry(record, extraction.sentences, dt.date(2023, 7, 28)))

    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)
    sections = [part for part in markdown.split("\n#") if "**Sources**" in part]
    (visit,) = [part for part in sections if "Hongzhong" in part]
    (tomato,) = [part for part in sections if "Tomato prices" in part]
    assert "best passage (score" in visit
    assert "differs: name “Li Hongzhong” not in the passage; it has “Zhao Leji”" in visit
    assert "date “July 27” → 2023-07-27 vs “July 26” → 2023-07-26" in visit
    assert "no passage on these pages is about this claim" in tomato
    assert "differs:" not in tomato and "best passage" not in tomato

    data = render_json(extraction, workspace.session, generated_at=NOW)
    sources = {c["text"][:6]: c["sources"][0]["match"] for c in data["claims"]}
    assert sources["Chines"]["related"] is True
    tomato_match = sources["Tomato"]
    assert tomato_match is None or (
        tomato_match["related"] is False and tomato_match["differ"] == []
    )
