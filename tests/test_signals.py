"""Rule-based signals on hand-written sentences."""

from __future__ import annotations

import pytest

from workbench.core.signals import SIGNAL_NAMES, find_signals, tokenize


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plant closed on March 3, 2021.", {"date", "number"}),
        ("The vote was held last week.", {"date"}),
        ("Prices rose 4.5% in a single quarter.", {"number"}),
        ("It cost $200 million to build.", {"number"}),
        ("Unemployment fell by three percent.", {"number"}),
        ("“We will not back down,” she said.", {"quotation", "attribution"}),
        ("According to the ministry, exports fell.", {"attribution"}),
        ("Officials told reporters the road was closed.", {"attribution"}),
        ("The plan was backed by Angela Merkel and the European Commission.", {"entity"}),
        ("The U.N. voted again.", {"entity"}),
        ("NATO has grown since then.", {"entity"}),
        ("In Beijing the talks stalled.", {"entity"}),
        ("Crime is lower than it was.", {"comparison"}),
        ("It is the tallest tower in the region.", {"comparison"}),
        ("Fewer people voted.", {"comparison"}),
        ("The bridge collapsed because of the flood.", {"causal"}),
        ("The strike led to shortages.", {"causal"}),
        ("The match was cancelled due to rain.", {"causal"}),
    ],
)
def test_signal_found(sentence: str, expected: set[str]) -> None:
    assert expected <= set(find_signals(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you very much.",
        "Good evening, everyone.",
        "What do you think?",
        "I think this is a wonderful idea.",
        "Thank you, Mr. President.",
        "We may go there.",
        "The interest is honest.",
    ],
)
def test_no_signal(sentence: str) -> None:
    assert find_signals(sentence) == ()


def test_sentence_initial_capital_is_not_a_name() -> None:
    assert "entity" not in find_signals("The weather was cold.")
    assert "entity" in find_signals("The Senate was cold.")


def test_march_and_may_need_their_case_or_a_day() -> None:
    assert "date" not in find_signals("They march on, and may win.")
    assert "date" in find_signals("They met in March.")
    assert "date" in find_signals("They met on May 4.")


def test_signals_come_in_the_fixed_order() -> None:
    sentence = (
        "Because of the war, the U.N. said on Monday that “more than 3 million” people had fled."
    )
    found = find_signals(sentence)
    assert found == SIGNAL_NAMES
    assert list(found) == sorted(found, key=SIGNAL_NAMES.index)


def test_tokenize_folds_digits_and_case() -> None:
    assert tokenize("In 2019, U.S. GDP grew 2.3%.") == [
        "in",
        "0000",
        "u",
        "s",
        "gdp",
        "grew",
        "0",
        "0",
    ]


@pytest.mark.parametrize(
    ("sentence", "entity"),
    [
        ("the deal is OK now.", False),
        ("they said OKs are fine.", True),
        ("the I.B.M. deal.", True),
        ("the FBI came.", True),
        ("the FBIs came.", True),
        ("an ABCDEFG code.", False),
        ("a TVa word.", False),
        ("they sent it to Beijing.", True),
        ("no capitals at all here.", False),
        ("Nothing else is capitalised here.", False),
        ("the CEOs’ pay.", True),
    ],
)
def test_acronyms_and_capitals(sentence: str, entity: bool) -> None:
    # Lower-case starts keep the sentence-start rule out of the way: only acronyms and
    # mid-sentence capitals decide.
    assert ("entity" in find_signals(sentence)) is entity
