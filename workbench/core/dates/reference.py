"""The reference date: what "today", "next month" and a bare "July 28" are resolved against.

Tried in order: the user's `--date`; the article's own date (front matter, HTML metadata);
a date inferred from a weekday written next to a day ("Friday, July 28" → the latest year not
after today in which July 28 is a Friday, and not before any year the article names); today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.dates import periods
from workbench.core.dates.context import month_number
from workbench.core.dates.lexicon import WEEKDAY_NAMES, WEEKDAYS
from workbench.core.dates.model import ReferenceDate, ReferenceOrigin
from workbench.core.dates.scan import scan_spans
from workbench.core.dates.shapes import shape_match
from workbench.core.spans import Span

_EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class WeekdayPair:
    """A weekday written with a month and day but no year: "Friday, July 28"."""

    text: str
    """As written."""
    weekday: int
    """Monday = 0."""
    month: int
    """1 to 12."""
    day: int
    """Day of the month."""


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
    today = today or dt.date.today()
    inferred = infer_reference_date(text, spans, today=today)
    if inferred is not None:
        return inferred
    return ReferenceDate(today, ReferenceOrigin.TODAY, "today (the article gives no date)")


def infer_reference_date(
    text: str, spans: Sequence[Span], *, today: dt.date
) -> ReferenceDate | None:
    """The date of the first weekday–date pair, in the year most pairs agree on."""
    pairs, latest_year = _evidence(text, spans, today)
    if not pairs:
        return None
    best: tuple[int, int] | None = None  # (pairs agreeing, year)
    for year in range(today.year, max(_EARLIEST_YEAR, latest_year) - 1, -1):
        agreeing = sum(
            1
            for p in pairs
            if periods.valid_day(year, p.month, p.day)
            and dt.date(year, p.month, p.day) <= today
            and dt.date(year, p.month, p.day).weekday() == p.weekday
        )
        if agreeing and (best is None or agreeing > best[0]):
            best = (agreeing, year)
        if best is not None and best[0] == len(pairs):
            break  # the latest year where every pair agrees
    if best is None:
        return None
    year = best[1]
    for pair in pairs:
        if periods.valid_day(year, pair.month, pair.day):
            date = dt.date(year, pair.month, pair.day)
            if date.weekday() == pair.weekday and date <= today:
                return ReferenceDate(
                    date,
                    ReferenceOrigin.INFERRED,
                    f"inferred from “{pair.text}” (a {WEEKDAY_NAMES[pair.weekday]} in {year})",
                )
    return None


_SHAPES_WITH_YEAR = frozenset({"month_day", "day_month", "month_year", "iso_date", "year_or_range"})
"""Shapes whose `year` part is a year the text names."""


def _evidence(text: str, spans: Sequence[Span], today: dt.date) -> tuple[list[WeekdayPair], int]:
    """The weekday–date pairs without a year, and the latest past year the text names."""
    pairs: list[WeekdayPair] = []
    latest_year = _EARLIEST_YEAR
    scanned = scan_spans(text, [(s.start, s.end) for s in spans])
    starts = [s.start for s in spans]
    by_start = sorted(range(len(spans)), key=starts.__getitem__)  # a C-level key
    for index in by_start:
        for match in scanned[index]:
            found = shape_match(match)
            if found is None:
                continue
            if found.shape in ("month_day", "day_month"):
                weekday = found["weekday"]
                if weekday is not None and found["year"] is None:
                    day = int(re.sub(r"\D", "", found["day"] or ""))
                    pairs.append(
                        WeekdayPair(
                            text=" ".join(found.text.split()),
                            weekday=WEEKDAYS[weekday.rstrip(".").casefold()],
                            month=month_number(found["month"] or ""),
                            day=day,
                        )
                    )
            year_text = found["year"] if found.shape in _SHAPES_WITH_YEAR else None
            # Years still ahead name plans ("by 2030"), not when the article was written.
            if year_text and int(year_text) <= today.year:
                latest_year = max(latest_year, int(year_text))
    return pairs, latest_year
