"""The registry of date shapes: each shape's own example is found as that shape and resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates_in
from workbench.core.dates.scan import candidates
from workbench.core.dates.shapes import SHAPES, Shape, shape_match

REFERENCE = ReferenceDate(dt.date(2024, 5, 16), ReferenceOrigin.OPTION, "test")


def test_shape_names_are_unique() -> None:
    names = [shape.name for shape in SHAPES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: shape.name)
def test_each_example_is_found_as_its_shape_and_resolved(shape: Shape) -> None:
    found = [shape_match(m) for m in candidates(shape.example, 0, len(shape.example))]
    assert shape.name in [f.shape for f in found if f is not None]
    mentions = find_dates_in(shape.example, 0, len(shape.example), REFERENCE)
    assert any(m.value is not None for m in mentions), mentions


def test_parts_are_read_by_their_plain_names() -> None:
    text = "The vote was held on Friday, July 28, 2023."
    (found,) = [shape_match(m) for m in candidates(text, 0, len(text))]
    assert found is not None and found.shape == "month_day"
    assert (found["weekday"], found["month"], found["day"], found["year"]) == (
        "Friday",
        "July",
        "28",
        "2023",
    )
    assert text[found.start("year") : found.end("year")] == "2023"
