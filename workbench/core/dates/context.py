"""What every resolver of a date shape works with: the match, its sentence, the reference date.

A resolver (in `absolute`, `longer_periods`, `relative`) turns one `ShapeMatch` into date
mentions, reading the words around it through `Context` and building each mention with
`mention`. The helpers shared by several shapes (the year a bare day means, the warning for a
future date told in the past tense) live here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.core.dates.lexicon import MONTHS, PERIOD_MODIFIERS
from workbench.core.dates.model import DateMention
from workbench.core.dates.tense import Tense, past_marker, tense_near

PART_SEPARATOR = "__"
"""Between a shape's name and a part's name in the combined pattern ("month_day__year")."""


@dataclass(frozen=True, slots=True)
class ShapeMatch:
    """One match of a shape's pattern; its parts are read by the names the pattern gives them
    (`found["month"]`), whatever other shapes call theirs."""

    match: re.Match[str]
    """The match of the combined pattern of every shape."""
    shape: str
    """The name of the shape that matched."""

    def __getitem__(self, part: str) -> str | None:
        return self.match.group(self.shape + PART_SEPARATOR + part)

    def start(self, part: str | None = None) -> int:
        """Where the match (or one of its parts) starts in the document text."""
        return self.match.start(0 if part is None else self.shape + PART_SEPARATOR + part)

    def end(self, part: str | None = None) -> int:
        """Where the match (or one of its parts) ends in the document text."""
        return self.match.end(0 if part is None else self.shape + PART_SEPARATOR + part)

    @property
    def text(self) -> str:
        """The words matched."""
        return self.match.group()


@dataclass
class Context:
    """What a resolver knows besides the match: the sentence and the reference date."""

    text: str
    """The whole document text (offsets are into it)."""
    sentence_start: int
    """Start of the sentence holding the match."""
    sentence_end: int
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
        return tense_near(self.text, start, end, self.sentence_start, self.sentence_end)

    def word_before(self, pos: int) -> str:
        """The word just before `pos` in the sentence, case-folded, without a full stop."""
        match = _WORD_BEFORE.search(self.text, max(self.sentence_start, pos - 24), pos)
        return match.group(1).casefold().rstrip(".") if match else ""

    def word_after(self, pos: int) -> str:
        """The word just after `pos` in the sentence, as written."""
        match = _WORD_AFTER.match(self.text, pos, min(self.sentence_end, pos + 24))
        return match.group(1) if match else ""

    def spaced_after(self, pos: int) -> bool:
        """Whether a plain space follows `pos` (then a capitalised word after it is a name)."""
        return self.text[pos : pos + 1] == " "


Resolver = Callable[[ShapeMatch, Context], list[DateMention]]
"""Turns one match of a shape into its date mentions: none for a look-alike (a quantity, a name,
"a few years"), one for a date or a duration, two for a year range ("2004 to 2017")."""

_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[\s-]*$")
_WORD_AFTER = re.compile(r"[\s]*([A-Za-z]+)")


def normalised(words: str | None) -> str:
    """`words` case-folded with single spaces ("" for None)."""
    return " ".join(words.casefold().split()) if words else ""


def mention(
    found: ShapeMatch,
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
    begin = found.start() if start is None else start
    extra = dict(extra or {})
    code = PERIOD_MODIFIERS.get(normalised(mod))
    if code:
        approximate = True
        extra["mod"] = code
    return DateMention(
        text=found.match.string[begin : found.end()],
        start=begin,
        end=found.end(),
        value=value,
        granularity=granularity,
        relative=relative,
        approximate=approximate,
        qualifier=qualifier,
        warnings=tuple(warnings),
        extra=extra,
    )


def month_number(name: str) -> int:
    """1 for "January", "Jan." or "JAN"."""
    return MONTHS[name.rstrip(".").casefold()]


def nearest_year(
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


def nearest_month(ctx: Context, month: int, tense: Tense | None) -> tuple[int, int]:
    """(year, month) of the nearest `month` to the reference date the tense allows."""
    ref = ctx.reference
    options = [(ref.year + d, month) for d in (-1, 0, 1)]
    ref_index = ref.year * 12 + ref.month
    if tense == "past":
        return max((o for o in options if o[0] * 12 + o[1] <= ref_index), default=options[1])
    if tense == "future":
        return min((o for o in options if o[0] * 12 + o[1] >= ref_index), default=options[1])
    return min(options, key=lambda o: (abs(o[0] * 12 + o[1] - ref_index), -o[0]))


def after_reference_in_past(
    ctx: Context, found: ShapeMatch, first_day: dt.date, label: str
) -> list[str]:
    """A warning when an explicit date after the reference date is told in the past tense."""
    if first_day <= ctx.reference:
        return []
    marker = past_marker(
        ctx.text, ctx.sentence_start, ctx.sentence_end, (found.start(), found.end())
    )
    if marker is None:
        return []
    return [
        f"{label} is after the reference date {ctx.reference.isoformat()}, "
        f"but the sentence is in the past tense (“{marker}”)"
    ]


def anchor_year(ctx: Context) -> tuple[int, str] | None:
    """The year (and value) of the latest date told before this point, for "that summer"."""
    found = [a for a in (ctx.anchor, ctx.year_anchor) if a is not None and a.value]
    if not found:
        return None
    latest = max(found, key=lambda a: a.start)
    assert latest.value is not None
    return int(latest.value[:4]), latest.value
