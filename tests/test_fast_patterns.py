"""Patterns and counts rewritten for speed find exactly what their plain definitions find.

Speed work (issue 10) rewrote some per-sentence regular expressions so that `re` can skip ahead
in C: they open with a character (a digit, a space) and check what stands behind it with a
lookbehind. Each test here holds the plain definition that was replaced and compares the two
on generated text built from the characters that matter to them. The batched scorer's digit
count (read from the folded text) is checked against the per-sentence decision, and the
furniture test's cheap gate before its address search against the search.
"""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import sanitize
from workbench.core.checkworthiness_model import _CAPITALISED, analyse, shipped_model
from workbench.core.dates.patterns import _DIGIT_TRIGGER, _TRIGGER_WORDS, TRIGGER, trie
from workbench.core.dates.scan import trigger_starts
from workbench.core.furniture import (
    _ADDRESS,
    _ends_as_sentence,
    _may_hold_address,
    is_furniture_line,
)
from workbench.core.sanitize import visible
from workbench.core.signals import (
    _ACRONYM,
    _CAPITALISED_RUN,
    _ENTITY_STOP,
    _SENTENCE_STARTERS,
    _YEAR,
    has_entity,
)

# Characters around which the rewritten patterns decide: letters of both cases (and the stop
# words' letters), digits, spaces of several kinds, the punctuation the lookbehinds test.
_PIECES = [
    *"aZ9 ,;).:/-'’_\n\u00a0",
    "Mr", "Mrs", "Dr", "Sir", "Okay", "God", "Madam", "Ms", "I", "OK", "I'm",
    "Smith", "Kim", "Jong", "Un", "the", "of", "The", "In", "U.N.", "NATO", "Bank",
    "1999", "2019", "1850", "2100", "07", "7/28/2023", "12/1/99", "x2019", "_2019", "٢٠١٩",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_year_pattern_equals_its_plain_form(text: str) -> None:
    plain = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
    assert (_YEAR.search(text) is None) == (plain.search(text) is None)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_capitals_count_equals_its_plain_form(text: str) -> None:
    assert len(_CAPITALISED.findall(text)) == len(re.findall(r"[a-z,;)] [A-Z]", text))


def _has_entity_as_defined(text: str) -> bool:
    """`has_entity` as first written: the list of mid-sentence names, then runs, acronyms."""
    rest = text[1:]
    if rest == rest.lower():
        return False
    names = re.findall(r"[a-z,;)]\s([A-Z][a-z][\w’'\-]*)", text)
    if any(name not in _ENTITY_STOP for name in names):
        return True
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        if match.start() > 0 or words[0] not in _SENTENCE_STARTERS:
            return True
        if any(w[0].isupper() and w not in _ENTITY_STOP for w in words[1:]):
            return True
    return _ACRONYM.search(text) is not None


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_entity_signal_equals_its_plain_form(text: str) -> None:
    assert has_entity(text) == _has_entity_as_defined(text)


def test_a_name_after_a_title_is_an_entity_both_ways() -> None:
    # The name list skipped "Smith" (its space was taken by "Mr"); the run "Mr Smith" counted.
    for text in ("it was said Mr Smith", "then Mr Smith left", "and Sir Okay went"):
        assert has_entity(text) == _has_entity_as_defined(text) is True


def test_batched_decisions_equal_per_sentence_on_varied_text() -> None:
    # The batch counts digits in the lower-cased, digit-folded text; per sentence they are
    # found with `\d` in the text as written. Digits of other scripts, digit-heavy numbers,
    # long words past the sliced length, empty and NUL-free odd texts must all agree.
    texts = [
        "",
        "   ",
        "Unemployment fell to 3.4 percent in 2019, from 4,000,000 jobs in 1998.",
        "The ministry said ٢٠١٩ was a record year, and ２０２０ too.",
        "İstanbul had 15 ½ million people in ΣΊΣΥΦΟΣ 2021?",
        "See https://example.org/" + "averyveryverylongpathsegment" * 4 + " for 12 items!",
        "We will cut 10 percent, I think.",
        "0 0 0 000 0.0 -0 +0",
    ]
    model = shipped_model()
    # A copy with empty caches, so the batch fills them itself.
    fresh = dataclasses.replace(model)
    batched = fresh.decisions(texts)
    assert [d for d, _ in batched] == [model.decision(t, analyse(t)) for t in texts]
    assert [a for _, a in batched] == [analyse(t) for t in texts]


_ADDRESS_PIECES = [
    *"aZ9 .@:/-_+\n",
    "www", "WWW", "Www", "http", "HTTPS", "httpſ", "://", "news@", "example.com", "w.", "W.",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ADDRESS_PIECES), max_size=12).map("".join))
def test_the_address_gate_lets_every_address_through(text: str) -> None:
    # The furniture test asks the cheap gate before searching for an address: the gate may let
    # a line without one through, never stop a line with one.
    if _ADDRESS.search(text):
        assert _may_hold_address(text)


def test_a_contact_invitation_with_an_address_is_still_furniture() -> None:
    assert is_furniture_line("We'd like to hear what you think. Here's our email: a@b.org.")
    assert is_furniture_line("Got a tip? Visit WWW.EXAMPLE.ORG and write to us.")
    assert not is_furniture_line("The council said the bridge will reopen on Monday, with tolls.")


_DATE_PIECES = [
    *"aZ9Q1 ,.'’-/\n",
    "May", "MAY", "may", "Monday", "Mon", "today", "Today", "years", "Year", "week", "2019",
    "1999s", "90s", "12th", "3rd of", "7/28/2023", "Q3", "half", "Christmas", "st", "century",
    "٢٠١٩", "bay", "xMay", "Jan.", "summer", "Fall", "decade", "5.5", "fortnight", "5March",
    "12Jan", "2019-2020", "5-year",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join))
def test_date_trigger_pattern_equals_its_plain_form(text: str) -> None:
    # The trigger scan tests the first character before trying the word list; the triggers
    # found (and so where the date patterns are tried) are the plain pattern's.
    plain = re.compile(
        rf"(?<![A-Za-z])(?:(?=[\dQ])(?:{_DIGIT_TRIGGER})|{trie(_TRIGGER_WORDS)}(?![a-z]))"
    )
    trigger = re.compile(TRIGGER)
    assert [m.span() for m in trigger.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join), st.data())
def test_trigger_scan_finds_what_the_trigger_pattern_finds(text: str, data: st.DataObject) -> None:
    # The scan takes the character before each trigger instead of looking behind for it; it
    # must find exactly the trigger pattern's matches, in any range of the text (a range that
    # opens the text, one that ends mid-word, adjacent triggers as in "5March").
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    expected = [m.start() for m in re.compile(TRIGGER).finditer(text, lo, hi)]
    assert list(trigger_starts(text, lo, hi)) == expected


_LINE_PIECES = [
    *"aZ9 .!?…;:\"'”’)]\t\n\u00a0\u2003(,-", "end.", "“quoted.”", "(aside)", "e.g.", "...",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=10).map("".join))
def test_sentence_end_test_equals_its_pattern(line: str) -> None:
    plain = re.compile(r"[.!?…;:][\"'”’)\]]*\s*$")
    assert _ends_as_sentence(line) == (plain.search(line) is not None)


def _visible_in_four_steps(text: str, single_line: bool) -> str:
    """`sanitize.visible` as written before its one-scan shortcut."""
    text = sanitize._LINE_BREAK.sub("\n", text)
    text = sanitize._CONTROL.sub(sanitize._control_picture, text)
    text = sanitize._INVISIBLE.sub(sanitize._invisible_marker, text)
    if single_line:
        text = re.sub(r"[\n\t]+", " ", text)
    return text


def test_visible_skips_only_text_that_none_of_its_steps_would_change() -> None:
    # Every character of the first planes' low blocks and the specials block, alone and in a
    # word, on one line or several: the shortcut must never return a text a step changes.
    for code in [*range(0x3000), *range(0xFE00, 0x10000)]:
        for text in (chr(code), f"a{chr(code)}\r\nb"):
            for single_line in (False, True):
                expected = _visible_in_four_steps(text, single_line)
                assert visible(text, single_line=single_line) == expected, hex(code)
