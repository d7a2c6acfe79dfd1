"""The article's dated claims on a time axis: what the timeline (`t`) draws, without a screen.

Each resolved date becomes a span of days at its own granularity (a day is one day, a month
its days, a year its year); "before"/"after" dates are open ranges that run to the edge of the
axis, and approximate ones are marked so. The axis covers every span and the reference date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.dates import DateMention
from workbench.core.extraction import Claim


@dataclass(frozen=True)
class TimelineEntry:
    """One date of one claim, as a span of days."""

    claim: Claim
    """The claim the date is in."""
    mention: DateMention
    """The date as written and resolved."""
    first: dt.date | None
    """First day of the span (None: open towards the past, "before …")."""
    last: dt.date | None
    """Last day of the span (None: open towards the future, "after …")."""

    @property
    def approximate(self) -> bool:
        """Drawn as a range with a dashed line ("about 2019", "before 2020-07")."""
        return self.mention.approximate or self.mention.qualifier is not None


@dataclass(frozen=True)
class Timeline:
    """The entries in date order and the axis that holds them."""

    entries: tuple[TimelineEntry, ...]
    """Every dated claim's date, earliest first."""
    start: dt.date
    """First day on the axis."""
    end: dt.date
    """Last day on the axis."""
    reference: dt.date
    """The article's reference date (marked on the axis)."""

    def column(self, day: dt.date, width: int) -> int:
        """The column (0 … width-1) of `day` on an axis `width` cells wide."""
        span = max(1, (self.end - self.start).days)
        return max(0, min(width - 1, round((day - self.start).days * (width - 1) / span)))

    def bar(self, entry: TimelineEntry, width: int) -> tuple[int, int]:
        """The columns an entry covers, first and last (inclusive)."""
        first = self.column(entry.first or self.start, width)
        last = self.column(entry.last or self.end, width)
        return first, max(first, last)


def date_span(mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved date names (None: a duration or unknown)."""
    value, granularity = mention.value, mention.granularity
    if value is None:
        return None
    try:
        if granularity == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if granularity in ("week", "weekend"):
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday, monday + dt.timedelta(days=6)
        if granularity == "month":
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), _month_end(year, month)
        if granularity in ("quarter", "half"):
            year, part = int(value[:4]), int(value[6])
            months = 3 if granularity == "quarter" else 6
            first_month = months * (part - 1) + 1
            return dt.date(year, first_month, 1), _month_end(year, first_month + months - 1)
        if granularity == "year":
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if granularity in ("decade", "century"):
            years = 10 if granularity == "decade" else 100
            year = int(value) * years
            return dt.date(max(year, 1), 1, 1), dt.date(year + years - 1, 12, 31)
    except (ValueError, IndexError):
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def build_timeline(claims: Sequence[Claim], reference: dt.date) -> Timeline:
    """Every resolved date of `claims` on one axis around `reference`."""
    entries: list[TimelineEntry] = []
    for claim in claims:
        for mention in claim.dates:
            span = date_span(mention)
            if span is None:
                continue
            first, last = span
            if mention.qualifier == "before":
                entries.append(TimelineEntry(claim, mention, None, last))
            elif mention.qualifier == "after":
                entries.append(TimelineEntry(claim, mention, first, None))
            else:
                entries.append(TimelineEntry(claim, mention, first, last))
    known = [d for e in entries for d in (e.first, e.last) if d is not None]
    start = min([*known, reference])
    end = max([*known, reference])
    if start == end:
        start, end = start - dt.timedelta(days=1), end + dt.timedelta(days=1)
    entries.sort(key=lambda e: (e.first or start, e.last or end, e.claim.index))
    return Timeline(tuple(entries), start, end, reference)
