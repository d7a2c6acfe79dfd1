"""Names in a claim and in a passage, matched the way people write them.

A name is a run of whole capitalised words (never a piece of a word: "It also" has no name
"al"), joined by spaces or by the lowercase particles of names ("Ibn al Haytham", "Ludwig van
Beethoven"). Possessives, hyphens and curly or straight apostrophes are the same name
("Russia’s" is "Russia's" is "Russia").

A claim's name agrees with the passage when the passage has the whole name, or, for a name of
several words, its last word (the surname: "Sergei Shoigu" / "Shoigu"); never only its first
word ("New York Times" is not "New", "North Korea" is not "North"). A name the passage lacks is
reported only when the passage names someone else in the same role (the same first name, or
the same words right before or after it): that catches a changed name without turning every
extra name of a long passage into noise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.dates.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from workbench.core.evidence.records import NOT_IN_PASSAGE, Finding
from workbench.core.evidence.words import STOPWORDS, Token, base_form, fold, tokens
from workbench.core.spans import Span

_PARTICLES = frozenset(
    {"of", "al", "bin", "ibn", "de", "del", "della", "der", "van", "von", "la", "da"}
)
"""Lowercase words that sit inside names, only ever between two capitalised words."""
_GRAMMAR = frozenset(
    re.findall(
        r"\S+",
        """
        a an the this that these those there then he she it they we you i his her its their our
        my your in on at by for from of to and but or nor so if as after before when while since
        with into over under about during despite although though because according also however
        meanwhile yesterday today tomorrow tonight last next mr mrs ms dr
        """,
    )
)
_NOT_NAMES = _GRAMMAR | {m.lower() for m in (*MONTH_NAMES, *WEEKDAY_NAMES)}
"""Capitalised for grammar or for dates, not because they name someone."""
_OPENERS = " \t\n\"'(-:;\u2014\u2013"
"""What may stand before a sentence's first word: that word is capitalised for grammar."""
_ENDS = (".", "!", "?")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "prof", "lt"})
"""Abbreviated titles: their full stop does not end a sentence."""
_PLACE_WORDS = frozenset(
    re.findall(
        r"\S+",
        """
        north south east west northern southern eastern western new united great saint san
        santa los las st fort mount lake port royal national general central upper lower
        """,
    )
)
"""First words shared by unrelated places and bodies (North Korea, North Carolina): a shared
one says nothing about a shared role."""


@dataclass(frozen=True)
class Name:
    """A name as written in a text."""

    text: str
    """As written (possessive `'s` left out)."""
    start: int
    """Offset in the text."""
    end: int
    """End offset."""
    parts: tuple[str, ...]
    """Its words, lowercase, hyphens split (`Jean-Pierre Roux` → jean, pierre, roux)."""
    before: str | None
    """The word right before it (lowercase), or None at the start."""
    after: str | None
    """The word right after it (lowercase), or None at the end."""

    @property
    def span(self) -> Span:
        """Where it is."""
        return Span(self.start, self.end)

    @property
    def surname(self) -> tuple[str, ...]:
        """The parts of its last word (`Kowalczyk`, or `jean`, `pierre` for a hyphenated one)."""
        return _parts(self.text.split()[-1])


def _parts(word: str) -> tuple[str, ...]:
    return tuple(p for p in base_form(fold(word)).lower().replace("-", " ").split() if p)


def names_in(text: str, skip: Sequence[Span] = ()) -> list[Name]:
    """The names of `text`, minus any inside the `skip` spans (quotations)."""
    words = tokens(text)
    names: list[Name] = []
    index = 0
    while index < len(words):
        if not _name_word(words[index]):
            index += 1
            continue
        run = [index]
        at = index + 1
        while at < len(words):
            gap = text[words[at - 1].end : words[at].start]
            if gap.strip() or "\n" in gap or words[at - 1].key != words[at - 1].text.lower():
                break  # punctuation, a new line or a possessive ends a name
            if _name_word(words[at]):
                run.append(at)
            elif (
                words[at].text in _PARTICLES
                and at + 1 < len(words)
                and _name_word(words[at + 1])
                and not text[words[at].end : words[at + 1].start].strip()
            ):
                run.extend((at, at + 1))
                at += 1
            else:
                break
            at += 1
        index = at
        first, last = words[run[0]], words[run[-1]]
        # A lone capitalised word is a name when written in capitals ("NATO") or as a
        # possessive ("Russia's army"); otherwise at a sentence's start it is grammar.
        lone = len(run) == 1 and not first.text.isupper() and first.key == first.text.lower()
        if lone and not text[: first.start].strip(_OPENERS):
            continue  # one capitalised word opening the text is grammar, not a name
        after_title = run[0] > 0 and words[run[0] - 1].key in _TITLES
        if lone and not after_title and text[: first.start].rstrip(_OPENERS).endswith(_ENDS):
            continue  # nor one opening a later sentence
        span = Span(first.start, first.start + len(_shown(text, first, last)))
        if any(s.start < span.end and span.start < s.end for s in skip):
            continue
        shown = text[span.start : span.end]
        before = words[run[0] - 1].key if run[0] > 0 else None
        after = words[run[-1] + 1].key if run[-1] + 1 < len(words) else None
        parts = tuple(p for w in shown.split() for p in _parts(w))
        names.append(Name(shown, span.start, span.end, parts, before, after))
    return names


def _name_word(token: Token) -> bool:
    key = token.key
    return (
        token.capitalised
        and key not in _NOT_NAMES
        and len(key) > 1
        and key.rpartition("'")[2] not in _CONTRACTIONS
    )


_CONTRACTIONS = frozenset({"re", "ve", "ll", "d", "m", "t"})
"""Endings of "We're", "I've", "Don't": capitalised, but not names."""


def _shown(text: str, first: Token, last: Token) -> str:
    """The name from `first` to `last`, its possessive left out."""
    end = last.start + len(base_form(last.text))
    return text[first.start : end]


@dataclass(frozen=True)
class _Indexed:
    """A passage's words, for finding names in it as whole tokens."""

    text: str
    words: list[Token]
    keys: list[str]
    named: list[bool]
    """Whether each word can be part of a name as written: capitalised, a particle, a number
    or the inner piece of a hyphenated word (`A350-900`, `New York-listed`)."""

    @classmethod
    def of(cls, text: str) -> _Indexed:
        words: list[Token] = []
        named: list[bool] = []
        for token in tokens(text):
            for number, (offset, part) in enumerate(_split_hyphens(base_form(token.text))):
                start = token.start + offset
                words.append(Token(part, start, start + len(part)))
                named.append(
                    number > 0 or part[:1].isupper() or part[:1].isdigit() or part in _PARTICLES
                )
        return cls(text, words, [w.text.lower() for w in words], named)

    def find(self, parts: tuple[str, ...]) -> tuple[int, int] | None:
        """Where the capitalised words `parts` appear in a row, as whole words."""
        size = len(parts)
        if not size:
            return None
        for index in range(len(self.keys) - size + 1):
            if (
                self.keys[index] == parts[0]
                and tuple(self.keys[index : index + size]) == parts
                and all(self.named[index : index + size])
            ):
                return self.words[index].start, self.words[index + size - 1].end
        return None


def _split_hyphens(word: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    at = 0
    for piece in word.split("-"):
        if piece:
            pieces.append((at, piece))
        at += len(piece) + 1
    return pieces


def compare_names(names: Sequence[Name], passage: str) -> list[tuple[str, Finding]]:
    """Each claim name against the passage: `("agree", ...)`, or `("differ", ...)` when the
    passage lacks it and names someone else in its place; nothing otherwise."""
    indexed = _Indexed.of(passage)
    passage_names: list[Name] | None = None
    results: list[tuple[str, Finding]] = []
    for name in names:
        found = indexed.find(name.parts)
        how = "named"
        if found is None and len(name.text.split()) > 1:
            found = indexed.find(name.surname)
            how = f"named as {passage[found[0] : found[1]]}" if found else how
        if found is not None:
            start, end = found
            written = passage[start:end]
            note = f"name “{name.text}” = “{written}”"
            if how != "named":
                note += " (the surname)"
            results.append(
                (
                    "agree",
                    Finding("name", name.text, name.start, name.end, written, start, end, note),
                )
            )
            continue
        if passage_names is None:
            passage_names = names_in(passage)
        rival, why = _same_role(name, passage_names)
        if rival is None:
            continue
        note = f"name “{name.text}” {NOT_IN_PASSAGE}; it has “{rival.text}” {why}"
        finding = Finding(
            "name", name.text, name.start, name.end, rival.text, rival.start, rival.end, note
        )
        results.append(("differ", finding))
    return results


def _same_role(name: Name, passage_names: Sequence[Name]) -> tuple[Name | None, str]:
    """A passage name in the claim name's place, and why it is taken to be."""
    for other in passage_names:
        if other.parts == name.parts:
            continue
        if (
            len(name.parts) == len(other.parts) > 1
            and other.parts[0] == name.parts[0]
            and name.parts[0] not in _PLACE_WORDS
        ):
            return other, f"sharing its first word, {other.text.split()[0]}"
    mine = set(name.parts)
    for other in passage_names:
        theirs = set(other.parts)
        if theirs <= mine or mine <= theirs:
            continue  # the same name, shortened or lengthened ("Kim" in "Kim Jong Un")
        same_before = other.before == name.before
        same_after = other.after == name.after
        if same_before and same_after:
            where = (
                f"between “{name.before}” and “{name.after}”"
                if name.before and name.after
                else f"after “{name.before}”"
                if name.before
                else f"before “{name.after}”"
                if name.after
                else "standing alone"
            )
            return other, f"in the same place ({where})"
        if same_before and name.before and name.before not in STOPWORDS:
            return other, f"in the same place (after “{name.before}”)"
        if same_after and name.after and name.after not in STOPWORDS:
            return other, f"in the same place (before “{name.after}”)"
    return None, ""
