"""Compare a claim with a related passage: which quantities, dates, times, quotations and names
agree, differ or are merely compatible.

Each finding carries the words and offsets on both sides and a note that names them
(`date “July 27” → 2023-07-27 vs “July 26” → 2023-07-26`), so every view can say what agrees
or differs. Numbers inside a date or a time are left to that comparison ("July 28" is one
finding, "6:38 p.m." is a time, not the numbers 6 and 38).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from workbench.core.dates import DateMention
from workbench.core.evidence.names import compare_names, names_in
from workbench.core.evidence.quantities import compare_quantities, quantities_in
from workbench.core.evidence.quotes import compare_quotes, quotes_in
from workbench.core.evidence.records import Comparison, Finding
from workbench.core.evidence.when import (
    References,
    compare_dates,
    compare_times,
    dates_in,
    times_in,
)
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
    """Compare `claim` with `passage` (call it only for a passage related to the claim).

    Dates are resolved with the date engine unless given (offsets relative to each text):
    the claim against its article's reference date, the passage against its page's date
    (the article's when the page has none).
    """
    passage_reference = passage_reference or claim_reference
    if claim_dates is None:
        claim_dates = dates_in(claim, claim_reference)
    if passage_dates is None:
        passage_dates = dates_in(passage, passage_reference)
    references = References(claim_reference, passage_reference)
    claim_times, passage_times = times_in(claim), times_in(passage)
    claim_taken = _spans(claim_dates) + [t.span for t in claim_times]
    passage_taken = _spans(passage_dates) + [t.span for t in passage_times]
    findings: list[tuple[str, Finding]] = []
    findings += compare_dates(claim_dates, passage_dates, references)
    findings += compare_times(claim_times, passage_times)
    findings += compare_quantities(
        quantities_in(claim, claim_taken), quantities_in(passage, passage_taken), claim, passage
    )
    quotes = quotes_in(claim)
    findings += compare_quotes(quotes, passage)
    # Names inside a quotation are compared too: a changed name in quoted words is worth
    # naming, beyond "worded differently".
    findings += compare_names(names_in(claim), passage)
    findings.sort(key=lambda item: (item[1].claim_start, item[1].claim_end))
    return Comparison(
        agree=tuple(f for how, f in findings if how == "agree"),
        differ=tuple(f for how, f in findings if how == "differ"),
        compatible=tuple(f for how, f in findings if how == "compatible"),
    )


def _spans(mentions: Sequence[DateMention]) -> list[Span]:
    return [Span(m.start, m.end) for m in mentions]


def shifted(mentions: Sequence[DateMention], offset: int) -> list[DateMention]:
    """Date mentions with offsets moved by `-offset` (document offsets → claim offsets)."""
    return [dataclasses.replace(m, start=m.start - offset, end=m.end - offset) for m in mentions]
