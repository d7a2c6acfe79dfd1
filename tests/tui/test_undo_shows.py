"""Issue 11, item 5: undo and redo go to the claim they changed, lifting a filter, naming it."""

from __future__ import annotations

import pytest
from app_harness import AppFactory
from pilot_helpers import (
    claim_list,
    header_text,
    notifications,
    opened,
    press_and_settle,
    press_on_claim,
    saved_review,
    shown_texts,
)

pytestmark = pytest.mark.anyio

FERRY = "Traffic on the old ferry"


async def test_undo_and_redo_under_a_filter_go_to_the_claim_lifting_the_filter(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    async with opened(app, size=(120, 40), notifications=True) as pilot:
        await press_on_claim(pilot, FERRY, "d")
        await press_and_settle(pilot, "s")  # unreviewed only: the disputed claim is hidden
        assert all(FERRY not in text for text in shown_texts(app))
        await pilot.press("g")
        await press_and_settle(pilot, "ctrl+z")
        current = claim_list(app).current
        assert current is not None and FERRY in current.text
        # Unreviewed again, it shows under the filter: no need to lift it.
        assert any(
            "Undone: disputed on claim #6 “Traffic on the old ferry" in note
            for note in notifications(app)
        )
        assert "(unreviewed)" in header_text(app)
        await pilot.press("g")
        await press_and_settle(pilot, "ctrl+y")
        current = claim_list(app).current
        assert current is not None and FERRY in current.text
        # Disputed again, the unreviewed filter would hide it: the filter is lifted.
        assert any(
            "Redone: disputed on claim #6" in note and "filter lifted" in note
            for note in notifications(app)
        )
        assert "showing" not in header_text(app)
    assert saved_review(FERRY)["verdict"] == "disputed"
