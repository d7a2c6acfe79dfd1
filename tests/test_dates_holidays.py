"""Named holidays, year-anchored "N years later", lone months after "for"/"the", seasons after
"over the"/"by the"/"that", and house numbers that are not years."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates_in
from workbench.core.dates.holidays import easter, thanksgiving


def values(sentence: str, reference: dt.date) -> list[tuple[str, str | None]]:
    ref = ReferenceDate(reference, ReferenceOrigin.OPTION, "test")
    found = find_dates_in(sentence, 0, len(sentence), ref)
    return [(m.text, m.value) for m in found if m.granularity != "duration"]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, dt.date(2000, 4, 23)),
        (2019, dt.date(2019, 4, 21)),
        (2023, dt.date(2023, 4, 9)),
        (2024, dt.date(2024, 3, 31)),
        (2025, dt.date(2025, 4, 20)),
        (1818, dt.date(1818, 3, 22)),  # the earliest possible date
        (2038, dt.date(2038, 4, 25)),  # the latest possible date
    ],
)
def test_easter_follows_the_gregorian_computus(year: int, expected: dt.date) -> None:
    assert easter(year) == expected


def test_thanksgiving_is_the_fourth_thursday_of_november() -> None:
    assert [thanksgiving(y) for y in (2023, 2024, 2025)] == [
        dt.date(2023, 11, 23),
        dt.date(2024, 11, 28),
        dt.date(2025, 11, 27),
    ]


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        (
            "The shop will be closed on Christmas Day and New Year's Day.",
            dt.date(2024, 12, 3),
            [("Christmas Day", "2024-12-25"), ("New Year's Day", "2025-01-01")],
        ),
        (
            "The fireworks on the Fourth of July drew record crowds.",
            dt.date(2024, 7, 11),
            [("the Fourth of July", "2024-07-04")],
        ),
        (
            "The fireworks on the Fourth of July will draw crowds.",
            dt.date(2024, 7, 11),
            [("the Fourth of July", "2025-07-04")],
        ),
        (
            "On Easter Sunday, churches across the region were full.",
            dt.date(2023, 4, 12),
            [("Easter Sunday", "2023-04-09")],
        ),
        (
            "The party on New Year’s Eve ran late.",
            dt.date(2024, 1, 5),
            [("New Year’s Eve", "2023-12-31")],
        ),
        ("Valentine's Day sales rose.", dt.date(2024, 3, 1), [("Valentine's Day", "2024-02-14")]),
        (
            "Children went door to door on Halloween.",
            dt.date(2023, 11, 2),
            [("Halloween", "2023-10-31")],
        ),
        (
            "The family will gather on Thanksgiving.",
            dt.date(2024, 10, 1),
            [("Thanksgiving", "2024-11-28")],
        ),
        (
            "Christmas Eve 2019 was quiet.",
            dt.date(2024, 1, 5),
            [("Christmas Eve 2019", "2019-12-24")],
        ),
        (
            "On Independence Day, crowds gathered.",
            dt.date(2024, 7, 10),
            [("Independence Day", "2024-07-04")],
        ),
    ],
)
def test_holidays_resolve_to_the_nearest_day_in_the_tense_direction(
    sentence: str, reference: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert values(sentence, reference) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A vote could come before Christmas, aides said.",
        "The Christmas tree went up in the square.",
        "He hid the Easter eggs in the garden.",
        "They flew on Easter Island tours.",
        "Lights were hung on Christmas trees.",
        "Ukraine's Independence Day parade was cancelled.",
        "Mexican Independence Day falls on a weekday.",
        "The meeting starts at the community center at 2019 Main Street.",
        "He lives at 1999 Oak Ave. near the park.",
        "She voted for May and her party.",
        "The March on Washington drew crowds.",
        "The song was a tribute for June Carter.",
        "Thanks for June's help.",
        "Prices that fall sharply scare investors.",
        "The troops that spring into action are trained.",
    ],
)
def test_look_alikes_stay_out(sentence: str) -> None:
    assert values(sentence, dt.date(2024, 7, 11)) == []


def test_years_later_count_from_a_year_in_the_same_sentence() -> None:
    sentence = "The painting was stolen from the Louvre in 1911 and recovered two years later."
    assert values(sentence, dt.date(2022, 6, 17)) == [
        ("1911", "1911"),
        ("two years later", "1913"),
    ]


def test_a_later_full_day_wins_over_an_earlier_year() -> None:
    sentence = "Founded in 1990, it moved on May 3, 2001, and closed two years later."
    assert values(sentence, dt.date(2022, 6, 17))[-1] == ("two years later", "2003")  # not 1992


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("The jobs report for June showed 206,000 new positions.", dt.date(2024, 7, 11), "2024-06"),
        (
            "Tickets for the September concerts go on sale on Friday.",
            dt.date(2025, 5, 8),
            "2025-09",
        ),
    ],
)
def test_a_lone_month_after_for_or_the(sentence: str, reference: dt.date, expected: str) -> None:
    months = [value for text, value in values(sentence, reference) if value and len(value) == 7]
    assert months == [expected]


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("Both campaigns spent heavily over the summer.", dt.date(2024, 9, 5), "2024-SU"),
        ("The plan would be in place by the autumn.", dt.date(2025, 5, 8), "2025-FA"),
        (
            "The film premiered on Jan. 24, 2020, and was released that summer.",
            dt.date(2025, 1, 22),
            "2020-SU",
        ),
        (
            "The law passed in 2019, and that winter protests began.",
            dt.date(2025, 1, 22),
            "2019-WI",
        ),
    ],
)
def test_seasons_after_over_by_and_that(sentence: str, reference: dt.date, expected: str) -> None:
    assert values(sentence, reference)[-1][1] == expected


def test_that_summer_with_no_date_told_has_no_value() -> None:
    assert values("The film was released that summer.", dt.date(2025, 1, 22)) == []
