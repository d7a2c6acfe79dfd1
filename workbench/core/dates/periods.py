"""Calendar arithmetic on periods and their TIMEX3-style ISO values.

Values keep the written granularity: `2023-07-28` (day), `2023-W30` (ISO week), `2023-07`
(month), `2023-Q3` (quarter), `2023-H1` (half year), `2023-SU` (season), `2023` (year), `202`
(decade: the 2020s, as TIMEX3 writes it), `20` (century: the 2000s, i.e. the 21st century).
"""

from __future__ import annotations

import calendar
import datetime as dt

from workbench.core.dates.lexicon import SEASON_ORDER


def day_value(day: dt.date) -> str:
    """`2023-07-28`."""
    return day.isoformat()


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


def ordinal_suffix(number: int) -> str:
    """1 → "1st", 22 → "22nd", 11 → "11th"."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def period_bounds(value: str, granularity: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period a value names, for comparisons (None if unknown)."""
    try:
        if granularity == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if granularity in ("week", "weekend"):
            year, week = int(value[:4]), int(value[6:8])
            monday = dt.date.fromisocalendar(year, week, 1)
            return monday, monday + dt.timedelta(days=6)
        if granularity == "month":
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        if granularity == "quarter":
            year, quarter = int(value[:4]), int(value[6])
            first = dt.date(year, 3 * quarter - 2, 1)
            last_month = 3 * quarter
            return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if granularity == "half":
            year, half = int(value[:4]), int(value[6])
            return (
                (dt.date(year, 1, 1), dt.date(year, 6, 30))
                if half == 1
                else (
                    dt.date(year, 7, 1),
                    dt.date(year, 12, 31),
                )
            )
        if granularity == "season":
            year, index = int(value[:4]), SEASON_ORDER.index(value[5:7])
            first_month = 3 + 3 * index
            start_year, start_month = add_months(year, first_month, 0)
            if first_month > 12:
                start_year, start_month = year + 1, first_month - 12
            end_year, end_month = add_months(start_year, start_month, 2)
            return dt.date(start_year, start_month, 1), dt.date(
                end_year, end_month, calendar.monthrange(end_year, end_month)[1]
            )
        if granularity == "year":
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if granularity == "decade":
            year = int(value) * 10
            return dt.date(max(year, 1), 1, 1), dt.date(year + 9, 12, 31)
        if granularity == "century":
            year = int(value) * 100
            return dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31)
    except (ValueError, IndexError):
        return None
    return None
