"""Fetching reference pages and web articles: one bounded HTTP client, a cache, page records.

The TUI and `workbench evidence` both go through `WebClient` (or the `fetch_pages` shortcut);
`workbench.core.loading` uses the same client to open an article given as a URL.
"""

# Nothing is re-exported here on purpose: importing `fetch.page` (as the review file's records
# do) must not import httpx and the HTTP cache (~100 ms), which `workbench claims` never needs.
# Import from the submodules: `fetch.client`, `fetch.errors`, `fetch.page`, `fetch.store`.
