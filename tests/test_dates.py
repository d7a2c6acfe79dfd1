"""The date engine on direct calls: values at the written granularity, look-alikes refused,
warnings, tense, and speed-related invariants (no dateparser import for the common shapes)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from workbench.core.dates import (
    DateMention,
    ReferenceDate,
    ReferenceOrigin,
    find_dates,
    find_dates_in,
)
from workbench.core.spans import Span

FRIDAY = dt.date(2023, 7, 28)
WEDNESDAY = dt.date(2019, 11, 20)


def dates(sentence: str, reference: dt.date = FRIDAY) -> list[DateMention]:
    ref = ReferenceDate(reference, ReferenceOrigin.OPTION, "test")
    return find_dates_in(sentence, 0, len(sentence), ref)


def values(sentence: str, reference: dt.date = FRIDAY) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.granularity) for m in dates(sentence, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Photos from state media on Friday, July 28, showed the parade.",
            [("Friday, July 28", "2023-07-28", "day")],
        ),
        (
            "On July 27, Kim guided Shoigu through an exhibition.",
            [("July 27", "2023-07-27", "day")],
        ),
        ("Talks collapsed in 2019.", [("2019", "2019", "year")]),
        ("The leaders will likely meet next month.", [("next month", "2023-08", "month")]),
        ("The record was set in July 2019.", [("July 2019", "2019-07", "month")]),
        ("Negotiations collapsed last week.", [("last week", "2023-W29", "week")]),
        ("The economy boomed in the 1990s.", [("the 1990s", "199", "decade")]),
        ("The group was formed in the 1970s.", [("the 1970s", "197", "decade")]),
        ("The city was founded in the 19th century.", [("19th century", "18", "century")]),
        ("The festival will return in spring 2024.", [("spring 2024", "2024-SP", "season")]),
        ("Sales in Q3 2021 beat expectations.", [("Q3 2021", "2021-Q3", "quarter")]),
        (
            "Rents rose in the third quarter of 2022.",
            [("the third quarter of 2022", "2022-Q3", "quarter")],
        ),
        ("The project was launched in mid-2019.", [("mid-2019", "2019", "year")]),
        ("The rule was adopted in early March.", [("early March", "2023-03", "month")]),
        ("Earlier this month, the court ruled.", [("Earlier this month", "2023-07", "month")]),
        ("Two weeks ago, rates rose.", [("Two weeks ago", "2023-W28", "week")]),
        ("The minister resigned three years ago.", [("three years ago", "2020", "year")]),
        ("The bill was introduced six months ago.", [("six months ago", "2023-01", "month")]),
        ("Shares rose yesterday.", [("yesterday", "2023-07-27", "day")]),
        ("Results come tomorrow.", [("tomorrow", "2023-07-29", "day")]),
        ("Police made arrests last night.", [("last night", "2023-07-27", "day")]),
        ("The strike began on Monday.", [("Monday", "2023-07-24", "day")]),
        ("The minister will visit Paris on Monday.", [("Monday", "2023-07-31", "day")]),
        ("The trial opens next Tuesday.", [("next Tuesday", "2023-08-01", "day")]),
        ("The law took effect on January 1, 2020.", [("January 1, 2020", "2020-01-01", "day")]),
        ("The treaty was signed on 12 March 1999.", [("12 March 1999", "1999-03-12", "day")]),
        ("It began on the 4th of July.", [("the 4th of July", "2023-07-04", "day")]),
        ("The vote is scheduled for Aug. 15.", [("Aug. 15", "2023-08-15", "day")]),
        ("A memo dated 3/14/2022 leaked.", [("3/14/2022", "2022-03-14", "day")]),
        ("The factory closed on 2021-06-30.", [("2021-06-30", "2021-06-30", "day")]),
        ("She was mayor from 2004 to 2012.", [("2004", "2004", "year"), ("2012", "2012", "year")]),
        ("The law was amended in November.", [("November", "2022-11", "month")]),
        ("The next election is due in May.", [("May", "2024-05", "month")]),
        ("Exports fell in May, the office said.", [("May", "2023-05", "month")]),
        ("Last summer, fires burned.", [("Last summer", "2022-SU", "season")]),
        ("The museum will close next spring.", [("next spring", "2024-SP", "season")]),
        ("This year's harvest is small.", [("This year", "2023", "year")]),
        ("The first half of 2019 was slow.", [("The first half of 2019", "2019-H1", "half")]),
        (
            "The ceasefire began on June 12 and collapsed a week later.",
            [("June 12", "2023-06-12", "day"), ("a week later", "2023-W25", "week")],
        ),
    ],
)
def test_values_keep_the_written_granularity(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trump said at a rally last week that voters were angry.",
            [("last week", "2019-W46", "week")],
        ),
        ("Gov. Bevin conceded on Thursday, Nov. 14.", [("Thursday, Nov. 14", "2019-11-14", "day")]),
        ("The hearing is set for Dec. 4.", [("Dec. 4", "2019-12-04", "day")]),
        ("The senator, 72, said he would retire in January.", [("January", "2020-01", "month")]),
        ("Voters went to the polls on November 5th.", [("November 5th", "2019-11-05", "day")]),
    ],
)
def test_other_reference_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(sentence, WEDNESDAY) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The parade marked the 70th anniversary of the armistice.",
        "About 2,019 people attended the rally.",
        "The census counted 2000 households.",
        "The team won 3-2 after extra time.",
        "You may apply online at any time.",
        "Thousands plan to march through the capital.",
        "He finished second in the race.",
        "The hotline is open 24/7 and the number is 555-2019.",
        "The deal is worth $2,019 million, or $2019 million.",
        "Doors open at 7:30 p.m. and close at 11 p.m.",
        "Route 2019 was closed to traffic.",
        "Flight 2019 landed safely.",
        "The vote was 52-48 in favour.",
        "Black Friday sales were strong.",
        "USA Today first reported the story.",
        "Theresa May met the delegation.",
        "He scored in the 70th minute.",
        "Version 2.1.3 fixes the bug.",
        "The game is rated 9/10 by critics.",
        "The 37-year-old man was released.",
        "The fall of the Berlin Wall changed Europe.",
        "A few years ago, nobody cared.",
    ],
)
def test_look_alikes_are_not_dates(sentence: str) -> None:
    assert [m for m in dates(sentence) if m.granularity != "duration"] == []


def test_more_than_three_years_ago_is_a_bound_at_month_granularity() -> None:
    (mention,) = dates("The pandemic began more than three years ago.")
    assert (mention.value, mention.granularity) == ("2020-07", "month")
    assert (mention.qualifier, mention.approximate, mention.relative) == ("before", True, True)
    assert mention.display == "before 2020-07"


def test_a_duration_is_never_a_calendar_date() -> None:
    sentence = "After more than three years of strict border closures, it reopened."
    (mention,) = dates(sentence)
    assert mention.granularity == "duration"
    assert (mention.value, mention.qualifier) == ("P3Y", "more than")
    assert mention.to_json()["duration"] == {"amount": 3, "unit": "year"}


def test_offsets_slice_the_text() -> None:
    text = "Intro.\nThe law took effect on January 1, 2020, and again in 2021."
    start = text.index("The")
    ref = ReferenceDate(FRIDAY, ReferenceOrigin.OPTION, "test")
    for mention in find_dates_in(text, start, len(text), ref):
        assert text[mention.start : mention.end] == mention.text


def test_find_dates_gives_one_list_per_span_in_span_order() -> None:
    text = "It ended in 2019. Nothing here. It began on July 27."
    spans = [Span(32, len(text)), Span(0, 17), Span(18, 31)]
    ref = ReferenceDate(FRIDAY, ReferenceOrigin.OPTION, "test")
    found = find_dates(text, spans, ref)
    assert [[m.value for m in f] for f in found] == [["2023-07-27"], ["2019"], []]


def test_weekday_that_contradicts_the_date_is_flagged() -> None:
    (mention,) = dates("On Friday, July 28, 2024, the council met.")
    assert mention.value == "2024-07-28"
    assert any("July 28, 2024 is a Sunday, not a Friday" in w for w in mention.warnings)


def test_matching_weekday_has_no_warning() -> None:
    (mention,) = dates("On Friday, July 28, 2023, the council met.")
    assert mention.warnings == ()


def test_impossible_dates_are_flagged_without_a_value() -> None:
    (mention,) = dates("The meeting was held on February 30.")
    assert mention.value is None
    assert mention.warnings == ("February 30 does not exist",)
    (leap,) = dates("It happened on February 29, 2023.")
    assert leap.value is None
    assert "2023 is not a leap year" in leap.warnings[0]


def test_past_tense_after_the_reference_date_is_flagged() -> None:
    (mention,) = dates("The council met on August 3, 2023.")
    assert "after the reference date 2023-07-28" in mention.warnings[0]
    assert "“met”" in mention.warnings[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council will meet on August 3, 2023.",
        "The council met on July 3, 2023.",
        "Officials said the vote could be held on August 3, 2023.",
        "The plan, announced Monday, is scheduled for 2024.",
    ],
)
def test_no_past_tense_warning_for_future_or_earlier_dates(sentence: str) -> None:
    assert all(m.warnings == () for m in dates(sentence))


def test_bare_dates_take_the_year_the_tense_points_to() -> None:
    january = dt.date(2024, 1, 5)
    assert values("The council met on December 28.", january)[0][1] == "2023-12-28"
    assert values("The council will meet on February 2.", january)[0][1] == "2024-02-02"
    assert values("The council met on July 27.")[0][1] == "2023-07-27"


def test_years_before_1900_need_a_preposition() -> None:
    assert values("He was born in 1066.") == [("1066", "1066", "year")]
    assert values("The tower is 1066 feet tall.") == []


def test_display_forms() -> None:
    assert dates("The economy boomed in the 1990s.")[0].display == "1990s"
    assert dates("It was founded in the 19th century.")[0].display == "1800s"
    assert dates("It began more than three years ago.")[0].display == "before 2020-07"
    assert dates("It launched in mid-2019.")[0].display == "~2019"


def test_common_shapes_do_not_import_dateparser() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from workbench.core.dates import find_dates_in, ReferenceDate, ReferenceOrigin\n"
        "s = 'On Friday, July 28, three years ago, in 2019, next month, the 1990s.'\n"
        "r = ReferenceDate(dt.date(2023, 7, 28), ReferenceOrigin.OPTION, 'x')\n"
        "assert len(find_dates_in(s, 0, len(s), r)) == 5\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_in_n_units_is_a_date_in_the_future_and_a_duration_otherwise() -> None:
    (mention,) = dates("In two weeks' time, the vote will be held.")
    assert (mention.value, mention.granularity, mention.relative) == ("2023-W32", "week", True)
    assert values("The stadium will be finished in 25 years.") == [("in 25 years", "2048", "year")]
    assert values("It is the first time in three years.") == [("three years", "P3Y", "duration")]
