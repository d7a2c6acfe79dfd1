"""Dates and times of a claim against a passage's.

Dates come from the date engine, each side resolved against its own reference date: the claim
against its article's, the passage against its page's publication date. A finding names both
when either side is relative ("yesterday"), so the reader sees which days were used.

Equal dates agree; a claim date inside a longer period of the passage ("July 27" and "July")
is *within*, and a passage date inside a claim's longer period ("2019" and "March 3, 2019") is
*compatible*: neither confirms the claim. Times of day ("6:38 p.m.") are times, not numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.dates import DateMention, ReferenceDate, ReferenceOrigin, find_dates
from workbench.core.dates.periods import period_bounds
from workbench.core.evidence.records import NOT_IN_PASSAGE, Finding
from workbench.core.evidence.words import fold
from workbench.core.spans import Span


def dates_in(text: str, reference: dt.date | None) -> list[DateMention]:
    """Date mentions of a whole text, resolved against `reference` (today if None)."""
    value = reference or dt.date.today()
    origin = ReferenceOrigin.DOCUMENT if reference else ReferenceOrigin.TODAY
    return find_dates(text, [Span(0, len(text))], ReferenceDate(value, origin, "page date"))[0]


@dataclass(frozen=True)
class References:
    """The reference dates each side's relative dates were resolved against."""

    claim: dt.date | None
    """The article's reference date."""
    passage: dt.date | None
    """The page's publication date (the article's when the page has none)."""


def compare_dates(
    claim_dates: Sequence[DateMention],
    passage_dates: Sequence[DateMention],
    references: References | None = None,
) -> list[tuple[str, Finding]]:
    """Pair each resolved claim date with the passage's: `agree`, `compatible` (nested
    periods, either way) or `differ`."""
    references = references or References(None, None)
    usable = [d for d in passage_dates if d.value and d.granularity != "duration"]
    used: set[int] = set()
    results: list[tuple[str, Finding]] = compare_durations(claim_dates, passage_dates)
    for mention in claim_dates:
        if not mention.value or mention.granularity == "duration":
            continue
        free = [i for i in range(len(usable)) if i not in used]
        same = next((i for i in free if _equal(mention, usable[i])), None)
        if same is not None:
            used.add(same)
            results.append(("agree", _finding(mention, usable[same], "=", references)))
            continue
        nested = next((i for i in free if _nesting(mention, usable[i])), None)
        if nested is not None:
            used.add(nested)
            other = usable[nested]
            how = "within" if _nesting(mention, other) == "within" else "contains"
            results.append(("compatible", _finding(mention, other, how, references)))
            continue
        rivals = [i for i in free if usable[i].granularity == mention.granularity]
        if rivals:
            pick = min(rivals, key=lambda i: _distance(mention, usable[i]))
            used.add(pick)
            results.append(("differ", _finding(mention, usable[pick], "vs", references)))
        else:
            note = f"date {_side(mention)} {NOT_IN_PASSAGE}"
            finding = Finding(
                "date", mention.text, mention.start, mention.end, None, None, None, note
            )
            results.append(("differ", finding))
    return results


def compare_durations(
    claim_dates: Sequence[DateMention], passage_dates: Sequence[DateMention]
) -> list[tuple[str, Finding]]:
    """Lengths of time ("three years", "11-year"): equal ones agree, ones in the same unit
    differ ("10-year" and "11-year"); others are not compared."""
    passage = [d for d in passage_dates if d.value and d.granularity == "duration"]
    used: set[int] = set()
    results: list[tuple[str, Finding]] = []
    for mention in claim_dates:
        if not mention.value or mention.granularity != "duration":
            continue
        free = [i for i in range(len(passage)) if i not in used]
        same = next((i for i in free if passage[i].value == mention.value), None)
        if same is None:
            same = next((i for i in free if str(passage[i].value)[-1:] == mention.value[-1:]), None)
        if same is None:
            continue
        used.add(same)
        other = passage[same]
        how = "agree" if other.value == mention.value else "differ"
        sign = "=" if how == "agree" else "vs"
        note = f"duration {_side(mention)} {sign} {_side(other)}"
        finding = Finding(
            "date",
            mention.text,
            mention.start,
            mention.end,
            other.text,
            other.start,
            other.end,
            note,
        )
        results.append((how, finding))
    return results


def _equal(a: DateMention, b: DateMention) -> bool:
    return a.value == b.value and a.granularity == b.granularity and a.qualifier == b.qualifier


def _nesting(claim: DateMention, passage: DateMention) -> str | None:
    """`within` when the claim's period lies inside the passage's, `contains` when the
    passage's lies inside the claim's (by first and last days), else None."""
    a = period_bounds(str(claim.value), claim.granularity)
    b = period_bounds(str(passage.value), passage.granularity)
    if a is None or b is None or claim.qualifier or passage.qualifier:
        return None
    if b[0] <= a[0] and a[1] <= b[1]:
        return "within"
    if a[0] <= b[0] and b[1] <= a[1]:
        return "contains"
    return None


def _distance(a: DateMention, b: DateMention) -> float:
    bounds_a = period_bounds(str(a.value), a.granularity)
    bounds_b = period_bounds(str(b.value), b.granularity)
    if bounds_a is None or bounds_b is None:
        return float("inf")
    return abs((bounds_a[0] - bounds_b[0]).days)


def _side(mention: DateMention) -> str:
    """`“July 27” → 2023-07-27`."""
    return f"“{mention.text}” → {mention.display}"


def _references(mention: DateMention, other: DateMention, references: References) -> str:
    """Which reference dates resolved the relative dates of a finding: always for words that
    name no date at all ("yesterday", "Friday"), and for dates missing their year ("July 27")
    when the two sides' reference dates differ (then it matters which was used)."""
    claim_ref, page_ref = references.claim, references.passage
    if claim_ref is None or not (mention.relative or other.relative):
        return ""
    wordy = _only_words(mention) or _only_words(other)
    if page_ref is None or page_ref == claim_ref:
        return f" (both from the date {claim_ref.isoformat()})" if wordy else ""
    return (
        f" (from the article's date {claim_ref.isoformat()} and the page's date "
        f"{page_ref.isoformat()})"
    )


def _only_words(mention: DateMention) -> bool:
    """Whether a relative date is written without any number ("yesterday", "next month")."""
    return mention.relative and not any(c.isdigit() for c in mention.text)


def _finding(mention: DateMention, other: DateMention, how: str, references: References) -> Finding:
    note = f"date {_side(mention)} {how} {_side(other)}" + _references(mention, other, references)
    return Finding(
        "date", mention.text, mention.start, mention.end, other.text, other.start, other.end, note
    )


# --- times of day --------------------------------------------------------------------------

_TIME = re.compile(
    r"(?<![\w:.])(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?\s?"
    r"(?P<half>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    r"|(?<![\w:.])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time in a text."""

    text: str
    """As written (`6:38 p.m.`)."""
    start: int
    """Offset in the text."""
    end: int
    """End offset."""
    minutes: int
    """Minutes after midnight."""

    @property
    def span(self) -> Span:
        """Where it is."""
        return Span(self.start, self.end)

    @property
    def display(self) -> str:
        """`18:38`."""
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


def times_in(text: str) -> list[TimeOfDay]:
    """The times of day of `text`."""
    found: list[TimeOfDay] = []
    for match in _TIME.finditer(fold(text)):
        if match.group("half"):
            hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if match.group("half").lower().startswith("p") else 0)
        else:
            hour, minute = int(match.group("hour24")), int(match.group("minute24"))
        found.append(
            TimeOfDay(
                text[match.start() : match.end()], match.start(), match.end(), hour * 60 + minute
            )
        )
    return found


def compare_times(
    claim: Sequence[TimeOfDay], passage: Sequence[TimeOfDay]
) -> list[tuple[str, Finding]]:
    """Equal times agree; a claim time against the passage's nearest other time differs."""
    used: set[int] = set()
    results: list[tuple[str, Finding]] = []
    for time in claim:
        free = [i for i in range(len(passage)) if i not in used]
        if not free:
            note = f"time “{time.text}” {NOT_IN_PASSAGE}"
            results.append(
                ("differ", Finding("time", time.text, time.start, time.end, None, None, None, note))
            )
            continue
        pick = min(free, key=lambda i: abs(passage[i].minutes - time.minutes))
        used.add(pick)
        other = passage[pick]
        relation = "agree" if other.minutes == time.minutes else "differ"
        sign = "=" if relation == "agree" else "vs"
        note = f"time “{time.text}” → {time.display} {sign} “{other.text}” → {other.display}"
        results.append(
            (
                relation,
                Finding(
                    "time",
                    time.text,
                    time.start,
                    time.end,
                    other.text,
                    other.start,
                    other.end,
                    note,
                ),
            )
        )
    return results
