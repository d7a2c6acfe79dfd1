"""Resolving dates told relative to the reference date or to a date told before: "three years
ago", "two weeks later", "in two weeks' time", "last Friday", "next month", "the end of the
month", "yesterday", a bare "Friday"; and lengths of time ("three years of talks"), which are
durations, never dates.
"""

from __future__ import annotations

import datetime as dt
import re

from workbench.core.dates import periods
from workbench.core.dates.context import Context, ShapeMatch, mention, normalised
from workbench.core.dates.lexicon import (
    ABOUT,
    DEICTIC_DAYS,
    HOLIDAY_WEEKDAY_WORDS,
    LESS_THAN,
    MONTHS,
    MORE_THAN,
    RELATIVE_STEPS,
    UNIT_CODES,
    WEEKDAYS,
    parse_count,
)
from workbench.core.dates.model import DateMention

_MORE = frozenset(MORE_THAN)
_LESS = frozenset(LESS_THAN)
_ABOUT = frozenset(ABOUT)


def _unit_name(word: str | None) -> str:
    """The singular of a time unit: "years" → "year", "centuries" → "century"."""
    unit = (word or "").casefold()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit


def _shift(base: dt.date, count: float, unit: str) -> tuple[str, str] | None:
    """(value, granularity) of `base` moved by `count` units (negative: back)."""
    code = UNIT_CODES[unit]
    if unit == "fortnight":
        count *= 2
    if code in ("M", "Y") and count != int(count):
        count, code = count * (12 if code == "Y" else 1), "M"
        count = round(count)
    if code == "D" or (code == "W" and count != int(count)):
        days = count * (7 if code == "W" else 1)
        day = periods.shift_days(base, round(days))
        return (day.isoformat(), "day") if day else None
    if code == "W":
        day = periods.shift_days(base, int(count) * 7)
        return (periods.week_value(day), "week") if day else None
    if code == "M":
        year, month = periods.add_months(base.year, base.month, int(count))
        return periods.month_value(year, month), "month"
    years = {"Y": 1, "DE": 10, "CE": 100}[code] * count
    year = base.year + round(years)
    if not 1 <= year <= 9999:
        return None
    if code == "Y":
        return f"{year:04d}", "year"
    if code == "DE":
        return periods.decade_value(year), "decade"
    return periods.century_value(year), "century"


def _finer_shift(base: dt.date, count: float, unit: str) -> tuple[str, str] | None:
    """Like `_shift` but one step finer, for bounds: "more than three years ago" → 2020-07."""
    code = UNIT_CODES[unit]
    if code in ("D", "W", "M"):
        days = count * {"D": 1, "W": 7, "M": 30.44}[code] * (2 if unit == "fortnight" else 1)
        day = periods.shift_days(base, round(days))
        return (day.isoformat(), "day") if day else None
    months = count * {"Y": 12, "DE": 120, "CE": 1200}[code]
    if code == "Y":
        year, month = periods.add_months(base.year, base.month, round(months))
        return periods.month_value(year, month), "month"
    year = base.year + round(months / 12)
    return (f"{year:04d}", "year") if code == "DE" else (periods.decade_value(year), "decade")


def count_ago_or_later(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """three years ago, more than three years ago, two weeks later, a month from now; "later"
    and "earlier" count from the date told before (a year told in the same sentence first)."""
    count = parse_count(found["count"] or "")
    if count is None:
        return []  # "a few years ago", "several weeks later": no value to give
    unit = _unit_name(found["unit"])
    direction = normalised(found["direction"])
    forward = direction in ("later", "from now", "hence", "after")
    anchored = direction in ("later", "earlier", "before", "after")
    base = ctx.reference
    extra: dict[str, object] = {}
    year = ctx.year_anchor
    by_year = (
        anchored
        and unit in ("year", "decade", "century")
        and year is not None
        and year.value is not None
        and (ctx.anchor is None or ctx.anchor.start < year.start)
    )
    if by_year and year is not None and year.value is not None:
        # "in 1911 ... two years later": counted from the year told in the same sentence
        base = dt.date(int(year.value), 1, 1)
        extra["anchor"] = year.value
    elif (
        anchored and ctx.anchor is not None and ctx.anchor.granularity == "day" and ctx.anchor.value
    ):
        base = dt.date.fromisoformat(ctx.anchor.value)
        extra["anchor"] = ctx.anchor.value
    sign = 1 if forward else -1
    qualifier_words = normalised(found["qualifier"])
    qualifier: str | None = None
    if qualifier_words in _MORE:
        qualifier = "after" if forward else "before"
    elif qualifier_words in _LESS:
        qualifier = "before" if forward else "after"
    elif qualifier_words in _ABOUT:
        qualifier = "around"
    if qualifier is None or by_year:  # a year counted from a year stays a year
        shifted = _shift(base, sign * count, unit)
    else:
        shifted = _finer_shift(base, sign * count, unit)
    if shifted is None:
        return []
    value, granularity = shifted
    return [
        mention(
            found,
            value,
            granularity,
            relative=True,
            approximate=qualifier is not None,
            qualifier=qualifier,
            extra=extra,
        )
    ]


def in_count_of_units(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """ "in two weeks' time" (or "in three years" in a future sentence): the reference date moved
    forward; otherwise ("the first time in three years") a duration."""
    future = found["time"] is not None or ctx.tense(found.start(), found.end()) == "future"
    count = parse_count(found["count"] or "")
    if count is None:
        return []
    unit = _unit_name(found["unit"])
    if not future:
        return [
            mention(
                found,
                f"P{count:g}{UNIT_CODES[unit]}",
                "duration",
                start=found.start("count"),
                extra={"duration": {"amount": count, "unit": unit}},
            )
        ]
    shifted = _shift(ctx.reference, count, unit)
    if shifted is None:
        return []
    return [mention(found, shifted[0], shifted[1], relative=True)]


def duration(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """A length of time ("three years of closures"): a duration, never a calendar date."""
    count_text = normalised(found["count"])
    qualifier_words = normalised(found["qualifier"])
    if count_text in ("a", "an") and not qualifier_words:
        return []  # "twice a year", "a day after": too common to be worth listing
    if ctx.word_after(found.end()).casefold() == "old":
        return []  # an age
    count = parse_count(count_text)
    if count is None:
        return []
    unit = _unit_name(found["unit"])
    code = UNIT_CODES[unit]
    if unit == "fortnight":
        count *= 2
    amount = f"{count:g}"
    qualifier = qualifier_words if qualifier_words in _MORE | _LESS | _ABOUT else None
    return [
        mention(
            found,
            f"P{amount}{code}",
            "duration",
            qualifier=qualifier,
            approximate=qualifier is not None,
            extra={"duration": {"amount": count, "unit": unit}},
        )
    ]


def relative_period(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """last week, next month, this year, earlier this month, last Friday, next May."""
    determiner = normalised(found["determiner"])
    unit = (found["unit"] or "").casefold()
    ref = ctx.reference
    step = RELATIVE_STEPS[determiner]
    mod_words = normalised(found["modifier"])
    # "earlier this month" is still this month (not approximate); "late last year" is blurred.
    extra = {}
    if mod_words in ("earlier", "later"):
        extra["mod"] = "before" if mod_words == "earlier" else "after"

    def told(value: str, granularity: str) -> list[DateMention]:
        return [
            mention(found, value, granularity, relative=True, extra=extra, mod=mod_words or None)
        ]

    if determiner == "past" and unit in ("week", "month", "year", "decade", "century", "weekend"):
        if mod_words:
            return []
        code = UNIT_CODES.get(unit, "W")
        return [
            mention(found, f"P1{code}", "duration", extra={"duration": {"amount": 1, "unit": unit}})
        ]
    if unit in WEEKDAYS:
        weekday = WEEKDAYS[unit]
        if determiner == "this":
            day = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday)
        elif step < 0:
            day = ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
        else:
            day = ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        return told(day.isoformat(), "day")
    if unit in MONTHS:
        month = MONTHS[unit]
        if determiner == "this":
            year = ref.year
        elif step < 0:
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = ref.year if month > ref.month else ref.year + 1
        return told(periods.month_value(year, month), "month")
    if unit in ("week", "weekend"):
        day = ref + dt.timedelta(days=7 * step)
        suffix = "-WE" if unit == "weekend" else ""
        return told(periods.week_value(day) + suffix, unit)
    if unit == "month":
        year, month = periods.add_months(ref.year, ref.month, step)
        return told(periods.month_value(year, month), "month")
    if unit == "quarter":
        index = ref.year * 4 + periods.quarter_of(ref) - 1 + step
        return told(f"{index // 4:04d}-Q{index % 4 + 1}", "quarter")
    if unit == "year":
        return told(f"{ref.year + step:04d}", "year")
    if unit == "decade":
        return told(periods.decade_value(ref.year + 10 * step), "decade")
    return told(periods.century_value(ref.year + 100 * step), "century")


def edge_of_current_period(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """the end of the month, the start of the year: the week, month or year of the reference."""
    if ctx.tense(found.start(), found.end()) == "past":
        return []  # "By the end of the week, 2 million doses had been given": some past week
    ref = ctx.reference
    unit = normalised(found["unit"])
    if unit == "week":
        value, granularity = periods.week_value(ref), "week"
    elif unit == "month":
        value, granularity = periods.month_value(ref.year, ref.month), "month"
    else:
        value, granularity = f"{ref.year:04d}", "year"
    return [mention(found, value, granularity, relative=True, mod=found["modifier"])]


def deictic_day(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """today, yesterday, last night, the day after tomorrow; not in a title ("USA Today").

    Counted from the reference date, except in speech quoted from a scene the article has just
    dated ("approved the budget on Wednesday night ... 'That ends tonight,' Reyes said"): the
    speaker's "tonight" is that scene's night, not the day the article came out.
    """
    words = normalised(found.text)
    if found.text[0].isupper() and found.start() > ctx.sentence_start:
        before = ctx.word_before(found.start())
        if (
            before
            and ctx.text[found.start() - len(before) - 1 : found.start()].strip()[:1].isupper()
        ):
            return []  # "USA Today", "China Today": a title
    base, extra = ctx.reference, {}
    scene = _scene_of_quotation(found, ctx)
    if scene is not None:
        base, extra = dt.date.fromisoformat(scene), {"anchor": scene}
    day = periods.shift_days(base, DEICTIC_DAYS[words])
    if day is None:
        return []
    return [mention(found, day.isoformat(), "day", relative=True, extra=extra)]


SCENE_REACH = dt.timedelta(days=7)
"""How far before the reference date a day the article tells of can be the scene of a quotation:
a story reports this week's events; a date further back is history, not where the quote was said."""

# The quotation closes after the word (at the first quote mark), then a past-tense verb of
# speech follows within a few words: `tonight," Reyes said`, `today", said the mayor`.
_CLOSED_BY_PAST_SPEECH = re.compile(
    r"[^\"“”]{0,300}?[\"”]\s*(?:[^\s\"“”]+\s+){0,4}?"
    r"(?:said|told|added|explained|declared|announced|insisted|warned|promised|replied|"
    r"recalled|wrote|shouted|conceded|admitted)\b"
)


def _scene_of_quotation(found: ShapeMatch, ctx: Context) -> str | None:
    """The day (ISO) of the scene a quotation holding the match was spoken in, or None: the
    last day the article told of before it, when that day is in the week up to the reference
    date and the quotation is reported in the past tense ("... tonight," she said)."""
    anchor = ctx.anchor
    if anchor is None or anchor.value is None or anchor.granularity != "day":
        return None
    scene = dt.date.fromisoformat(anchor.value)
    if not ctx.reference - SCENE_REACH <= scene < ctx.reference:
        return None
    if _CLOSED_BY_PAST_SPEECH.match(ctx.text, found.end(), ctx.sentence_end) is None:
        return None
    return anchor.value


def lone_weekday(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """A lone weekday: the one of the current week the tense points to (news: the last one)."""
    if ctx.word_before(found.start()) in HOLIDAY_WEEKDAY_WORDS:
        return []
    after = ctx.word_after(found.end())
    if after[:1].isupper() and after.casefold() not in MONTHS and ctx.spaced_after(found.end()):
        return []  # "Sunday Times", "Friday Night Lights": a name
    weekday = WEEKDAYS[(found["weekday"] or "").casefold()]
    ref = ctx.reference
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    tense = ctx.tense(found.start(), found.end())
    # News names the days of the current week by weekday, today included ("returns on Friday"
    # in a Friday story is today); with no tense to go by, the nearer one (ties: the past).
    if tense == "future" or (tense is None and ahead < back):
        day = ref + dt.timedelta(days=ahead)
    else:
        day = ref - dt.timedelta(days=back)
    return [mention(found, day.isoformat(), "day", relative=True)]
