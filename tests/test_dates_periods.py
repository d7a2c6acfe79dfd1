"""Calendar bounds of date values: what period a value names, so periods nest by dates."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates.periods import granularity_of, period_bounds

D = dt.date


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2019-07-28", D(2019, 7, 28), D(2019, 7, 28)),
        ("2019-W30", D(2019, 7, 22), D(2019, 7, 28)),
        ("2019-W30-WE", D(2019, 7, 27), D(2019, 7, 28)),
        ("2019-07", D(2019, 7, 1), D(2019, 7, 31)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2019-Q3", D(2019, 7, 1), D(2019, 9, 30)),
        ("2019-Q1", D(2019, 1, 1), D(2019, 3, 31)),
        ("2019-H2", D(2019, 7, 1), D(2019, 12, 31)),
        ("2019-SP", D(2019, 3, 1), D(2019, 5, 31)),
        ("2019-WI", D(2019, 12, 1), D(2020, 2, 29)),
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("201", D(2010, 1, 1), D(2019, 12, 31)),
        ("19", D(1900, 1, 1), D(1999, 12, 31)),
    ],
)
def test_bounds_of_each_granularity(value: str, first: dt.date, last: dt.date) -> None:
    assert period_bounds(value) == (first, last)
    assert period_bounds(value, granularity_of(value)) == (first, last)


def test_a_quarter_holds_its_months_and_days_but_not_others() -> None:
    q3 = period_bounds("2019-Q3")
    assert q3 is not None
    for inner in ("2019-07", "2019-09", "2019-08-15", "2019-W30"):
        bounds = period_bounds(inner)
        assert bounds is not None and q3[0] <= bounds[0] and bounds[1] <= q3[1], inner
    october = period_bounds("2019-10")
    assert october is not None and october[0] > q3[1]


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("P3Y", "duration"),
        ("P3Y", None),
        ("2019-13", "month"),
        ("2019-Q5", "quarter"),
        ("2019-H3", "half"),
        ("2019-W54", "week"),
        ("2019-02-30", "day"),
        ("0000", "year"),
        ("2019-07", "quarter"),
        ("", None),
    ],
)
def test_values_that_name_no_period(value: str, granularity: str | None) -> None:
    assert period_bounds(value, granularity) is None
