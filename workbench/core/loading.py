"""Open an article from a file, standard input or a URL, within the size limits.

The bytes then go through `reading.document_from_bytes`, the same whichever way they came; a
URL is fetched with the same client and limits as reference pages.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from workbench.core.decoding import format_size, header_charset, looks_like_html
from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError
from workbench.core.reading import document_from_bytes

if TYPE_CHECKING:
    from workbench.core.fetch.client import FetchedBody, FetchLimits

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""Articles larger than this are refused: no news article is, and memory stays bounded."""

_TEXT_SUFFIXES = {".txt", ".text"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def is_url(source: str) -> bool:
    """Whether `source` names a web page rather than a file."""
    return source.lower().startswith(("http://", "https://"))


def load_document(source: str, *, stdin: BinaryIO | None = None) -> Document:
    """Open `source`: a file path, `-` for standard input, or an http(s) URL.

    Raises `LoadError` with a one-line message for anything that is not a readable article.
    """
    if is_url(source):
        return load_url(source)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            raise LoadError(f"standard input is too large (over {format_size(MAX_ARTICLE_BYTES)})")
        return document_from_bytes(raw, source="-", kind=_sniff_kind(raw))
    return _load_file(source)


def load_url(url: str, *, limits: FetchLimits | None = None) -> Document:
    """Fetch `url` and build its Document; raises `LoadError` with one line on failure.

    `limits` bound the fetch as they bound reference pages (tests shrink them).
    """
    # Imported here, not at the top: httpx and the HTTP cache cost ~80 ms to import, which every
    # `workbench claims FILE` would pay for nothing. This is no loop: fetch never imports loading
    # (the acyclic import-linter contract sees imports inside functions too).
    from workbench.core.fetch.client import WebClient, run_sync
    from workbench.core.fetch.errors import FetchError

    async def download() -> FetchedBody:
        async with WebClient(limits, store=False) as client:
            return await client.fetch_body(url)

    try:
        fetched = run_sync(download)
    except FetchError as error:
        raise LoadError(f"{url}: {error.reason}") from None
    kind = SourceKind.HTML if fetched.is_html else SourceKind.TEXT
    # Decoded as a saved file is (BOM, UTF-8, <meta charset>, detection); only the server's
    # Content-Type charset is added.
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


def _load_file(source: str) -> Document:
    path = Path(source)
    if "://" in source:
        scheme = source.split("://", 1)[0]
        raise LoadError(f"{source}: only http and https URLs can be opened, not {scheme}://")
    if not path.exists():
        raise LoadError(f"{source}: no such file")
    if path.is_dir():
        raise LoadError(f"{source}: is a folder, not an article")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise LoadError(
                f"{source}: too large to be an article ({format_size(size)}; the limit is "
                f"{format_size(MAX_ARTICLE_BYTES)})"
            )
        raw = path.read_bytes()
    except PermissionError as error:
        raise LoadError(f"{source}: permission denied") from error
    except OSError as error:
        raise LoadError(f"{source}: cannot be read ({error.strerror or error})") from error
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        kind = SourceKind.HTML
    elif suffix in _MARKDOWN_SUFFIXES:
        kind = SourceKind.MARKDOWN
    elif suffix in _TEXT_SUFFIXES or suffix == "":
        kind = SourceKind.TEXT
    else:
        # An unknown extension is fine if the bytes are text; binary is refused when read.
        kind = _sniff_kind(raw)
    return document_from_bytes(raw, source=source, kind=kind)


def _sniff_kind(raw: bytes) -> SourceKind:
    if looks_like_html(raw):
        return SourceKind.HTML
    if raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"---"):
        return SourceKind.MARKDOWN
    return SourceKind.TEXT
