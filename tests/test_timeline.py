"""The timeline's spans and axis: granularity kept, open ranges, the reference date inside."""

from __future__ import annotations

import datetime as dt

from factories import build_extraction

from workbench.core.dates import DateMention
from workbench.core.review.timeline import build_timeline, date_span


def mention(value: str, granularity: str, qualifier: str | None = None) -> DateMention:
    return DateMention(value, 0, 1, value, granularity, qualifier=qualifier)


def test_each_granularity_is_its_own_span() -> None:
    assert date_span(mention("2023-07-28", "day")) == (dt.date(2023, 7, 28),) * 2
    assert date_span(mention("2023-02", "month")) == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    assert date_span(mention("2023-Q3", "quarter")) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))
    assert date_span(mention("2019", "year")) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert date_span(mention("199", "decade")) == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert date_span(mention("P3Y", "duration")) is None


def test_the_axis_holds_every_date_and_the_reference_and_orders_them() -> None:
    extraction = build_extraction(
        ["Exports fell in 2019.", "It opened on July 28.", "It closed before 2020-07."],
        dates={
            0: [mention("2019", "year")],
            1: [mention("2023-07-28", "day")],
            2: [mention("2020-07", "month", qualifier="before")],
        },
    )
    timeline = build_timeline(extraction.sentences, dt.date(2023, 7, 30))
    assert [e.mention.value for e in timeline.entries] == ["2019", "2020-07", "2023-07-28"]
    assert timeline.start == dt.date(2019, 1, 1) and timeline.end == dt.date(2023, 7, 30)
    year, before, day = timeline.entries
    assert before.first is None and before.approximate
    width = 60
    assert timeline.bar(before, width)[0] == 0  # open towards the past: runs to the edge
    first, last = timeline.bar(year, width)
    assert last - first >= 10  # a year is a bar, at this scale
    assert timeline.bar(day, width)[0] == timeline.bar(day, width)[1]  # a day is one cell
    assert timeline.column(timeline.reference, width) == width - 1
