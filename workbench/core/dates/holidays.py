"""Named holidays and the day each falls on in a given year.

Fixed-date holidays are a month and a day; the movable ones are computed: Easter with the
anonymous Gregorian algorithm (Meeus/Jones/Butcher), US Thanksgiving as the fourth Thursday of
November. Names are looked up by `holiday_key`, which folds case, apostrophes and "the".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday of `year`."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def thanksgiving(year: int) -> dt.date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    first_thursday = 1 + (3 - first.weekday()) % 7
    return dt.date(year, 11, first_thursday + 21)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _from_easter(days: int) -> Callable[[int], dt.date]:
    return lambda year: easter(year) + dt.timedelta(days=days)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "new years day": _fixed(1, 1),
    "new years eve": _fixed(12, 31),
    "fourth of july": _fixed(7, 4),
    "july fourth": _fixed(7, 4),
    "independence day": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "valentines day": _fixed(2, 14),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": _from_easter(1),
    "good friday": _from_easter(-2),
    "thanksgiving": thanksgiving,
    "thanksgiving day": thanksgiving,
}
"""The day of each holiday in a year, by `holiday_key` of its name (US holidays for the US
names: Independence Day is July 4, Thanksgiving the American one)."""

BARE_NAMES = frozenset({"christmas", "easter", "halloween", "thanksgiving"})
"""Names that are as often a season or a modifier ("before Christmas", "Easter eggs") as the
day itself; the resolver asks more of the words around them."""


def holiday_key(name: str) -> str:
    """The lookup key of a holiday name: "the Fourth of July" → "fourth of july"."""
    words = name.casefold().replace("’", "").replace("'", "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
