"""Every shape of date expression the engine knows: its name, its pattern and its resolver,
side by side, in the order they are tried.

The patterns are joined into one alternation (`CANDIDATES`), so at any position the first shape
that matches wins: the longest shapes come first ("Friday, July 28, 2023" before "Friday",
"July 2019" before "2019"). Each pattern names its own parts (`month`, `year`); here they are
prefixed with the shape's name so the shapes can share one regular expression, and a resolver
reads them back by their plain names through `ShapeMatch`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.dates import absolute, longer_periods, patterns, relative
from workbench.core.dates.context import PART_SEPARATOR, Resolver, ShapeMatch


@dataclass(frozen=True)
class Shape:
    """One way of writing a date, and how it is resolved."""

    name: str
    """What the shape is ("month_day"); also the name of its group in `CANDIDATES`."""
    pattern: str
    """Its regular expression, with its parts named plainly (`(?P<month>...)`)."""
    resolve: Resolver
    """Turns a match into date mentions (none for a look-alike)."""
    example: str
    """A sentence holding the shape, for readers and for the tests."""


SHAPES: tuple[Shape, ...] = (
    Shape("iso_date", patterns.ISO_DATE, absolute.iso_date, "The report is dated 2023-07-28."),
    Shape(
        "numeric_date",
        patterns.NUMERIC_DATE,
        absolute.numeric_date,
        "The letter was sent on 7/28/2023.",
    ),
    Shape("holiday", patterns.HOLIDAY_DATE, absolute.holiday, "The shops close on Christmas Day."),
    Shape(
        "month_day",
        patterns.MONTH_DAY,
        absolute.month_and_day,
        "The vote was held on Friday, July 28, 2023.",
    ),
    Shape(
        "day_month",
        patterns.DAY_MONTH,
        absolute.month_and_day,
        "The vote was held on 28 July 2023.",
    ),
    Shape(
        "month_year",
        patterns.MONTH_YEAR,
        absolute.month_of_year,
        "The bridge opened in mid-July 2019.",
    ),
    Shape(
        "half_year",
        patterns.HALF_YEAR,
        longer_periods.half_year,
        "Sales fell in the first half of 2019.",
    ),
    Shape(
        "quarter",
        patterns.QUARTER,
        longer_periods.quarter,
        "Revenue rose in the third quarter of 2021.",
    ),
    Shape(
        "season",
        patterns.SEASON_DATE,
        longer_periods.season,
        "The dam was finished in the summer of 2020.",
    ),
    Shape("decade", patterns.DECADE, longer_periods.decade, "The mill closed in the 1990s."),
    Shape(
        "century",
        patterns.CENTURY,
        longer_periods.century,
        "The church dates from the 19th century.",
    ),
    Shape(
        "in_count_of_units",
        patterns.IN_COUNT_OF_UNITS,
        relative.in_count_of_units,
        "The tunnel will reopen in two weeks' time.",
    ),
    Shape(
        "count_ago_or_later",
        patterns.COUNT_AGO_OR_LATER,
        relative.count_ago_or_later,
        "The mine closed more than three years ago.",
    ),
    Shape(
        "relative_period",
        patterns.RELATIVE_PERIOD,
        relative.relative_period,
        "The council met last week.",
    ),
    Shape(
        "edge_of_current_period",
        patterns.EDGE_OF_CURRENT_PERIOD,
        relative.edge_of_current_period,
        "The fund runs out at the end of the month.",
    ),
    Shape(
        "duration",
        patterns.DURATION,
        relative.duration,
        "After three years of talks, the deal was signed.",
    ),
    Shape(
        "deictic_day", patterns.DEICTIC_DAY, relative.deictic_day, "The mayor resigned yesterday."
    ),
    Shape(
        "lone_weekday",
        patterns.LONE_WEEKDAY,
        relative.lone_weekday,
        "The mayor resigned on Friday.",
    ),
    Shape("lone_month", patterns.LONE_MONTH, absolute.lone_month, "The works began in May."),
    Shape(
        "attributive_month",
        patterns.ATTRIBUTIVE_MONTH,
        absolute.attributive_month,
        "The jobs report for June was weak.",
    ),
    Shape(
        "month_as_subject",
        patterns.MONTH_AS_SUBJECT,
        absolute.month_as_subject,
        "October was the wettest month on record.",
    ),
    Shape(
        "year_or_range",
        patterns.YEAR_OR_RANGE,
        longer_periods.year_or_range,
        "He ran the firm from 2004 to 2017.",
    ),
)
"""Every shape, in the order they are tried at a position."""

_BY_NAME = {shape.name: shape for shape in SHAPES}

_PART = re.compile(r"\(\?P([<=])(\w+)([>)])")


def _prefixed(shape: Shape) -> str:
    """The shape's pattern as one group named after it, its parts prefixed with its name."""
    body = _PART.sub(lambda m: f"(?P{m[1]}{shape.name}{PART_SEPARATOR}{m[2]}{m[3]}", shape.pattern)
    return f"(?P<{shape.name}>{body})"


CANDIDATES = re.compile(r"(?<![\w])(?:" + "|".join(_prefixed(s) for s in SHAPES) + ")")
"""Every candidate date expression; `match.lastgroup` names the shape."""


def shape_match(match: re.Match[str]) -> ShapeMatch | None:
    """The match of `CANDIDATES` as a match of the shape that made it."""
    name = match.lastgroup
    return None if name is None else ShapeMatch(match, name)


def resolver(name: str) -> Resolver:
    """The resolver of the shape called `name`."""
    return _BY_NAME[name].resolve
