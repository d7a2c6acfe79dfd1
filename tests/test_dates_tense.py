"""Tense direction and the period shapes added from the held-out misses: each rule on sentences
written for this file (reference dates chosen so the wrong direction gives a different value)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates_in

TUESDAY = dt.date(2021, 6, 15)
"""Friday the 11th is 4 days back, Friday the 18th 3 days ahead."""


def values(sentence: str, reference: dt.date = TUESDAY) -> list[tuple[str, str | None]]:
    ref = ReferenceDate(reference, ReferenceOrigin.OPTION, "test")
    return [(m.text, m.value) for m in find_dates_in(sentence, 0, len(sentence), ref)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Markers count only in the date's own clause.
        ("The mayor, who resigned on Friday, will stay on as an adviser.", "2021-06-11"),
        ("The singer, who toured in August, will now rest.", "2020-08"),
        # "and"/"but" before a new verb open a new clause.
        ("The ferry sank in April but resumes service in August.", "2021-08"),
        # until / till / through / by point forward unless an active past verb governs them.
        ("The trial was postponed until Friday because a juror fell sick.", "2021-06-18"),
        ("The parks stayed shut until March.", "2021-03"),
        ("The bridge has been closed through September, engineers said.", "2021-09"),
        ("Prices had doubled by February.", "2021-02"),
        # No marker: the nearer weekday (ties go to the past).
        ("Doors open at noon on Friday.", "2021-06-18"),
        ("Hail is forecast for the coast on Friday.", "2021-06-18"),
        # A leading date phrase takes the tense of the clause after it.
        ("On Friday, the committee approved the merger.", "2021-06-11"),
        # "plans to" is future, a bare "plan" is not.
        ("The club scrapped the plan in September.", "2020-09"),
        ("The club plans to open a stadium in May.", "2022-05"),
        # A passive participle is not a past marker; upper-case "May" is not "may".
        ("The deadline of August 2 is unlikely to be extended.", "2021-08-02"),
        ("A curfew imposed on May 2 remains until August 9.", "2021-05-02"),
        # Irregular past forms.
        ("The poet died on Friday in her sleep, and will be buried in Rome.", "2021-06-11"),
        # A present-tense timetable verb closest to the date: the nearest occurrence.
        ("The festival closes on Friday after a record week.", "2021-06-18"),
    ],
)
def test_tense_direction(sentence: str, expected: str) -> None:
    assert expected in [value for _, value in values(sentence)], values(sentence)


MAY_16_2024 = dt.date(2024, 5, 16)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An "-ed" word after a determiner or a noun's possessive is an adjective, not a past
        # verb: with no other marker, a bare month is the nearest one (June 2024, not 2023).
        (
            "Drivers face a 40-minute detour from June while engineers replace the pier’s "
            "corroded cables.",
            "2024-06",
        ),
        ("Commuters face a slower ride from July on the line's delayed trains.", "2024-07"),
        ("Shoppers face a reduced timetable in June.", "2024-06"),
        # The same word as a verb still points back, and so does "'s" for "has".
        ("The cables corroded badly in June.", "2023-06"),
        ("She’s signed the contract in June.", "2023-06"),
    ],
)
def test_participle_as_adjective_is_no_past_marker(sentence: str, expected: str) -> None:
    assert [value for _, value in values(sentence, MAY_16_2024)] == [expected]


def test_future_weekday_can_be_today() -> None:
    friday = dt.date(2021, 6, 18)
    assert values("The probe is due to land on Friday.", friday) == [("Friday", "2021-06-18")]


def test_mid_month_with_hyphen() -> None:
    assert values("Repairs will be finished by mid-October.") == [("mid-October", "2021-10")]


def test_current_period_phrases() -> None:
    assert values("The firm will pick a chief executive by the end of the month.") == [
        ("the end of the month", "2021-06")
    ]
    assert values("Bond yields have risen since the start of the year.") == [
        ("the start of the year", "2021")
    ]
    # A past narrative's "end of the week" is some other week: no value is guessed.
    assert values("By the end of the week, the crowds had gone home.") == []


def test_second_month_after_and_or() -> None:
    assert values("Sales slumped in November and December.", dt.date(2021, 12, 20)) == [
        ("November", "2021-11"),
        ("December", "2021-12"),
    ]
    assert values("The vote will be in December or January.", dt.date(2021, 10, 4)) == [
        ("December", "2021-12"),
        ("January", "2022-01"),
    ]


def test_hyphenated_quarter_after_a_verb() -> None:
    # Past: the latest fourth quarter begun by the reference date.
    assert values("The bank posted fourth-quarter earnings that beat forecasts.") == [
        ("fourth-quarter", "2020-Q4")
    ]
    assert values("The bank reported first-quarter earnings on Monday.")[0] == (
        "first-quarter",
        "2021-Q1",
    )
    # A period of a game, or a result with no verb to place it: no date.
    assert values("He scored a first-quarter touchdown.") == []
    assert values("The bank's first-quarter profit fell.") == []


def test_half_of_a_relative_year() -> None:
    assert values("The line should open in the first half of next year.") == [
        ("the first half of next year", "2022-H1")
    ]
    assert values("Exports slowed in the second half of last year.") == [
        ("the second half of last year", "2020-H2")
    ]


def test_season_after_in_the() -> None:
    assert values("The new stadium will open in the winter.") == [("the winter", "2021-WI")]
    assert values("The harvest failed in the spring.") == [("the spring", "2021-SP")]
    # "the fall" and "the spring of" something are not dates.
    assert values("Shares slid in the fall in oil prices.") == []
    assert values("She retired in the spring of her career.") == []


def test_month_opening_a_sentence() -> None:
    assert values("January was the driest month on record.") == [("January", "2021-01")]
    assert values("November was the wettest on record.") == [("November", "2020-11")]
    # April, May and June are also first names.
    assert values("June was elected chair of the board.") == []
    assert values("The report said October was calm.") == []
