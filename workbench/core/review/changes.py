"""What changed in a sentence since its verdict: a word-level difference.

Words (and the spaces between them) are compared with difflib, so "70th" → "69th" shows as
one word removed and one added, not as a changed character in the middle of a number.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from enum import StrEnum
from typing import NamedTuple

MAX_DIFF_TOKENS = 4000
"""Above this many words and spaces, the whole old text is shown removed and the new added:
difflib's matching grows faster than the text, and a sentence that long is rewritten anyway."""

_TOKEN = re.compile(r"\s+|\S+")


class Edit(StrEnum):
    """How a piece of text fared."""

    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


class Piece(NamedTuple):
    """A run of text and how it fared."""

    edit: Edit
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """`old` → `new` as pieces in reading order (removed before added at each change)."""
    before = _TOKEN.findall(old)
    after = _TOKEN.findall(new)
    if len(before) + len(after) > MAX_DIFF_TOKENS:
        return [Piece(Edit.REMOVED, old), Piece(Edit.ADDED, new)]
    pieces: list[Piece] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece(Edit.SAME, "".join(before[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(Piece(Edit.REMOVED, "".join(before[a1:a2])))
        if b2 > b1:
            pieces.append(Piece(Edit.ADDED, "".join(after[b1:b2])))
    return pieces
