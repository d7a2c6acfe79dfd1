"""The English words dates are written with: months, weekdays, seasons, number words, and the
words around a number or a name that tell a date from a look-alike.

Every word list of the date engine lives here, once: the patterns, the scanner and the resolvers
read the same tables. Other parts of the core (signals, folding, evidence) take month and
weekday names from here too.
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

MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
"""Short month names. They count as months only next to a day or a year ("Jan. 5", "Sept 2019"):
alone, "Jan" and "Mar" are names more often than months."""

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
"""Full names by `weekday()`, for messages and for the date patterns."""

WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
"""Short weekday names (a date only with their full stop: "Fri., July 28")."""

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

SMALL_NUMBERS: dict[str, int] = {
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
"""Numbers below twenty in words."""

DIGIT_WORDS = tuple(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 9)
""""one" to "nine": what may follow a tens word ("twenty-five")."""

TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Multiples of ten in words."""

COUNT_PHRASES: dict[str, int] = {
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a dozen": 12,
    "hundred": 100,
}
"""Counts that are not number words ("a year ago", "a dozen years")."""

VAGUE_COUNTS = ("a few", "several")
"""Counts with no number: a phrase is found with them ("a few years ago") but given no value."""

NUMBER_WORDS: dict[str, int] = {**SMALL_NUMBERS, **TENS, **COUNT_PHRASES, "a hundred": 100}
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
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL_NUMBERS:
        return float(TENS[parts[0]] + SMALL_NUMBERS[parts[1]])
    return None


TIME_UNITS = (*UNIT_CODES, "days", "weeks", "fortnights", "months", "years", "decades", "centuries")
"""Time units a count is told in ("three years", "a fortnight"), singular and plural."""

RELATIVE_UNITS = ("weekend", "week", "month", "year", "quarter", "decade", "century")
"""Periods named relative to now ("last week", "next quarter")."""

RELATIVE_STEPS: dict[str, int] = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}
"""Words that pick a period relative to now, and how many periods they step."""

DAY_PARTS = ("morning", "afternoon", "evening", "night")
"""Parts of a day that may follow a weekday ("Friday night")."""

DEICTIC_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "last evening": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
"""Words for a day counted from the reference day, and how many days away it is."""

# ---------------------------------------------------------------- qualifiers and modifiers

MORE_THAN = ("more than", "over", "at least", "well over", "just over", "upwards of")
"""Words that make a count a lower bound ("more than three years ago": before that)."""
LESS_THAN = ("less than", "under", "nearly", "almost", "fewer than", "just under")
"""Words that make a count an upper bound."""
ABOUT = ("about", "around", "roughly", "approximately", "some", "close to")
"""Words that blur a count ("about three years ago")."""
ONLY = ("only", "just", "barely")
"""Words before a count that neither bound nor blur it ("only two weeks ago")."""
QUALIFIERS = (*MORE_THAN, *LESS_THAN, *ABOUT, *ONLY)
"""Every word that may stand before a count of time."""

PERIOD_MODIFIERS: dict[str, str] = {
    "early": "start",
    "the start of": "start",
    "start of": "start",
    "the beginning of": "start",
    "beginning of": "start",
    "the turn of": "start",
    "mid": "mid",
    "mid-": "mid",
    "the middle of": "mid",
    "middle of": "mid",
    "late": "end",
    "the end of": "end",
    "end of": "end",
}
"""Words that pick a part of a period ("early 2019", "the end of May"), lower-cased, with their
TIMEX3-style code (START, MID, END) for extra["mod"]."""

EDGE_PHRASES = tuple(words for words in PERIOD_MODIFIERS if words.endswith(" of"))
""""the end of", "the start of", ...: the modifiers written as a phrase before a period."""

# ---------------------------------------------------------------- telling dates from look-alikes

QUANTITY_AFTER = frozenset(
    {
        *("people", "persons", "residents", "voters", "votes", "members", "workers"),
        *("employees", "jobs", "troops", "soldiers", "police", "officers", "students"),
        *("children", "adults", "patients", "cases", "deaths", "dead", "infections", "homes"),
        *("houses", "units", "cars", "vehicles", "miles", "kilometres", "kilometers", "km"),
        *("metres", "meters", "feet", "foot", "ft", "yards", "inches", "acres", "hectares"),
        *("kg", "kilograms", "pounds", "lbs", "tons", "tonnes", "barrels", "gallons"),
        *("litres", "liters", "calories", "dollars", "euros", "yuan", "yen", "rupees"),
        *("points", "runs", "goals", "words", "pages", "copies", "signatures", "rooms", "beds"),
        *("seats", "flights", "passengers", "migrants", "refugees", "protesters", "species"),
        *("items", "pieces", "households", "families", "million", "billion", "trillion"),
        *("thousand", "hundred", "percent", "per", "times", "more", "fewer", "other"),
    }
)
"""Words after a number that make it a quantity, not a year ("2000 people")."""

QUANTITY_BEFORE = frozenset(
    {
        *("nearly", "almost", "roughly", "approximately", "some", "additional", "extra"),
        *("another", "total", "than", "no", "number", "room", "flight", "route", "highway"),
        *("bus", "page", "pages", "section", "chapter", "model", "version", "vol", "code"),
        *("pin", "id", "interstate", "exit", "gate"),
    }
)
"""Words before a number that make it a count or an identifier ("some 2000", "Flight 2019")."""

YEAR_PREPOSITIONS = frozenset(
    {
        *("in", "since", "by", "from", "until", "till", "through", "during", "before"),
        *("after", "of", "circa", "c", "around", "year"),
    }
)
"""Words that let a number before 1900 be a year ("in 1848", "circa 1500")."""

HOLIDAY_WEEKDAY_WORDS = frozenset(
    {
        *("black", "good", "super", "cyber", "ash", "bloody", "holy", "easter", "palm"),
        *("maundy", "shrove", "giving"),
    }
)
"""Words before a weekday that make it a named day, not a day of this week ("Black Friday")."""

AFTER_BARE_HOLIDAY = frozenset(
    {"and", "or", "morning", "afternoon", "evening", "night", "when", "this", "last", "next"}
)
"""Lower-case words after a bare holiday name that keep it the day ("on Easter morning"); any
other lower-case word makes the name a modifier ("on Christmas trees")."""

SENTENCE_OPENERS = frozenset(
    {
        *("on", "by", "since", "until", "before", "after", "the", "this", "last"),
        *("next", "for", "in", "at", "during", "of", "and", "but"),
    }
)
"""Capitalised words before "Independence Day" that open a sentence rather than name a country."""

NOT_AFTER_ATTRIBUTIVE_MONTH = frozenset(
    {"and", "or", "of", "is", "was", "who", "which", "that", "had", "has"}
)
"""Words after "the June" that show it is not a month used as an adjective ("the June of 1944")."""

SEASON_PREPOSITIONS = frozenset({"in", "over", "by", "during"})
"""Words before "the spring" that make it a season of this year, last or next."""

RESULTS_WORDS = (
    *("revenue", "revenues", "sales", "earnings", "profit", "profits", "loss", "losses"),
    *("results", "income", "growth", "output", "deliveries", "shipments", "figures", "gdp"),
)
"""Words of company results: "third-quarter" before one of them is a date, while a
"first-quarter goal" is a period of a game."""
