"""The tense a date is written in, from the words around it in its own clause.

Deliberately small: the nearest marker decides which year a bare "July 28" or which week a bare
"Friday" means, and a past-tense sentence about a date after the reference date earns a warning.
Markers that usually signal the future ("will", "expected", "scheduled") win over past ones.
Markers are read only in the date's own clause (commas, semicolons and a "but"/"and" that opens
a new verb end it): in "who died on Saturday, will lie in state", "will" is not about Saturday.
A present-tense marker ("ends", "is") closest to the date means "the nearest one", and so does
a clause with no marker at all.

Every look is bounded: a clause is sought at most `CLAUSE_REACH` characters either side of the
date, so the work per date is the same in a 40-word sentence and in a 2 MB text with no
punctuation (where reading the whole "clause" for every date in it made the cost quadratic).
"""

from __future__ import annotations

import re
from typing import Literal

from workbench.core.dates.patterns import any_case

Tense = Literal["past", "future"]

CLAUSE_REACH = 400
"""How many characters either side of a date its clause (and its tense markers) may reach.
Clauses of prose are far shorter, so this changes nothing on ordinary text."""

_FUTURE_WORDS = (
    *("will", "shall", "won't", "won’t", "going to", "gonna", "expect", "expects", "expected"),
    *("scheduled", "slated", "planned to", "planned for", "plan to", "plans to", "set to", "due"),
    *("upcoming", "intend to", "intends to", "aim to", "aims to", "to be held", "would", "could"),
    *("might", "should", "forecast"),
)
_STRONG_FUTURE_WORDS = (
    *("will", "shall", "won't", "won’t", "going to", "scheduled", "slated", "due", "expect"),
    *("expects", "plan to", "plans to", "planned to", "planned for"),
)
_PRESENT_WORDS = ("is", "are", "has", "runs", "ends", "opens", "closes", "starts", "begins")


def _guarded(pattern: str, initials: str) -> str:
    """`pattern` behind a one-character guard: the positions where it cannot start (most of
    them) fail at once. Markers are looked for around every date, so this is most of the cost
    of reading tense."""
    return rf"(?=[{re.escape(''.join(sorted(set(initials))))}])(?:{pattern})"


def _initials(words: tuple[str, ...]) -> str:
    """The first letters of `words` in both cases, and the apostrophes of "'ll"."""
    return "".join(w[0].lower() + w[0].upper() for w in words) + "'’"


_WILL = r"(?i:['’]ll\b)"
# "may" is a marker only in lower case: "May 15" is a month.
_FUTURE = re.compile(
    _guarded(rf"\b{any_case(*_FUTURE_WORDS)}\b|{_WILL}|\bmay\b", _initials(_FUTURE_WORDS) + "m")
)
# Markers that put the whole rest of the clause in the future ("will be held on 6 May").
_STRONG_FUTURE = re.compile(
    _guarded(rf"\b{any_case(*_STRONG_FUTURE_WORDS)}\b|{_WILL}", _initials(_STRONG_FUTURE_WORDS))
)
# Irregular past forms news prose uses most, then any "-ed" word of five letters or more.
_PAST = re.compile(
    r"(?=[a-z])\b(?:was|were|had|did|said|told|went|came|met|began|took|gave|made|saw|won|lost|"
    r"left|held|led|sent|spoke|wrote|became|fell|rose|hit|struck|fled|ran|paid|sold|bought|died|"
    r"tied|brought|thought|found|kept|chose|drew|grew|broke|stood|sat|ago|"
    r"[a-z]{3,}(?<!need)(?<!hundr)(?<!spe)(?<!ind)(?<!exce)(?<!succe)(?<!procee)ed)\b"
)
_NEUTRAL_ED = frozenset({"hundred", "indeed", "speed", "exceed", "succeed", "proceed", "need"})
# Present-tense verbs of timetables ("the exhibition closes on Sunday"): the nearest occurrence.
_PRESENT = re.compile(
    _guarded(rf"\b(?:{'|'.join(_PRESENT_WORDS)})\b", "".join(w[0] for w in _PRESENT_WORDS))
)
# A participle right after a form of "be" is passive ("was adjourned", "is expected to be met"):
# it says nothing about when the date is.
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$")
# A participle right after a determiner or a noun's possessive is an adjective ("the tunnel's
# corroded shafts", "a delayed train"): it says nothing about when the date is either.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|its|their|his|our|your|my|these|those)\s+|\b(?P<owner>\w+)['’]s\s+)$"
)
_CONTRACTED = frozenset(
    {"he", "she", "it", "that", "there", "here", "who", "what", "where", "let", "how"}
)
"""Words whose "'s" is "is", "has" or "us", not a possessive ("he's moved")."""
_BE_FORMS = frozenset({"was", "were"})
# Prepositions that make the date an end point or a deadline, normally still ahead.
_FORWARD_BEFORE = re.compile(r"(?i:\b(until|till|through|by)\s+(?:the\s+)?(?:mid-?)?\s*)$")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_REPORTING = frozenset(
    {"report", "reports", "post", "posts", "announce", "announces", "expect", "expects"}
)
"""Present-tense verbs that take a period's results as their object."""
# What ends a clause: punctuation, or "but"/"and" before a new verb (checked separately).
_BOUNDARY = re.compile(r"[,;:](?=\s)|\s[—–]\s|\b(?:but|and)\s+(?=[a-z])")


def verb_before(text: str, pos: int, lo: int) -> bool:
    """Whether the word just before `pos` is a verb ("reported third-quarter revenue")."""
    match = _WORD_BEFORE.search(text, max(lo, pos - 24), pos)
    return match is not None and (
        _is_verb_at(text, match.start(1), pos) or match.group(1) in _REPORTING
    )


def _is_verb_at(text: str, pos: int, hi: int) -> bool:
    """Whether the word at `pos` opens a new clause's verb ("and opens", "but shelved")."""
    for pattern in (_PAST, _FUTURE, _PRESENT):
        match = pattern.match(text, pos, hi)
        if match is not None:
            return True
    return False


def clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of the sentence `text[lo:hi]` that holds `text[start:end]`, no further than
    `CLAUSE_REACH` characters from it on either side."""
    lo, hi = reach(start, end, lo, hi)
    clo, chi = lo, hi
    for match in _BOUNDARY.finditer(text, lo, hi):
        if start <= match.start() < end:
            continue
        if match.group()[0].isalpha() and not _is_verb_at(text, match.end(), hi):
            continue
        if match.end() <= start:
            clo = match.end()
        elif match.start() >= end:
            chi = match.start()
            break
    return clo, chi


def reach(start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """`lo, hi` narrowed to `CLAUSE_REACH` characters around `start, end`."""
    return max(lo, start - CLAUSE_REACH), min(hi, end + CLAUSE_REACH)


def _markers(text: str, lo: int, hi: int, skip: tuple[int, int]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the tense markers in `text[lo:hi]`, outside `skip`."""
    found: list[tuple[int, int, str]] = []
    for pattern, kind in ((_FUTURE, "future"), (_PAST, "past"), (_PRESENT, "present")):
        for match in pattern.finditer(text, lo, hi):
            if skip[0] <= match.start() < skip[1]:
                continue
            if kind == "past" and match.group().endswith("ed") and _participle(text, lo, match):
                continue
            found.append((match.start(), match.end(), kind))
    return found


def _participle(text: str, lo: int, match: re.Match[str]) -> bool:
    """Whether the "-ed" word matched is a passive or an adjective rather than a past verb."""
    window = max(lo, match.start() - 24)
    if _PASSIVE_BEFORE.search(text, window, match.start()):
        return True
    attributive = _ATTRIBUTIVE_BEFORE.search(text, window, match.start())
    if attributive is None:
        return False
    owner = attributive.group("owner")
    return owner is None or owner.casefold() not in _CONTRACTED


def _nearest(markers: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for m_start, m_end, kind in markers:
        distance = start - m_end if m_end <= start else m_start - end
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best is not None else None


def tense_near(text: str, start: int, end: int, lo: int, hi: int) -> Tense | None:
    """The tense of the marker nearest to `text[start:end]` within its clause of `text[lo:hi]`.

    None means "no direction": the caller takes the nearest occurrence.
    """
    clo, chi = clause_bounds(text, start, end, lo, hi)
    if _STRONG_FUTURE.search(text, clo, start):
        return "future"
    markers = _markers(text, clo, chi, (start, end))
    # A date phrase opening the sentence before a comma ("On Friday, ...", "By May, ...").
    fronted = clo == lo and chi < reach(start, end, lo, hi)[1] and len(text[clo:start].split()) <= 2
    forward = _FORWARD_BEFORE.search(text, max(clo, start - 16), start)
    if forward is not None:
        # "was adjourned until Tuesday" is still ahead; "remained shut until May", "had
        # fallen by May" are not: an active past verb governing the preposition turns it back.
        before = [m for m in markers if m[1] <= start]
        if before:
            m_start, m_end, last = max(before, key=lambda m: m[1])
            if last == "past" and text[m_start:m_end] not in _BE_FORMS:
                return "past"
            return "future"
        if not fronted:
            return "future"
        # "By the end of the week, 2 million doses had been given": the main clause decides.
    if not markers and fronted:
        # A leading "On Friday," takes its tense from the clause that follows it.
        _, next_hi = clause_bounds(text, chi + 1, chi + 1, lo, hi)
        markers = _markers(text, chi, next_hi, (start, end))
    nearest = _nearest(markers, start, end)
    if nearest == "past":
        return "past"
    return "future" if nearest == "future" else None


def past_marker(text: str, lo: int, hi: int, skip: tuple[int, int]) -> str | None:
    """The past-tense word that makes the sentence `text[lo:hi]` clearly past, or None.

    None as soon as anything in the sentence points to the future or a possibility, so the
    warning it feeds stays rare and right. Only `CLAUSE_REACH` characters around `skip` are read.
    """
    lo, hi = reach(skip[0], skip[1], lo, hi)
    if _FUTURE.search(text, lo, hi):
        return None
    for match in _PAST.finditer(text, lo, hi):
        if skip[0] <= match.start() < skip[1] or match.group().casefold() in _NEUTRAL_ED:
            continue
        if match.group() == "ago":
            continue
        return match.group()
    return None
