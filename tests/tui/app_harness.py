"""The test article and the app built on it, as `workbench ARTICLE` builds it (fixed clock).

Kept out of conftest.py so that test modules can import them by a unique module name.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from workbench.core.extraction import extract
from workbench.core.fetch.client import FetchLimits
from workbench.core.loading import load_document
from workbench.tui.app import WorkbenchApp
from workbench.tui.request import ReviewRequest

ARTICLE = """\
Harbour town opens new bridge

The new bridge over the Elm river opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

It felt like a sunny day.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.

The council said the bridge cost 42 million euros, according to the mayor's office.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.
"""
"""A short news text; the paragraph about the cost appears twice (a folded copy)."""

REVIEWER = "Test Checker"


def fixed_clock() -> Callable[[], str]:
    """A clock that ticks one second per call from a fixed time."""
    start = dt.datetime(2023, 7, 30, 12, 0, tzinfo=dt.UTC)
    ticks = itertools.count()
    return lambda: (start + dt.timedelta(seconds=next(ticks))).isoformat().replace("+00:00", "Z")


def make_app(
    source: str = "article.txt",
    session: str | None = None,
    *,
    fetch_limits: FetchLimits | None = None,
    auto_advance: bool | None = None,
) -> WorkbenchApp:
    """The app on `source` (relative to the test folder), as `workbench ARTICLE` builds it.

    `auto_advance` turns the user's setting on or off for this app (None: as saved).
    """
    document = load_document(source)
    extraction = extract(document, reference_date=dt.date(2023, 7, 30), today=dt.date(2023, 7, 30))
    session_path = Path(session) if session else Path(source + ".review.json")
    request = ReviewRequest(
        extraction=extraction,
        session_path=session_path,
        shown_path=str(session_path),
        clock=fixed_clock(),
        fetch_limits=fetch_limits,
    )
    app = WorkbenchApp(request)
    if auto_advance is not None:
        app.auto_advance = auto_advance
    return app


AppFactory = Callable[..., WorkbenchApp]
"""The type of the `app_factory` fixture: `make_app`."""
