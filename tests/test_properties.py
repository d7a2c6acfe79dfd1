"""Property tests on the core: any text in, no exception out, and offsets that always hold.

Hypothesis draws both arbitrary Unicode (controls, surrogates excluded by encoding, bidi,
combining marks, every line break) and news-shaped text built from words that trigger the
interesting paths (dates, numbers, abbreviations, quotes, Markdown markers). Example counts are
kept modest so the file runs in seconds; `derandomize` makes CI runs reproducible.
"""

from __future__ import annotations

import datetime as dt

from hostile_inputs import claim_table, raw_cells, raw_claim_table
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from workbench.core.checkworthiness import score_sentences
from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates
from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError
from workbench.core.extraction import Extraction, extract
from workbench.core.folding import fold_texts
from workbench.core.paragraphs import split_paragraphs
from workbench.core.reading import document_from_bytes
from workbench.core.review.model import ClaimReview, Session, Verdict
from workbench.core.segment import split_sentences
from workbench.core.spans import Span

TODAY = dt.date(2023, 7, 30)
REFERENCE = ReferenceDate(TODAY, ReferenceOrigin.OPTION, "given")

FAST = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = (  # noqa: SIM905 - a few readable lines of words beat a 70-item list literal
    "The mayor said on Friday, July 28, 2023 that 40 people died . , ; : ! ? ... … "
    "U.S. U.N. Dr. Mr. e.g. 3.5 1,250 42% $12 million “quoted” \"said\" 'it' — - "
    "according to last week next month three years ago in 2019 the 1990s May 5 "
    "# ## > - * 1. 2) | ` ``` <b> [x](y) \\ \u202e \u200b \ufeff \x00 \x1b[2J \t"
).split(" ")
BREAKS = ("\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\u2028", "\x0c", " ")

news_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(BREAKS), st.text(max_size=6)),
    max_size=80,
).map(" ".join)
"""Text that looks enough like news to reach dates, abbreviations and Markdown paths."""

any_text = st.one_of(news_text, st.text(max_size=300))


def load(text: str, kind: SourceKind) -> Document | None:
    """The document from `text` as its UTF-8 file would load, or None when it is refused."""
    try:
        return document_from_bytes(text.encode("utf-8", "surrogatepass"), source="a", kind=kind)
    except LoadError as error:
        assert "\n" not in str(error)
        return None


def assert_spans_slice(spans: list[Span], text: str, within: Span) -> None:
    previous_end = within.start
    for span in spans:
        assert within.start <= span.start < span.end <= within.end, span
        assert span.start >= previous_end, "spans overlap or go backwards"
        assert span.slice(text).strip(), "an empty span"
        previous_end = span.end


@FAST
@given(any_text, st.sampled_from([SourceKind.TEXT, SourceKind.MARKDOWN]))
def test_loading_splitting_and_sentences_never_raise(text: str, kind: SourceKind) -> None:
    document = load(text, kind)
    if document is None:
        return
    paragraphs = split_paragraphs(document)
    whole = Span(document.body_start, len(document.text))
    assert_spans_slice(paragraphs, document.text, whole)
    for paragraph in paragraphs:
        sentences = split_sentences(document.text, paragraph.start, paragraph.end)
        assert_spans_slice(sentences, document.text, paragraph)


@settings(FAST, max_examples=25)
@given(any_text)
def test_html_of_any_text_loads_or_is_refused(text: str) -> None:
    for html in (text, f"<html><body><p>{text}</p></body></html>"):
        document = load(html, SourceKind.HTML)
        if document is not None:
            assert document.text.strip()


@FAST
@given(st.lists(any_text, max_size=30))
def test_folding_never_loses_a_paragraph(texts: list[str]) -> None:
    # Copies of drawn texts too, so folding has something to fold.
    texts = texts + [t.upper() for t in texts[::3]] + texts[::2]
    groups = fold_texts(texts)
    seen = [index for group in groups for index in group.members]
    assert sorted(seen) == list(range(len(texts))), "an index is lost or in two groups"
    for group in groups:
        assert list(group.members) == sorted(group.members)
        assert group.canonical == group.members[0]
    canonicals = [g.canonical for g in groups]
    assert canonicals == sorted(canonicals)


@FAST
@given(any_text)
def test_dates_always_slice_to_their_text(text: str) -> None:
    spans = [Span(0, len(text))] if text else []
    for mentions in find_dates(text, spans, REFERENCE):
        for mention in mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
            assert mention.to_json()["granularity"]


@FAST
@given(st.lists(any_text, max_size=10))
def test_scores_are_probabilities(texts: list[str]) -> None:
    scored = score_sentences(texts)
    assert len(scored) == len(texts)
    for one in scored:
        assert 0.0 <= one.score <= 1.0


def extraction_of(text: str, kind: SourceKind) -> Extraction | None:
    document = load(text, kind)
    if document is None:
        return None
    return extract(document, reference_date=TODAY, today=TODAY)


@FAST
@given(any_text, st.sampled_from([SourceKind.TEXT, SourceKind.MARKDOWN]))
def test_extract_offsets_always_slice_the_text_to_the_claim(text: str, kind: SourceKind) -> None:
    extraction = extraction_of(text, kind)
    if extraction is None:
        return
    event(f"sentences: {min(len(extraction.sentences), 3)}")
    document_text = extraction.document.text
    ids = [s.id for s in extraction.sentences]
    assert len(ids) == len(set(ids)), "two sentences share an id"
    for sentence in extraction.sentences:
        assert document_text[sentence.start : sentence.end] == sentence.text
        assert sentence.occurrences[0] == sentence.span
        for copy in sentence.occurrences:
            assert 0 <= copy.start < copy.end <= len(document_text)
        assert sentence.paragraph.contains(sentence.span)
        for date in sentence.dates:
            assert document_text[date.start : date.end] == date.text
            assert sentence.start <= date.start and date.end <= sentence.end
    assert extraction.to_json(all_sentences=True)["sentences"] == len(extraction.sentences)


notes = st.one_of(st.sampled_from(["", "ok", "| a | b |", "<script>x</script>\n# h"]), any_text)


@settings(FAST, max_examples=40)
@given(
    any_text,
    st.lists(st.tuples(st.sampled_from(list(Verdict)), notes), max_size=12),
    st.lists(st.tuples(st.text(max_size=40), notes), max_size=3),
)
def test_the_report_of_any_review_keeps_one_table_row_per_claim(
    text: str,
    marks: list[tuple[Verdict, str]],
    orphans: list[tuple[str, str]],
) -> None:
    from workbench.core.report import render_markdown

    extraction = extraction_of(text, SourceKind.TEXT)
    if extraction is None:
        return
    sentences = extraction.sentences
    reviews = [
        ClaimReview(
            claim_id=s.id,
            text=s.text,
            start=s.start,
            end=s.end,
            verdict=verdict,
            note=note,
            urls=("https://example.org/a|b",),
        )
        for s, (verdict, note) in zip(sentences, marks, strict=False)
    ]
    lost = [
        ClaimReview(claim_id=f"gone{i}", text=t, verdict=Verdict.DISPUTED, note=n)
        for i, (t, n) in enumerate(orphans)
    ]
    session = Session(article_source="a", reviews=tuple(reviews), orphaned=tuple(lost))
    report = render_markdown(extraction, session, generated_at="2023-07-30T12:00:00Z")

    listed = {c.id for c in extraction.claims} | {r.claim_id for r in reviews}
    if not listed:
        assert "No check-worthy claims" in report
        return
    event("report with a claim table")
    rows = raw_claim_table(report)
    assert len(rows) == 2 + len(listed)
    assert {raw_cells(row) for row in rows} == {5}, rows
    assert len(claim_table(report)) == 1 + len(listed)
