"""What the app is asked to open: an extracted article and where its review lives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.extraction import Extraction
from workbench.core.fetch.client import FetchLimits
from workbench.core.timestamps import utc_now


@dataclass(frozen=True)
class ReviewRequest:
    """Everything the app needs to open a review, prepared before the terminal is taken."""

    extraction: Extraction
    """The article and its claims."""
    session_path: Path
    """The review file (it may not exist yet)."""
    shown_path: str
    """How to show the review file to the user (as given, so snapshots stay stable)."""
    reviewer: str | None = None
    """The `--reviewer` override; None means the saved reviewer or the OS user."""
    clock: Callable[[], str] = utc_now
    """Timestamps for verdicts and reports (injectable so tests are deterministic)."""
    fetch_limits: FetchLimits | None = None
    """Bounds for fetching reference pages (None: the client's defaults; tests shrink them)."""
