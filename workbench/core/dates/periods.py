"""Calendar arithmetic on periods and their TIMEX3-style ISO values.

Values keep the written granularity: `2023-07-28` (day), `2023-W30` (ISO week), `2023-07`
(month), `2023-Q3` (quarter), `2023-H1` (half year), `2023-SU` (season), `2023` (year), `202`
(decade: the 2020s, as TIMEX3 writes it), `20` (century: the 2000s, i.e. the 21st century).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from workbench.core.dates.lexicon import SEASON_ORDER


def week_value(day: dt.date) -> str:
    """The ISO week holding `day`: `2023-W30`."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """`2023-07`."""
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after (year, month); negative goes back."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists (no February 30, no February 29 outside leap years)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def shift_days(day: dt.date, days: int) -> dt.date | None:
    """`day` plus `days`, or None outside the calendar's range."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def quarter_of(day: dt.date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def season_index(day: dt.date) -> tuple[int, int]:
    """(year, index into SEASON_ORDER) of the season holding `day`; December is next winter's
    first month, so it belongs to its own year's winter, January and February to last year's."""
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1), 3
    return day.year, (month - 3) // 3


def season_value(year: int, index: int) -> str:
    """`2020-SU`."""
    return f"{year:04d}-{SEASON_ORDER[index]}"


def season_ordinal(year: int, index: int) -> int:
    """A running number for comparing seasons."""
    return year * 4 + index


def decade_value(year: int) -> str:
    """The decade holding `year`, TIMEX3-style: 1994 → `199`."""
    return f"{year // 10:03d}"


def century_value(year: int) -> str:
    """The hundred years holding `year`, TIMEX3-style: 1850 → `18` (the 19th century)."""
    return f"{year // 100:02d}"


_GRANULARITY_OF_VALUE = (
    (re.compile(r"\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"\d{4}-W\d\d-WE"), "weekend"),
    (re.compile(r"\d{4}-W\d\d"), "week"),
    (re.compile(r"\d{4}-\d\d"), "month"),
    (re.compile(r"\d{4}-Q\d"), "quarter"),
    (re.compile(r"\d{4}-H\d"), "half"),
    (re.compile(r"\d{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{3}"), "decade"),
    (re.compile(r"\d{2}"), "century"),
)


def granularity_of(value: str) -> str | None:
    """The granularity a value is written in ("2019-Q3" → "quarter"), or None (a duration)."""
    for pattern, granularity in _GRANULARITY_OF_VALUE:
        if pattern.fullmatch(value):
            return granularity
    return None


def period_bounds(value: str, granularity: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the period a value names (None for a duration, a value that
    does not match `granularity`, or a day the calendar does not have).

    Compare periods by these, not by their strings: "2019-Q3" holds "2019-07" and "2019-08-01",
    "2019-SU" holds "2019-07" but "2019-WI" runs into 2020, "201" (the 2010s) holds "2019".
    `granularity` defaults to the one the value is written in.
    """
    written = granularity_of(value)
    if written is None or (granularity is not None and granularity != written):
        return None
    try:
        return _bounds(value, written)
    except ValueError:  # month 13, week 54, year 0, quarter 5
        return None


def _bounds(value: str, granularity: str) -> tuple[dt.date, dt.date] | None:
    year = int(value[:4])
    if granularity == "day":
        day = dt.date.fromisoformat(value)
        return day, day
    if granularity in ("week", "weekend"):
        monday = dt.date.fromisocalendar(year, int(value[6:8]), 1)
        if granularity == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if granularity == "month":
        return _months(year, int(value[5:7]), 1)
    if granularity == "quarter":
        quarter = int(value[6])
        if not 1 <= quarter <= 4:
            return None
        return _months(year, 3 * quarter - 2, 3)
    if granularity == "half":
        half = int(value[6])
        if half not in (1, 2):
            return None
        return _months(year, 6 * half - 5, 6)
    if granularity == "season":
        # Spring is March to May, ..., winter December to February (of the next year).
        return _months(year, 3 + 3 * SEASON_ORDER.index(value[5:7]), 3)
    if granularity == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if granularity == "decade":
        first = int(value) * 10
        return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
    first = int(value) * 100  # a century, as `century_value` writes it
    return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)


def _months(year: int, month: int, count: int) -> tuple[dt.date, dt.date]:
    """The first and last day of `count` months from (year, month)."""
    last_year, last_month = add_months(year, month, count - 1)
    last_day = calendar.monthrange(last_year, last_month)[1]
    return dt.date(year, month, 1), dt.date(last_year, last_month, last_day)
