"""Evidence alignment and comparison: the source sentence is found, and changed numbers, dates,
quotations and names show as differences with offsets into both texts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.dates import DateMention
from workbench.core.document import Document, SourceKind
from workbench.core.evidence.align import PassageIndex
from workbench.core.evidence.find import find_evidence
from workbench.core.evidence.findings import compare
from workbench.core.evidence.names import names_in
from workbench.core.evidence.passages import split_passages
from workbench.core.evidence.quantities import quantities_in
from workbench.core.evidence.when import compare_dates
from workbench.core.extraction import extract
from workbench.core.fetch.page import PageRecord

PAGE_TEXT = (
    "Floods in Sindh displace thousands as rains continue\n"
    "KARACHI — Monsoon floods have killed 115 children across Sindh province since the rains "
    "began, the United Nations children's agency UNICEF said on Thursday.\n"
    "The agency said on July 27 that more than 2.3 million people had been affected and that "
    '1,200 schools were damaged or destroyed. "Children are paying the heaviest price," said '
    "Abdullah Fadil, UNICEF's representative in Pakistan.\n"
    "The provincial government has asked for $2 billion in emergency aid. Officials said the "
    "rainfall in July was 3.5 percent above the record set in 2019.\n"
    "Relief camps near Hyderabad are sheltering about 40,000 families, according to the "
    "National Disaster Management Authority.\n"
)


def page(text: str = PAGE_TEXT, url: str = "https://ledger.example/floods") -> PageRecord:
    return PageRecord(
        url=url,
        final_url=url,
        status=200,
        title="Floods",
        published=dt.date(2023, 7, 28),
        fetched_at="2023-07-29T10:00:00+00:00",
        sha256="0" * 64,
        error=None,
        text=text,
    )


def date(text: str, within: str, value: str, granularity: str) -> DateMention:
    start = within.index(text)
    return DateMention(text, start, start + len(text), value, granularity)


def test_passages_are_sentences_and_pairs_with_exact_offsets() -> None:
    passages = split_passages(PAGE_TEXT)
    for passage in passages:
        assert PAGE_TEXT[passage.start : passage.end] == passage.text
    singles = [p.text for p in passages if p.sentences == 1]
    assert "The provincial government has asked for $2 billion in emergency aid." in singles
    assert any(p.sentences == 2 and p.text.startswith("The provincial") for p in passages)


def test_very_long_unpunctuated_line_is_cut_into_pieces() -> None:
    text = "word " * 20_000
    passages = split_passages(text)
    assert max(len(p.text) for p in passages if p.sentences == 1) <= 600
    assert all(text[p.start : p.end] == p.text for p in passages)


def test_source_sentence_is_the_best_match_even_with_a_changed_number() -> None:
    index = PassageIndex(split_passages(PAGE_TEXT))
    claim = "Officials said the rainfall in July was 3.5 percent above the record set in 2018."
    match = index.best(claim)
    assert match is not None
    assert match.passage.text == (
        "Officials said the rainfall in July was 3.5 percent above the record set in 2019."
    )
    assert 85 < match.score < 100 and match.related
    exact = index.best("The provincial government has asked for $2 billion in emergency aid.")
    assert exact is not None and exact.score == 100.0
    assert exact.passage.sentences == 1


def test_unrelated_claim_is_flagged_and_wordless_claim_has_no_match() -> None:
    index = PassageIndex(split_passages(PAGE_TEXT))
    weak = index.best("The central bank raised interest rates by a quarter point in Brazil.")
    assert weak is None or not weak.related
    assert index.best("!!! ...") is None


def test_changed_count_differs_with_offsets_into_both_texts() -> None:
    claim = "Monsoon floods have killed 105 children across Sindh province."
    passage = "Monsoon floods have killed 115 children across Sindh province, UNICEF said."
    result = compare(claim, passage, claim_dates=[], passage_dates=[])
    (number,) = [f for f in result.differ if f.kind == "number"]
    assert (number.claim_text, number.passage_text) == ("105", "115")
    assert claim[number.claim_start : number.claim_end] == "105"
    assert number.passage_start is not None and number.passage_end is not None
    assert passage[number.passage_start : number.passage_end] == "115"
    assert number.note == "number “105 children” ≠ “115 children”"
    assert [f.claim_text for f in result.agree if f.kind == "name"] == ["Sindh"]


def test_equal_quantities_written_differently_agree() -> None:
    claim = "It asked for $2 billion, a 3.5% rise, for twenty-five districts and 1,200 schools."
    passage = "It wants 2 billion dollars, up 3.5 percent, for 25 districts and 1200 schools."
    result = compare(claim, passage, claim_dates=[], passage_dates=[])
    assert result.differ == ()
    assert [f.note for f in result.agree if f.kind == "number"] == [
        "number “$2 billion” = “2 billion”",
        "number “3.5%” = “3.5 percent”",
        "number “twenty-five districts” = “25 districts”",
        "number “1,200 schools” = “1200 schools”",
    ]


def test_number_missing_from_the_passage_is_reported_where_it_speaks_of_the_same_thing() -> None:
    result = compare(
        "About 40 boats sank.", "Boats sank in the harbour.", claim_dates=[], passage_dates=[]
    )
    (missing,) = result.differ
    assert missing.passage_text is None
    assert missing.note == "number “About 40” not in the passage, which mentions “boat” without it"
    other = compare("About 40 boats sank.", "Ships sank.", claim_dates=[], passage_dates=[])
    assert other.differ == ()


def test_dates_from_the_engine_agree_and_differ_by_value() -> None:
    # The values the date engine gives for "July 28"/"July 27" (reference 2023) and years.
    claim = "UNICEF said on July 28 that the record set in 2019 was broken in March 2023."
    passage = "The agency said on July 27 that the record of 2018 fell on March 3, 2023."
    claim_dates = [
        date("July 28", claim, "2023-07-28", "day"),
        date("2019", claim, "2019", "year"),
        date("March 2023", claim, "2023-03", "month"),
    ]
    passage_dates = [
        date("July 27", passage, "2023-07-27", "day"),
        date("2018", passage, "2018", "year"),
        date("March 3, 2023", passage, "2023-03-03", "day"),
    ]
    result = compare(claim, passage, claim_dates=claim_dates, passage_dates=passage_dates)
    assert [f.note for f in result.differ if f.kind == "date"] == [
        "date “July 28” → 2023-07-28 vs “July 27” → 2023-07-27",
        "date “2019” → 2019 vs “2018” → 2018",
    ]
    # A month and a day inside it neither agree nor differ.
    assert [f.note for f in result.compatible if f.kind == "date"] == [
        "date “March 2023” → 2023-03 contains “March 3, 2023” → 2023-03-03"
    ]
    # Numbers inside dates are compared as dates only, not again as numbers.
    assert not [f for f in result.differ + result.agree if f.kind == "number"]


def test_a_quarter_contains_its_months_and_a_year_its_quarters() -> None:
    # Nesting is by the periods' first and last days, not by the ISO strings' prefixes.
    claim = "Sales rose in the third quarter of 2019."
    quarter = date("the third quarter of 2019", claim, "2019-Q3", "quarter")
    for text, value, granularity in (("July 2019", "2019-07", "month"), ("2019", "2019", "year")):
        passage = f"Sales rose in {text}."
        other = date(text, passage, value, granularity)
        results = compare_dates([quarter], [other])
        expected = "contains" if granularity == "month" else "within"
        assert [how for how, _ in results] == ["compatible"], text
        assert expected in results[0][1].note
    passage = "Sales rose in October 2019."
    results = compare_dates([quarter], [date("October 2019", passage, "2019-10", "month")])
    assert [how for how, _ in results] == ["differ"]


def test_date_without_counterpart_is_not_in_the_passage() -> None:
    results = compare_dates([date("2019", "2019", "2019", "year")], [])
    assert [(how, f.note) for how, f in results] == [
        ("differ", "date “2019” → 2019 not in the passage")
    ]


def test_without_engine_dates_years_and_days_still_differ_as_numbers() -> None:
    result = compare(
        "On July 28 the record of 2019 fell.",
        "On July 27 the record of 2018 fell.",
        claim_dates=[],
        passage_dates=[],
    )
    assert [f.note for f in result.differ] == [
        "number “28” ≠ “27”",
        "number “2019 fell” ≠ “2018 fell”",
    ]


def test_quotes_and_names() -> None:
    claim = 'Abdullah Fadil said "children are paying the highest price" in Pakistan, not Iran.'
    passage = '"Children are paying the heaviest price," said Abdullah Fadil, of UNICEF Pakistan.'
    result = compare(claim, passage, claim_dates=[], passage_dates=[])
    (quote,) = [f for f in result.differ if f.kind == "quote"]
    assert quote.passage_text is not None and "heaviest" in quote.passage_text
    assert [f.claim_text for f in result.agree if f.kind == "name"] == [
        "Abdullah Fadil",
        "Pakistan",
    ]
    # "Iran" is not on the page, but nothing there stands in its place: not a difference.
    assert [f.claim_text for f in result.differ if f.kind == "name"] == []
    same = compare(
        'He said "paying the heaviest price".', passage, claim_dates=[], passage_dates=[]
    )
    (agreed,) = [f for f in same.agree if f.kind == "quote"]
    assert agreed.passage_start is not None and agreed.passage_end is not None
    assert passage[agreed.passage_start : agreed.passage_end] == "paying the heaviest price"


def test_names_skip_grammar_words_and_dates() -> None:
    assert [
        n.text
        for n in names_in("On Friday, The Agency said Kim Jong Un met the Bank of England in July.")
    ] == ["Agency", "Kim Jong Un", "Bank of England"]
    assert [q.value for q in quantities_in("COVID-19 hit A320 jets; 7 died.")] == [19.0, 7.0]


def test_find_evidence_over_pages_from_extracted_claims() -> None:
    article = (
        "Monsoon floods have killed 105 children across Sindh province since the rains began, "
        "UNICEF said on Friday.\n"
        "The provincial government has asked for $2 billion in emergency aid.\n"
    )
    extraction = extract(
        Document(text=article, source="a.txt", kind=SourceKind.TEXT),
        reference_date=dt.date(2023, 7, 29),
    )
    pages = [
        page(),
        page("Nothing about floods here at all, only 12 recipes.", url="https://other.example"),
        PageRecord.failed("https://down.example", "server error (500)"),
    ]
    evidence = find_evidence(extraction.sentences, pages, reference_date=dt.date(2023, 7, 29))
    assert len(evidence) == 2
    first = evidence[0]
    assert first.best is not None and first.best.url == "https://ledger.example/floods"
    assert "115 children" in first.best.passage
    assert PAGE_TEXT[first.best.start : first.best.end] == first.best.passage
    assert "number “105 children” ≠ “115 children”" in [
        f.note for f in first.best.comparison.differ
    ]
    data = first.to_json()
    assert set(data) >= {"id", "text", "best", "others"}
    assert set(data["best"]) >= {"url", "passage", "score", "related", "agree", "differ"}
    second = evidence[1].best
    assert second is not None and second.score == 100.0 and second.comparison.differ == ()


_PIECES = [*"ab Ab Zy 12.,:$%'’“”\"-\n", "p.m.", " less than ", "July ", "a.m.", " about "]
"""Pieces of text that exercise every comparison: quotes, numbers, times, dates, names."""


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
)
def test_any_text_compares_without_error_and_offsets_point_into_both_texts(
    claim: str, passage: str
) -> None:
    result = compare(claim, passage, claim_reference=dt.date(2023, 7, 28))
    for finding in (*result.agree, *result.differ, *result.compatible):
        assert 0 <= finding.claim_start <= finding.claim_end <= len(claim)
        if finding.passage_start is not None and finding.passage_end is not None:
            assert 0 <= finding.passage_start <= finding.passage_end <= len(passage)
