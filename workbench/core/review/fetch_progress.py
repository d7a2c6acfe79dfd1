"""The state of the fetches running in the app: what is queued, how far along, how it went.

Plain bookkeeping (no Textual): the review screen's worker drains the queue and reports each
finished page here; the header shows `label`, the detail pane shows `pending` URLs as
"fetching…", and `summary` is the notification at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.review.fetch_jobs import fetch_summary


@dataclass
class FetchProgress:
    """Fetches asked for since the last batch ended."""

    queue: dict[str, bool] = field(default_factory=dict)
    """URLs waiting to be fetched → whether to bypass the cache."""
    pending: set[str] = field(default_factory=set)
    """URLs queued or being fetched (never fetched twice at once)."""
    total: int = 0
    """URLs asked for in this batch."""
    done: int = 0
    """URLs finished in this batch."""
    read: int = 0
    """Pages read."""
    failed: int = 0
    """Pages that could not be read."""
    kept: int = 0
    """Failed refetches whose earlier evidence was kept."""

    def add(self, urls: list[str], *, refresh: bool) -> int:
        """Queue `urls` (those not already pending); returns how many were added."""
        added = 0
        for url in urls:
            if url not in self.pending:
                self.queue[url] = refresh
                self.pending.add(url)
                added += 1
        self.total += added
        return added

    def take(self) -> dict[str, bool]:
        """Everything queued, to start fetching now."""
        batch, self.queue = self.queue, {}
        return batch

    def finished(self, url: str, *, ok: bool, kept: bool) -> None:
        """One URL is done."""
        self.pending.discard(url)
        self.done += 1
        if ok:
            self.read += 1
        else:
            self.failed += 1
            self.kept += kept

    @property
    def busy(self) -> bool:
        """Whether anything is queued or being fetched."""
        return bool(self.pending)

    @property
    def label(self) -> str:
        """`fetching 2 of 5…` while busy, else empty."""
        if not self.busy:
            return ""
        return f"fetching {min(self.done + 1, self.total)} of {self.total}…"

    @property
    def summary(self) -> str:
        """`2 pages read, 1 failed`."""
        return fetch_summary(self.read, self.failed, self.kept)

    def reset(self) -> None:
        """Start counting a new batch (after the last one ended or was stopped)."""
        self.queue.clear()
        self.pending.clear()
        self.total = self.done = self.read = self.failed = self.kept = 0
