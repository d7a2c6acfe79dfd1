"""Speech quoted from a scene the article dates takes that scene's day: "tonight" said at
Wednesday night's meeting is Wednesday night, not the day the article came out."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates
from workbench.core.segment import split_sentences

THURSDAY = ReferenceDate(dt.date(2024, 3, 14), ReferenceOrigin.OPTION, "test")
WEDNESDAY = "2024-03-13"


def value_of(text: str, words: str) -> str | None:
    """The value given to the mention `words` in the article `text`, dated Thursday."""
    spans = split_sentences(text)
    found = [m for ms in find_dates(text, spans, THURSDAY) for m in ms if m.text == words]
    assert len(found) == 1, found
    return found[0].value


@pytest.mark.parametrize(
    "text",
    [
        'The council approved the budget on Wednesday night. "That ends tonight," Reyes said.',
        'The council approved the budget on Wednesday night. "That ends tonight," said Reyes.',
        "The council approved the budget on Wednesday night. “We borrowed from next year. "
        "That ends tonight,” the finance director told councillors.",
        'The mayor resigned yesterday. "I leave the building today," she said.',
    ],
)
def test_a_quotation_said_at_a_dated_scene_takes_its_day(text: str) -> None:
    word = "today" if "today" in text else "tonight"
    assert value_of(text, word) == WEDNESDAY


@pytest.mark.parametrize(
    "text",
    [
        # Said now (present tense), or not a quotation at all: the article's own day.
        'The council approved the budget on Wednesday night. "That ends tonight," Reyes says.',
        "The council approved the budget on Wednesday night. The strike ends tonight.",
        # A scene two weeks back is history, not where the words were said.
        'The plant opened on February 29. "We celebrate tonight," the owner said.',
        # A scene still ahead cannot be where the words were said.
        'The vote is on Friday. "It all ends tonight," she said.',
    ],
)
def test_other_deictic_days_count_from_the_reference(text: str) -> None:
    assert value_of(text, "tonight") == "2024-03-14"
