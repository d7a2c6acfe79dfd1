"""`workbench https://...`: the article comes from the web, its review goes to the data folder,
and the header says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import claim_list, header_text, opened, press_and_settle
from pytest_httpserver import HTTPServer

from workbench.cli import open_command
from workbench.cli.main import build_parser, main
from workbench.tui.app import WorkbenchApp

pytestmark = pytest.mark.anyio

STORY = """\
<!doctype html><html><head><meta charset="utf-8">
<title>Port of Hale reports record year | Coastal Times</title>
<meta property="article:published_time" content="2024-03-02T07:30:00Z"></head>
<body><nav><a href="/">Home</a> · <a href="/business">Business</a></nav>
<article><h1>Port of Hale reports record year</h1>
<p>The Port of Hale handled 4.2 million containers in 2023, up 12 percent on 2022, the port
authority said on Friday.</p>
<p>Chief executive Lina Berg said the new terminal, which cost 310 million euros, opened in
March 2023 and now employs 850 people.</p>
<p>"We expect another strong year," Berg said.</p></article>
<footer>© Coastal Times 2024</footer></body></html>
"""


async def test_url_article_opens_with_its_review_in_the_data_folder(
    httpserver: HTTPServer, private_home: Path
) -> None:
    httpserver.expect_request("/business/port-record").respond_with_data(
        STORY, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/business/port-record")
    args = build_parser(None).parse_args([url, "--date", "2024-03-02"])
    request, lock = open_command.prepare(args)
    try:
        reviews = private_home / "data" / "reviews"
        assert request.session_path.parent == reviews
        assert request.session_path.name.endswith(".review.json")
        assert request.extraction.document.title == "Port of Hale reports record year"
        app = WorkbenchApp(request)
        async with opened(app, size=(160, 30)) as pilot:
            texts = [c.text for c in claim_list(app).claims]
            assert any("4.2 million containers" in t for t in texts)
            await press_and_settle(pilot, "v")
            header = header_text(app)
            assert str(request.session_path) in header
    finally:
        lock.release()
    assert request.session_path.exists()
    assert '"verdict": "verified"' in request.session_path.read_text(encoding="utf-8")


def test_url_that_fails_is_one_line_before_the_app(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    url = httpserver.url_for("/gone")
    assert main([url]) == 1
    assert capsys.readouterr().err == f"workbench: {url}: not found (404)\n"
