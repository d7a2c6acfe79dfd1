"""Duplicate folding: exact and near copies fold, different claims never do, nothing is lost."""

from __future__ import annotations

import random

from workbench.core.folding import FoldGroup, fold_spans, fold_texts, normalise
from workbench.core.spans import Span

PARAGRAPH = (
    "The Harbour Authority said on Wednesday that the tunnel would close for 14 months from "
    "June 3, after engineers found corrosion in its ventilation shafts that was far worse "
    "than a survey had shown last year."
)
OTHER = (
    "Business owners in Northfield warned that the timing could not be worse, and a survey "
    "of their members found that most expected sales to fall sharply during the closure."
)


def groups_of(texts: list[str]) -> list[tuple[int, ...]]:
    return [group.members for group in fold_texts(texts)]


def assert_partition(groups: list[FoldGroup], size: int) -> None:
    """Every index in exactly one group, members sorted, groups ordered by first member."""
    members = [m for g in groups for m in g.members]
    assert sorted(members) == list(range(size))
    assert all(list(g.members) == sorted(g.members) for g in groups)
    assert [g.canonical for g in groups] == sorted(g.canonical for g in groups)


def test_exact_copies_fold_and_keep_every_offset() -> None:
    text = f"{PARAGRAPH}\n{OTHER}\n{PARAGRAPH}\n"
    first = Span(0, len(PARAGRAPH))
    second = Span(first.end + 1, first.end + 1 + len(OTHER))
    third = Span(second.end + 1, second.end + 1 + len(PARAGRAPH))
    groups = fold_spans(text, [first, second, third])
    assert [g.members for g in groups] == [(0, 2), (1,)]
    assert groups[0].canonical == 0


def test_one_word_changed_folds() -> None:
    edited = PARAGRAPH.replace("far worse", "much worse")
    assert groups_of([PARAGRAPH, OTHER, edited]) == [(0, 2), (1,)]


def test_typography_and_whitespace_differences_fold() -> None:
    curly = "“We have no safe alternative to a full closure,” said Daniel Brandt – its engineer."
    straight = (
        '"We have no safe alternative to a full closure," said Daniel Brandt - its engineer.  '
    )
    assert normalise(curly) == normalise(straight)
    assert groups_of([curly, straight]) == [(0, 1)]
    assert groups_of([PARAGRAPH, PARAGRAPH.upper() + " \t\n"]) == [(0, 1)]


def test_curly_apostrophe_and_line_breaks_fold() -> None:
    a = "The delegations’ visits came because Beijing and Moscow have drawn Pyongyang closer."
    b = "The delegations' visits came because Beijing and Moscow\r\nhave drawn Pyongyang closer."
    assert groups_of([a, b]) == [(0, 1)]


def test_a_changed_number_is_a_different_claim() -> None:
    a = "Health officials said 105 children died in the outbreak in the northern province."
    b = "Health officials said 115 children died in the outbreak in the northern province."
    assert groups_of([a, b]) == [(0,), (1,)]
    words = "Health officials said three children died in the outbreak in the northern province."
    assert groups_of([words, words.replace("three", "four")]) == [(0,), (1,)]


def test_a_changed_time_word_is_a_different_claim() -> None:
    a = "The three countries' leaders will likely meet next month to hold a summit in Tokyo."
    assert groups_of([a, a.replace("month", "year")]) == [(0,), (1,)]
    assert groups_of([a, a.replace("likely", "probably")]) == [(0, 1)]


def test_an_all_capitals_copy_still_folds() -> None:
    a = "Councillor Samuel Reyes called the package a plaster on a broken leg, the minutes show."
    assert groups_of([a, a.upper().replace("BROKEN", "BROKE")]) == [(0, 1)]


def test_a_negated_sentence_is_a_different_claim() -> None:
    a = "The minister said the new bridge would be finished before the end of next year."
    b = "The minister said the new bridge would not be finished before the end of next year."
    assert groups_of([a, b]) == [(0,), (1,)]


def test_different_paragraphs_sharing_a_template_stay_apart() -> None:
    texts = [
        f"The council voted on Tuesday to close the {place} library, citing falling visitor "
        "numbers and the cost of repairs to its roof."
        for place in ("Northfield", "Riverside", "Harbourside", "Elston")
    ]
    assert groups_of(texts) == [(0,), (1,), (2,), (3,)]


def test_short_texts_fold_only_when_exactly_equal() -> None:
    texts = ["Yes.", "Advertisement", "yes", "Yes!", "No.", "ADVERTISEMENT", "Read more", "Read on"]
    assert groups_of(texts) == [(0, 2, 3), (1, 5), (4,), (6,), (7,)]


def test_empty_input_and_empty_texts() -> None:
    assert fold_texts([]) == []
    assert fold_spans("", []) == []
    assert groups_of(["", "  ", "!!"]) == [(0, 1, 2)]


def test_all_identical_input_is_one_group() -> None:
    groups = fold_texts([PARAGRAPH] * 50)
    assert [g.members for g in groups] == [tuple(range(50))]


def test_copies_are_joined_transitively() -> None:
    once = PARAGRAPH.replace("far worse", "much worse")
    twice = once.replace("engineers found", "engineers discovered")
    assert groups_of([PARAGRAPH, OTHER, once, twice]) == [(0, 2, 3), (1,)]


def test_a_paragraph_is_not_folded_into_a_longer_one_that_contains_it() -> None:
    longer = PARAGRAPH + " The repair bill has more than doubled, according to board papers."
    assert groups_of([PARAGRAPH, longer]) == [(0,), (1,)]


def test_copies_edited_at_both_ends_behind_shared_boilerplate_fold() -> None:
    """The blocking must find copies even when every text shares an opening and a sign-off."""
    rng = random.Random(3)
    words = ["harbour", "tunnel", "council", "minister", "budget", "bridge", "ferry", "union"]
    texts = []
    for _ in range(300):
        body = " ".join(rng.choice(words) + str(rng.randrange(10_000)) for _ in range(30))
        texts.append(f"Advertisement. Story continues below. {body}. Sign up for our newsletter.")
    edited = "Story continues below." + texts[17].split("below.", 1)[1] + " (Reuters)"
    groups = fold_texts([*texts, edited])
    assert_partition(groups, 301)
    assert (17, 300) in [g.members for g in groups]
    assert len(groups) == 300


def test_generated_input_is_a_partition() -> None:
    rng = random.Random(11)
    texts = [
        " ".join(rng.choice(["a", "b", "c", "tunnel", "said", "7", "not"]) for _ in range(n))
        for n in (rng.randrange(0, 12) for _ in range(500))
    ]
    assert_partition(fold_texts(texts), len(texts))


def test_non_latin_text_folds_by_the_same_rules() -> None:
    a = "Мэр города заявил, что тоннель откроется в следующем месяце после ремонта."
    b = "«Мэр города заявил, что тоннель откроется в следующем месяце после ремонта»"
    c = "Мэр города заявил, что тоннель откроется в следующем месяце после ремонта моста."
    d = "Мэр города заявил, что 2 тоннеля откроются в следующем месяце после ремонта."
    assert normalise(a) == normalise(b)
    assert groups_of([a, b, c, d]) == [(0, 1, 2), (3,)]
