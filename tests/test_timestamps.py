"""One timestamp format for everything saved (`2024-05-01T12:00:00Z`); both old forms read."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

from factories import build_extraction
from pytest_httpserver import HTTPServer

from workbench.core.fetch.client import WebClient
from workbench.core.fetch.page import PageRecord
from workbench.core.report.common import format_time
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace
from workbench.core.timestamps import parse_timestamp

SAVED_FORMAT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def fetch(url: str) -> PageRecord:
    async def go() -> PageRecord:
        async with WebClient(cache=False, store=False) as client:
            return await client.fetch_page(url)

    return asyncio.run(go())


def test_a_review_and_a_fetched_page_write_the_same_format(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    extraction = build_extraction(["Exports fell 4% in 2019."], checkworthy={0}, sha256="d" * 64)
    workspace = ReviewWorkspace.open(extraction, tmp_path / "story.txt.review.json")
    review = workspace.set_verdict(extraction.sentences[0].id, Verdict.VERIFIED)
    httpserver.expect_request("/page").respond_with_data("Exports fell.", content_type="text/plain")
    page = fetch(httpserver.url_for("/page"))
    assert page.error is None
    assert SAVED_FORMAT.fullmatch(review.reviewed_at or "")
    assert SAVED_FORMAT.fullmatch(page.fetched_at)
    assert SAVED_FORMAT.fullmatch(workspace.session.updated_at or "")


def test_both_forms_in_older_files_read_as_the_same_moment() -> None:
    moment = dt.datetime(2023, 7, 29, 10, 0, tzinfo=dt.UTC)
    assert parse_timestamp("2023-07-29T10:00:00Z") == moment
    assert parse_timestamp("2023-07-29T10:00:00+00:00") == moment
    assert parse_timestamp("yesterday") is None
    assert format_time("2023-07-29T10:00:00+00:00") == "2023-07-29 10:00 UTC"
    assert format_time("2023-07-29T10:00:00Z") == "2023-07-29 10:00 UTC"
