"""Turning one candidate match into date mentions, with the calendar, against the reference date.

Each shape of `patterns.CANDIDATES` has a handler here. Handlers return no mention for a
look-alike (a quantity, a name, "a few years"), one mention for a date or a duration, and two
for a year range ("2004 to 2017"). Nothing here calls dateparser: every shape is plain calendar
arithmetic, which keeps the granularity of what was written, and importing dateparser for one
leftover phrase costs 0.5-1 s of start-up, more than resolving a 1 MB article with the rules
(it also resolved "three days from today" to today and "the week after next" to nothing).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from workbench.core.dates import holidays, periods
from workbench.core.dates.lexicon import (
    DECADE_WORDS,
    MONTH_NAMES,
    MONTHS,
    ORDINAL_WORDS,
    SEASON_ORDER,
    SEASONS,
    UNIT_CODES,
    WEEKDAY_NAMES,
    WEEKDAYS,
    parse_count,
)
from workbench.core.dates.model import DateMention
from workbench.core.dates.tense import Tense, past_marker, tense_near, verb_before


@dataclass
class Context:
    """What a handler knows besides the match: the sentence and the reference date."""

    text: str
    """The whole document text (offsets are into it)."""
    lo: int
    """Start of the sentence holding the match."""
    hi: int
    """End of that sentence."""
    reference: dt.date
    """The date relative expressions resolve against."""
    anchor: DateMention | None = None
    """The last absolute date before this point, for "two years later"."""
    year_anchor: DateMention | None = None
    """The last year-only date earlier in this sentence ("in 1911 ... two years later"); only
    the same sentence, since a bare year told further back is rarely what "later" counts from."""

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense around `text[start:end]`."""
        return tense_near(self.text, start, end, self.lo, self.hi)


Handler = Callable[[re.Match[str], Context], list[DateMention]]

_MORE = frozenset({"more than", "over", "at least", "well over", "just over", "upwards of"})
_LESS = frozenset({"less than", "under", "nearly", "almost", "fewer than", "just under"})
_ABOUT = frozenset({"about", "around", "roughly", "approximately", "some", "close to"})

_MOD_CODES = {
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
"""TIMEX3-style modifiers (START, MID, END), lower-cased, for extra["mod"]."""

# Words after a number that make it a quantity, not a year ("2000 people").
_QUANTITY_AFTER = frozenset(
    [
        "people",
        "persons",
        "residents",
        "voters",
        "votes",
        "members",
        "workers",
        "employees",
        "jobs",
        "troops",
        "soldiers",
        "police",
        "officers",
        "students",
        "children",
        "adults",
        "patients",
        "cases",
        "deaths",
        "dead",
        "infections",
        "homes",
        "houses",
        "units",
        "cars",
        "vehicles",
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "metres",
        "meters",
        "feet",
        "foot",
        "ft",
        "yards",
        "inches",
        "acres",
        "hectares",
        "kg",
        "kilograms",
        "pounds",
        "lbs",
        "tons",
        "tonnes",
        "barrels",
        "gallons",
        "litres",
        "liters",
        "calories",
        "dollars",
        "euros",
        "pounds",
        "yuan",
        "yen",
        "rupees",
        "points",
        "runs",
        "goals",
        "yards",
        "words",
        "pages",
        "copies",
        "signatures",
        "rooms",
        "beds",
        "seats",
        "flights",
        "passengers",
        "migrants",
        "refugees",
        "protesters",
        "species",
        "items",
        "pieces",
        "households",
        "families",
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "percent",
        "per",
        "times",
        "more",
        "fewer",
        "other",
    ]
)
# Words before a number that make it a count or an identifier ("some 2000", "Flight 2019").
_QUANTITY_BEFORE = frozenset(
    [
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "some",
        "additional",
        "extra",
        "another",
        "total",
        "than",
        "no",
        "number",
        "room",
        "flight",
        "route",
        "highway",
        "bus",
        "page",
        "pages",
        "section",
        "chapter",
        "model",
        "version",
        "vol",
        "code",
        "pin",
        "id",
        "interstate",
        "exit",
        "gate",
    ]
)
_YEAR_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "from",
        "until",
        "till",
        "through",
        "during",
        "before",
        "after",
        "of",
        "circa",
        "c",
        "around",
        "year",
    ]
)
_HOLIDAY_WEEKDAY = frozenset(
    [
        "black",
        "good",
        "super",
        "cyber",
        "ash",
        "bloody",
        "holy",
        "easter",
        "palm",
        "maundy",
        "shrove",
        "giving",
    ]
)

# A capitalised name and a street word after a number make it a house number ("2019 Main St.").
_STREET_AFTER = re.compile(
    r"\s+[A-Z][\w'’-]*\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|"
    r"Way|Place)(?![\w])"
)
# Lower-case words after a bare holiday name that keep it the day ("on Easter morning");
# any other lower-case word makes the name a modifier ("on Christmas trees").
_AFTER_BARE_HOLIDAY = frozenset(
    ["and", "or", "morning", "afternoon", "evening", "night", "when", "this", "last", "next"]
)

# Capitalised words before "Independence Day" that open a sentence rather than name a country.
_OPENERS = frozenset(["on", "by", "since", "until", "before", "after", "the", "this", "last"])
_OPENERS |= frozenset(["next", "for", "in", "at", "during", "of", "and", "but"])

# The last whitespace-separated token before a point (read from a bounded window before it).
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
# Anything but spaces and opening quotes or brackets: text before a month that opens a sentence.
_NOT_AN_OPENING = re.compile(r"[^ \t\n\"'“‘(]")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[\s-]*$")
_WORD_AFTER = re.compile(r"[\s]*([A-Za-z]+)")


def _word_before(ctx: Context, pos: int) -> str:
    match = _WORD_BEFORE.search(ctx.text, max(ctx.lo, pos - 24), pos)
    return match.group(1).casefold().rstrip(".") if match else ""


def _word_after(ctx: Context, pos: int) -> str:
    match = _WORD_AFTER.match(ctx.text, pos, min(ctx.hi, pos + 24))
    return match.group(1) if match else ""


def _norm(words: str | None) -> str:
    return " ".join(words.casefold().split()) if words else ""


def _mention(
    match: re.Match[str],
    value: str | None,
    granularity: str,
    *,
    start: int | None = None,
    relative: bool = False,
    approximate: bool = False,
    qualifier: str | None = None,
    warnings: tuple[str, ...] | list[str] = (),
    extra: dict[str, Any] | None = None,
    mod: str | None = None,
) -> DateMention:
    """A mention over the whole match (or from `start`); `mod` is an early/mid/late word."""
    begin = match.start() if start is None else start
    extra = dict(extra or {})
    code = _MOD_CODES.get(_norm(mod))
    if code:
        approximate = True
        extra["mod"] = code
    return DateMention(
        text=match.string[begin : match.end()],
        start=begin,
        end=match.end(),
        value=value,
        granularity=granularity,
        relative=relative,
        approximate=approximate,
        qualifier=qualifier,
        warnings=tuple(warnings),
        extra=extra,
    )


# ---------------------------------------------------------------- explicit calendar dates


def _day_mention(
    match: re.Match[str],
    ctx: Context,
    *,
    month: int,
    day: int,
    year_text: str | None,
    weekday_text: str | None,
) -> list[DateMention]:
    """A month and day, with or without year and weekday: July 28, Friday, 28 July 2023."""
    warnings: list[str] = []
    relative = year_text is None
    if year_text is not None:
        year = int(year_text)
    else:
        year = _year_for_month_day(month, day, ctx, match.start(), match.end())
    label = f"{MONTH_NAMES[month - 1]} {day}"
    if not periods.valid_day(year, month, day):
        if periods.valid_day(2000, month, day):  # only February 29 outside a leap year
            warnings.append(f"{label}, {year} does not exist ({year} is not a leap year)")
        else:
            warnings.append(f"{label} does not exist")
        return [_mention(match, None, "day", warnings=tuple(warnings), relative=relative)]
    date = dt.date(year, month, day)
    if weekday_text is not None:
        weekday = WEEKDAYS[weekday_text.rstrip(".").casefold()]
        if date.weekday() != weekday:
            warnings.append(
                f"{label}, {year} is a {WEEKDAY_NAMES[date.weekday()]}, "
                f"not a {WEEKDAY_NAMES[weekday]}"
            )
    if year_text is not None:
        warnings.extend(_after_reference_in_past(ctx, match, date, date.isoformat()))
    return [_mention(match, date.isoformat(), "day", relative=relative, warnings=tuple(warnings))]


def _year_for_month_day(month: int, day: int, ctx: Context, start: int, end: int) -> int:
    """The year a bare "July 28" means: the nearest one, in the direction the tense points."""
    return _nearest_year(
        lambda y: dt.date(y, month, day) if periods.valid_day(y, month, day) else None,
        ctx,
        start,
        end,
    )


def _nearest_year(
    day_in: Callable[[int], dt.date | None], ctx: Context, start: int, end: int
) -> int:
    """The year whose `day_in(year)` a bare day ("July 28", "Easter") means: the nearest one,
    in the direction the tense points."""
    ref = ctx.reference
    tense = ctx.tense(start, end)
    options = [
        (y, d) for y in (ref.year - 1, ref.year, ref.year + 1) if (d := day_in(y)) is not None
    ]
    if not options:  # February 29 with no leap year near: keep the reference year
        return ref.year
    if tense == "past":
        # A few days' slack: a story dated late at night may tell of "tomorrow" as done.
        past = [(y, d) for y, d in options if d <= ref + dt.timedelta(days=3)]
        if past:
            return past[-1][0]
    elif tense == "future":
        future = [(y, d) for y, d in options if d >= ref - dt.timedelta(days=3)]
        if future:
            return future[0][0]
    return min(options, key=lambda o: (abs((o[1] - ref).days), o[1] > ref))[0]


def _after_reference_in_past(
    ctx: Context, match: re.Match[str], first_day: dt.date, label: str
) -> list[str]:
    """A warning when an explicit date after the reference date is told in the past tense."""
    if first_day <= ctx.reference:
        return []
    marker = past_marker(ctx.text, ctx.lo, ctx.hi, (match.start(), match.end()))
    if marker is None:
        return []
    return [
        f"{label} is after the reference date {ctx.reference.isoformat()}, "
        f"but the sentence is in the past tense (“{marker}”)"
    ]


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").casefold()]


def _month_day(group: str) -> Handler:
    """The handler for a shape named `group` that gives a month name, a day, and maybe a year and
    a weekday ("July 28, 2023" as `md`, "28 July 2023" as `dmy`): only the order differs."""

    def handle(match: re.Match[str], ctx: Context) -> list[DateMention]:
        return _day_mention(
            match,
            ctx,
            month=_month_number(match[f"{group}_m"]),
            day=int(re.sub(r"\D", "", match[f"{group}_d"])),
            year_text=match[f"{group}_y"],
            weekday_text=match[f"{group}_wd"],
        )

    return handle


def _exact_day(match: re.Match[str], ctx: Context, date: dt.date) -> list[DateMention]:
    """The mention of a day written in full with its year (ISO or all in numbers)."""
    value = date.isoformat()
    return [
        _mention(
            match, value, "day", warnings=tuple(_after_reference_in_past(ctx, match, date, value))
        )
    ]


def _iso(match: re.Match[str], ctx: Context) -> list[DateMention]:
    year, month, day = int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"])
    if not periods.valid_day(year, month, day):
        return [_mention(match, None, "day", warnings=(f"{match.group()} does not exist",))]
    return _exact_day(match, ctx, dt.date(year, month, day))


def _num(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """7/28/2023 (US order unless the numbers say otherwise), 28.07.2023 (day first)."""
    a, b, year_text = int(match["num_a"]), int(match["num_b"]), match["num_y"]
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year <= (ctx.reference.year % 100) + 10 else 1900
    if a > 12 or match["num_sep"] == ".":
        day, month = a, b
    else:
        month, day = a, b
    if not periods.valid_day(year, month, day):
        if periods.valid_day(year, day, month):
            month, day = day, month
        else:
            return []  # a version number, a score: not a date
    return _exact_day(match, ctx, dt.date(year, month, day))


def _my(match: re.Match[str], ctx: Context) -> list[DateMention]:
    year, month = int(match["my_y"]), _month_number(match["my_m"])
    value = periods.month_value(year, month)
    warnings = _after_reference_in_past(ctx, match, dt.date(year, month, 1), value)
    return [_mention(match, value, "month", warnings=tuple(warnings), mod=match["my_mod"])]


def _month_near(ctx: Context, month: int, tense: Tense | None) -> tuple[int, int]:
    """(year, month) of the nearest `month` to the reference date the tense allows."""
    ref = ctx.reference
    options = [(ref.year + d, month) for d in (-1, 0, 1)]
    ref_index = ref.year * 12 + ref.month
    if tense == "past":
        return max((o for o in options if o[0] * 12 + o[1] <= ref_index), default=options[1])
    if tense == "future":
        return min((o for o in options if o[0] * 12 + o[1] >= ref_index), default=options[1])
    return min(options, key=lambda o: (abs(o[0] * 12 + o[1] - ref_index), -o[0]))


# Words after "the June" that show it is not a month used as an adjective ("the June of 1944").
_NOT_A_NOUN = frozenset(["and", "or", "of", "is", "was", "who", "which", "that", "had", "has"])


def _mf(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """ "the jobs report for June", "the September concerts": a lone month after "for", or
    after "the" before the noun it describes; never before a capitalised word (a name)."""
    after = _word_after(ctx, match.end())
    spaced = ctx.text[match.end() : match.end() + 1] == " "
    if _norm(match["mf_t"]) == "the":
        if not (spaced and after[:1].islower() and after not in _NOT_A_NOUN):
            return []  # "the June I knew", "the April Fools"
    elif after[:1].isupper() and spaced:
        return []  # "for June Carter"
    month = _month_number(match["mf_m"])
    chosen = _month_near(ctx, month, ctx.tense(match.start(), match.end()))
    value = periods.month_value(*chosen)
    return [_mention(match, value, "month", start=match.start("mf_m"), relative=True)]


def _hol(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """Christmas Day, the Fourth of July, Easter Sunday: the nearest such day the tense allows,
    like a bare "July 28", or the one of the year written."""
    key = holidays.holiday_key(match["hol_n"])
    day_in = holidays.HOLIDAYS[key]
    year_text = match["hol_y"]
    if year_text is None and key in holidays.BARE_NAMES:
        if _word_before(ctx, match.start()) != "on":
            return []  # "before Christmas", "at Easter": a season more than a day
        after = _word_after(ctx, match.end())
        spaced = ctx.text[match.end() : match.end() + 1] == " "
        if after and spaced and after.casefold() not in _AFTER_BARE_HOLIDAY:
            return []  # "on Christmas trees", "on Easter Island": a modifier or a name
    if key == "independence day":
        before = _LAST_TOKEN.search(ctx.text, max(ctx.lo, match.start() - 64), match.start())
        last = before.group(1) if before else ""
        if last.endswith(("'s", "’s")) or (
            last[:1].isupper() and last.casefold().strip('"“‘(') not in _OPENERS
        ):
            return []  # "Ukraine's Independence Day", "Mexican Independence Day": not July 4
    if year_text is not None:
        date = day_in(int(year_text))
        warnings = _after_reference_in_past(ctx, match, date, date.isoformat())
        return [_mention(match, date.isoformat(), "day", warnings=tuple(warnings))]
    year = _nearest_year(day_in, ctx, match.start(), match.end())
    return [_mention(match, day_in(year).isoformat(), "day", relative=True)]


def _mo(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """A lone month after a preposition: "in May" → the nearest May the tense allows."""
    trigger = _norm(match["mo_t"])
    month = _month_number(match["mo_m"])
    if month == 5 and trigger in ("by", "of") and _word_after(ctx, match.end())[:1].isupper():
        return []  # "by May Smith"
    tense = ctx.tense(match.start(), match.end())
    if trigger == "since":
        tense = "past"
    chosen = _month_near(ctx, month, tense)
    value = periods.month_value(*chosen)
    keep_trigger = trigger in _MOD_CODES or trigger in ("earlier in", "later in")
    start = None if keep_trigger else match.start("mo_m")
    first = _mention(match, value, "month", start=start, relative=True, mod=trigger)
    if match["mo_m2"] is None:
        return [first]
    # "in May and June": the second month follows the first, in the next year if it wraps.
    second_month = _month_number(match["mo_m2"])
    second_year = chosen[0] + (1 if second_month < month else 0)
    first = replace(first, text=ctx.text[first.start : match.end("mo_m")], end=match.end("mo_m"))
    second = DateMention(
        text=match["mo_m2"],
        start=match.start("mo_m2"),
        end=match.end("mo_m2"),
        value=periods.month_value(second_year, second_month),
        granularity="month",
        relative=True,
    )
    return [first, second]


# ---------------------------------------------------------------- years and longer periods


def _yr(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """2019, mid-2019, 2004 to 2017: a year unless the words around make it a quantity."""
    year_start = match.start("yr_y")
    year = int(match["yr_y"])
    before = _word_before(ctx, match.start())
    after = _word_after(ctx, match.end())
    mod = match["yr_mod"]
    if not mod:
        if before in _QUANTITY_BEFORE or after.casefold() in _QUANTITY_AFTER:
            return []
        if _STREET_AFTER.match(ctx.text, match.end(), ctx.hi):
            return []  # "at 2019 Main Street": a house number
        if year < 1900 and before not in _YEAR_PREPOSITIONS:
            return []
        if ctx.text[year_start - 1 : year_start] in ("'", "’") and before in ("", "the"):
            return []
    value = f"{year:04d}"
    warnings = _after_reference_in_past(ctx, match, dt.date(year, 1, 1), value)
    code = _MOD_CODES.get(_norm(mod))
    first = DateMention(
        text=ctx.text[match.start() if mod else year_start : match.end("yr_y")],
        start=match.start() if mod else year_start,
        end=match.end("yr_y"),
        value=value,
        granularity="year",
        approximate=code is not None,
        warnings=tuple(warnings),
        extra={"mod": code} if code else {},
    )
    mentions = [first]
    second = match["yr_y2"]
    if second is not None and len(second) == 4 and int(second) > year:
        mentions.append(
            DateMention(
                text=second,
                start=match.start("yr_y2"),
                end=match.end("yr_y2"),
                value=second,
                granularity="year",
            )
        )
    return mentions


def _hf(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """the first half of 2019, the second half of next year (of "the year": this one)."""
    half = 1 if _norm(match["hf_o"]) == "first" else 2
    if match["hf_y"]:
        return [_mention(match, f"{match['hf_y']}-H{half}", "half")]
    step = {"last": -1, "next": 1}.get(_norm(match["hf_r"]), 0)
    value = f"{ctx.reference.year + step:04d}-H{half}"
    return [_mention(match, value, "half", relative=True)]


def _q(match: re.Match[str], ctx: Context) -> list[DateMention]:
    if match["q_a"]:
        return _quarter_adjective(match, ctx)
    quarter = int(match["q_n"]) if match["q_n"] else ORDINAL_WORDS[_norm(match["q_o"])]
    year = int(match["q_y"]) if match["q_y"] else ctx.reference.year
    extra = {"fiscal": True} if match["q_fy"] else {}
    return [
        _mention(match, f"{year:04d}-Q{quarter}", "quarter", relative=not match["q_y"], extra=extra)
    ]


def _quarter_adjective(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """ "third-quarter revenue": the latest such quarter begun by the reference date, or, in a
    future sentence, the first not yet over."""
    if not verb_before(ctx.text, match.start(), ctx.lo):
        return []  # "the company's second-quarter profit": which year is anyone's guess
    quarter = ORDINAL_WORDS[_norm(match["q_a"])]
    ref = ctx.reference
    current = periods.quarter_of(ref)
    if ctx.tense(match.start(), match.end()) == "future":
        year = ref.year if quarter >= current else ref.year + 1
    else:
        year = ref.year if quarter <= current else ref.year - 1
    return [_mention(match, f"{year:04d}-Q{quarter}", "quarter", relative=True)]


def _cur(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """the end of the month, the start of the year: the week, month or year of the reference."""
    if ctx.tense(match.start(), match.end()) == "past":
        return []  # "By the end of the week, 2 million doses had been given": some past week
    ref = ctx.reference
    unit = _norm(match["cur_u"])
    if unit == "week":
        value, granularity = periods.week_value(ref), "week"
    elif unit == "month":
        value, granularity = periods.month_value(ref.year, ref.month), "month"
    else:
        value, granularity = f"{ref.year:04d}", "year"
    return [_mention(match, value, granularity, relative=True, mod=match["cur_mod"])]


def _ms(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """ "October was the wettest month": a month opening its sentence, the latest one begun."""
    if _NOT_AN_OPENING.search(ctx.text, ctx.lo, match.start()):
        return []
    ref = ctx.reference
    month = _month_number(match["ms_m"])
    year = ref.year if month <= ref.month else ref.year - 1
    return [_mention(match, periods.month_value(year, month), "month", relative=True)]


_SEASON_PREPOSITIONS = frozenset(["in", "over", "by", "during"])


def _anchor_year(ctx: Context) -> tuple[int, str] | None:
    """The year (and value) of the latest date told before this point, for "that summer"."""
    found = [a for a in (ctx.anchor, ctx.year_anchor) if a is not None and a.value]
    if not found:
        return None
    latest = max(found, key=lambda a: a.start)
    assert latest.value is not None
    return int(latest.value[:4]), latest.value


def _season_ahead_or_behind(match: re.Match[str], ctx: Context, index: int) -> list[DateMention]:
    """ "in the spring": the season the tense points to, counting the current one."""
    if _word_before(ctx, match.start()) not in _SEASON_PREPOSITIONS:
        return []
    if _word_after(ctx, match.end()) == "of":
        return []
    if match["se_s"].casefold() == "fall" or match["se_mod"]:
        return []  # "in the fall" of prices, "the fall of Rome"
    year, current = periods.season_index(ctx.reference)
    now = periods.season_ordinal(year, current)
    candidates = [periods.season_ordinal(y, index) for y in (year - 1, year, year + 1)]
    tense = ctx.tense(match.start(), match.end())
    if tense == "future":
        target = min(c for c in candidates if c >= now)
    elif tense == "past":
        target = max(c for c in candidates if c <= now)
    else:
        target = min(candidates, key=lambda c: (abs(c - now), c > now))
    value = periods.season_value(target // 4, target % 4)
    return [_mention(match, value, "season", relative=True)]


def _se(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """spring 2020, the summer of 2019, this summer, last winter (needs a year or a determiner)."""
    index = SEASON_ORDER.index(SEASONS[match["se_s"].casefold()])
    det = _norm(match["se_det"])
    mod = match["se_mod"]
    if match["se_y"]:
        return [_mention(match, periods.season_value(int(match["se_y"]), index), "season", mod=mod)]
    if det == "the":
        return _season_ahead_or_behind(match, ctx, index)
    if det == "that":
        anchor = _anchor_year(ctx)
        if anchor is None or match["se_s"].casefold() == "fall" or mod:
            return []  # "prices that fall": a verb; with no date told, no year to give
        value = periods.season_value(anchor[0], index)
        return [_mention(match, value, "season", relative=True, extra={"anchor": anchor[1]})]
    if det not in ("this", "last", "next", "past"):
        return []  # "the fall of the Berlin Wall", "in summer": no date
    year, current = periods.season_index(ctx.reference)
    now = periods.season_ordinal(year, current)
    candidates = [periods.season_ordinal(y, index) for y in (year - 1, year, year + 1)]
    if det == "this":
        target = periods.season_ordinal(year, index)
    elif det in ("last", "past"):
        target = max(c for c in candidates if c < now)
    else:
        target = min(c for c in candidates if c > now)
    value = periods.season_value(target // 4, target % 4)
    return [_mention(match, value, "season", relative=True, mod=mod)]


def _dec(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """the 1990s → 199, the '90s and the nineties → 199, the 1800s → the century 18."""
    if match["dec_y"]:
        year = int(match["dec_y"])
        if year % 100 == 0 and year < 2000:
            return [_mention(match, periods.century_value(year), "century", mod=match["dec_mod"])]
    else:
        tens = (
            int(match["dec_2"] or match["dec_3"])
            if not match["dec_w"]
            else DECADE_WORDS[match["dec_w"].casefold()]
        )
        year = (2000 if tens < 20 else 1900) + tens
    return [_mention(match, periods.decade_value(year), "decade", mod=match["dec_mod"])]


def _ce(match: re.Match[str], ctx: Context) -> list[DateMention]:
    number = (
        int(match["ce_n"])
        if match["ce_n"]
        else ORDINAL_WORDS[_norm(match["ce_w"]).replace(" ", "-")]
    )
    if not 1 <= number <= 21:
        return []
    return [_mention(match, f"{number - 1:02d}", "century", mod=match["ce_mod"])]


# ---------------------------------------------------------------- relative to the reference


def _shift(ctx: Context, base: dt.date, count: float, unit: str) -> tuple[str, str] | None:
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


def _unit_name(word: str) -> str:
    unit = word.casefold()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit


def _ago(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """three years ago, more than three years ago, two weeks later, a month from now."""
    count = parse_count(match["ago_n"])
    if count is None:
        return []  # "a few years ago", "several weeks later": no value to give
    unit = _unit_name(match["ago_u"])
    direction = _norm(match["ago_dir"])
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
    qualifier_words = _norm(match["ago_q"])
    qualifier: str | None = None
    if qualifier_words in _MORE:
        qualifier = "after" if forward else "before"
    elif qualifier_words in _LESS:
        qualifier = "before" if forward else "after"
    elif qualifier_words in _ABOUT:
        qualifier = "around"
    if qualifier is None or by_year:  # a year counted from a year stays a year
        shifted = _shift(ctx, base, sign * count, unit)
    else:
        shifted = _finer_shift(base, sign * count, unit)
    if shifted is None:
        return []
    value, granularity = shifted
    return [
        _mention(
            match,
            value,
            granularity,
            relative=True,
            approximate=qualifier is not None,
            qualifier=qualifier,
            extra=extra,
        )
    ]


def _dur(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """A length of time ("three years of closures"): a duration, never a calendar date."""
    count_text = _norm(match["dur_n"])
    qualifier_words = _norm(match["dur_q"])
    if count_text in ("a", "an") and not qualifier_words:
        return []  # "twice a year", "a day after": too common to be worth listing
    if _word_after(ctx, match.end()).casefold() == "old":
        return []  # an age
    count = parse_count(count_text)
    if count is None:
        return []
    unit = _unit_name(match["dur_u"])
    code = UNIT_CODES[unit]
    if unit == "fortnight":
        count *= 2
    amount = f"{count:g}"
    qualifier = qualifier_words if qualifier_words in _MORE | _LESS | _ABOUT else None
    return [
        _mention(
            match,
            f"P{amount}{code}",
            "duration",
            qualifier=qualifier,
            approximate=qualifier is not None,
            extra={"duration": {"amount": count, "unit": unit}},
        )
    ]


def _rel(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """last week, next month, this year, earlier this month, last Friday, next May."""
    det = _norm(match["rel_det"])
    unit_text = match["rel_u"]
    unit = unit_text.casefold()
    ref = ctx.reference
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[det]
    mod_words = _norm(match["rel_mod"])
    # "earlier this month" is still this month (not approximate); "late last year" is blurred.
    extra = {}
    if mod_words in ("earlier", "later"):
        extra["mod"] = "before" if mod_words == "earlier" else "after"

    def mention(value: str, granularity: str) -> list[DateMention]:
        return [
            _mention(match, value, granularity, relative=True, extra=extra, mod=mod_words or None)
        ]

    if det == "past" and unit in ("week", "month", "year", "decade", "century", "weekend"):
        if mod_words:
            return []
        code = UNIT_CODES.get(unit, "W")
        return [
            _mention(
                match, f"P1{code}", "duration", extra={"duration": {"amount": 1, "unit": unit}}
            )
        ]
    if unit in WEEKDAYS:
        weekday = WEEKDAYS[unit]
        if det == "this":
            day = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday)
        elif step < 0:
            day = ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
        else:
            day = ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        return mention(day.isoformat(), "day")
    if unit in MONTHS:
        month = MONTHS[unit]
        if det == "this":
            year = ref.year
        elif step < 0:
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = ref.year if month > ref.month else ref.year + 1
        return mention(periods.month_value(year, month), "month")
    if unit in ("week", "weekend"):
        day = ref + dt.timedelta(days=7 * step)
        suffix = "-WE" if unit == "weekend" else ""
        return mention(periods.week_value(day) + suffix, unit)
    if unit == "month":
        year, month = periods.add_months(ref.year, ref.month, step)
        return mention(periods.month_value(year, month), "month")
    if unit == "quarter":
        index = ref.year * 4 + periods.quarter_of(ref) - 1 + step
        return mention(f"{index // 4:04d}-Q{index % 4 + 1}", "quarter")
    if unit == "year":
        return mention(f"{ref.year + step:04d}", "year")
    if unit == "decade":
        return mention(periods.decade_value(ref.year + 10 * step), "decade")
    return mention(periods.century_value(ref.year + 100 * step), "century")


_DEICTIC_DAYS = {
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


def _dx(match: re.Match[str], ctx: Context) -> list[DateMention]:
    words = _norm(match.group())
    if match.group()[0].isupper() and match.start() > ctx.lo:
        before = _word_before(ctx, match.start())
        if (
            before
            and ctx.text[match.start() - len(before) - 1 : match.start()].strip()[:1].isupper()
        ):
            return []  # "USA Today", "China Today": a title
    day = periods.shift_days(ctx.reference, _DEICTIC_DAYS[words])
    if day is None:
        return []
    return [_mention(match, day.isoformat(), "day", relative=True)]


def _wd(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """A lone weekday: the one of the current week the tense points to (news: the last one)."""
    if _word_before(ctx, match.start()) in _HOLIDAY_WEEKDAY:
        return []
    after = _word_after(ctx, match.end())
    if (
        after[:1].isupper()
        and after.casefold() not in MONTHS
        and ctx.text[match.end() : match.end() + 1] == " "
    ):
        return []  # "Sunday Times", "Friday Night Lights": a name
    weekday = WEEKDAYS[match["wd_n"].casefold()]
    ref = ctx.reference
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    tense = ctx.tense(match.start(), match.end())
    # News names the days of the current week by weekday, today included ("returns on Friday"
    # in a Friday story is today); with no tense to go by, the nearer one (ties: the past).
    if tense == "future" or (tense is None and ahead < back):
        day = ref + dt.timedelta(days=ahead)
    else:
        day = ref - dt.timedelta(days=back)
    return [_mention(match, day.isoformat(), "day", relative=True)]


HANDLERS: dict[str, Handler] = {
    "iso": _iso,
    "num": _num,
    "md": _month_day("md"),
    "dmy": _month_day("dmy"),
    "my": _my,
    "hf": _hf,
    "q": _q,
    "se": _se,
    "dec": _dec,
    "ce": _ce,
    "ago": _ago,
    "rel": _rel,
    "dur": _dur,
    "dx": _dx,
    "wd": _wd,
    "mo": _mo,
    "mf": _mf,
    "hol": _hol,
    "cur": _cur,
    "ms": _ms,
    "yr": _yr,
}
"""The handler of each shape, by the name of its group in `patterns.CANDIDATES`."""


def with_warning(mention: DateMention, warning: str) -> DateMention:
    """The same mention with one more warning."""
    return replace(mention, warnings=(*mention.warnings, warning))


def _dp(match: re.Match[str], ctx: Context) -> list[DateMention]:
    """ "in two weeks' time" (or "in three years" in a future sentence): the reference date moved
    forward; otherwise ("the first time in three years") a duration."""
    future = match["dp_t"] is not None or ctx.tense(match.start(), match.end()) == "future"
    count = parse_count(match["dp_n"])
    if count is None:
        return []
    unit = _unit_name(match["dp_u"])
    if not future:
        return [
            _mention(
                match,
                f"P{count:g}{UNIT_CODES[unit]}",
                "duration",
                start=match.start("dp_n"),
                extra={"duration": {"amount": count, "unit": unit}},
            )
        ]
    shifted = _shift(ctx, ctx.reference, count, unit)
    if shifted is None:
        return []
    return [_mention(match, shifted[0], shifted[1], relative=True)]


HANDLERS["dp"] = _dp
