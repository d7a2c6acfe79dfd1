"""Open an article given as a URL: the same client and limits as reference pages.

`workbench.core.loading.load_document` calls `fetch_article` for http(s) sources; the bytes
then go through the same decoding and HTML extraction as a saved `.html` file.
"""

from __future__ import annotations

import dataclasses

from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError
from workbench.core.fetch.charset import header_charset
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
    # The loader decodes as for a saved file (BOM, UTF-8, <meta charset>, detection); only
    # the server's Content-Type charset is the fetcher's to add.
    document = document_from_bytes(
        fetched.body,
        source=url,
        kind=kind,
        url=fetched.final_url,
        charset=header_charset(fetched.content_type),
    )
    return dataclasses.replace(
        document,
        sha256=fetched.sha256,
        url=document.url or fetched.final_url,
        metadata={
            **document.metadata,
            "fetched_at": fetched.fetched_at,
            "final_url": fetched.final_url,
            "status": str(fetched.status),
        },
    )
