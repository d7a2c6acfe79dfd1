"""The candidate shapes of date expressions, as one compiled regular expression.

One alternation with a named group per shape (`md` = "July 28, 2023", `yr` = "2019", ...), tried in
order, so the longest shape that starts at a position wins ("Friday, July 28, 2023" before "Friday",
"July 2019" before "2019"). Finding candidates costs one regex scan per sentence; only what matches
here is ever resolved.

Case matters on purpose: month and weekday names must be capitalised, which keeps "may" (the
verb), "march" (to march) and "sun" out; function words ("last", "ago") match in any case.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.core.dates.lexicon import (
    DATE_PREPOSITIONS,
    DECADE_WORDS,
    MONTH_NAMES,
    ORDINAL_WORDS,
)


def _trie(words: set[str]) -> str:
    """A regex matching exactly `words`, factored by common prefixes.

    Python's regex engine tries the branches of an alternation one by one; factoring them into
    a trie makes a non-matching position fail on its first character, which is what keeps the
    whole scan cheap.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _capitalised(*words: str) -> str:
    """`words` written Title-case or UPPER-case."""
    return _trie({w.title() for w in words} | {w.upper() for w in words})


def _any_case(*words: str) -> str:
    """`words` in any letter case (spaces match any run of whitespace)."""
    body = _trie({w.lower() for w in words}).replace("\\ ", "\\s+")
    return f"(?i:{body})"


_WEEKDAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Abbreviations only count next to a day or a year ("Jan. 5", "Sept 2019"): alone, "Jan" and
# "Mar" are names more often than months.
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
MONTH = (
    rf"(?:{_capitalised(*MONTH_NAMES)}(?![a-z])|{_capitalised(*_MONTH_ABBR)}"
    r"(?:\.|(?![a-zA-Z])))"
)
MONTH_BARE = rf"{_capitalised(*MONTH_NAMES)}(?![\w])"
WEEKDAY = (
    rf"(?:{_capitalised(*_WEEKDAY_WORDS)}(?![\w])|"
    rf"{_capitalised('Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun')}\.)"
)
WEEKDAY_BARE = rf"{_capitalised(*_WEEKDAY_WORDS)}(?![\w])"

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
YEAR_DIGITS = r"(?:1[0-9]|20)\d\d"
YEAR = YEAR_DIGITS + r"(?![\d])"
SEASON = _any_case("spring", "summer", "autumn", "fall", "winter")

# Words that bound or blur the count they precede ("more than three years ago").
QUALIFIER = _any_case(
    "just over",
    "just under",
    "well over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "upwards of",
    "close to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "only",
    "just",
    "barely",
)
_UNIT_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
COUNT = (
    rf"(?:{_any_case(*_TENS)}(?:[- ]{_any_case(*_UNIT_NUMBERS)})?(?![\w])|"
    + _any_case(
        *_UNIT_NUMBERS,
        "zero",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "hundred",
        "a couple of",
        "a dozen",
        "a few",
        "several",
        "a",
        "an",
    )
    + r"(?![\w])|\d+(?:\.\d+)?(?![\d,]))"
)
UNIT = (
    _any_case(
        "day",
        "days",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    )
    + r"(?![\w])"
)
_MOD_WORDS = (
    "the end of",
    "the start of",
    "the beginning of",
    "the middle of",
    "the turn of",
    "end of",
    "start of",
    "beginning of",
    "middle of",
)
# early/late/mid and "the end of" before a year, month or season ("mid-2019", "late July").
PERIOD_MOD = rf"(?:{_any_case('early', 'late', *_MOD_WORDS)}|(?i:mid)-?)"
# Words that, written just before a lone month name, make it a date ("in May", "since March").
MONTH_TRIGGER = (
    "(?:"
    + _any_case(
        *DATE_PREPOSITIONS,
        "of",
        "earlier in",
        "later in",
        "early",
        "late",
        *_MOD_WORDS,
    )
    + r"|(?i:mid)-?)"
)
_ORDINAL = _any_case(*ORDINAL_WORDS)
_DECADE = _any_case(*DECADE_WORDS)
_REL_UNIT = _any_case("weekend", "week", "month", "year", "quarter", "decade", "century")
_REL_MOD = _any_case("earlier", "later", "early", "late", "mid", *_MOD_WORDS)

_QUARTER_ORDINAL = _any_case("first", "second", "third", "fourth")
# "third-quarter" is a date only before a word of company results: a "first-quarter goal" is
# a period of a game.
_RESULTS = _any_case(
    *("revenue", "revenues", "sales", "earnings", "profit", "profits", "loss", "losses"),
    *("results", "income", "growth", "output", "deliveries", "shipments", "figures", "gdp"),
)

# Months that open a sentence as its subject; April, May and June are also first names.
_SENTENCE_MONTHS = tuple(m for m in MONTH_NAMES if m not in ("April", "May", "June"))

# Christmas Day, New Year's Eve, the Fourth of July, Easter Sunday (resolved via `holidays`).
_APOS = "['’]?"
HOLIDAY = (
    rf"(?:(?:[Tt]he\s+)?[Ff]ourth\s+of\s+(?:July|JULY)|July\s+Fourth|"
    rf"New\s+Year{_APOS}s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Independence\s+Day|"
    rf"Halloween|Valentine{_APOS}s\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
    r"Thanksgiving(?:\s+Day)?)(?![\w'’])"
)
# A lone month after "for" or "the" ("the jobs report for June", "the September concerts").
# May and March are left out: "for May" is as likely Theresa May, "the March" a protest march.
_ATTRIBUTIVE_MONTHS = tuple(m for m in MONTH_NAMES if m not in ("May", "March"))

_SHAPES = [
    # 2023-07-28
    rf"(?P<iso>(?P<iso_y>{YEAR_DIGITS})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))"
    r"(?![\d])",
    # 7/28/2023, 28.07.2023, 7/28/23
    r"(?P<num>(?P<num_a>\d{1,2})(?P<num_sep>[/.])(?P<num_b>\d{1,2})(?P=num_sep)"
    r"(?P<num_y>\d{4}|\d{2}))(?![\d])(?![./]\d)",
    # Christmas Day, the Fourth of July, Easter Sunday 2023
    rf"(?P<hol>(?P<hol_n>{HOLIDAY})(?:,?\s+(?P<hol_y>{YEAR}))?)",
    # [Friday,] July 28[, 2023]
    rf"(?P<md>(?:(?P<md_wd>{WEEKDAY}),?\s+)?(?P<md_m>{MONTH})\s*(?P<md_d>{DAY})"
    rf"(?:,?\s+(?P<md_y>{YEAR}))?)",
    # [Friday,] [the] 28[th] [of] July[,] [2023]
    rf"(?P<dmy>(?:(?P<dmy_wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<dmy_d>{DAY})(?:\s+of)?\s+"
    rf"(?P<dmy_m>{MONTH})(?:,?\s+(?P<dmy_y>{YEAR}))?)",
    # [mid-]July [of] 2019
    rf"(?P<my>(?:(?P<my_mod>{PERIOD_MOD})\s*)?(?P<my_m>{MONTH})(?:,|\s+of)?\s+(?P<my_y>{YEAR}))",
    # the first half of 2019
    rf"(?P<hf>(?i:the\s+)?(?P<hf_o>(?i:first|second))\s+(?i:half)\s+(?i:of\s+)?"
    rf"(?:(?P<hf_y>{YEAR})|(?P<hf_r>{_any_case('this', 'last', 'next', 'the')})\s+"
    r"(?i:year)(?![\w])))",
    # Q3 2021, the third quarter of 2021
    rf"(?P<q>(?:Q(?P<q_n>[1-4])|(?i:the\s+)?(?P<q_o>{_QUARTER_ORDINAL})"
    rf"\s+(?i:quarter)(?=,?\s+(?i:of\s+)?(?i:fiscal\s+)?{YEAR})|"
    rf"(?P<q_a>{_QUARTER_ORDINAL})-(?i:quarter)(?=\s+{_RESULTS}(?![\w])))(?:,?\s+(?i:of\s+)?"
    rf"(?P<q_fy>(?i:fiscal\s+))?(?P<q_y>{YEAR}))?)(?![\w])",
    # [early] [this|last|next|the] summer [of] [2020]
    rf"(?P<se>(?:(?P<se_mod>{PERIOD_MOD})\s*)?"
    rf"(?:(?P<se_det>{_any_case('this', 'last', 'next', 'the', 'past', 'that')})\s+)?"
    rf"(?P<se_s>{SEASON})(?![\w])(?:,?\s+(?i:of\s+)?(?P<se_y>{YEAR}))?)",
    # the 1990s, the '90s, the nineties, the early 2000s
    rf"(?P<dec>(?:(?P<dec_the>(?i:the))\s+)?(?:(?P<dec_mod>{_any_case('early', 'late', 'mid')})"
    r"[- ]?\s*)?"
    rf"(?:(?P<dec_y>1\d\d0|20\d0)[’']?s|[’'](?P<dec_2>\d0)s|(?<=[Tt]he\s)(?P<dec_3>\d0)s|"
    rf"(?<=[Tt]he\s)(?P<dec_w>{_DECADE})))(?![\w])",
    # the 19th century, the twenty-first century
    rf"(?P<ce>(?:(?P<ce_mod>{_any_case('early', 'late', 'mid')})[- ]?\s*)?"
    rf"(?:(?P<ce_n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ce_w>{_ORDINAL}))[- ](?i:century)(?![\w]))",
    # in two weeks' time, in three years (in a future sentence: a date; else a duration)
    rf"(?P<dp>(?i:in)\s+(?P<dp_n>{COUNT})\s+(?P<dp_u>{UNIT})(?P<dp_t>['’]s?\s+(?i:time))?)"
    r"(?![\w'’])",
    # more than three years ago, two weeks later
    rf"(?P<ago>(?:(?P<ago_q>{QUALIFIER})\s+)?(?P<ago_n>{COUNT})\s+(?P<ago_u>{UNIT})\s+"
    rf"(?P<ago_dir>{_any_case('ago', 'earlier', 'later', 'from now', 'hence')}|"
    r"(?i:before|after)(?=\s*(?:[,.;:!?)]|$)))(?![\w]))",
    # earlier this month, last week, next Friday, this May, the end of last year
    rf"(?P<rel>(?:(?P<rel_mod>{_REL_MOD})\s+(?i:in\s+)?)?"
    rf"(?P<rel_det>{_any_case('last', 'next', 'this', 'coming', 'past')})\s+"
    rf"(?P<rel_u>{_REL_UNIT}(?![\w])|{WEEKDAY_BARE}|{MONTH_BARE}))",
    # the end of the month, the start of the year (the current one)
    rf"(?P<cur>(?P<cur_mod>{_any_case(*_MOD_WORDS)})\s+(?i:the)\s+"
    rf"(?P<cur_u>{_any_case('week', 'month', 'year')})(?![\w]))",
    # (after) three years (of closures), a 10-day trip
    rf"(?P<dur>(?:(?P<dur_q>{QUALIFIER})\s+)?(?P<dur_n>{COUNT})[\s-]+(?P<dur_u>{UNIT}))"
    r"(?![-\w])",
    # today, yesterday, last night, the day before yesterday
    r"(?P<dx>"
    + _any_case(
        "the day before yesterday",
        "the day after tomorrow",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "last night",
        "last evening",
    )
    + r")(?![\w])",
    # Friday, Friday night
    rf"(?P<wd>(?P<wd_n>{WEEKDAY_BARE})"
    rf"(?:\s+{_any_case('morning', 'afternoon', 'evening', 'night')})?)(?![\w])",
    # in May, since March (a lone month needs a word before it: "May" is also a verb and a name)
    rf"(?P<mo>(?P<mo_t>{MONTH_TRIGGER}|(?i:to)(?=\s+[JFAOSND]))(?:(?<=-)|\s+)(?P<mo_m>{MONTH_BARE})"
    rf"(?:\s+(?:and|or)\s+(?P<mo_m2>{MONTH_BARE}))?)"
    rf"(?!,?\s+(?:of\s+)?{YEAR}|\s+\d)",
    # for June, the September concerts: the handler checks the words after
    rf"(?P<mf>(?P<mf_t>{_any_case('for', 'the')})\s+(?P<mf_m>{_capitalised(*_ATTRIBUTIVE_MONTHS)})"
    r"(?![\w'’]))(?!,?\s+(?:of\s+)?" + YEAR + r"|\s+\d)",
    # October was (the wettest month): checked to open its sentence by the handler
    rf"(?P<ms>(?P<ms_m>{_capitalised(*_SENTENCE_MONTHS)})(?=\s+(?:was|has\s+been|had\s+been)\s))",
    # 2019, mid-2019, 2010-2015
    rf"(?P<yr>(?:(?P<yr_mod>{PERIOD_MOD})\s*)?(?<![\d,.$£€#:/])(?<!\d[-–/.])(?P<yr_y>{YEAR})"
    rf"(?:(?P<yr_sep>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<yr_y2>{YEAR}|\d\d(?![\d])))?)"
    r"(?![.,]\d|\w|%)",
]

CANDIDATES = re.compile(r"(?<![\w])(?:" + "|".join(_SHAPES) + ")")
"""Every candidate date expression; `match.lastgroup` names the shape."""

_TRIGGER_WORDS = {
    *MONTH_NAMES,
    *_WEEKDAY_WORDS,
    *(w.upper() for w in MONTH_NAMES + _WEEKDAY_WORDS),
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"),
    *("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"),
    *("Christmas", "Halloween", "Valentine", "Easter", "Thanksgiving"),
    *("CHRISTMAS", "HALLOWEEN", "VALENTINE", "EASTER", "THANKSGIVING"),
}
_TRIGGER_LOWER = {
    *("today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"),
    *("day", "days", "week", "weeks", "weekend", "fortnight", "fortnights", "month", "months"),
    *("year", "years", "decade", "decades", "century", "centuries", "quarter", "half"),
    *("spring", "summer", "autumn", "fall", "winter", *DECADE_WORDS),
}
_TRIGGER_WORDS |= _TRIGGER_LOWER | {w.title() for w in _TRIGGER_LOWER}
# A number only triggers when it can be part of a date: a year, a day next to a capitalised
# word, a numeric date, a count of time units, a decade. Plain quantities ("5 people") do not.
_DIGIT_TRIGGER = (
    rf"{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?(?=\s*(?:of\s+)?[A-Z]|[- ](?i:century))|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d|\d+(?:\.\d+)?(?=[\s-]+{UNIT})|\d0s|Q[1-4](?!\d)"
)
# The lookahead guard lets most positions fail on one character test.
TRIGGER = re.compile(
    rf"(?<![A-Za-z])(?:(?=[\dQ])(?:{_DIGIT_TRIGGER})|{_trie(_TRIGGER_WORDS)}(?![a-z]))"
)
"""The words every date expression contains at least one of: a date-like number, a month or
weekday name, a time unit, a deictic word. Found in one cheap scan; the full pattern is only
tried near them."""
