"""Sentence splitting: the 48 English Golden Rules, news-style edge cases and offset invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.segment import MAX_SENTENCE_CHARS, split_sentences
from workbench.core.spans import Span

# The "Golden Rules" English cases of the Pragmatic Segmenter, as pySBD's test suite runs them
# (tests/lang/test_english.py in nipunsadvilkar/pySBD): input text, expected sentences.
GOLDEN_RULES: list[tuple[str, list[str]]] = [
    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", ["What is your name?", "My name is Jonas."]),
    ("There it is! I found it.", ["There it is!", "I found it."]),
    ("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
    ("Please turn to p. 55.", ["Please turn to p. 55."]),
    ("Were Jane and co. at the party?", ["Were Jane and co. at the party?"]),
    (
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        ["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    ("Let's ask Jane and co. They should know.", ["Let's ask Jane and co.", "They should know."]),
    (
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."],
    ),
    ("I can see Mt. Fuji from here.", ["I can see Mt. Fuji from here."]),
    (
        "St. Michael's Church is on 5th st. near the light.",
        ["St. Michael's Church is on 5th st. near the light."],
    ),
    ("That is JFK Jr.'s book.", ["That is JFK Jr.'s book."]),
    ("I visited the U.S.A. last year.", ["I visited the U.S.A. last year."]),
    ("I live in the E.U. How about you?", ["I live in the E.U.", "How about you?"]),
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    (
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."],
    ),
    ("I have lived in the U.S. for 20 years.", ["I have lived in the U.S. for 20 years."]),
    (
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went "
        "to the store.",
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    ("She has $100.00 in her bag.", ["She has $100.00 in her bag."]),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local "
        "University.",
        [
            "He teaches science (He previously worked for 5 years as an engineer.) at the local "
            "University."
        ],
    ),
    (
        "Her email is Jane.Doe@example.com. I sent her an email.",
        ["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    (
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it "
        "out.",
        [
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    ),
    (
        "She turned to him, 'This is great.' she said.",
        ["She turned to him, 'This is great.' she said."],
    ),
    (
        'She turned to him, "This is great." she said.',
        ['She turned to him, "This is great." she said.'],
    ),
    (
        'She turned to him, "This is great." She held the book out to show him.',
        ['She turned to him, "This is great."', "She held the book out to show him."],
    ),
    ("Hello!! Long time no see.", ["Hello!!", "Long time no see."]),
    ("Hello?? Who is there?", ["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", ["Hello?!", "Is that you?"]),
    ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    (
        "1.) The first item. 2.) The second item.",
        ["1.) The first item.", "2.) The second item."],
    ),
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    ("1) The first item. 2) The second item.", ["1) The first item.", "2) The second item."]),
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", ["1. The first item.", "2. The second item."]),
    (
        "• 9. The first item • 10. The second item",
        ["• 9. The first item", "• 10. The second item"],
    ),
    ("⁃9. The first item ⁃10. The second item", ["⁃9. The first item", "⁃10. The second item"]),
    (
        "a. The first item b. The second item c. The third list item",
        ["a. The first item", "b. The second item", "c. The third list item"],
    ),
    (
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        ["You can find it at N°. 1026.253.553.", "That is where the treasure is."],
    ),
    (
        "She works at Yahoo! in the accounting department.",
        ["She works at Yahoo! in the accounting department."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
    ),
    (
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear "
        "less complex. . . .”",
        [
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will "
            "appear less complex. . . .”"
        ],
    ),
    (
        '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
        ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
    ),
    (
        "If words are left off at the end of a sentence, and that is all that is omitted, "
        "indicate the omission with ellipsis marks (preceded and followed by a space) and then "
        "indicate the end of the sentence with a period . . . . Next sentence.",
        [
            "If words are left off at the end of a sentence, and that is all that is omitted, "
            "indicate the omission with ellipsis marks (preceded and followed by a space) and "
            "then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    (
        "I never meant that.... She left the store.",
        ["I never meant that....", "She left the store."],
    ),
    (
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . "
        "I didn’t mean it.",
        [
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is "
            ". . . I didn’t mean it."
        ],
    ),
    (
        "One further habit which was somewhat weakened . . . was that of combining words into "
        "self-interpreting compounds. . . . The practice was not abandoned. . . .",
        [
            "One further habit which was somewhat weakened . . . was that of combining words "
            "into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
]


def sentences(text: str) -> list[str]:
    return [span.slice(text).strip() for span in split_sentences(text)]


def test_there_are_48_golden_rules() -> None:
    assert len(GOLDEN_RULES) == 48


@pytest.mark.parametrize(("text", "expected"), GOLDEN_RULES, ids=[t[:40] for t, _ in GOLDEN_RULES])
def test_golden_rule(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# News-style and edge cases beyond the Golden Rules: input, expected sentences.
EDGE_CASES: list[tuple[str, list[str]]] = [
    (
        "On July 27, Kim guided Shoigu through a defense exhibition featuring ballistic missiles "
        "banned by the U.N. Security Council resolution. Recently, China and Russia have "
        "hindered the council’s efforts.",
        [
            "On July 27, Kim guided Shoigu through a defense exhibition featuring ballistic "
            "missiles banned by the U.N. Security Council resolution.",
            "Recently, China and Russia have hindered the council’s efforts.",
        ],
    ),
    (
        "China has approached North Korea after the collapse of U.S.-North Korea diplomatic "
        "talks in 2019. North Korea is also...",
        [
            "China has approached North Korea after the collapse of U.S.-North Korea diplomatic "
            "talks in 2019.",
            "North Korea is also...",
        ],
    ),
    (
        "Officials in the U.S. said the plan failed.",
        ["Officials in the U.S. said the plan failed."],
    ),
    (
        "Mr. Lee, Mrs. Park and Dr. Kim met Gen. Milley, Sen. Doe and Gov. Smith.",
        ["Mr. Lee, Mrs. Park and Dr. Kim met Gen. Milley, Sen. Doe and Gov. Smith."],
    ),
    (
        "The vote is on Jan. 5. The count starts Sept. 12 at noon.",
        ["The vote is on Jan. 5.", "The count starts Sept. 12 at noon."],
    ),
    ("She loved J. R. R. Tolkien. He did not.", ["She loved J. R. R. Tolkien.", "He did not."]),
    ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
    (
        "See No. 5 on the list. It is short.",
        ["See No. 5 on the list.", "It is short."],
    ),
    (
        "Bring fruit, e.g. Apples or pears, i.e. Anything fresh.",
        ["Bring fruit, e.g. Apples or pears, i.e. Anything fresh."],
    ),
    (
        "They sold apples, pears, etc. The market closed at noon.",
        ["They sold apples, pears, etc.", "The market closed at noon."],
    ),
    (
        "They sold apples, pears, etc. at the market.",
        ["They sold apples, pears, etc. at the market."],
    ),
    (
        "Growth was 3.5 percent, or $1.2 billion, in version 2.0.1 of the plan. It rose.",
        ["Growth was 3.5 percent, or $1.2 billion, in version 2.0.1 of the plan.", "It rose."],
    ),
    ("He waited… Then he left.", ["He waited…", "Then he left."]),
    ("He waited… and then left.", ["He waited… and then left."]),
    (
        "“We will win.” The crowd cheered. “Will we?” she asked.",
        ["“We will win.”", "The crowd cheered.", "“Will we?” she asked."],
    ),
    ("He said: ‘Stop?’ Nobody did.", ["He said: ‘Stop?’", "Nobody did."]),
    (
        "The law (passed in 2019.) was repealed. (Nobody objected.) It was over.",
        ["The law (passed in 2019.) was repealed.", "(Nobody objected.)", "It was over."],
    ),
    ("What?! No way!? Really!!! Yes.", ["What?!", "No way!?", "Really!!!", "Yes."]),
    (
        "Write to jane.doe@example.org. Or visit https://example.com/a.b?x=1. Thanks.",
        ["Write to jane.doe@example.org.", "Or visit https://example.com/a.b?x=1.", "Thanks."],
    ),
    (
        "The report was\nfiled by the U.N.\nSecurity Council on\nMonday. It was long.",
        ["The report was\nfiled by the U.N.\nSecurity Council on\nMonday.", "It was long."],
    ),
    ("First paragraph\n\nSecond paragraph", ["First paragraph", "Second paragraph"]),
    ("Steps:\n1. Mix it\n2. Bake it", ["Steps:", "1. Mix it", "2. Bake it"]),
    ("Items:\n- one\n- two", ["Items:", "- one", "- two"]),
    ("2) Second item 3) Third item", ["2) Second item", "3) Third item"]),
    ("a) apples b) pears", ["a) apples", "b) pears"]),
    ("(1) Sign it. (2) File it", ["(1) Sign it.", "(2) File it"]),
    ("He was 1st. 2 of them came.", ["He was 1st.", "2 of them came."]),
    (
        "The meeting starts at 9 a.m. Monday and ends at 5 p.m. The staff then go home.",
        ["The meeting starts at 9 a.m. Monday and ends at 5 p.m.", "The staff then go home."],
    ),
    (
        "Apple Inc. Chief Executive Tim Cook spoke. Acme Inc. The firm said no.",
        ["Apple Inc. Chief Executive Tim Cook spoke.", "Acme Inc.", "The firm said no."],
    ),
    (
        "Sen. Jane Doe, D-Mass., voted no. She lives in Springfield, Ill. The vote failed.",
        ["Sen. Jane Doe, D-Mass., voted no.", "She lives in Springfield, Ill.", "The vote failed."],
    ),
    (
        "He left. At 5 a.m. Mr. Smith went to the bank.",
        ["He left.", "At 5 a.m. Mr. Smith went to the bank."],
    ),
    ("He was ill. Doctors came.", ["He was ill.", "Doctors came."]),
    (
        "The house is on Elm Dr. The owner is away.",
        ["The house is on Elm Dr.", "The owner is away."],
    ),
    ("George W. Bush met Dr. He Jiankui.", ["George W. Bush met Dr. He Jiankui."]),
    ("In 1990. 25 people came.", ["In 1990.", "25 people came."]),
    ("The U.S. 10-year yield rose.", ["The U.S. 10-year yield rose."]),
    ("Roe v. Wade was decided. It stood.", ["Roe v. Wade was decided.", "It stood."]),
    ("no punctuation at all", ["no punctuation at all"]),
    ("...", ["..."]),
    ("Hi. . Bye.", ["Hi. .", "Bye."]),
]


@pytest.mark.parametrize(("text", "expected"), EDGE_CASES, ids=[t[:40] for t, _ in EDGE_CASES])
def test_edge_case(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def assert_valid(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> None:
    """Spans inside the range, trimmed, ordered, disjoint, and covering every non-space char."""
    stop = len(text) if end is None else end
    covered = 0
    previous_end = start
    for span in spans:
        assert previous_end <= span.start < span.end <= stop
        piece = span.slice(text)
        assert piece == piece.strip()
        covered += sum(1 for ch in piece if not ch.isspace())
        previous_end = span.end
    assert covered == sum(1 for ch in text[start:stop] if not ch.isspace())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aB1 .!?…\"'”)(•\n\r\t-:;$@U", "\u2029"])))
def test_any_text_gives_valid_spans(text: str) -> None:
    assert_valid(text, split_sentences(text))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(-5, 60), st.integers(-5, 60))
def test_any_unicode_and_range_gives_valid_spans(text: str, start: int, end: int) -> None:
    spans = split_sentences(text, start, end)
    lo = max(0, min(start, len(text)))
    hi = max(lo, min(end, len(text)))
    assert_valid(text, spans, lo, hi)


def test_sub_range_offsets_point_into_the_full_text() -> None:
    before = "Ignore this. "
    paragraph = "Mr. Lee arrived in the U.S. on Monday. He left on Jan. 5."
    text = before + paragraph + " Ignore that too."
    spans = split_sentences(text, len(before), len(before) + len(paragraph))
    assert [s.slice(text) for s in spans] == [
        "Mr. Lee arrived in the U.S. on Monday.",
        "He left on Jan. 5.",
    ]
    assert spans[0].start == len(before)


def test_sub_range_ends_inside_a_sentence() -> None:
    text = "One two three. Four five six."
    assert [s.slice(text) for s in split_sentences(text, 4, 19)] == ["two three.", "Four"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\x00\x01\x02", "\u2029\u2029"])
def test_empty_and_blank_input(text: str) -> None:
    assert_valid(text, split_sentences(text))
    assert split_sentences(text.replace("\x00\x01\x02", "")) == []


def test_large_text_without_punctuation_is_cut_into_capped_pieces() -> None:
    text = "word " * 400_000 + " " * 100_000  # 2 MB, then a long blank tail
    spans = split_sentences(text)
    assert_valid(text, spans)
    assert spans[0] == Span(0, MAX_SENTENCE_CHARS - 1)  # "word word ... word" up to the cap
    assert spans[-1].end == 400_000 * 5 - 1
    assert all(len(span) <= MAX_SENTENCE_CHARS for span in spans)
    assert len(spans) < 2 * 400_000 * 5 / MAX_SENTENCE_CHARS  # pieces are near the cap, not tiny


def test_an_over_long_sentence_is_cut_after_its_last_clause_mark_near_the_cap() -> None:
    clause = "the council met again and talked about the budget for hours, "
    text = clause * (3 * MAX_SENTENCE_CHARS // len(clause)) + "and then it ended."
    spans = split_sentences(text)
    assert_valid(text, spans)
    assert [span.slice(text)[-1] for span in spans[:-1]] == [","] * (len(spans) - 1)
    assert all(MAX_SENTENCE_CHARS // 2 <= len(span) <= MAX_SENTENCE_CHARS for span in spans[:-1])


def test_one_endless_word_is_cut_at_the_cap() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 5)
    assert split_sentences(text) == [
        Span(0, MAX_SENTENCE_CHARS),
        Span(MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS),
        Span(2 * MAX_SENTENCE_CHARS, len(text)),
    ]


def test_sentences_under_the_cap_are_left_whole() -> None:
    text = "A long one " + "and more " * ((MAX_SENTENCE_CHARS - 30) // 9) + "to end."
    assert len(text) <= MAX_SENTENCE_CHARS
    assert split_sentences(text) == [Span(0, len(text))]


@pytest.mark.parametrize("unit", [".", ". ", "!?", "… ", "\n", "1. ", "• "])
def test_long_runs_stay_valid(unit: str) -> None:
    text = unit * 100_000
    assert_valid(text, split_sentences(text))


def test_paragraph_with_offsets_matches_whole_text_split() -> None:
    text = "A first sentence. A second one.\n\nMr. Smith said so. He left."
    first, second = split_sentences(text)[:2], split_sentences(text)[2:]
    assert split_sentences(text, 0, 31) == first
    assert split_sentences(text, 33) == second
