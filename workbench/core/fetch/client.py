"""The one HTTP client: bounded, polite fetches of web pages, each ending in a page or one line.

Bounds, all in `FetchLimits`: connect/read/write timeouts, a total deadline per page (a server
trickling bytes forever still ends), at most 5 redirects, a size cap on the *decoded* body
checked while streaming, only http/https, only HTML and plain text. Several pages fetch at
once, at most `per_host` per server and `overall` in all.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from workbench import __version__
from workbench.core.decoding import (
    BinaryDataError,
    DecodingError,
    format_size,
    header_charset,
    looks_like_html,
    read_text,
)
from workbench.core.fetch.cache import cached_client, served_from_cache
from workbench.core.fetch.errors import FetchError, status_reason
from workbench.core.fetch.page import PageRecord
from workbench.core.fetch.store import PageStore
from workbench.core.timestamps import utc_now

USER_AGENT = f"workbench/{__version__} (+fact-checking workbench)"
"""How we introduce ourselves to servers: honest, so site owners can tell who fetched."""

ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
"""Media types we read; anything else is "not a web page"."""

_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"

T = TypeVar("T")

ProgressCallback = Callable[[PageRecord, int, int], None]
"""Called as each page finishes: the record, how many are done, how many in all."""


@dataclass(frozen=True)
class FetchLimits:
    """Every bound a fetch obeys; tests shrink them to keep failure cases fast."""

    connect_timeout: float = 10.0
    """Seconds to open the connection (DNS, TCP, TLS)."""
    read_timeout: float = 15.0
    """Seconds to wait for the next bytes from the server."""
    write_timeout: float = 10.0
    """Seconds to send the request."""
    total_timeout: float = 30.0
    """Seconds for the whole fetch, redirects and body included."""
    max_bytes: int = 5 * 1024 * 1024
    """Largest body accepted, after gzip/deflate decoding."""
    max_redirects: int = 5
    """Redirects followed before giving up."""
    per_host: int = 2
    """Pages fetched at once from one server."""
    overall: int = 6
    """Pages fetched at once in all."""


@dataclass(frozen=True)
class FetchedBody:
    """A successful response: the decoded body and what the server said about it."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where redirects led."""
    status: int
    """HTTP status of the final response."""
    media_type: str
    """`text/html`, `application/xhtml+xml` or `text/plain` (sniffed when not declared)."""
    content_type: str | None
    """The full Content-Type header, if any."""
    body: bytes
    """The body after content decoding (gzip, deflate), at most `max_bytes`."""
    fetched_at: str
    """When it was fetched, ISO 8601 UTC."""
    from_cache: bool
    """Whether the HTTP cache answered."""

    @property
    def sha256(self) -> str:
        """Hash of the body bytes."""
        return hashlib.sha256(self.body).hexdigest()

    @property
    def is_html(self) -> bool:
        """Whether the body is HTML (or XHTML)."""
        return self.media_type != "text/plain"


class WebClient:
    """The workbench's HTTP client. Use as `async with WebClient() as client: ...`.

    `cache=False` skips the HTTP cache; pages are still kept in the page store (unless
    `store` is False) so reviews can be reopened offline.
    """

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        cache: bool = True,
        cache_folder: Path | None = None,
        store: PageStore | bool = True,
    ) -> None:
        self.limits = limits or FetchLimits()
        self._cache = cache
        self._cache_folder = cache_folder
        if store is True:
            self.store: PageStore | None = PageStore(
                cache_folder / "pages" if cache_folder is not None else None
            )
        else:
            self.store = store or None
        self._http: httpx.AsyncClient | None = None
        self._overall = asyncio.Semaphore(self.limits.overall)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> WebClient:
        self._open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close connections and the cache database."""
        if self._http is not None:
            http, self._http = self._http, None
            await http.aclose()

    def _open(self) -> httpx.AsyncClient:
        if self._http is None:
            limits = self.limits
            options: dict[str, Any] = {
                "headers": {
                    "User-Agent": USER_AGENT,
                    "Accept": _ACCEPT,
                    "Accept-Language": "en;q=1.0, *;q=0.5",
                },
                "timeout": httpx.Timeout(
                    connect=limits.connect_timeout,
                    read=limits.read_timeout,
                    write=limits.write_timeout,
                    pool=limits.total_timeout,
                ),
                "follow_redirects": True,
                "max_redirects": limits.max_redirects,
            }
            if self._cache:
                self._http = cached_client(self._cache_folder, **options)
            else:
                self._http = httpx.AsyncClient(**options)
        return self._http

    async def fetch_body(self, url: str, *, refresh: bool = False) -> FetchedBody:
        """Download `url` within the limits; raises `FetchError` with a one-line reason.

        `refresh` makes the cache check with the server (`Cache-Control: no-cache`) instead
        of answering from storage; an unchanged page may still come back as a 304.
        """
        check_url(url)
        host = (urlsplit(url).hostname or "").lower()
        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(self.limits.per_host))
        # Host first: a page waiting for its server should not hold one of the overall slots.
        async with semaphore, self._overall:
            progress = _Progress()
            try:
                async with asyncio.timeout(self.limits.total_timeout):
                    return await self._download(url, refresh, progress)
            except FetchError as error:
                error.url = url
                raise
            except TimeoutError:
                raise FetchError(
                    f"timed out after {self.limits.total_timeout:g} s", url=url
                ) from None
            except httpx.HTTPError as error:
                raise FetchError(self._reason(error, progress), url=url) from None

    async def _download(self, url: str, refresh: bool, progress: _Progress) -> FetchedBody:
        headers = {"Cache-Control": "no-cache"} if refresh else {}
        async with self._open().stream("GET", url, headers=headers) as response:
            progress.answered = True
            final_url = str(response.url)
            status = response.status_code
            if status >= 400:
                raise FetchError(status_reason(status), status=status, final_url=final_url)
            if status >= 300:
                raise FetchError(
                    f"redirect without a usable target ({status})",
                    status=status,
                    final_url=final_url,
                )
            content_type = response.headers.get("content-type")
            media_type = (content_type or "").split(";", 1)[0].strip().lower()
            if media_type and media_type not in ACCEPTED_TYPES:
                raise FetchError(
                    f"not a web page ({media_type})", status=status, final_url=final_url
                )
            too_large = FetchError(
                f"too large (over {format_size(self.limits.max_bytes)})",
                status=status,
                final_url=final_url,
            )
            declared = response.headers.get("content-length", "")
            # A compressed length says nothing certain about the decoded size, so only a
            # plain body is refused before reading.
            if (
                declared.isdigit()
                and int(declared) > self.limits.max_bytes
                and "content-encoding" not in response.headers
            ):
                raise too_large
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise too_large
                chunks.append(chunk)
            body = b"".join(chunks)
            if not media_type:
                media_type = "text/html" if looks_like_html(body) else "text/plain"
            return FetchedBody(
                url=url,
                final_url=final_url,
                status=status,
                media_type=media_type,
                content_type=content_type,
                body=body,
                fetched_at=utc_now(),
                from_cache=served_from_cache(response),
            )

    def _reason(self, error: httpx.HTTPError, progress: _Progress) -> str:
        """One line for an httpx error."""
        limits = self.limits
        if isinstance(error, httpx.ConnectTimeout):
            return f"timed out connecting after {limits.connect_timeout:g} s"
        if isinstance(error, httpx.TimeoutException):
            return f"timed out after {limits.read_timeout:g} s without data"
        if isinstance(error, httpx.TooManyRedirects):
            return f"too many redirects (more than {limits.max_redirects})"
        if isinstance(error, httpx.UnsupportedProtocol):
            return "redirected to a URL that is not http or https"
        if isinstance(error, httpx.InvalidURL):
            return "not a valid URL"
        if isinstance(error, httpx.DecodingError):
            return "the compressed body is damaged"
        if isinstance(error, httpx.ConnectError):
            return _connect_reason(str(error))
        if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError)):
            if progress.answered:
                return "connection closed mid-body"
            return "the server closed the connection without answering"
        return f"request failed ({type(error).__name__})"

    async def fetch_page(self, url: str, *, refresh: bool = False) -> PageRecord:
        """Fetch `url` and extract its page record; never raises: failures go in `error`."""
        try:
            fetched = await self.fetch_body(url, refresh=refresh)
        except FetchError as error:
            return PageRecord.failed(
                url, error.reason, status=error.status, final_url=error.final_url
            )
        # trafilatura is CPU work of tens of milliseconds; keep the event loop responsive.
        record = await asyncio.to_thread(page_record, fetched)
        if self.store is not None and record.error is None:
            await asyncio.to_thread(self.store.save, record)
        return record

    async def fetch_pages(
        self,
        urls: Sequence[str],
        *,
        refresh: bool = False,
        progress: ProgressCallback | None = None,
    ) -> list[PageRecord]:
        """Fetch every URL concurrently (within the limits); records in the order given.

        A URL given twice is fetched once. `progress` is called in the event loop's thread.
        """
        unique = list(dict.fromkeys(urls))
        done = 0

        async def one(url: str) -> PageRecord:
            nonlocal done
            record = await self.fetch_page(url, refresh=refresh)
            done += 1
            if progress is not None:
                progress(record, done, len(unique))
            return record

        records = await asyncio.gather(*(one(url) for url in unique))
        by_url = dict(zip(unique, records, strict=True))
        return [by_url[url] for url in urls]


@dataclass
class _Progress:
    """How far a fetch got, to tell "closed mid-body" from "closed before answering"."""

    answered: bool = False


def check_url(url: str) -> None:
    """Refuse anything but an http(s) URL with a host, with one line."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}://" if scheme else "a URL without a scheme"
        raise FetchError(f"only http and https URLs can be fetched, not {shown}", url=url)
    if not parts.hostname:
        raise FetchError("not a valid URL (no host)", url=url)


def page_record(fetched: FetchedBody) -> PageRecord:
    """Decode and extract a fetched body into its page record."""
    from workbench.core.html import extract_html

    base = PageRecord(
        url=fetched.url,
        final_url=fetched.final_url,
        status=fetched.status,
        title=None,
        published=None,
        fetched_at=fetched.fetched_at,
        sha256=fetched.sha256,
        error=None,
        content_type=fetched.media_type,
        from_cache=fetched.from_cache,
    )
    if not fetched.body.strip():
        return replace(base, error="the page is empty")
    try:
        text, encoding = read_text(
            fetched.body, charset=header_charset(fetched.content_type), html=fetched.is_html
        )
    except BinaryDataError as error:
        return replace(base, error=f"{error}, not a web page")
    except DecodingError:
        return replace(base, error="the text cannot be decoded")
    if not fetched.is_html:
        return replace(base, text=text, encoding=encoding)
    page = extract_html(text, fetched.final_url)
    if not page.text.strip():
        return replace(base, encoding=encoding, title=page.title, error="no readable text")
    return replace(
        base, text=page.text, title=page.title, published=page.published, encoding=encoding
    )


async def fetch_pages(
    urls: Sequence[str],
    *,
    limits: FetchLimits | None = None,
    refresh: bool = False,
    progress: ProgressCallback | None = None,
    cache: bool = True,
) -> list[PageRecord]:
    """Fetch `urls` with a fresh client (shortcut for one batch)."""
    async with WebClient(limits, cache=cache) as client:
        return await client.fetch_pages(urls, refresh=refresh, progress=progress)


def fetch_pages_sync(
    urls: Sequence[str],
    *,
    limits: FetchLimits | None = None,
    refresh: bool = False,
    progress: ProgressCallback | None = None,
    cache: bool = True,
) -> list[PageRecord]:
    """`fetch_pages` for synchronous callers (the CLI, a thread worker)."""
    return run_sync(
        lambda: fetch_pages(urls, limits=limits, refresh=refresh, progress=progress, cache=cache)
    )


def run_sync(make: Callable[[], Coroutine[Any, Any, T]] | Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from synchronous code, even inside a running loop
    (then in a helper thread with its own loop, since a loop cannot be re-entered)."""

    async def main() -> T:
        return await make()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def _connect_reason(message: str) -> str:
    lowered = message.lower()
    if any(
        marker in lowered
        for marker in (
            "name or service",
            "nodename",
            "name resolution",
            "getaddrinfo",
            "no address",
        )
    ):
        return "cannot find the server (DNS failure)"
    if "refused" in lowered or "connection attempts failed" in lowered:
        # anyio reports a refused port as "All connection attempts failed".
        return "cannot connect (connection refused or host unreachable)"
    if "certificate" in lowered or "ssl" in lowered:
        return "secure connection failed (certificate problem)"
    return "cannot connect"
