"""The reference date: --date, the article's own date, inferred from weekday–date pairs, today."""

from __future__ import annotations

import datetime as dt

from workbench.core.dates import ReferenceOrigin, resolve_reference_date
from workbench.core.spans import Span

TODAY = dt.date(2026, 11, 27)


def reference(text: str, **kwargs: dt.date | None) -> tuple[dt.date, ReferenceOrigin, str]:
    ref = resolve_reference_date(text, [Span(0, len(text))], today=TODAY, **kwargs)
    return ref.value, ref.origin, ref.description


def test_option_wins() -> None:
    text = "On Friday, July 28, the parade took place."
    value, origin, _ = reference(
        text, option=dt.date(2020, 1, 1), document_date=dt.date(2021, 1, 1)
    )
    assert (value, origin) == (dt.date(2020, 1, 1), ReferenceOrigin.OPTION)


def test_document_date_before_inference() -> None:
    text = "On Friday, July 28, the parade took place."
    value, origin, _ = reference(text, document_date=dt.date(2021, 1, 1))
    assert (value, origin) == (dt.date(2021, 1, 1), ReferenceOrigin.DOCUMENT)


def test_inferred_from_a_weekday_date_pair() -> None:
    value, origin, description = reference("On Friday, July 28, the parade took place.")
    assert (value, origin) == (dt.date(2023, 7, 28), ReferenceOrigin.INFERRED)
    assert description == "inferred from “Friday, July 28” (a Friday in 2023)"


def test_inference_never_goes_past_today() -> None:
    # July 28 is a Friday in 2017, 2023 and 2028.
    assert reference("On Friday, July 28, it rained.")[0] == dt.date(2023, 7, 28)
    earlier = resolve_reference_date(
        "On Friday, July 28, it rained.", [Span(0, 30)], today=dt.date(2023, 7, 27)
    )
    assert earlier.value == dt.date(2017, 7, 28)


def test_inference_respects_years_the_text_names() -> None:
    # Without the year, 2023 would win; an article naming 2024 cannot be from 2023... nor does
    # any later Friday, July 28 before today exist, so the evidence rules the pair out.
    text = "On Friday, July 28, the parade took place. Talks failed in 2024."
    value, origin, _ = reference(text)
    assert origin == ReferenceOrigin.TODAY
    assert value == TODAY
    # Years still ahead ("by 2030") are plans, not evidence of when the article was written.
    value, _, _ = reference("On Friday, July 28, leaders set a goal for 2030.")
    assert value == dt.date(2023, 7, 28)


def test_the_year_most_pairs_agree_on() -> None:
    text = "On Monday, July 24, talks began. On Friday, July 28, a deal was signed."
    value, _, description = reference(text)
    assert value == dt.date(2023, 7, 24)
    assert "a Monday in 2023" in description


def test_today_when_nothing_else() -> None:
    value, origin, description = reference("Nothing dated here.")
    assert (value, origin) == (TODAY, ReferenceOrigin.TODAY)
    assert description.startswith("today")


def test_only_the_given_spans_are_read() -> None:
    text = "Skipped: Friday, July 28. Read: nothing."
    ref = resolve_reference_date(text, [Span(26, len(text))], today=TODAY)
    assert ref.origin == ReferenceOrigin.TODAY
