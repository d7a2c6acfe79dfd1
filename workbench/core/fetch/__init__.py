"""Fetching reference pages and web articles: one bounded HTTP client, a cache, page records.

The TUI and `workbench evidence` both go through `WebClient` (or the `fetch_pages` shortcut);
`workbench.core.loading` uses the same client to open an article given as a URL.
"""

from workbench.core.fetch.client import FetchLimits, WebClient, fetch_pages, fetch_pages_sync
from workbench.core.fetch.errors import FetchError
from workbench.core.fetch.page import PageRecord
from workbench.core.fetch.store import PageStore

__all__ = [
    "FetchError",
    "FetchLimits",
    "PageRecord",
    "PageStore",
    "WebClient",
    "fetch_pages",
    "fetch_pages_sync",
]
