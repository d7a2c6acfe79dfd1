"""The regular expressions of date expressions: the building blocks and one pattern per shape.

Each shape's pattern names its parts with plain group names (`month`, `day`, `year`); `shapes`
pairs it with the shape's name and resolver and prefixes the names so the shapes can share one
alternation. Case matters on purpose: month and weekday names must be capitalised, which keeps
"may" (the verb), "march" (to march) and "sun" out; function words ("last", "ago") match in any
case.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.core.dates.lexicon import (
    COUNT_PHRASES,
    DATE_PREPOSITIONS,
    DAY_PARTS,
    DECADE_WORDS,
    DEICTIC_DAYS,
    DIGIT_WORDS,
    EDGE_PHRASES,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ORDINAL_WORDS,
    QUALIFIERS,
    RELATIVE_STEPS,
    RELATIVE_UNITS,
    RESULTS_WORDS,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    TIME_UNITS,
    VAGUE_COUNTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)


def trie(words: set[str]) -> str:
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


def capitalised(*words: str) -> str:
    """`words` written Title-case or UPPER-case."""
    return trie({w.title() for w in words} | {w.upper() for w in words})


def any_case(*words: str) -> str:
    """`words` in any letter case (spaces match any run of whitespace)."""
    body = trie({w.lower() for w in words}).replace("\\ ", "\\s+")
    return f"(?i:{body})"


# ---------------------------------------------------------------- building blocks

MONTH = (
    rf"(?:{capitalised(*MONTH_NAMES)}(?![a-z])|{capitalised(*MONTH_ABBREVIATIONS)}"
    r"(?:\.|(?![a-zA-Z])))"
)
"""A month name, or an abbreviation (only used next to a day or a year)."""
MONTH_BARE = rf"{capitalised(*MONTH_NAMES)}(?![\w])"
"""A month name in full."""
WEEKDAY = (
    rf"(?:{capitalised(*WEEKDAY_NAMES)}(?![\w])|"
    rf"{capitalised(*WEEKDAY_ABBREVIATIONS)}\.)"
)
"""A weekday name, or its abbreviation with a full stop."""
WEEKDAY_BARE = rf"{capitalised(*WEEKDAY_NAMES)}(?![\w])"
"""A weekday name in full."""

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
YEAR_DIGITS = r"(?:1[0-9]|20)\d\d"
YEAR = YEAR_DIGITS + r"(?![\d])"
SEASON = any_case(*SEASONS)

QUALIFIER = any_case(*QUALIFIERS)
"""Words that bound or blur the count they precede ("more than three years ago")."""
COUNT = (
    rf"(?:{any_case(*TENS)}(?:[- ]{any_case(*DIGIT_WORDS)})?(?![\w])|"
    + any_case(*SMALL_NUMBERS, *COUNT_PHRASES, *VAGUE_COUNTS)
    + r"(?![\w])|\d+(?:\.\d+)?(?![\d,]))"
)
"""A count: "three", "twenty-five", "a couple of", "2.5"."""
UNIT = any_case(*TIME_UNITS) + r"(?![\w])"
"""A unit of time: "days", "a fortnight", "centuries"."""

PERIOD_MOD = rf"(?:{any_case('early', 'late', *EDGE_PHRASES)}|(?i:mid)-?)"
"""early/late/mid and "the end of" before a year, month or season ("mid-2019", "late July")."""
MONTH_TRIGGER = (
    "(?:"
    + any_case(*DATE_PREPOSITIONS, "of", "earlier in", "later in", "early", "late", *EDGE_PHRASES)
    + r"|(?i:mid)-?)"
)
"""Words that, written just before a lone month name, make it a date ("in May", "since March")."""
_ORDINAL = any_case(*ORDINAL_WORDS)
_DECADE = any_case(*DECADE_WORDS)
_QUARTER_ORDINAL = any_case("first", "second", "third", "fourth")
_EARLY_MID_LATE = any_case("early", "late", "mid")

_SENTENCE_MONTHS = tuple(m for m in MONTH_NAMES if m not in ("April", "May", "June"))
"""Months that open a sentence as its subject; April, May and June are also first names."""

# Christmas Day, New Year's Eve, the Fourth of July, Easter Sunday (resolved via `holidays`).
_APOS = "['’]?"
HOLIDAY = (
    rf"(?:(?:[Tt]he\s+)?[Ff]ourth\s+of\s+(?:July|JULY)|July\s+Fourth|"
    rf"New\s+Year{_APOS}s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Independence\s+Day|"
    rf"Halloween|Valentine{_APOS}s\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
    r"Thanksgiving(?:\s+Day)?)(?![\w'’])"
)
_ATTRIBUTIVE_MONTHS = tuple(m for m in MONTH_NAMES if m not in ("May", "March"))
"""Months that may stand alone after "for" or "the" ("the jobs report for June"); May and March
are left out: "for May" is as likely Theresa May, "the March" a protest march."""

# ---------------------------------------------------------------- one pattern per shape

ISO_DATE = rf"(?P<year>{YEAR_DIGITS})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"
"""2023-07-28"""

NUMERIC_DATE = (
    r"(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)"
    r"(?P<year>\d{4}|\d{2})(?![\d])(?![./]\d)"
)
"""7/28/2023, 28.07.2023, 7/28/23"""

HOLIDAY_DATE = rf"(?P<name>{HOLIDAY})(?:,?\s+(?P<year>{YEAR}))?"
"""Christmas Day, the Fourth of July, Easter Sunday 2023"""

MONTH_DAY = (
    rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})"
    rf"(?:,?\s+(?P<year>{YEAR}))?"
)
"""[Friday,] July 28[, 2023]"""

DAY_MONTH = (
    rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+"
    rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
)
"""[Friday,] [the] 28[th] [of] July[,] [2023]"""

MONTH_YEAR = rf"(?:(?P<modifier>{PERIOD_MOD})\s*)?(?P<month>{MONTH})(?:,|\s+of)?\s+(?P<year>{YEAR})"
"""[mid-]July [of] 2019"""

HALF_YEAR = (
    rf"(?i:the\s+)?(?P<ordinal>(?i:first|second))\s+(?i:half)\s+(?i:of\s+)?"
    rf"(?:(?P<year>{YEAR})|(?P<relative>{any_case('this', 'last', 'next', 'the')})\s+"
    r"(?i:year)(?![\w]))"
)
"""the first half of 2019, the second half of next year"""

QUARTER = (
    rf"(?:Q(?P<number>[1-4])|(?i:the\s+)?(?P<ordinal>{_QUARTER_ORDINAL})"
    rf"\s+(?i:quarter)(?=,?\s+(?i:of\s+)?(?i:fiscal\s+)?{YEAR})|"
    rf"(?P<adjective>{_QUARTER_ORDINAL})-(?i:quarter)(?=\s+{any_case(*RESULTS_WORDS)}(?![\w])))"
    rf"(?:,?\s+(?i:of\s+)?(?P<fiscal>(?i:fiscal\s+))?(?P<year>{YEAR}))?(?![\w])"
)
"""Q3 2021, the third quarter of 2021, "third-quarter revenue\""""

SEASON_DATE = (
    rf"(?:(?P<modifier>{PERIOD_MOD})\s*)?"
    rf"(?:(?P<determiner>{any_case('this', 'last', 'next', 'the', 'past', 'that')})\s+)?"
    rf"(?P<season>{SEASON})(?![\w])(?:,?\s+(?i:of\s+)?(?P<year>{YEAR}))?"
)
"""[early] [this|last|next|the] summer [of] [2020]"""

DECADE = (
    rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<modifier>{_EARLY_MID_LATE})[- ]?\s*)?"
    rf"(?:(?P<year>1\d\d0|20\d0)[’']?s|[’'](?P<clipped>\d0)s|(?<=[Tt]he\s)(?P<tens>\d0)s|"
    rf"(?<=[Tt]he\s)(?P<word>{_DECADE}))(?![\w])"
)
"""the 1990s, the '90s, the 90s, the nineties, the early 2000s"""

CENTURY = (
    rf"(?:(?P<modifier>{_EARLY_MID_LATE})[- ]?\s*)?"
    rf"(?:(?P<number>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL}))[- ](?i:century)(?![\w])"
)
"""the 19th century, the twenty-first century"""

IN_COUNT_OF_UNITS = (
    rf"(?i:in)\s+(?P<count>{COUNT})\s+(?P<unit>{UNIT})(?P<time>['’]s?\s+(?i:time))?(?![\w'’])"
)
"""in two weeks' time, in three years (in a future sentence: a date; else a duration)"""

COUNT_AGO_OR_LATER = (
    rf"(?:(?P<qualifier>{QUALIFIER})\s+)?(?P<count>{COUNT})\s+(?P<unit>{UNIT})\s+"
    rf"(?P<direction>{any_case('ago', 'earlier', 'later', 'from now', 'hence')}|"
    r"(?i:before|after)(?=\s*(?:[,.;:!?)]|$)))(?![\w])"
)
"""more than three years ago, two weeks later, a month from now"""

RELATIVE_PERIOD = (
    rf"(?:(?P<modifier>{any_case('earlier', 'later', 'early', 'late', 'mid', *EDGE_PHRASES)})"
    r"\s+(?i:in\s+)?)?"
    rf"(?P<determiner>{any_case(*RELATIVE_STEPS)})\s+"
    rf"(?P<unit>{any_case(*RELATIVE_UNITS)}(?![\w])|{WEEKDAY_BARE}|{MONTH_BARE})"
)
"""earlier this month, last week, next Friday, this May, the end of last year"""

EDGE_OF_CURRENT_PERIOD = (
    rf"(?P<modifier>{any_case(*EDGE_PHRASES)})\s+(?i:the)\s+"
    rf"(?P<unit>{any_case('week', 'month', 'year')})(?![\w])"
)
"""the end of the month, the start of the year (the current one)"""

DURATION = rf"(?:(?P<qualifier>{QUALIFIER})\s+)?(?P<count>{COUNT})[\s-]+(?P<unit>{UNIT})(?![-\w])"
"""(after) three years (of closures), a 10-day trip"""

DEICTIC_DAY = any_case(*DEICTIC_DAYS) + r"(?![\w])"
"""today, yesterday, last night, the day before yesterday"""

LONE_WEEKDAY = rf"(?P<weekday>{WEEKDAY_BARE})(?:\s+{any_case(*DAY_PARTS)})?(?![\w])"
"""Friday, Friday night"""

LONE_MONTH = (
    rf"(?P<trigger>{MONTH_TRIGGER}|(?i:to)(?=\s+[JFAOSND]))(?:(?<=-)|\s+)(?P<month>{MONTH_BARE})"
    rf"(?:\s+(?:and|or)\s+(?P<second_month>{MONTH_BARE}))?"
    rf"(?!,?\s+(?:of\s+)?{YEAR}|\s+\d)"
)
"""in May, since March, in May and June (a lone month needs a word before it: "May" is also a
verb and a name)"""

ATTRIBUTIVE_MONTH = (
    rf"(?P<trigger>{any_case('for', 'the')})\s+(?P<month>{capitalised(*_ATTRIBUTIVE_MONTHS)})"
    r"(?![\w'’])(?!,?\s+(?:of\s+)?" + YEAR + r"|\s+\d)"
)
"""for June, the September concerts (the resolver checks the words after)"""

MONTH_AS_SUBJECT = (
    rf"(?P<month>{capitalised(*_SENTENCE_MONTHS)})(?=\s+(?:was|has\s+been|had\s+been)\s)"
)
"""October was (the wettest month): checked to open its sentence by the resolver"""

YEAR_OR_RANGE = (
    rf"(?:(?P<modifier>{PERIOD_MOD})\s*)?(?<![\d,.$£€#:/])(?<!\d[-–/.])(?P<year>{YEAR})"
    rf"(?:(?P<separator>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<end_year>{YEAR}|\d\d(?![\d])))?"
    r"(?![.,]\d|\w|%)"
)
"""2019, mid-2019, 2010-2015, 2004 to 2017"""

# ---------------------------------------------------------------- the cheap first scan

_TRIGGER_WORDS = {
    *MONTH_NAMES,
    *WEEKDAY_NAMES,
    *(w.upper() for w in MONTH_NAMES + WEEKDAY_NAMES),
    *MONTH_ABBREVIATIONS,
    *WEEKDAY_ABBREVIATIONS,
    *("Christmas", "Halloween", "Valentine", "Easter", "Thanksgiving"),
    *("CHRISTMAS", "HALLOWEEN", "VALENTINE", "EASTER", "THANKSGIVING"),
}
_TRIGGER_LOWER = {
    *("today", "yesterday", "tomorrow", "tonight", *DAY_PARTS),
    *TIME_UNITS,
    *("weekend", "quarter", "half"),
    *SEASONS,
    *DECADE_WORDS,
}
_TRIGGER_WORDS |= _TRIGGER_LOWER | {w.title() for w in _TRIGGER_LOWER}
# A number only triggers when it can be part of a date: a year, a day next to a capitalised
# word, a numeric date, a count of time units, a decade. Plain quantities ("5 people") do not.
_DIGIT_TRIGGER = (
    rf"{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?(?=\s*(?:of\s+)?[A-Z]|[- ](?i:century))|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d|\d+(?:\.\d+)?(?=[\s-]+{UNIT})|\d0s|Q[1-4](?!\d)"
)
# The first character a trigger can start with: a digit, "Q" (Q3), or a trigger word's first.
_TRIGGER_FIRST = "".join(sorted({"Q", *(word[0] for word in _TRIGGER_WORDS)}))
# The lookahead guards let most positions fail on one character test: at a word start whose
# letter no trigger starts with, the class test fails before the word list is tried.
_TRIGGER_BODY = (
    rf"(?=[\d{re.escape(_TRIGGER_FIRST)}])"
    rf"(?:(?=[\dQ])(?:{_DIGIT_TRIGGER})|{trie(_TRIGGER_WORDS)}(?![a-z]))"
)
TRIGGER = rf"(?<![A-Za-z]){_TRIGGER_BODY}"
"""The words every date expression contains at least one of: a date-like number, a month or
weekday name, a time unit, a deictic word. Found in one cheap scan; the full pattern is only
tried near them. The definition, as a pattern's text: `scan.trigger_starts` finds its matches
with `TRIGGER_AFTER_NON_LETTER`."""
TRIGGER_AFTER_NON_LETTER = re.compile(rf"[^A-Za-z]{_TRIGGER_BODY}")
"""`TRIGGER` with the character before it taken, not looked behind at: a pattern that opens
with a character class lets `re` skip in C to the next character of the class (a space, a
digit, punctuation: one position in five of English text), where a pattern that opens with a
lookbehind is tried at every position. The body holds no lookbehind, so what the two match
after that character is the same."""
