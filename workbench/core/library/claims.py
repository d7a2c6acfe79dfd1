"""`checked_before` for the claims of an article: what the library already holds about each.

Used by `workbench claims` and the report. Reading never creates a library: with none (or an
empty one) every claim gets an empty list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.extraction import Extraction

if TYPE_CHECKING:
    from workbench.core.library.model import Match


def matches_for_claims(
    path: Path,
    claims: Sequence[str],
    *,
    article_source: str,
    article_sha256: str = "",
    reference_date: dt.date | None = None,
) -> list[list[Match]]:
    """For each claim, its "checked before" matches in the library at `path`.

    Raises `LibraryUnavailableError` when the library exists but cannot be read; a missing
    library is an empty one. The user's own verdicts on this same article are left out.
    """
    if not path.exists():
        return [[] for _ in claims]
    # Imported only when there is a library to read: ranking and the user's own verdicts (the
    # review model) are most of what `workbench claims` would otherwise import for nothing.
    from workbench.core.library.own import article_identity
    from workbench.core.library.search import checked_before
    from workbench.core.library.store import open_library

    store = open_library(path, create=False)
    try:
        if store.count() == 0:
            return [[] for _ in claims]
        return checked_before(
            store,
            claims,
            reference_date=reference_date,
            exclude_article=article_identity(article_source, sha256=article_sha256),
        )
    finally:
        store.close()


def dated_reference(extraction: Extraction) -> dt.date | None:
    """The article's date for matching, unless it is only today's date (a guess)."""
    from workbench.core.dates import ReferenceOrigin

    reference = extraction.reference
    return None if reference.origin is ReferenceOrigin.TODAY else reference.value
