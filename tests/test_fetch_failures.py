"""Every way a fetch can fail ends in one readable line for that URL, quickly, never a hang.

Servers misbehaving in time (slow, trickling forever, closing mid-body) are a stdlib
ThreadingHTTPServer whose handlers stop as soon as the test ends; the rest is pytest-httpserver.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from workbench.core.fetch.client import FetchLimits, WebClient
from workbench.core.fetch.page import PageRecord

LIMITS = FetchLimits(
    connect_timeout=1, read_timeout=0.4, write_timeout=1, total_timeout=1.0, max_bytes=20 * 1024
)
PAGE = "<html><body><article><p>Officials said 12 people were hurt.</p></article></body></html>"


def fetch(url: str) -> PageRecord:
    async def go() -> PageRecord:
        async with WebClient(LIMITS) as client:
            return await client.fetch_page(url)

    return asyncio.run(go())


class _Misbehaving(BaseHTTPRequestHandler):
    """Paths: /slow (answers after 3 s), /forever (a byte every 50 ms, never ends),
    /cut (promises 10,000 bytes, sends 100, closes), /endless (no length, over the cap)."""

    stop: threading.Event

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            if self.stop.wait(3):
                return
            self._headers({"Content-Length": str(len(PAGE))})
            self.wfile.write(PAGE.encode())
        elif self.path == "/forever":
            self._headers({})
            self.wfile.write(b"<html><body><p>")
            while not self.stop.wait(0.05):
                self.wfile.write(b"x")
                self.wfile.flush()
        elif self.path == "/cut":
            self._headers({"Content-Length": "10000"})
            self.wfile.write(b"<html><body><p>" + b"y" * 85)
            self.wfile.flush()
            self.close_connection = True
        elif self.path == "/endless":
            self._headers({})
            chunk = b"<p>" + b"z" * 4093 + b"</p>"
            for _ in range(100):  # 400 KB, no Content-Length: only streaming can stop it
                if self.stop.is_set():
                    return
                self.wfile.write(chunk)

    def _headers(self, extra: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in extra.items():
            self.send_header(name, value)
        if "Content-Length" not in extra:
            self.send_header("Connection", "close")
        self.end_headers()


@pytest.fixture
def misbehaving() -> Iterator[str]:
    stop = threading.Event()
    handler = type("Handler", (_Misbehaving,), {"stop": stop})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    stop.set()
    server.shutdown()
    server.server_close()


def test_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    record = fetch(httpserver.url_for("/missing"))
    assert record.error == "not found (404)" and record.status == 404
    assert record.text == "" and record.sha256 is None


def test_server_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/boom").respond_with_data("oops", status=500)
    assert fetch(httpserver.url_for("/boom")).error == "server error (500)"


def test_redirect_loop(httpserver: HTTPServer) -> None:
    for here, there in (("/a", "/b"), ("/b", "/a")):
        httpserver.expect_request(here).respond_with_response(
            Response(status=302, headers={"Location": httpserver.url_for(there)})
        )
    assert fetch(httpserver.url_for("/a")).error == "too many redirects (more than 5)"


def test_redirect_to_a_file_url_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sneaky").respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    assert fetch(httpserver.url_for("/sneaky")).error == (
        "redirected to a URL that is not http or https"
    )


def test_declared_body_over_the_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(
        "<p>" + "w" * 30_000, content_type="text/html"
    )
    assert fetch(httpserver.url_for("/big")).error == "too large (over 20 KB)"


def test_streamed_body_over_the_cap(misbehaving: str) -> None:
    assert fetch(misbehaving + "/endless").error == "too large (over 20 KB)"


def test_gzip_cap_applies_to_the_decoded_size(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 500_000)
    assert len(bomb) < LIMITS.max_bytes  # small on the wire, 500 KB decoded
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    assert fetch(httpserver.url_for("/bomb")).error == "too large (over 20 KB)"


def test_pdf_is_not_a_web_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.7\n...", content_type="application/pdf"
    )
    assert fetch(httpserver.url_for("/report.pdf")).error == "not a web page (application/pdf)"


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("file:///etc/passwd", "only http and https URLs can be fetched, not file://"),
        ("ftp://example.org/x.html", "only http and https URLs can be fetched, not ftp://"),
        ("example.org/page", "only http and https URLs can be fetched, not a URL without a scheme"),
        ("http:///nohost", "not a valid URL (no host)"),
    ],
)
def test_other_schemes_are_refused(url: str, error: str) -> None:
    assert fetch(url).error == error


def test_connection_refused() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago, so nobody listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert fetch(f"http://127.0.0.1:{port}/").error == (
        "cannot connect (connection refused or host unreachable)"
    )


def test_bad_charset_name_does_not_crash(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/odd").respond_with_data(
        PAGE.encode(), content_type="text/html; charset=utf-99;;=="
    )
    record = fetch(httpserver.url_for("/odd"))
    assert record.error is None and "12 people" in record.text


def test_slow_answer_times_out(misbehaving: str) -> None:
    assert fetch(misbehaving + "/slow").error == "timed out after 0.4 s without data"


def test_bytes_forever_hit_the_total_deadline(misbehaving: str) -> None:
    assert fetch(misbehaving + "/forever").error == "timed out after 1 s"


def test_connection_closed_mid_body(misbehaving: str) -> None:
    assert fetch(misbehaving + "/cut").error == "connection closed mid-body"


def test_failures_do_not_stop_the_others(httpserver: HTTPServer, misbehaving: str) -> None:
    httpserver.expect_request("/fine").respond_with_data(PAGE, content_type="text/html")
    urls = [misbehaving + "/forever", httpserver.url_for("/fine"), "file:///x"]

    async def go() -> list[PageRecord]:
        async with WebClient(LIMITS) as client:
            return await client.fetch_pages(urls)

    forever, fine, refused = asyncio.run(go())
    assert forever.error == "timed out after 1 s"
    assert fine.error is None and "12 people" in fine.text
    assert refused.error is not None and refused.error.startswith("only http and https")
