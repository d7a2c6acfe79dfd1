"""The word-level difference shown for a sentence edited after its verdict."""

from __future__ import annotations

from workbench.core.review.changes import MAX_DIFF_TOKENS, Edit, Piece, word_diff


def test_a_changed_word_is_removed_then_added() -> None:
    assert word_diff("the 70th anniversary", "the 69th anniversary") == [
        Piece(Edit.SAME, "the "),
        Piece(Edit.REMOVED, "70th"),
        Piece(Edit.ADDED, "69th"),
        Piece(Edit.SAME, " anniversary"),
    ]


def test_the_pieces_rebuild_both_texts() -> None:
    old, new = "Exports fell 4% in 2019, it said.", "Exports rose 4% in 2020, it said today."
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.edit is not Edit.ADDED) == old
    assert "".join(p.text for p in pieces if p.edit is not Edit.REMOVED) == new


def test_a_huge_sentence_is_not_matched_word_by_word() -> None:
    old = "word " * MAX_DIFF_TOKENS
    assert word_diff(old, old + "more") == [
        Piece(Edit.REMOVED, old),
        Piece(Edit.ADDED, old + "more"),
    ]
