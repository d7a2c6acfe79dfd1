"""Resolving periods longer than a month: years and year ranges, halves, quarters, seasons,
decades and centuries ("2019", "2004 to 2017", "Q3 2021", "the summer of 2020", "the 1990s").

A bare number is a year only when the words around it do not make it a quantity ("2000 people"),
an identifier ("Flight 2019") or a house number ("2019 Main St.").
"""

from __future__ import annotations

import datetime as dt
import re

from workbench.core.dates import periods
from workbench.core.dates.context import (
    Context,
    ShapeMatch,
    after_reference_in_past,
    anchor_year,
    mention,
    normalised,
)
from workbench.core.dates.lexicon import (
    DECADE_WORDS,
    ORDINAL_WORDS,
    PERIOD_MODIFIERS,
    QUANTITY_AFTER,
    QUANTITY_BEFORE,
    SEASON_ORDER,
    SEASON_PREPOSITIONS,
    SEASONS,
    YEAR_PREPOSITIONS,
)
from workbench.core.dates.model import DateMention
from workbench.core.dates.tense import verb_before

# A capitalised name and a street word after a number make it a house number ("2019 Main St.").
_STREET_AFTER = re.compile(
    r"\s+[A-Z][\w'’-]*\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|"
    r"Way|Place)(?![\w])"
)


def year_or_range(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """2019, mid-2019, 2004 to 2017: a year unless the words around make it a quantity."""
    year_start = found.start("year")
    year = int(found["year"] or 0)
    before = ctx.word_before(found.start())
    after = ctx.word_after(found.end())
    mod = found["modifier"]
    if not mod:
        if before in QUANTITY_BEFORE or after.casefold() in QUANTITY_AFTER:
            return []
        if _STREET_AFTER.match(ctx.text, found.end(), ctx.sentence_end):
            return []  # "at 2019 Main Street": a house number
        if year < 1900 and before not in YEAR_PREPOSITIONS:
            return []
        if ctx.text[year_start - 1 : year_start] in ("'", "’") and before in ("", "the"):
            return []
    value = f"{year:04d}"
    warnings = after_reference_in_past(ctx, found, dt.date(year, 1, 1), value)
    code = PERIOD_MODIFIERS.get(normalised(mod))
    first = DateMention(
        text=ctx.text[found.start() if mod else year_start : found.end("year")],
        start=found.start() if mod else year_start,
        end=found.end("year"),
        value=value,
        granularity="year",
        approximate=code is not None,
        warnings=tuple(warnings),
        extra={"mod": code} if code else {},
    )
    mentions = [first]
    second = found["end_year"]
    if second is not None and len(second) == 4 and int(second) > year:
        mentions.append(
            DateMention(
                text=second,
                start=found.start("end_year"),
                end=found.end("end_year"),
                value=second,
                granularity="year",
            )
        )
    return mentions


def half_year(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """the first half of 2019, the second half of next year (of "the year": this one)."""
    half = 1 if normalised(found["ordinal"]) == "first" else 2
    if found["year"]:
        return [mention(found, f"{found['year']}-H{half}", "half")]
    step = {"last": -1, "next": 1}.get(normalised(found["relative"]), 0)
    value = f"{ctx.reference.year + step:04d}-H{half}"
    return [mention(found, value, "half", relative=True)]


def quarter(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """Q3 2021, the third quarter of 2021, the third quarter of fiscal 2021."""
    if found["adjective"]:
        return _quarter_adjective(found, ctx)
    number = (
        int(found["number"]) if found["number"] else ORDINAL_WORDS[normalised(found["ordinal"])]
    )
    year = int(found["year"]) if found["year"] else ctx.reference.year
    extra = {"fiscal": True} if found["fiscal"] else {}
    value = f"{year:04d}-Q{number}"
    return [mention(found, value, "quarter", relative=not found["year"], extra=extra)]


def _quarter_adjective(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """ "third-quarter revenue": the latest such quarter begun by the reference date, or, in a
    future sentence, the first not yet over."""
    if not verb_before(ctx.text, found.start(), ctx.sentence_start):
        return []  # "the company's second-quarter profit": which year is anyone's guess
    number = ORDINAL_WORDS[normalised(found["adjective"])]
    ref = ctx.reference
    current = periods.quarter_of(ref)
    if ctx.tense(found.start(), found.end()) == "future":
        year = ref.year if number >= current else ref.year + 1
    else:
        year = ref.year if number <= current else ref.year - 1
    return [mention(found, f"{year:04d}-Q{number}", "quarter", relative=True)]


def season(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """spring 2020, the summer of 2019, this summer, last winter (needs a year or a determiner)."""
    season_word = (found["season"] or "").casefold()
    index = SEASON_ORDER.index(SEASONS[season_word])
    determiner = normalised(found["determiner"])
    mod = found["modifier"]
    if found["year"]:
        value = periods.season_value(int(found["year"]), index)
        return [mention(found, value, "season", mod=mod)]
    if determiner == "the":
        return _season_ahead_or_behind(found, ctx, index)
    if determiner == "that":
        anchor = anchor_year(ctx)
        if anchor is None or season_word == "fall" or mod:
            return []  # "prices that fall": a verb; with no date told, no year to give
        value = periods.season_value(anchor[0], index)
        return [mention(found, value, "season", relative=True, extra={"anchor": anchor[1]})]
    if determiner not in ("this", "last", "next", "past"):
        return []  # "the fall of the Berlin Wall", "in summer": no date
    year, current = periods.season_index(ctx.reference)
    now = periods.season_ordinal(year, current)
    candidates = [periods.season_ordinal(y, index) for y in (year - 1, year, year + 1)]
    if determiner == "this":
        target = periods.season_ordinal(year, index)
    elif determiner in ("last", "past"):
        target = max(c for c in candidates if c < now)
    else:
        target = min(c for c in candidates if c > now)
    value = periods.season_value(target // 4, target % 4)
    return [mention(found, value, "season", relative=True, mod=mod)]


def _season_ahead_or_behind(found: ShapeMatch, ctx: Context, index: int) -> list[DateMention]:
    """ "in the spring": the season the tense points to, counting the current one."""
    if ctx.word_before(found.start()) not in SEASON_PREPOSITIONS:
        return []
    if ctx.word_after(found.end()) == "of":
        return []
    if (found["season"] or "").casefold() == "fall" or found["modifier"]:
        return []  # "in the fall" of prices, "the fall of Rome"
    year, current = periods.season_index(ctx.reference)
    now = periods.season_ordinal(year, current)
    candidates = [periods.season_ordinal(y, index) for y in (year - 1, year, year + 1)]
    tense = ctx.tense(found.start(), found.end())
    if tense == "future":
        target = min(c for c in candidates if c >= now)
    elif tense == "past":
        target = max(c for c in candidates if c <= now)
    else:
        target = min(candidates, key=lambda c: (abs(c - now), c > now))
    value = periods.season_value(target // 4, target % 4)
    return [mention(found, value, "season", relative=True)]


def decade(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """the 1990s → 199, the '90s and the nineties → 199, the 1800s → the century 18."""
    if found["year"]:
        year = int(found["year"])
        if year % 100 == 0 and year < 2000:
            value = periods.century_value(year)
            return [mention(found, value, "century", mod=found["modifier"])]
    else:
        word = found["word"]
        tens = (
            int(found["clipped"] or found["tens"] or 0)
            if not word
            else DECADE_WORDS[word.casefold()]
        )
        year = (2000 if tens < 20 else 1900) + tens
    return [mention(found, periods.decade_value(year), "decade", mod=found["modifier"])]


def century(found: ShapeMatch, ctx: Context) -> list[DateMention]:
    """the 19th century, the twenty-first century → 18, 20 (TIMEX3: the hundreds digits)."""
    number = (
        int(found["number"])
        if found["number"]
        else ORDINAL_WORDS[normalised(found["word"]).replace(" ", "-")]
    )
    if not 1 <= number <= 21:
        return []
    return [mention(found, f"{number - 1:02d}", "century", mod=found["modifier"])]
