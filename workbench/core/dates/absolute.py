"""Resolving dates named on the calendar: "July 28, 2023", "2023-07-28", "in May", "Christmas".

A day or month written without its year takes the nearest one in the direction the tense points
("on July 28" in a past sentence is the last July 28). An explicit date after the reference date
told in the past tense earns a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from workbench.core.dates import holidays, periods
from workbench.core.dates.context import (
    Context,
    ShapeMatch,
    after_reference_in_past,
    mention,
    month_number,
    nearest_month,
    nearest_year,
    normalised,
)
from workbench.core.dates.lexicon import (
    AFTER_BARE_HOLIDAY,
    MONTH_NAMES,
    NOT_AFTER_ATTRIBUTIVE_MONTH,
    PERIOD_MODIFIERS,
    SENTENCE_OPENERS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from workbench.core.dates.model import DateMention

# The last whitespace-separated token before a point (read from a bounded window before it).
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
# Anything but spaces and opening quotes or brackets: text before a month that opens a sentence.
_NOT_AN_OPENING = re.compile(r"[^ \t\n\"'“‘(]")


def iso_date(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """2023-07-28."""
    year, month, day = int(found["year"] or 0), int(found["month"] or 0), int(found["day"] or 0)
    if not periods.valid_day(year, month, day):
        return [mention(found, None, "day", warnings=(f"{found.text} does not exist",))]
    return _exact_day(found, ctx, dt.date(year, month, day))


def numeric_date(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """7/28/2023 (US order unless the numbers say otherwise), 28.07.2023 (day first)."""
    first, second, year_text = int(found["first"] or 0), int(found["second"] or 0), found["year"]
    assert year_text is not None
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year <= (ctx.reference.year % 100) + 10 else 1900
    if first > 12 or found["separator"] == ".":
        day, month = first, second
    else:
        month, day = first, second
    if not periods.valid_day(year, month, day):
        if periods.valid_day(year, day, month):
            month, day = day, month
        else:
            return []  # a version number, a score: not a date
    return _exact_day(found, ctx, dt.date(year, month, day))


def _exact_day(found: ShapeMatch, ctx: Context, date: dt.date) -> list[DateMention]:
    """The mention of a day written in full with its year (ISO or all in numbers)."""
    value = date.isoformat()
    warnings = after_reference_in_past(ctx, found, date, value)
    return [mention(found, value, "day", warnings=tuple(warnings))]


def month_and_day(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """A month and a day, with or without year and weekday, in either order: "July 28",
    "Friday, July 28, 2023", "28 July 2023"."""
    month = month_number(found["month"] or "")
    day = int(re.sub(r"\D", "", found["day"] or ""))
    year_text, weekday_text = found["year"], found["weekday"]
    warnings: list[str] = []
    relative = year_text is None
    if year_text is not None:
        year = int(year_text)
    else:
        year = nearest_year(
            lambda y: dt.date(y, month, day) if periods.valid_day(y, month, day) else None,
            ctx,
            found.start(),
            found.end(),
        )
    label = f"{MONTH_NAMES[month - 1]} {day}"
    if not periods.valid_day(year, month, day):
        if periods.valid_day(2000, month, day):  # only February 29 outside a leap year
            warnings.append(f"{label}, {year} does not exist ({year} is not a leap year)")
        else:
            warnings.append(f"{label} does not exist")
        return [mention(found, None, "day", warnings=tuple(warnings), relative=relative)]
    date = dt.date(year, month, day)
    if weekday_text is not None:
        weekday = WEEKDAYS[weekday_text.rstrip(".").casefold()]
        if date.weekday() != weekday:
            warnings.append(
                f"{label}, {year} is a {WEEKDAY_NAMES[date.weekday()]}, "
                f"not a {WEEKDAY_NAMES[weekday]}"
            )
    if year_text is not None:
        warnings.extend(after_reference_in_past(ctx, found, date, date.isoformat()))
    return [mention(found, date.isoformat(), "day", relative=relative, warnings=tuple(warnings))]


def month_of_year(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """July 2019, mid-July of 2019."""
    year, month = int(found["year"] or 0), month_number(found["month"] or "")
    value = periods.month_value(year, month)
    warnings = after_reference_in_past(ctx, found, dt.date(year, month, 1), value)
    return [mention(found, value, "month", warnings=tuple(warnings), mod=found["modifier"])]


def attributive_month(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """ "the jobs report for June", "the September concerts": a lone month after "for", or
    after "the" before the noun it describes; never before a capitalised word (a name)."""
    after = ctx.word_after(found.end())
    spaced = ctx.spaced_after(found.end())
    if normalised(found["trigger"]) == "the":
        if not (spaced and after[:1].islower() and after not in NOT_AFTER_ATTRIBUTIVE_MONTH):
            return []  # "the June I knew", "the April Fools"
    elif after[:1].isupper() and spaced:
        return []  # "for June Carter"
    month = month_number(found["month"] or "")
    chosen = nearest_month(ctx, month, ctx.tense(found.start(), found.end()))
    value = periods.month_value(*chosen)
    return [mention(found, value, "month", start=found.start("month"), relative=True)]


def holiday(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """Christmas Day, the Fourth of July, Easter Sunday: the nearest such day the tense allows,
    like a bare "July 28", or the one of the year written."""
    key = holidays.holiday_key(found["name"] or "")
    day_in = holidays.HOLIDAYS[key]
    year_text = found["year"]
    if year_text is None and key in holidays.BARE_NAMES:
        if ctx.word_before(found.start()) != "on":
            return []  # "before Christmas", "at Easter": a season more than a day
        after = ctx.word_after(found.end())
        if after and ctx.spaced_after(found.end()) and after.casefold() not in AFTER_BARE_HOLIDAY:
            return []  # "on Christmas trees", "on Easter Island": a modifier or a name
    if key == "independence day":
        window = max(ctx.sentence_start, found.start() - 64)
        before = _LAST_TOKEN.search(ctx.text, window, found.start())
        last = before.group(1) if before else ""
        if last.endswith(("'s", "’s")) or (
            last[:1].isupper() and last.casefold().strip('"“‘(') not in SENTENCE_OPENERS
        ):
            return []  # "Ukraine's Independence Day", "Mexican Independence Day": not July 4
    if year_text is not None:
        date = day_in(int(year_text))
        warnings = after_reference_in_past(ctx, found, date, date.isoformat())
        return [mention(found, date.isoformat(), "day", warnings=tuple(warnings))]
    year = nearest_year(day_in, ctx, found.start(), found.end())
    return [mention(found, day_in(year).isoformat(), "day", relative=True)]


def lone_month(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """A lone month after a preposition: "in May" → the nearest May the tense allows; "in May
    and June" gives both."""
    trigger = normalised(found["trigger"])
    month = month_number(found["month"] or "")
    if month == 5 and trigger in ("by", "of") and ctx.word_after(found.end())[:1].isupper():
        return []  # "by May Smith"
    tense = ctx.tense(found.start(), found.end())
    if trigger == "since":
        tense = "past"
    chosen = nearest_month(ctx, month, tense)
    value = periods.month_value(*chosen)
    keep_trigger = trigger in PERIOD_MODIFIERS or trigger in ("earlier in", "later in")
    start = None if keep_trigger else found.start("month")
    first = mention(found, value, "month", start=start, relative=True, mod=trigger)
    second_name = found["second_month"]
    if second_name is None:
        return [first]
    # "in May and June": the second month follows the first, in the next year if it wraps.
    second_month = month_number(second_name)
    second_year = chosen[0] + (1 if second_month < month else 0)
    first = replace(first, text=ctx.text[first.start : found.end("month")], end=found.end("month"))
    second = DateMention(
        text=second_name,
        start=found.start("second_month"),
        end=found.end("second_month"),
        value=periods.month_value(second_year, second_month),
        granularity="month",
        relative=True,
    )
    return [first, second]


def month_as_subject(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """ "October was the wettest month": a month opening its sentence, the latest one begun."""
    if _NOT_AN_OPENING.search(ctx.text, ctx.sentence_start, found.start()):
        return []
    ref = ctx.reference
    month = month_number(found["month"] or "")
    year = ref.year if month <= ref.month else ref.year - 1
    return [mention(found, periods.month_value(year, month), "month", relative=True)]
