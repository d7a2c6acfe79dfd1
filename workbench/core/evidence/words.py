"""Words as the evidence comparison sees them: whole tokens with offsets, quotes and apostrophes
folded to one style, and the grammar words that tell nothing about what a sentence is about.

Every helper keeps offsets: folding replaces one character with one character, so a position
in the folded text is the same position in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.dates.lexicon import MONTH_NAMES, WEEKDAY_NAMES

_FOLD = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u02bc": "'",  # ʼ
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
    }
)

TOKEN = re.compile(r"\w+(?:[-'.]\w+)*")
"""A word of the folded text: letters and digits, with inner hyphens, apostrophes and dots
(`Jean-Pierre`, `O'Brien`, `U.S`), never part of a word."""

STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        """
    a an the and or but nor of to in on at by for with from as into onto over under after before
    about above below between during through against among within without upon is are was were be
    been being am has have had having do does did doing it its it's this that these those he she
    they them his her hers their theirs we us our ours you your yours i me my mine not no so than
    then there here which who whom whose what when where why how said says say saying will would
    shall should can could may might must also more most less least up down out off if all any
    some such only other others just very much many each every both either neither own same too
    again further once per via like told tell according while since until though although yet
    still even ever new now one ones s t
    """,
    )
)
"""Words too common to say what a sentence is about."""


def fold(text: str) -> str:
    """`text` with curly quotes and apostrophes straight and dashes plain (same length)."""
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text."""

    text: str
    """As written (folded)."""
    start: int
    """Offset in the text."""
    end: int
    """End offset."""

    @property
    def key(self) -> str:
        """The word for comparing: lowercase, possessive `'s` and a trailing apostrophe off."""
        return base_form(self.text).lower()

    @property
    def capitalised(self) -> bool:
        """Whether it starts with a capital letter."""
        return self.text[:1].isupper()


def base_form(word: str) -> str:
    """`Russia's` → `Russia`, `Jones'` → `Jones` (folded text)."""
    if word.endswith(("'s", "'S")):
        return word[:-2]
    return word.rstrip("'")


def tokens(text: str) -> list[Token]:
    """The words of `text` in order (folding applied, offsets into `text`)."""
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(fold(text))]


DATE_WORDS = frozenset(
    [m.lower() for m in (*MONTH_NAMES, *WEEKDAY_NAMES)]
    + re.findall(r"\S+", "yesterday today tomorrow tonight week weeks month months year years ago")
    + ["last", "next"]
)
"""Words of dates: the date engine compares dates; as words they say little about a topic."""


_POSSESSIVE = re.compile(r"'s\b")
_PART = re.compile(r"[^\W_]+")


def content_words(text: str) -> set[str]:
    """What a text is about: its lowercase words (hyphenated ones split, possessives off)
    minus grammar words, date words and bare numbers."""
    return topic_words(_PART.findall(_POSSESSIVE.sub("", fold(text).lower())))


def topic_words(words: Iterable[str]) -> set[str]:
    """`words` (lowercase) minus grammar words, date words, numbers and single letters."""
    return {
        w
        for w in words
        if len(w) > 1 and w not in STOPWORDS and w not in DATE_WORDS and not w.isdigit()
    }


def singular(word: str) -> str:
    """A rough singular for unit nouns: `minutes` → `minute`, `companies` → `company`."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
