"""Fetching real pages from a real HTTP server on 127.0.0.1: extraction, charsets, gzip,
the HTTP cache, the page store, and opening an article by URL."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from workbench.cli.main import main
from workbench.core.fetch.client import USER_AGENT, FetchLimits, WebClient
from workbench.core.fetch.page import PageRecord
from workbench.core.fetch.store import PageStore
from workbench.core.loading import load_url
from workbench.core.paths import cache_dir

PAGES = Path(__file__).parent / "pages"
HTML = "text/html; charset=utf-8"
LIMITS = FetchLimits(connect_timeout=1, read_timeout=1, total_timeout=3, max_bytes=200_000)


def fetch(url: str, *, refresh: bool = False, cache: bool = True) -> PageRecord:
    async def go() -> PageRecord:
        async with WebClient(LIMITS, cache=cache) as client:
            return await client.fetch_page(url, refresh=refresh)

    return asyncio.run(go())


def flood_page() -> str:
    return (PAGES / "flood-report.html").read_text(encoding="utf-8")


def test_news_page_gives_main_text_title_date_and_hash(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(flood_page(), content_type=HTML)
    record = fetch(httpserver.url_for("/story"))
    assert record.error is None and record.status == 200
    assert record.title == "Floods in Sindh displace thousands as rains continue"
    assert record.published == dt.date(2023, 7, 28)
    assert "killed 115 children across Sindh" in record.text
    assert "Advertisement" not in record.text and "All rights reserved" not in record.text
    assert len(record.sha256 or "") == 64
    assert dt.datetime.fromisoformat(record.fetched_at).tzinfo is not None
    assert httpserver.log[0][0].headers["User-Agent"] == USER_AGENT


def test_redirects_are_followed_and_final_url_kept(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/new")})
    )
    httpserver.expect_request("/new").respond_with_data(flood_page(), content_type=HTML)
    record = fetch(httpserver.url_for("/old"))
    assert record.error is None
    assert record.url.endswith("/old") and (record.final_url or "").endswith("/new")


def test_plain_text_body_is_the_text(httpserver: HTTPServer) -> None:
    body = (PAGES / "wire-story.txt").read_bytes()
    httpserver.expect_request("/wire").respond_with_data(body, content_type="text/plain")
    record = fetch(httpserver.url_for("/wire"))
    assert record.error is None and record.content_type == "text/plain"
    assert record.text.startswith("GENEVA (Wire)")


def test_gzip_body_is_decoded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(flood_page().encode("utf-8")),
        headers={"Content-Encoding": "gzip"},
        content_type=HTML,
    )
    record = fetch(httpserver.url_for("/gz"))
    assert record.error is None and "115 children" in record.text


def test_page_declared_charset_wins_over_a_bogus_header(httpserver: HTTPServer) -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'><title>Café</title></head><body><article>"
        "<p>The café on the corner served 300 crêpes on Saturday, the owner said.</p>"
        "<p>Prices rose to 4 € a crêpe.</p></article></body></html>"
    ).replace("€", "EUR")
    httpserver.expect_request("/latin").respond_with_data(
        page.encode("iso-8859-1"), content_type="text/html; charset=x-no-such-charset"
    )
    record = fetch(httpserver.url_for("/latin"))
    assert record.error is None
    assert record.encoding == "iso8859-1"
    assert "300 crêpes" in record.text


def test_undeclared_legacy_charset_is_detected(httpserver: HTTPServer) -> None:
    text = "Le café « Chez Hélène » a fermé ses portes après quarante-deux années. " * 8
    httpserver.expect_request("/legacy").respond_with_data(
        text.encode("cp1252"), content_type="text/plain"
    )
    record = fetch(httpserver.url_for("/legacy"))
    assert record.error is None and "Hélène" in record.text


def test_max_age_is_served_from_cache_and_refresh_asks_again(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/cached").respond_with_data(
        flood_page(), content_type=HTML, headers={"Cache-Control": "max-age=3600"}
    )
    url = httpserver.url_for("/cached")
    first, second = fetch(url), fetch(url)
    assert not first.from_cache and second.from_cache
    assert second.sha256 == first.sha256 and second.text == first.text
    assert len(httpserver.log) == 1
    fetch(url, refresh=True)
    assert len(httpserver.log) == 2
    assert httpserver.log[1][0].headers["Cache-Control"] == "no-cache"


def test_no_store_is_never_reused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/private").respond_with_data(
        flood_page(), content_type=HTML, headers={"Cache-Control": "no-store"}
    )
    url = httpserver.url_for("/private")
    assert not fetch(url).from_cache and not fetch(url).from_cache
    assert len(httpserver.log) == 2


def test_etag_is_revalidated_with_a_304(httpserver: HTTPServer) -> None:
    body = flood_page()

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(
            body, content_type=HTML, headers={"ETag": '"v1"', "Cache-Control": "no-cache"}
        )

    httpserver.expect_request("/etag").respond_with_handler(handler)
    url = httpserver.url_for("/etag")
    first, second = fetch(url), fetch(url)
    assert len(httpserver.log) == 2
    assert httpserver.log[1][0].headers.get("If-None-Match") == '"v1"'
    assert httpserver.log[1][1].status_code == 304
    assert second.from_cache and second.text == first.text and second.status == 200


def test_stored_page_reopens_offline(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(flood_page(), content_type=HTML)
    record = fetch(httpserver.url_for("/story"))
    saved = json.loads(json.dumps(record.to_json()))  # what a review file keeps
    assert "text" not in saved
    httpserver.clear()  # the server forgets the page: only the store can answer now
    reopened = PageStore().reopen(PageRecord.from_json(saved))
    assert reopened.text == record.text
    assert reopened.fetched_at == record.fetched_at and reopened.sha256 == record.sha256
    assert (cache_dir() / "pages").is_dir()


def test_many_pages_fetch_concurrently_in_order_with_progress(httpserver: HTTPServer) -> None:
    for name in ("a", "b", "c"):
        httpserver.expect_request(f"/{name}").respond_with_data(flood_page(), content_type=HTML)
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    urls = [httpserver.url_for(p) for p in ("/a", "/gone", "/b", "/c", "/a")]
    seen: list[tuple[str, int, int]] = []

    async def go() -> list[PageRecord]:
        async with WebClient(LIMITS) as client:
            return await client.fetch_pages(
                urls, progress=lambda r, done, total: seen.append((r.url, done, total))
            )

    records = asyncio.run(go())
    assert [r.url for r in records] == urls
    assert [r.error for r in records] == [None, "not found (404)", None, None, None]
    assert sorted(done for _, done, _ in seen) == [1, 2, 3, 4]
    assert {total for _, _, total in seen} == {4}


def test_article_by_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/article.html").respond_with_data(flood_page(), content_type=HTML)
    url = httpserver.url_for("/article.html")
    document = load_url(url)
    assert document.source == url and document.published == dt.date(2023, 7, 28)
    assert "115 children" in document.text
    assert document.metadata["final_url"] == url


def test_claims_command_opens_a_url(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/article.html").respond_with_data(flood_page(), content_type=HTML)
    url = httpserver.url_for("/article.html")
    assert main(["claims", url, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == url
    assert any("115 children" in claim["text"] for claim in data["claims"])


def test_claims_command_reports_a_missing_url_in_one_line(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/nope.html").respond_with_data("", status=404)
    url = httpserver.url_for("/nope.html")
    assert main(["claims", url]) == 1
    err = capsys.readouterr().err
    assert err == f"workbench: {url}: not found (404)\n"


def test_utf16_declared_by_the_server_without_a_bom(httpserver: HTTPServer) -> None:
    """A BOM-less UTF-16 page is full of NUL bytes: the server's charset says it is text."""
    body = flood_page().encode("utf-16-le")
    httpserver.expect_request("/wide.html").respond_with_data(
        body, content_type="text/html; charset=utf-16le"
    )
    url = httpserver.url_for("/wide.html")
    record = fetch(url)
    assert record.error is None and "115 children" in record.text
    document = load_url(url)
    assert "115 children" in document.text
