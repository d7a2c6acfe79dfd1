"""Issue 11, timeline: t shows the dated claims on an axis, coloured by verdict; enter jumps."""

from __future__ import annotations

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, opened, press_and_settle, press_on_claim
from textual.widgets import OptionList

from workbench.tui.screens.timeline import TimelineScreen

pytestmark = pytest.mark.anyio


async def test_t_draws_each_date_at_its_granularity_and_enter_goes_to_the_claim(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with opened(app, size=(160, 40)) as pilot:
        await press_on_claim(pilot, "Traffic on the old ferry", "d")
        await press_and_settle(pilot, "s", "s")  # the verified filter: nothing dated is shown
        await press_and_settle(pilot, "t")
        assert isinstance(app.screen, TimelineScreen)
        options = app.screen.query_one(OptionList)
        lines = [options.get_option_at_index(n).prompt for n in range(options.option_count)]
        texts = [str(line) for line in lines]
        assert [t.split()[2] for t in texts] == ["2022", "2023-07-27", "2023-07-28"]
        year, day = lines[0], lines[2]
        assert "━━━" in str(year) and "●" in str(day)  # a year is a bar, a day a dot
        assert "#6" in str(year) and "#2" in str(day)
        disputed = [span for span in year.spans if "red" in str(span.style)]
        assert any("━" in str(year)[s.start : s.end] for s in disputed)  # coloured by verdict
        axis = str(app.screen.query_one("#timeline-axis").render())
        assert "reference 2023-07-30" in axis and "2022-01-01" in axis
        # enter on the first line: the ferry claim, hidden by the filter
        await press_and_settle(pilot, "enter")
        current = claim_list(app).current
        assert current is not None and "Traffic on the old ferry" in current.text
