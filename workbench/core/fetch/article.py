"""Open an article given as a URL: the same client and limits as reference pages.

`workbench.core.loading.load_document` calls `fetch_article` for http(s) sources; the bytes
then go through the same decoding and HTML extraction as a saved `.html` file.
"""

from __future__ import annotations

import dataclasses

from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError
from workbench.core.fetch.charset import decode_body
from workbench.core.fetch.client import FetchedBody, FetchLimits, WebClient, run_sync
from workbench.core.fetch.errors import FetchError
from workbench.core.loading import document_from_bytes


def fetch_article(
    url: str, *, limits: FetchLimits | None = None, refresh: bool = False
) -> Document:
    """Fetch `url` and build its Document; raises `LoadError` with one line on failure."""

    async def download() -> FetchedBody:
        async with WebClient(limits, store=False) as client:
            return await client.fetch_body(url, refresh=refresh)

    try:
        fetched = run_sync(download)
    except FetchError as error:
        raise LoadError(f"{url}: {error.reason}") from None
    kind = SourceKind.HTML if fetched.is_html else SourceKind.TEXT
    raw = fetched.body
    encoding: str | None = None
    if raw.strip():
        # The server's or page's declared charset beats detection; the loader only detects,
        # so it gets the text already decoded, as UTF-8.
        text, encoding = decode_body(raw, fetched.content_type, html=fetched.is_html)
        raw = text.encode("utf-8")
    document = document_from_bytes(raw, source=url, kind=kind, url=fetched.final_url)
    return dataclasses.replace(
        document,
        sha256=fetched.sha256,
        encoding=encoding or document.encoding,
        url=document.url or fetched.final_url,
        metadata={
            **document.metadata,
            "fetched_at": fetched.fetched_at,
            "final_url": fetched.final_url,
            "status": str(fetched.status),
        },
    )
