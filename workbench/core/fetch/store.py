"""Fetched pages kept on disk by body hash, so a reopened review shows its evidence offline.

The HTTP cache decides when to ask the server again; this store is different: it keeps the
*extracted* record (text, title, date) of every body ever read, named by its sha256, which
is what a review file refers to. Reading it back needs neither the network nor trafilatura.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from workbench.core.atomic import write_atomic
from workbench.core.errors import WorkbenchError
from workbench.core.fetch.page import PageRecord
from workbench.core.paths import cache_dir

_SHA256 = re.compile(r"[0-9a-f]{64}")


class PageStore:
    """A folder of `<sha256>.json` page records (text included)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir() / "pages"

    def path_for(self, sha256: str) -> Path:
        """Where the record for a body hash lives."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.folder / sha256[:2] / f"{sha256}.json"

    def save(self, record: PageRecord) -> None:
        """Keep `record` (with its text); records without a body are not kept.

        A cache that cannot be written must not fail the fetch, so write errors are dropped.
        """
        if record.sha256 is None or record.error is not None:
            return
        path = self.path_for(record.sha256)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(record.to_json(include_text=True), ensure_ascii=False)
            write_atomic(path, payload)
        except (OSError, WorkbenchError):
            return

    def load(self, sha256: str) -> PageRecord | None:
        """The stored record for a body hash, or None if it is not (or no longer) stored."""
        try:
            path = self.path_for(sha256)
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or "url" not in data:
            return None
        return PageRecord.from_json(data)

    def reopen(self, record: PageRecord) -> PageRecord:
        """`record` (as saved in a review, without text) with its text from the store.

        The review's own fields (URL, fetch time...) win; only the text comes from the store.
        """
        if record.text or record.sha256 is None:
            return record
        stored = self.load(record.sha256)
        if stored is None:
            return record
        from dataclasses import replace

        return replace(record, text=stored.text)
