"""The English words dates are written with: months, weekdays, seasons, number words.

Kept apart from the patterns so the regexes and the resolver read the same tables.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
"""Month names and their usual abbreviations (looked up case-folded, without the dot)."""

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Full names by number - 1, for messages and for the date patterns."""

DATE_PREPOSITIONS = (
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "during",
    "before",
    "after",
)
"""Prepositions that open a date phrase ("in May", "since March", "before 2019")."""

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
"""Weekday names and abbreviations, Monday = 0 as in `datetime.date.weekday()`."""

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Full names by `weekday()`, for messages."""

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
"""Season words and their TIMEX3 codes."""

SEASON_ORDER = ("SP", "SU", "FA", "WI")
"""Seasons in calendar order within a year (winter starts in December)."""

_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

NUMBER_WORDS: dict[str, int] = {
    **_UNITS_WORDS,
    **_TENS_WORDS,
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a dozen": 12,
    "hundred": 100,
    "a hundred": 100,
}
"""Counts written as words (compound tens such as "twenty-five" are summed by `parse_count`)."""

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
"""Ordinals as words (quarters, halves, centuries)."""

DECADE_WORDS: dict[str, int] = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
"""Decades of the 20th century named in words ("the nineties")."""

UNIT_CODES: dict[str, str] = {
    "day": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
"""Time units and their ISO 8601 / TIMEX3 duration letters."""


def parse_count(words: str) -> float | None:
    """The number a count is written as: "3", "2.5", "three", "twenty-five", "a couple of"."""
    key = " ".join(words.casefold().replace("-", " ").split())
    try:
        return float(key.replace(",", ""))
    except ValueError:
        pass
    if key in NUMBER_WORDS:
        return float(NUMBER_WORDS[key])
    parts = key.split()
    if len(parts) == 2 and parts[0] in _TENS_WORDS and parts[1] in _UNITS_WORDS:
        return float(_TENS_WORDS[parts[0]] + _UNITS_WORDS[parts[1]])
    return None
