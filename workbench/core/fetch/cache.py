"""The HTTP cache: hishel's RFC 9111 transport over an SQLite file in the user cache folder.

hishel tees the body into storage while we stream it, so the size cap and deadline still
apply; a body we stop reading (too large, timed out) is discarded, never half-stored. Entries
are reused only as HTTP allows (Cache-Control max-age, Expires, no-store; ETag and
Last-Modified revalidation), as a private cache: one user's cache, like a browser's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from workbench.core.paths import cache_dir

CACHE_FILE = "http-cache-v2.sqlite"
"""Name of hishel's database inside the cache folder (v2: hishel 2.x's schema)."""

MAX_CACHE_BYTES = 256 * 1024 * 1024
"""Size at which hishel starts evicting the least recently used entries."""


def http_cache_path(folder: Path | None = None) -> Path:
    """Where the HTTP cache database lives."""
    return (folder if folder is not None else cache_dir()) / "http" / CACHE_FILE


def cached_client(folder: Path | None = None, **options: Any) -> httpx.AsyncClient:
    """An `httpx.AsyncClient` whose transports (proxies from the environment included) go
    through hishel's RFC 9111 cache; `options` are `httpx.AsyncClient` arguments."""
    from hishel import AsyncSqliteStorage, CacheOptions
    from hishel.httpx import AsyncCacheClient

    storage = AsyncSqliteStorage(database_path=http_cache_path(folder), max_size=MAX_CACHE_BYTES)
    client: httpx.AsyncClient = AsyncCacheClient(
        storage=storage, rfc=CacheOptions(shared=False), **options
    )
    return client


def served_from_cache(response: httpx.Response) -> bool:
    """Whether hishel answered `response` from storage (fresh or revalidated with a 304)."""
    status = response.extensions.get("caching")
    return isinstance(status, dict) and bool(status.get("from_cache"))
