"""Quantities in a claim and a passage — 10 minutes, 4.9 percent, $612 million, 105 children,
"less than 10" — and how a claim's quantity compares with the passage's.

A claim's quantity looks for the same kind of quantity in the passage: the same unit or noun
("10 minutes" meets "15 minutes"), percent with percent, money with money. Values are compared
with their qualifiers as intervals: "less than 10" and "15" differ, "less than 10" and "7" are
compatible, "about 100" and "98" are compatible, 105 and 105 agree.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.dates.lexicon import NUMBER_WORDS as LEXICON_NUMBERS
from workbench.core.evidence.records import NOT_IN_PASSAGE, Finding
from workbench.core.evidence.words import STOPWORDS, content_words, fold, singular
from workbench.core.spans import Span

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_WORDS = {w: v for w, v in LEXICON_NUMBERS.items() if w.isalpha() and v >= 2}
"""Counts written as words; "one" and "a" are left out (they are mostly not counts)."""
_WORDS["dozen"] = 12
_UNITS = {w: v for w, v in _WORDS.items() if v < 10}
NUMBER_WORDS = frozenset(_WORDS)
"""The counts this module reads as words."""
_BELOW = ("less than", "fewer than", "under", "below", "up to", "at most", "no more than")
_ABOVE = ("more than", "over", "above", "at least", "upwards of", "exceeding", "in excess of")
_ABOUT = (
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "close to",
)
_QUALIFIER = re.compile(
    r"(?P<qualifier>"
    + "|".join(re.escape(q) for q in sorted((*_BELOW, *_ABOVE, *_ABOUT), key=len, reverse=True))
    + r")\s+(?:just\s+)?$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![\w.,$€£¥])(?:(?P<currency>[$€£¥])\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d:])"
    r"|(?P<word>(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
    r"(?:-(?:" + "|".join(_UNITS) + r"))?)\b)"
    r"(?:\s?(?P<percent>%|percent\b|per\s?cent\b)"
    r"|\s?(?P<scale>" + "|".join(_SCALES) + r")\b)?",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"[\s-]*(?:of\s+)?(\w+)(?:[\s-]+(\w+))?")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_MONEY_WORDS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc"})
_TOLERANCE = 0.1
"""How far "about N" reaches either side, as a fraction of N."""


@dataclass(frozen=True)
class Quantity:
    """A quantity in a text."""

    text: str
    """As written, qualifier included (`less than 10`, `$2 billion`, `3.5%`)."""
    start: int
    """Offset in the text."""
    end: int
    """End offset."""
    value: float
    """The number, scale applied (`2e9`)."""
    kind: str
    """`percent`, `money` or `count`."""
    unit: tuple[str, ...]
    """The nouns right after it, singular (`minute`; `new`, `hospital`)."""
    before: str | None
    """The word right before it (lowercase), to pair quantities without a noun."""
    qualifier: str | None
    """`below`, `above` or `about` when the text bounds the value rather than states it."""
    noun: str = ""
    """The word after it as written (`minutes`), to show with the value."""

    @property
    def span(self) -> Span:
        """Where it is."""
        return Span(self.start, self.end)

    @property
    def interval(self) -> tuple[float, float]:
        """The values the text allows, as a closed or open-ended interval."""
        if self.qualifier == "below":
            return (-math.inf, self.value)
        if self.qualifier == "above":
            return (self.value, math.inf)
        if self.qualifier == "about":
            reach = abs(self.value) * _TOLERANCE
            return (self.value - reach, self.value + reach)
        return (self.value, self.value)


def quantities_in(text: str, skip: Sequence[Span] = ()) -> list[Quantity]:
    """The quantities of `text`, except those inside the `skip` spans (dates, times)."""
    folded = fold(text)
    found: list[Quantity] = []
    for match in _NUMBER.finditer(folded):
        start, end = match.start(), match.end()
        if start == end or any(s.start < end and start < s.end for s in skip):
            continue
        while end > start and folded[end - 1].isspace():
            end -= 1
        value = (
            float(match.group("digits").replace(",", ""))
            if match.group("digits")
            else sum(float(_WORDS[p]) for p in match.group("word").lower().split("-"))
        )
        scale = match.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        unit = _unit(folded, end)
        kind = "percent" if match.group("percent") else "count"
        if match.group("currency") or (unit and unit[0] in _MONEY_WORDS):
            kind = "money"
        qualifier, start = _qualifier(folded, start)
        before = _PREVIOUS_WORD.search(folded, 0, start)
        found.append(
            Quantity(
                text[start:end],
                start,
                end,
                value,
                kind,
                unit,
                before.group(1).lower() if before else None,
                qualifier,
                _noun(folded, end) if unit else "",
            )
        )
    return found


def _unit(text: str, end: int) -> tuple[str, ...]:
    """The noun after a number (and the word after it, for "3 new hospitals"); nothing when
    a grammar word follows ("5 to clinch")."""
    after = _NEXT_WORDS.match(text, end)
    if after is None:
        return ()
    first, second = after.group(1), after.group(2)
    if first.isdigit() or first.lower() in STOPWORDS:
        return ()
    words = [singular(first.lower())]
    if second and not second.isdigit() and second.lower() not in STOPWORDS:
        words.append(singular(second.lower()))
    return tuple(words)


def _noun(text: str, end: int) -> str:
    after = _NEXT_WORDS.match(text, end)
    return after.group(1) if after else ""


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written just before offset `start` and where it begins."""
    found = _QUALIFIER.search(text, max(0, start - 30), start)
    if found is None or (found.start() > 0 and text[found.start() - 1].isalnum()):
        return None, start
    words = found.group("qualifier").lower()
    kind = "below" if words in _BELOW else "above" if words in _ABOVE else "about"
    return kind, found.start()


def compare_quantities(
    claim: Sequence[Quantity], passage: Sequence[Quantity], claim_text: str, passage_text: str
) -> list[tuple[str, Finding]]:
    """Pair each claim quantity with the passage's of the same kind and unit, then compare
    values with their qualifiers: `agree`, `compatible` or `differ`."""
    passage_nouns = {singular(w) for w in content_words(passage_text)}
    used: set[int] = set()
    pairs: dict[int, int] = {}
    # Equal values first, so a changed number cannot take an unchanged one's counterpart; the
    # closest in place (same word before, same relative position) pair first.
    for _, number, index in sorted(
        _equal_pairs(claim, passage, len(claim_text), len(passage_text))
    ):
        if number not in pairs and index not in used:
            pairs[number] = index
            used.add(index)
    results: list[tuple[str, Finding]] = []
    for number, quantity in enumerate(claim):
        pick = pairs.get(number)
        if pick is None:
            pick = _counterpart(quantity, passage, used)
        if pick is None:
            # Absent is worth saying only where the passage speaks of the same thing without
            # this number ("boats sank"); elsewhere the passage is simply about something else.
            if quantity.unit and quantity.unit[0] in passage_nouns:
                note = (
                    f"number “{quantity.text}” {NOT_IN_PASSAGE}, which mentions "
                    f"“{quantity.unit[0]}” without it"
                )
                results.append(("differ", _finding(quantity, None, note)))
            continue
        used.add(pick)
        other = passage[pick]
        relation = _relation(quantity, other)
        sign = {"agree": "=", "compatible": "fits", "differ": "≠"}[relation]
        note = f"number “{_shown(quantity)}” {sign} “{_shown(other)}”"
        results.append((relation, _finding(quantity, other, note)))
    return results


def _equal_pairs(
    claim: Sequence[Quantity], passage: Sequence[Quantity], claim_size: int, passage_size: int
) -> list[tuple[float, int, int]]:
    """Every (cost, claim index, passage index) of equal quantities of the same kind."""
    pairs = []
    for number, quantity in enumerate(claim):
        for index, other in enumerate(passage):
            if other.kind != quantity.kind or not math.isclose(other.value, quantity.value):
                continue
            cost = abs(quantity.start / max(claim_size, 1) - other.start / max(passage_size, 1))
            cost += 0.0 if other.before == quantity.before else 1.0
            cost += 0.0 if _shares_unit(quantity, other) else 2.0
            pairs.append((cost, number, index))
    return pairs


def _counterpart(quantity: Quantity, passage: Sequence[Quantity], used: set[int]) -> int | None:
    """The passage quantity that states the same thing as `quantity`, if any."""
    free = [i for i, q in enumerate(passage) if i not in used and q.kind == quantity.kind]
    same_unit = [i for i in free if _shares_unit(quantity, passage[i])]
    for pool in (same_unit, free):
        equal = [i for i in pool if math.isclose(passage[i].value, quantity.value)]
        if equal:
            return equal[0]
    if same_unit:
        return min(same_unit, key=lambda i: _gap(passage[i].value, quantity.value))
    if not quantity.unit:
        placed = [i for i in free if passage[i].before == quantity.before]
        if placed:
            return placed[0]
    return None


def _shares_unit(a: Quantity, b: Quantity) -> bool:
    if a.kind != "count":
        return True  # percent with percent, money with money
    return bool(a.unit and b.unit and a.unit[0] in b.unit) or bool(
        len(a.unit) > 1 and b.unit and a.unit[1] == b.unit[-1]
    )


def _relation(claim: Quantity, passage: Quantity) -> str:
    if math.isclose(claim.value, passage.value) and claim.qualifier == passage.qualifier:
        return "agree"
    low_a, high_a = claim.interval
    low_b, high_b = passage.interval
    if claim.qualifier == passage.qualifier:
        return "differ"  # the same kind of statement ("more than N") with another number
    # Open bounds: "less than 10" does not allow 10 itself.
    if high_a < low_b or high_b < low_a:
        return "differ"
    if (claim.qualifier == "below" and low_b >= high_a) or (
        claim.qualifier == "above" and high_b <= low_a
    ):
        return "differ"
    return "compatible"


def _shown(quantity: Quantity) -> str:
    """The quantity with its noun, as people read it: `less than 10 minutes`."""
    return (
        f"{quantity.text} {quantity.noun}"
        if quantity.noun and quantity.kind == "count"
        else quantity.text
    )


def _gap(a: float, b: float) -> float:
    return abs(math.log10(abs(a) + 1) - math.log10(abs(b) + 1))


def _finding(quantity: Quantity, other: Quantity | None, note: str) -> Finding:
    return Finding(
        "number",
        quantity.text,
        quantity.start,
        quantity.end,
        other.text if other else None,
        other.start if other else None,
        other.end if other else None,
        note,
    )
