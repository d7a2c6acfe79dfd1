"""How resolved dates read to people: the table, the app and the report all use `display`."""

from __future__ import annotations

import pytest

from workbench.core.dates import DateMention


@pytest.mark.parametrize(
    ("value", "granularity", "qualifier", "approximate", "shown"),
    [
        ("2023-07-28", "day", None, False, "2023-07-28"),
        ("2020-07", "month", "before", True, "before 2020-07"),
        ("2019", "year", None, True, "~2019"),
        ("199", "decade", None, False, "1990s"),
        ("18", "century", None, False, "1800s"),
        ("P3Y", "duration", "more than", False, "more than 3 years"),
        ("P1Y6M", "duration", None, False, "1 year 6 months"),
        ("PT30M", "duration", None, False, "30 minutes"),
        ("PXY", "duration", None, False, "PXY"),
        ("P1DE", "duration", None, False, "1 decade"),
        ("P2CE", "duration", None, False, "2 centuries"),
        (None, "day", None, False, "?"),
    ],
)
def test_display(
    value: str | None, granularity: str, qualifier: str | None, approximate: bool, shown: str
) -> None:
    mention = DateMention(
        text="x",
        start=0,
        end=1,
        value=value,
        granularity=granularity,
        qualifier=qualifier,
        approximate=approximate,
    )
    assert mention.display == shown
