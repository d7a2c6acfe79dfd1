"""The claim list as the checker filters it: by status, by search words, chainable."""

from __future__ import annotations

from workbench.core.extraction import Claim, claim_id
from workbench.core.review.filtering import STATUS_FILTERS, ClaimFilter, next_status_filter
from workbench.core.review.model import Verdict
from workbench.core.spans import Span

TEXTS = [
    "Exports fell 4% in 2019, the ministry said.",
    "The toll rose to 12 on Friday.",
    "Jane Doe said 1,200 jobs went.",
    "The TOLL was revised on Monday.",
]


def claims() -> list[Claim]:
    out = []
    for index, text in enumerate(TEXTS):
        out.append(
            Claim(
                id=claim_id(text),
                index=index,
                text=text,
                start=index * 100,
                end=index * 100 + len(text),
                occurrences=(Span(index * 100, index * 100 + len(text)),),
                paragraph=Span(index * 100, index * 100 + len(text)),
                paragraph_copies=1,
                score=0.9,
                signals=(),
                dates=(),
                checkworthy=True,
            )
        )
    return out


VERDICTS = {
    claim_id(TEXTS[0]): Verdict.DISPUTED,
    claim_id(TEXTS[1]): Verdict.VERIFIED,
    claim_id(TEXTS[3]): Verdict.DISPUTED,
}
NOTES = {claim_id(TEXTS[2]): "Check the Labour Office figures."}


def verdict_of(cid: str) -> Verdict:
    return VERDICTS.get(cid, Verdict.UNREVIEWED)


def texts(shown: list[Claim]) -> list[str]:
    return [c.text for c in shown]


def test_no_filter_shows_everything_in_document_order() -> None:
    view = ClaimFilter()
    assert not view.is_active
    assert texts(view.apply(claims(), verdict_of)) == TEXTS


def test_status_filter() -> None:
    disputed = ClaimFilter().with_status("disputed")
    assert disputed.is_active
    assert texts(disputed.apply(claims(), verdict_of)) == [TEXTS[0], TEXTS[3]]
    assert texts(ClaimFilter().with_status("unreviewed").apply(claims(), verdict_of)) == [TEXTS[2]]
    assert ClaimFilter().with_status("not_a_claim").apply(claims(), verdict_of) == []


def test_unknown_status_means_all() -> None:
    assert ClaimFilter().with_status("bogus").status == "all"


def test_search_is_case_insensitive_and_needs_every_word() -> None:
    assert texts(ClaimFilter().containing("toll").apply(claims(), verdict_of)) == [
        TEXTS[1],
        TEXTS[3],
    ]
    assert texts(ClaimFilter().containing("TOLL friday").apply(claims(), verdict_of)) == [TEXTS[1]]
    assert ClaimFilter().containing("toll exports").apply(claims(), verdict_of) == []
    assert not ClaimFilter().containing("   ").is_active


def test_search_looks_in_notes_too() -> None:
    shown = (
        ClaimFilter()
        .containing("labour")
        .apply(claims(), verdict_of, lambda cid: NOTES.get(cid, ""))
    )
    assert texts(shown) == [TEXTS[2]]


def test_filters_chain_and_are_immutable() -> None:
    base = ClaimFilter()
    combined = base.with_status("disputed").containing("toll")
    assert texts(combined.apply(claims(), verdict_of)) == [TEXTS[3]]
    assert base == ClaimFilter()
    assert combined.with_status("all").search == "toll"


def test_status_cycle_visits_every_filter_and_wraps() -> None:
    seen = ["all"]
    while (following := next_status_filter(seen[-1])) != "all":
        seen.append(following)
    assert tuple(seen) == STATUS_FILTERS
    assert set(STATUS_FILTERS[1:]) == {v.value for v in Verdict}
    assert next_status_filter("nonsense") == "all"
