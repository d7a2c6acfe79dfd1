"""Compare a claim with its passage: which numbers, dates, quotations and names agree or differ.

Each finding carries offsets into the claim and into the passage, so a UI can highlight both.
Dates come from the date engine (resolved against each text's own reference date); numbers
inside a date expression are left to the date comparison, so "July 28" is one finding, not two.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.dates import DateMention, ReferenceDate, ReferenceOrigin, find_dates
from workbench.core.dates.periods import period_bounds
from workbench.core.evidence.records import NOT_IN_PASSAGE, Comparison, Finding
from workbench.core.spans import Span


def compare(
    claim: str,
    passage: str,
    *,
    claim_reference: dt.date | None = None,
    passage_reference: dt.date | None = None,
    claim_dates: Sequence[DateMention] | None = None,
    passage_dates: Sequence[DateMention] | None = None,
) -> Comparison:
    """Compare `claim` with `passage`.

    Dates are resolved with the date engine unless given (offsets relative to each text):
    the claim against its article's reference date, the passage against its page's date.
    """
    if claim_dates is None:
        claim_dates = dates_in(claim, claim_reference)
    if passage_dates is None:
        passage_dates = dates_in(passage, passage_reference or claim_reference)
    findings: list[tuple[bool, Finding]] = []
    findings += compare_dates(claim_dates, passage_dates, passage)
    findings += compare_numbers(
        numbers_in(claim, _spans(claim_dates)), numbers_in(passage, _spans(passage_dates)), passage
    )
    quotes = quotes_in(claim)
    findings += compare_quotes(quotes, passage)
    findings += compare_names(names_in(claim, [q.span for q in quotes]), passage)
    findings.sort(key=lambda item: (item[1].claim_start, item[1].claim_end))
    return Comparison(
        agree=tuple(f for ok, f in findings if ok),
        differ=tuple(f for ok, f in findings if not ok),
    )


def dates_in(text: str, reference: dt.date | None) -> list[DateMention]:
    """Date mentions of a whole text, resolved against `reference` (today if None)."""
    value = reference or dt.date.today()
    origin = ReferenceOrigin.DOCUMENT if reference else ReferenceOrigin.TODAY
    return find_dates(text, [Span(0, len(text))], ReferenceDate(value, origin, "page date"))[0]


def _spans(mentions: Sequence[DateMention]) -> list[Span]:
    return [Span(m.start, m.end) for m in mentions]


# --- dates -------------------------------------------------------------------------------


def compare_dates(
    claim_dates: Sequence[DateMention], passage_dates: Sequence[DateMention], passage: str
) -> list[tuple[bool, Finding]]:
    """Pair each resolved claim date with the passage's: equal or nested values agree
    ("2019" and "March 2019"), other values of the same granularity differ."""
    usable = [d for d in passage_dates if d.value and d.granularity != "duration"]
    used: set[int] = set()
    results: list[tuple[bool, Finding]] = []
    for mention in claim_dates:
        if not mention.value or mention.granularity == "duration":
            continue
        value = mention.value
        free = [i for i in range(len(usable)) if i not in used]
        same = next((i for i in free if usable[i].value == value), None)
        if same is None:
            same = next((i for i in free if _nested(mention, usable[i])), None)
        if same is not None:
            used.add(same)
            other = usable[same]
            results.append((True, _date_finding(mention, other, f"{value} = {other.value}")))
            continue
        rivals = [
            i
            for i, d in enumerate(usable)
            if i not in used and d.granularity == mention.granularity
        ]
        if rivals:
            pick = min(rivals, key=lambda i: _date_distance(value, str(usable[i].value)))
            used.add(pick)
            other = usable[pick]
            results.append((False, _date_finding(mention, other, f"{value} ≠ {other.value}")))
        else:
            results.append(
                (
                    False,
                    Finding(
                        "date",
                        mention.text,
                        mention.start,
                        mention.end,
                        None,
                        None,
                        None,
                        f"{value}: {NOT_IN_PASSAGE}",
                    ),
                )
            )
    return results


def _date_finding(mention: DateMention, other: DateMention, note: str) -> Finding:
    return Finding(
        "date", mention.text, mention.start, mention.end, other.text, other.start, other.end, note
    )


def _nested(a: DateMention, b: DateMention) -> bool:
    """Whether one period lies within the other (`2019` and `2019-03-01`, `2019-Q3` and
    `2019-07`), by their first and last days."""
    bounds_a = period_bounds(str(a.value), a.granularity)
    bounds_b = period_bounds(str(b.value), b.granularity)
    if bounds_a is None or bounds_b is None:
        return False
    (first_a, last_a), (first_b, last_b) = bounds_a, bounds_b
    return (first_b <= first_a and last_a <= last_b) or (first_a <= first_b and last_b <= last_a)


def _date_distance(a: str, b: str) -> float:
    """Rough distance between two ISO values of the same granularity, for pairing."""
    digits_a = re.findall(r"\d+", a)
    digits_b = re.findall(r"\d+", b)
    distance = 0.0
    for weight, (x, y) in zip(
        (366.0, 31.0, 1.0), zip(digits_a, digits_b, strict=False), strict=False
    ):
        distance += weight * abs(int(x) - int(y))
    return distance


# --- numbers -----------------------------------------------------------------------------

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_UNITS = {w: v for w, v in _WORD_NUMBERS.items() if v < 10}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<currency>[$€£¥])?\s?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"(?:-(?:" + "|".join(_UNITS) + r"))?)\b)"
    r"(?:\s?(?P<percent>%|percent\b|per\s?cent\b)"
    r"|\s(?P<scale>" + "|".join(_SCALES) + r")\b)?",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\W*(\w+)")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


@dataclass(frozen=True)
class NumberMention:
    """A quantity in a text."""

    text: str
    """As written (`$2 billion`, `3.5%`, `twenty-five`)."""
    start: int
    """Offset in the text."""
    end: int
    """End offset."""
    value: float
    """The quantity, scale applied (`2e9`)."""
    percent: bool
    """Whether it is a percentage."""
    context: tuple[str, ...]
    """The words just before and after, lowercased, to pair "105 children" with "115 children"."""

    @property
    def span(self) -> Span:
        """Where it is."""
        return Span(self.start, self.end)


def numbers_in(text: str, skip: Sequence[Span] = ()) -> list[NumberMention]:
    """Quantities in `text`, except those inside the `skip` spans (dates)."""
    found: list[NumberMention] = []
    for match in _NUMBER.finditer(text):
        span = Span(match.start(), match.end())
        if span.end == span.start or any(s.start < span.end and span.start < s.end for s in skip):
            continue
        if match.group("digits"):
            value = float(match.group("digits").replace(",", ""))
        else:
            value = _word_value(match.group("word"))
        scale = match.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        after = _NEXT_WORD.match(text, span.end)
        before = _PREVIOUS_WORD.search(text, 0, span.start)
        context = tuple(m.group(1).lower() for m in (before, after) if m is not None)
        found.append(
            NumberMention(
                match.group(0), span.start, span.end, value, bool(match.group("percent")), context
            )
        )
    return found


def _word_value(word: str) -> float:
    parts = word.lower().split("-")
    return float(sum(_WORD_NUMBERS[p] for p in parts))


def compare_numbers(
    claim_numbers: Sequence[NumberMention],
    passage_numbers: Sequence[NumberMention],
    passage: str,
) -> list[tuple[bool, Finding]]:
    """Equal quantities agree; a claim number whose passage counterpart (same noun nearby, or
    closest in size) has another value differs."""
    used: set[int] = set()
    results: list[tuple[bool, Finding]] = []
    for number in claim_numbers:
        rivals = [
            i
            for i, n in enumerate(passage_numbers)
            if i not in used and n.percent == number.percent
        ]
        same = next(
            (i for i in rivals if math.isclose(passage_numbers[i].value, number.value)), None
        )
        if same is not None:
            used.add(same)
            other = passage_numbers[same]
            results.append((True, _number_finding(number, other, "=")))
            continue
        shared = [i for i in rivals if set(passage_numbers[i].context) & set(number.context)]
        close = [i for i in rivals if _same_magnitude(passage_numbers[i].value, number.value)]
        candidates = shared or close
        if not candidates:
            results.append(
                (
                    False,
                    Finding(
                        "number",
                        number.text,
                        number.start,
                        number.end,
                        None,
                        None,
                        None,
                        f"{number.text}: {NOT_IN_PASSAGE}",
                    ),
                )
            )
            continue
        pick = candidates[0]
        if len(shared) > 1:
            pick = min(shared, key=lambda i: _magnitude_gap(passage_numbers[i].value, number.value))
        used.add(pick)
        results.append((False, _number_finding(number, passage_numbers[pick], "≠")))
    return results


def _number_finding(number: NumberMention, other: NumberMention, sign: str) -> Finding:
    return Finding(
        "number",
        number.text,
        number.start,
        number.end,
        other.text,
        other.start,
        other.end,
        f"{number.text} {sign} {other.text}",
    )


def _magnitude_gap(a: float, b: float) -> float:
    return abs(math.log10(abs(a) + 1) - math.log10(abs(b) + 1))


def _same_magnitude(a: float, b: float) -> bool:
    """Whether two numbers are plausibly the same quantity misstated (within a factor 3)."""
    return _magnitude_gap(a, b) < math.log10(3)


# --- quotations --------------------------------------------------------------------------

_QUOTE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|‘([^’]{2,})’(?!\w)")


@dataclass(frozen=True)
class Quote:
    """Quoted words in the claim (inside the quotation marks)."""

    text: str
    """The words."""
    span: Span
    """Their offsets in the claim."""


def quotes_in(text: str) -> list[Quote]:
    """The quotations of `text`."""
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        quotes.append(Quote(match.group(group), Span(match.start(group), match.end(group))))
    return quotes


def _fold(text: str) -> str:
    """Lowercase with punctuation as spaces, keeping length so offsets still hold."""
    return "".join(c.lower() if c.isalnum() and len(c.lower()) == 1 else " " for c in text)


def compare_quotes(quotes: Sequence[Quote], passage: str) -> list[tuple[bool, Finding]]:
    """A quotation agrees when the passage has the same words; otherwise the closest stretch
    of the passage is shown as differing."""
    results: list[tuple[bool, Finding]] = []
    folded_passage = _fold(passage)
    for quote in quotes:
        folded = " ".join(_fold(quote.text).split())
        words_at = _find_words(folded, folded_passage)
        if words_at is not None:
            results.append((True, _quote_finding(quote, passage, words_at, "same words")))
            continue
        alignment = fuzz.partial_ratio_alignment(folded, folded_passage)
        if alignment is not None and alignment.score >= 60:
            where = (alignment.dest_start, alignment.dest_end)
            note = f"worded differently ({alignment.score:.0f}% alike)"
            results.append((False, _quote_finding(quote, passage, where, note)))
        else:
            results.append((False, _quote_finding(quote, passage, None, NOT_IN_PASSAGE)))
    return results


def _quote_finding(quote: Quote, passage: str, where: tuple[int, int] | None, note: str) -> Finding:
    """The finding for `quote`: against `passage[start:end]`, or against nothing."""
    start, end = where if where is not None else (None, None)
    passage_text = passage[start:end] if where is not None else None
    return Finding(
        "quote", quote.text, quote.span.start, quote.span.end, passage_text, start, end, note
    )


def _find_words(words: str, folded_passage: str) -> tuple[int, int] | None:
    """Where the words of `words` appear in a row in the folded passage (any spacing)."""
    if not words:
        return None
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in words.split()) + r"\b"
    match = re.search(pattern, folded_passage)
    return (match.start(), match.end()) if match else None


# --- names -------------------------------------------------------------------------------

_NAME = re.compile(r"\b[A-Z][\w'’.-]*\w(?:\s+(?:[A-Z][\w'’.-]*\w|of|de|al|van|von|bin))*")
# Capitalised for grammar, not because they name someone; months and weekdays are dates.
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        """
        a an the this that these those there then he she it they we i you his her its their our
        my in on at by for from of to and but or so if as after before when while since
        according also however meanwhile yesterday today tomorrow last next mr mrs ms dr january
        february march april may june july august september october november december monday
        tuesday wednesday thursday friday saturday sunday
        """,
    )
)


def names_in(text: str, skip: Sequence[Span] = ()) -> list[tuple[str, Span]]:
    """Capitalised words and runs of them (names of people, places, organisations), minus
    grammar words and date words, and minus anything inside the `skip` spans (quotations)."""
    names: list[tuple[str, Span]] = []
    for match in _NAME.finditer(text):
        words = [
            (match.start() + w.start(), match.start() + w.end(), w.group(0))
            for w in re.finditer(r"\S+", match.group(0))
        ]
        # Drop leading/trailing grammar words ("The", "On", "of") from the run.
        while words and words[0][2].lower().strip(".") in _NOT_NAMES:
            words.pop(0)
        while words and words[-1][2].lower().strip(".") in _NOT_NAMES:
            words.pop()
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        lone = len(words) == 1 and not words[0][2].isupper()
        if lone and not text[:start].strip(" \"'“‘(—-"):
            continue  # one capitalised word opening the sentence is grammar, not a name
        span = Span(start, end)
        if any(s.start < span.end and span.start < s.end for s in skip):
            continue
        names.append((text[span.start : span.end], span))
    return names


def compare_names(names: Sequence[tuple[str, Span]], passage: str) -> list[tuple[bool, Finding]]:
    """A name agrees when the passage mentions it (or, for a full name, its last word)."""
    results: list[tuple[bool, Finding]] = []
    for name, span in names:
        found = _find_name(name, passage)
        note = "named"
        # A full name is often shortened later ("Kim Jong Un" → "Kim", "Joe Biden" → "Biden").
        for word in (name.split()[-1], name.split()[0]) if " " in name else ():
            if found is None and len(word) > 2:
                found = _find_name(word, passage)
                note = f"named as {word}"
        if found is None:
            results.append(
                (
                    False,
                    Finding("name", name, span.start, span.end, None, None, None, NOT_IN_PASSAGE),
                )
            )
        else:
            start, end = found
            results.append(
                (
                    True,
                    Finding(
                        "name", name, span.start, span.end, passage[start:end], start, end, note
                    ),
                )
            )
    return results


def _find_name(name: str, passage: str) -> tuple[int, int] | None:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)"
    match = re.search(pattern, passage)
    return (match.start(), match.end()) if match else None


def shifted(mentions: Sequence[DateMention], offset: int) -> list[DateMention]:
    """Date mentions with offsets moved by `-offset` (document offsets → claim offsets)."""
    return [dataclasses.replace(m, start=m.start - offset, end=m.end - offset) for m in mentions]
