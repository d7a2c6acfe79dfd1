"""Sentence splitting with exact character offsets.

INTERFACE (kept stable for the rest of the core): `split_sentences(text, start, end)`.

How it works, in three passes that never copy the text:

1. Hard breaks cut the range into blocks: a blank line, or a line break before a bullet or a
   list marker. A single line break inside a paragraph is ordinary whitespace.
2. A block that opens with a list marker ("1.", "2)", "1.)", "a.", "•") is cut before each
   following marker of the same list ("2.", "3.", ...), even when no full stop precedes it.
3. One compiled regex finds the candidate ends: a run of `.`, `!`, `?` or `…` (spaced ellipses
   included) with any closing quotes or brackets, followed by whitespace. Cheap checks on the
   word before and the word after decide each candidate: abbreviations, initials, acronyms,
   clock times, ellipses, a lower-case continuation.

The rules follow the "Golden Rules" of the Pragmatic Segmenter / pySBD test suite.

A sentence is never longer than `MAX_SENTENCE_CHARS`: a run of text without sentence punctuation
(a transcript, an OCR dump, a pasted feed) is cut into pieces at a clause mark or a space near the
limit, so that every later stage reads a bounded piece per sentence. Offsets stay exact.
"""

from __future__ import annotations

import re

from workbench.core.segment_abbreviations import (
    AFTER_TIME,
    BEFORE_NUMBERS,
    ENDABLE,
    NEVER_FINAL,
    STARTERS,
    STATES,
    TIMES,
    TITLE_BREAKERS,
    TITLES,
)
from workbench.core.spans import Span

_NEWLINE = r"(?:\r\n|\r|\n)"
_BULLETS = "•⁃▪‣◦●■"
_MARKER = r"\(?(?:\d{1,3}|[a-z])(?:\.\)|[.)])"

# A paragraph break, or a line break that opens a bullet or numbered line. Every branch starts
# with the line-break character itself so the engine can skip ahead to it at C speed.
_HARD_BREAK = re.compile(
    r"[\r\n\u2029](?:"
    r"(?<=\u2029)\s*"
    r"|(?:(?<=\r)\n)?+[^\S\r\n]*(?:\r\n|\r|\n)\s*"
    rf"|(?:(?<=\r)\n)?+(?=[^\S\r\n]*(?:[{_BULLETS}]|[-*+]\s|{_MARKER}\s))"
    r")"
)

# A run of end marks ("." "?!" "…" ". . ."), closing quotes or brackets, then whitespace. The
# lookbehinds (placed after the first mark, so the engine can still skip to candidate marks at
# C speed) make a run match only from its first mark: a long run of dots is scanned once, in
# linear time, not once from every position inside it.
_CANDIDATE = re.compile(
    r"(?P<run>[.!?…‽](?<![.!?…‽].)(?<![.!?…‽] .)(?:[ ]?[.!?…‽])*+)"
    r"[\"'”’»)\]]*+"
    r"(?=\s|\Z)"
)

# What follows a candidate: whitespace, opening quotes or brackets, then the next token.
_NEXT = re.compile(r"\s*[\"'“‘«(\[]*(?=(?P<token>\S?))(?P<word>[A-Za-z]*)")

# A list marker opening a block: "1.", "2)", "1.)", "(3)", "a.", with optional bullet.
_LIST_START = re.compile(rf"(?:[{_BULLETS}]\s*)?(?P<marker>{_MARKER})\s")
_BULLET_START = re.compile(rf"[{_BULLETS}]")

# Text that is nothing but a list marker or bullet ("1", "• 9", "2.)", "a").
_ONLY_MARKER = re.compile(rf"[{_BULLETS}]?\s*\(?(?:\d{{1,3}}|[A-Za-z])\.?\)?")

# Letters separated by dots: "U.S", "U.S.A", "a.m", "e.g" (the final period is the candidate).
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

# A sentence that so far is only a time phrase ("At 5 a.m."), which cannot stand alone.
_TIME_OPENING = re.compile(
    r"\s*(?:at|by|until|till|before|after|from|around|about|since|shortly after|just after)"
    r"\s+(?:about\s+|around\s+)?[\d:.]+\s*",
    re.IGNORECASE,
)

_NON_SPACE = re.compile(r"\S")

_OPENERS = "\"'“‘«([{"

MAX_SENTENCE_CHARS = 2_000
"""The longest a sentence can be, in characters. News sentences run to a few hundred; without
a cap, a 2 MB text with no full stop is one "sentence" that no reader can check and that every
per-sentence stage (scoring, tense, folding, display) would read whole, once per item in it."""

_CUT_SEARCH = MAX_SENTENCE_CHARS // 2
"""How far back from the cap a better place to cut (a clause mark, a space) is looked for."""

# A clause mark followed by whitespace (cut after the mark), else any whitespace.
_CLAUSE_MARK = re.compile(r"[,;:)\]”’\"'](?=\s)|\s[—–-](?=\s)")
_SPACE = re.compile(r"\s")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside `text[start:end]`, trimmed of whitespace, in order.

    Offsets are into `text` (not the slice). A paragraph break is always a boundary, so
    callers usually pass one paragraph at a time. Never raises on any string.
    """
    length = len(text)
    stop = length if end is None else max(0, min(end, length))
    begin = max(0, min(start, stop))
    spans: list[Span] = []
    block_start = begin
    # A paragraph break opens with one of three characters; most calls (one paragraph of text)
    # hold none, which three C-level finds tell faster than the pattern's scan.
    if (
        text.find("\n", begin, stop) >= 0
        or text.find("\r", begin, stop) >= 0
        or text.find("\u2029", begin, stop) >= 0
    ):
        for brk in _HARD_BREAK.finditer(text, begin, stop):
            _split_block(text, block_start, brk.start(), spans)
            block_start = brk.end()
    _split_block(text, block_start, stop, spans)
    return spans


def _split_block(text: str, start: int, stop: int, out: list[Span]) -> None:
    """Append the sentences of one block (no paragraph break inside) to `out`."""
    item_start = start
    for cut in _list_cuts(text, start, stop):
        _split_item(text, item_start, cut, out)
        item_start = cut
    _split_item(text, item_start, stop, out)


def _list_cuts(text: str, start: int, stop: int) -> list[int]:
    """Where the items of a list that opens the block begin (after the first item)."""
    first = _NON_SPACE.search(text, start, stop)
    if first is None:
        return []
    start = first.start()
    if _BULLET_START.match(text, start, stop):
        # "• first • second": every bullet after whitespace opens an item.
        bullet = text[start]
        bullet_cuts: list[int] = []
        position = text.find(bullet, start + 1, stop)
        while position >= 0:
            if text[position - 1].isspace():
                bullet_cuts.append(position)
            position = text.find(bullet, position + 1, stop)
        return bullet_cuts
    opening = _LIST_START.match(text, start, stop)
    if opening is None:
        return []
    marker = opening.group("marker")
    label = marker.strip("().")
    shape = marker.replace(label, "{}", 1)
    cuts: list[int] = []
    position = opening.end()
    following = _successor(label)
    while following is not None:
        wanted = shape.format(following)
        found = text.find(wanted, position, stop)
        # The marker must stand alone: whitespace before and after ("item 2. The").
        while found >= 0 and not (
            text[found - 1].isspace()
            and found + len(wanted) < stop
            and text[found + len(wanted)].isspace()
        ):
            found = text.find(wanted, found + 1, stop)
        if found < 0:
            break
        cuts.append(found)
        position = found + len(wanted)
        following = _successor(following)
    return cuts


def _successor(label: str) -> str | None:
    """The next label of a list: "3" after "2", "c" after "b"; None after "z"."""
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1 and "a" <= label < "z":
        return chr(ord(label) + 1)
    return None


def _split_item(text: str, start: int, stop: int, out: list[Span]) -> None:
    """Append the sentences of `text[start:stop]` to `out`, cutting at decided candidates."""
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, stop):
        cut = _decide(text, match, sentence_start, stop)
        if cut > sentence_start:
            _append_trimmed(text, sentence_start, cut, out)
            sentence_start = cut
    _append_trimmed(text, sentence_start, stop, out)


def _append_trimmed(text: str, start: int, stop: int, out: list[Span]) -> None:
    piece = text[start:stop]
    stripped = piece.lstrip()
    if not stripped:
        return
    first = start + len(piece) - len(stripped)
    last = first + len(stripped.rstrip())
    while last - first > MAX_SENTENCE_CHARS:
        cut = _cut_before_cap(text, first, first + MAX_SENTENCE_CHARS)
        out.append(Span(first, len(text[first:cut].rstrip()) + first))
        following = _NON_SPACE.search(text, cut, last)
        assert following is not None  # text[last - 1] is not whitespace
        first = following.start()
    out.append(Span(first, last))


def _cut_before_cap(text: str, start: int, cap: int) -> int:
    """Where to end an over-long sentence starting at `start`, at or before `cap`: after the
    last clause mark near the cap, else at the last whitespace, else (one endless word) at the
    cap itself. Only the last `_CUT_SEARCH` characters are read, so cutting stays linear."""
    low = max(start + 1, cap - _CUT_SEARCH)
    mark = _last_match(_CLAUSE_MARK, text, low, cap)
    if mark is not None:
        return mark.end()
    space = _last_match(_SPACE, text, low, cap)
    return space.start() if space is not None else cap


def _last_match(pattern: re.Pattern[str], text: str, start: int, stop: int) -> re.Match[str] | None:
    """The last match of `pattern` in `text[start:stop]`, or None."""
    found = None
    for found in pattern.finditer(text, start, stop):  # noqa: B007 - the last one is wanted
        pass
    return found


def _decide(text: str, match: re.Match[str], sentence_start: int, stop: int) -> int:
    """Where the sentence ends at this candidate, or -1 when the candidate is no boundary."""
    after = match.end()
    following = _NEXT.match(text, after, stop)
    token = following.group("token") if following else ""
    if not token:
        return -1  # end of the block: the block end closes the sentence anyway
    run_start = match.start("run")
    run = match.group("run")
    lower_next = token.islower()
    if run[0] in "!?‽":
        return -1 if lower_next else after
    dots = run.count(".") + 3 * run.count("…")
    if dots >= 3:
        return _decide_ellipsis(text, run_start, run, dots, token, sentence_start, after)
    if lower_next or token in ",;:":
        return -1
    word_start = run_start
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:run_start].lstrip(_OPENERS)
    if not word:
        return after
    if len(word) <= 6 and _ONLY_MARKER.fullmatch(text, sentence_start, run_start) is not None:
        return -1  # "1. The first item": the period belongs to the list marker
    next_word = following.group("word") if following else ""
    if _continues(text, word, word_start, sentence_start, token, next_word):
        return -1
    return after


def _continues(
    text: str, word: str, word_start: int, sentence_start: int, token: str, next_word: str
) -> bool:
    """Whether the full stop after `word` is an abbreviation's, continuing the sentence."""
    key = word.lower()
    digit_next = token.isdigit()
    if len(word) == 1:
        if word.isupper():
            return _is_initial(text, word, word_start, sentence_start, next_word)
        if key in NEVER_FINAL:
            return True
        return digit_next and key in BEFORE_NUMBERS
    if _DOTTED.fullmatch(word):
        if key in NEVER_FINAL:
            return True
        if key in TIMES:
            return _time_continues(text, word_start, sentence_start, next_word)
        return digit_next or next_word not in STARTERS
    if key in TITLES:
        return next_word not in TITLE_BREAKERS
    if key in NEVER_FINAL:
        return True
    if key in BEFORE_NUMBERS:
        return digit_next
    if key in ENDABLE or word in STATES:
        return digit_next or next_word not in STARTERS
    return False


def _is_initial(
    text: str, letter: str, word_start: int, sentence_start: int, next_word: str
) -> bool:
    """Whether a capital letter before a full stop is an initial ("Jonas E. Smith")."""
    before_end = word_start
    while before_end > sentence_start and text[before_end - 1].isspace():
        before_end -= 1
    if before_end == sentence_start:
        return True  # "J. R. R. Tolkien" at the start of a sentence
    previous_start = before_end - 1
    while previous_start > sentence_start and not text[previous_start - 1].isspace():
        previous_start -= 1
    previous = text[previous_start:before_end].lstrip(_OPENERS)
    if not previous or not previous[0].isalpha():
        return next_word not in STARTERS
    if previous[0].isupper() or previous.endswith("."):
        return True  # after a capitalised name or another initial
    # After a lower-case word: "you and I. Did ..." ends; "written by J. Smith" does not.
    return letter != "I" and next_word not in STARTERS


def _time_continues(text: str, word_start: int, sentence_start: int, next_word: str) -> bool:
    """Whether a sentence goes on after "a.m." / "p.m." before a capitalised word."""
    if next_word in AFTER_TIME:
        return True
    if _TIME_OPENING.fullmatch(text, sentence_start, word_start) is not None:
        return True  # "At 5 a.m. Mr. Smith went ...": the time opens the sentence
    return next_word not in STARTERS and next_word.lower() not in TITLES


def _decide_ellipsis(
    text: str, run_start: int, run: str, dots: int, token: str, sentence_start: int, after: int
) -> int:
    """Ellipses: "...", "…", spaced ". . .", and an ellipsis after a sentence's full stop."""
    if run_start > 0 and text[run_start - 1] in "[(":
        return -1  # "[...]" marks an omission inside a quotation
    if token.islower():
        return -1
    if " " not in run:
        return after  # "I never meant that.... She left."
    attached = run_start > sentence_start and not text[run_start - 1].isspace()
    if attached and dots >= 4:
        return run_start + 1  # "compounds. . . . The": full stop, then an ellipsis opens
    if not attached and dots >= 4:
        return after  # "a period . . . . Next": ellipsis, then the full stop
    return -1  # ". . . I didn't mean it": an omission mid-sentence
