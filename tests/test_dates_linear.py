"""The date engine's work per date is bounded, whatever the length of the sentence around it.

A text with no sentence punctuation (a transcript, an OCR dump) is one long "sentence"; reading
the whole of it for every date in it made `workbench claims` quadratic (90 s for 256 KB). These
tests count what is read, never how long it takes: a return of the quadratic reading fails them
on any machine.
"""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates_in, tense
from workbench.core.dates.tense import CLAUSE_REACH, clause_bounds, past_marker, tense_near

REFERENCE = ReferenceDate(dt.date(2021, 6, 15), ReferenceOrigin.OPTION, "test")

FILLER = "the crowd waits on the quay near the old harbour wall "
"""Words with no tense marker and no clause boundary."""


def test_a_clause_reaches_no_further_than_its_bound() -> None:
    text = FILLER * 400 + "on Friday " + FILLER * 400
    start = text.index("Friday")
    low, high = clause_bounds(text, start, start + 6, 0, len(text))
    assert (low, high) == (start - CLAUSE_REACH, start + 6 + CLAUSE_REACH)


def test_a_marker_beyond_the_reach_does_not_set_the_tense() -> None:
    far = "officials said " + FILLER * (CLAUSE_REACH // len(FILLER) + 1) + "on Friday"
    near = "officials said " + FILLER + "on Friday"
    assert tense_near(near, near.index("Friday"), len(near), 0, len(near)) == "past"
    assert tense_near(far, far.index("Friday"), len(far), 0, len(far)) is None


def test_the_past_tense_warning_reads_only_around_the_date() -> None:
    text = "officials said " + FILLER * (CLAUSE_REACH // len(FILLER) + 1) + "in 2030"
    skip = (text.index("2030"), len(text))
    assert past_marker(text, 0, len(text), skip) is None
    assert past_marker("officials said it was in 2030", 0, 29, (25, 29)) == "said"


def test_tense_reading_grows_with_the_dates_not_with_their_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[int] = []
    markers = tense._markers

    def counting(text: str, lo: int, hi: int, skip: tuple[int, int]) -> list[tuple[int, int, str]]:
        read.append(hi - lo)
        return markers(text, lo, hi, skip)

    monkeypatch.setattr(tense, "_markers", counting)
    # 200 KB in one sentence: a date every ~200 characters, no punctuation anywhere.
    unit = FILLER * 3 + "and on Friday they met again in May "
    text = unit * (200_000 // len(unit))
    mentions = find_dates_in(text, 0, len(text), REFERENCE)
    assert len(mentions) >= 2 * (len(text) // len(unit)) - 2
    assert read, "tense was never read"
    assert max(read) <= 2 * CLAUSE_REACH + 20
    assert sum(read) <= len(mentions) * 2 * (2 * CLAUSE_REACH + 20)
