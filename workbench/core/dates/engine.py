"""Finding and resolving dates. First version: reference date only; the engine replaces it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workbench.core.dates.model import DateMention, ReferenceDate, ReferenceOrigin
from workbench.core.spans import Span


def resolve_reference_date(
    text: str,
    spans: Sequence[Span],
    *,
    option: dt.date | None = None,
    document_date: dt.date | None = None,
    today: dt.date | None = None,
) -> ReferenceDate:
    """The reference date: `--date`, else the document's date, else inferred, else today."""
    if option is not None:
        return ReferenceDate(option, ReferenceOrigin.OPTION, "given with --date")
    if document_date is not None:
        return ReferenceDate(document_date, ReferenceOrigin.DOCUMENT, "the article's own date")
    return ReferenceDate(today or dt.date.today(), ReferenceOrigin.TODAY, "today (no date found)")


def find_dates(
    text: str, spans: Sequence[Span], reference: ReferenceDate
) -> list[list[DateMention]]:
    """The date mentions inside each span (one list per span, in text order)."""
    return [[] for _ in spans]
