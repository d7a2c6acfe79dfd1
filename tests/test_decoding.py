"""One way from bytes to text: articles (files, stdin, URLs) and reference pages read alike.

Each behaviour is checked on both sides, through the CLI and a real server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from cli_result import RunCli
from hostile_inputs import assert_refused_in_one_line, random_bytes
from pytest_httpserver import HTTPServer
from werkzeug import Response

from workbench.core.fetch.client import WebClient
from workbench.core.fetch.page import PageRecord
from workbench.core.loading import load_document

ARTICLE = "The mayor said on Friday that 40 people were hurt in the flood, police said.\n"
PDF = b"%PDF-1.7\n" + random_bytes(4096)
FRENCH = "Le maire a déclaré vendredi que 40 élèves étaient malades, selon la police.\n" * 4


def fetch(url: str) -> PageRecord:
    async def go() -> PageRecord:
        async with WebClient(cache=False, store=False) as client:
            return await client.fetch_page(url)

    return asyncio.run(go())


def undeclared(body: bytes) -> Response:
    """A response with no Content-Type at all (werkzeug adds one unless it is removed)."""
    response = Response(body)
    del response.headers["Content-Type"]
    return response


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "content_type", "why"),
    [
        (random_bytes(), "text/plain", "looks like binary data, not a web page"),
        (PDF, "text/html", "is a PDF, not a web page"),
    ],
    ids=["random-as-text", "pdf-as-html"],
)
def test_a_binary_reference_page_is_refused_in_one_line(
    httpserver: HTTPServer,
    run_cli: RunCli,
    article: Path,
    body: bytes,
    content_type: str,
    why: str,
) -> None:
    httpserver.expect_request("/page").respond_with_data(body, content_type=content_type)
    url = httpserver.url_for("/page")
    assert fetch(url).error == why
    result = run_cli("evidence", str(article), url)
    assert_refused_in_one_line(result.code, result.err, url, why)


def test_a_binary_article_url_is_refused_like_a_binary_file(
    httpserver: HTTPServer, run_cli: RunCli, tmp_path: Path
) -> None:
    httpserver.expect_request("/paper").respond_with_data(PDF, content_type="text/html")
    url = httpserver.url_for("/paper")
    from_url = run_cli("claims", url)
    assert_refused_in_one_line(from_url.code, from_url.err, f"{url}: is a PDF, not a text article")
    path = tmp_path / "paper.txt"
    path.write_bytes(PDF)
    from_file = run_cli("claims", str(path))
    assert_refused_in_one_line(
        from_file.code, from_file.err, f"{path}: is a PDF, not a text article"
    )


def test_a_page_and_an_article_url_name_the_declared_encoding_alike(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/latin").respond_with_data(
        FRENCH.encode("iso-8859-1"), content_type="text/plain; charset=ISO-8859-1"
    )
    url = httpserver.url_for("/latin")
    page = fetch(url)
    document = load_document(url)
    assert page.text == document.text == FRENCH
    assert page.encoding == document.encoding == "iso8859-1"


@pytest.mark.parametrize(
    "body",
    [
        b"<p>The mayor said 40 people were hurt.</p><p>Police agreed.</p>",
        b"<?xml version='1.0'?><html><body><p>The mayor said 40 people were hurt.</p></body>",
        b"\xef\xbb\xbf  <!DOCTYPE html><title>x</title><p>The mayor said 40 people were hurt.</p>",
    ],
    ids=["opens-with-p", "xml-declaration", "bom-and-doctype"],
)
def test_undeclared_html_is_recognised_from_a_server_and_from_stdin(
    httpserver: HTTPServer, run_cli: RunCli, body: bytes
) -> None:
    httpserver.expect_request("/page").respond_with_response(undeclared(body))
    page = fetch(httpserver.url_for("/page"))
    assert page.error is None and page.content_type == "text/html"
    assert "<p>" not in page.text and "40 people were hurt" in page.text
    result = run_cli("claims", "-", "--all", "--format", "json", stdin=body)
    assert result.code == 0, result.err
    texts = [claim["text"] for claim in json.loads(result.out)["claims"]]
    assert texts and not any("<p>" in text for text in texts)


def test_text_that_mentions_a_tag_is_text_from_a_server_and_from_stdin(
    httpserver: HTTPServer, run_cli: RunCli
) -> None:
    body = b"Editors said the <p> tag was misused 40 times in 2023, the report found.\n"
    httpserver.expect_request("/note").respond_with_response(undeclared(body))
    page = fetch(httpserver.url_for("/note"))
    assert page.content_type == "text/plain" and page.text == body.decode()
    result = run_cli("claims", "-", "--all", "--format", "json", stdin=body)
    assert result.code == 0, result.err
    assert json.loads(result.out)["claims"][0]["text"] == body.decode().strip()


def test_sizes_are_named_one_way(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024 + 300 * 1024)  # sparse: nothing is written
    result = run_cli("claims", str(path))
    assert_refused_in_one_line(
        result.code, result.err, "too large to be an article (11.3 MB; the limit is 10 MB)"
    )
