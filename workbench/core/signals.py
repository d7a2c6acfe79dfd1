"""Rule-based signals: the named reasons a sentence may be worth checking.

Each signal is a small set of regular expressions over the sentence as written (case matters for
names). They explain a score to the checker ("number, attribution") and are also features of the
learned model (`checkworthiness_model`). They are written for speed: a handful of precompiled
searches per sentence, no tokenisation, because every sentence of a long article goes through them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Set as AbstractSet
from typing import Final

from workbench.core.dates.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

SIGNAL_NAMES: Final = (
    "date",
    "number",
    "quotation",
    "attribution",
    "entity",
    "comparison",
    "causal",
)
"""Every signal, in the fixed order `find_signals` reports them."""

_DIGIT: Final = re.compile(r"\d")
# Lower-cased word tokens with digits folded to 0 ("2019" and "1998" are the same token).
WORD: Final = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
"""A word token of lower-cased, digit-folded text (the model tokenises many texts at once)."""
fold_digits: Final = _DIGIT.sub
"""`fold_digits("0", text)`: every digit made 0, as `tokenize` does before matching `WORD`."""


def tokenize(text: str) -> list[str]:
    """The lower-cased word tokens of `text`, digits folded to 0 (shared with the model)."""
    return WORD.findall(_DIGIT.sub("0", text.lower()))


def bigrams_of(words: list[str]) -> set[str]:
    """The adjacent word pairs of `words`, joined by a space."""
    return set(map(" ".join, itertools.pairwise(words)))


# Cues are looked up as whole lower-cased words and word pairs in sets: one tokenisation per
# sentence and a few set intersections are several times faster than case-insensitive regex
# alternations, which Python's `re` tries at every position.
# March and May are left out here: as words they are as often a verb and a name (see below).
_DATE_WORDS: Final = frozenset(
    {name.casefold() for name in MONTH_NAMES if name not in ("March", "May")}
    | {name.casefold() for name in WEEKDAY_NAMES}
    | {
        "yesterday", "tomorrow", "tonight", "ago", "decade", "decades",
        "century", "centuries", "0000s", "0000's", "0000’s", "0s", "00s",
    }
)  # fmt: skip
_DATE_PAIRS: Final = frozenset(
    f"{a} {b}"
    for a in ("last", "next", "this", "past", "coming", "previous")
    for b in ("week", "month", "year", "decade", "weekend", "summer", "winter", "spring")
)
# Case matters for "March" and "May" (also common words); "Jan." is a month only with its full stop
# and a day after it. Each is searched only when its lower-cased token is there, since a regex
# scan of the whole sentence costs more than the set lookups.
_MAY_DAY: Final = re.compile(r"\bMay\s+\d")
_ABBREVIATED_MONTHS: Final = frozenset(name.casefold() for name in MONTH_ABBREVIATIONS)
_ABBREVIATED_DATE: Final = re.compile(rf"\b(?:{'|'.join(MONTH_ABBREVIATIONS)})\.\s*\d")
# Four-digit years from 1800 to 2099, and 7/28/2023:
# `\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b` written to open with the digit and check
# the word boundary behind it afterwards (`(?<!\w\d)`), so that `re` jumps from digit to digit
# instead of trying `\b` at every position (2x faster over a sentence, the same matches).
_YEAR: Final = re.compile(r"\d(?<!\w\d)(?:(?<=1)[89]\d\d\b|(?<=2)0\d\d\b|\d?/\d{1,2}/\d{2,4}\b)")


def _has_date(text: str, vocabulary: AbstractSet[str], bigrams: AbstractSet[str]) -> bool:
    if not _DATE_WORDS.isdisjoint(vocabulary) or not _DATE_PAIRS.isdisjoint(bigrams):
        return True
    if ("0000" in vocabulary or "0" in vocabulary) and _YEAR.search(text):
        return True
    if "march" in vocabulary and "March" in text:
        return True
    if "may" in vocabulary and _MAY_DAY.search(text):
        return True
    return not _ABBREVIATED_MONTHS.isdisjoint(vocabulary) and bool(_ABBREVIATED_DATE.search(text))


_NUMBER_CHARS: Final = re.compile(r"[\d%$€£¥]")
_NUMBER_WORDS: Final = frozenset(
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "trillions", "dozen", "dozens", "percent",
        "percentage", "half", "quarter", "twice", "double", "doubled", "triple", "tripled",
        "halved", "first", "third", "fourth", "fifth", "tenth",
    }
)  # fmt: skip
_NUMBER_PAIRS: Final = frozenset({"per cent"})

_QUOTATION: Final = re.compile(r"[\"“”«»„]")

_ATTRIBUTION_WORDS: Final = frozenset(
    {
        "said", "says", "told", "tells", "reported", "reports", "reportedly", "claimed",
        "claims", "stated", "announced", "confirmed", "denied", "testified", "acknowledged",
        "admitted", "warned", "alleged", "revealed", "insisted", "wrote", "writes",
        "estimated", "estimates", "declared", "disclosed", "noted", "spokesman",
        "spokeswoman", "spokesperson", "quoted", "cited", "citing",
    }
)  # fmt: skip
_ATTRIBUTION_PAIRS: Final = frozenset({"according to", "a statement", "a report"})

# Two or more capitalised words in a row ("Kim Jong Un", "South Korean", "Security Council"),
# allowing "of"/"the"/"and" inside names ("Bank of England"). Hyphenated parts count
# ("Sung-lac", "Thomas-Greenfield").
#
# Both patterns open with the capital and check the word boundary behind it afterwards
# (`(?<!\w[A-Z])` is `\b` before the capital): `re` then jumps from capital to capital instead of
# trying a leading `\b` at every position, which is several times slower.
_CAPITALISED_RUN: Final = re.compile(
    r"[A-Z](?<!\w[A-Z])[\w’'\-]*(?:\s+(?:(?:of|the|de|and|for)\s+)?[A-Z][\w’'\-]*)+"
)
# Acronyms: "U.N.", "U.S.", "NATO", "FBI". Two letters at least; "I" and "OK" are not names.
_ACRONYM: Final = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:\.(?:[A-Z]\.)+|(?!(?<=O)K\b)[A-Z]{1,5}s?\b(?![’'.]?[a-z]))"
)
_ENTITY_STOP: Final = frozenset(
    {
        "I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d", "Mr", "Mrs", "Ms",
        "Dr", "OK", "Okay", "God", "Sir", "Madam",
    }
)  # fmt: skip
_NAME_WORD = r"[A-Z][a-z][\w’'\-]*"
# A single capitalised word that is not at the start of the sentence nor after a full stop,
# colon or opening quote ("guided Shoigu", "in Beijing"), and is no stop word ("Mr"). It opens
# with the whitespace and checks the character behind it afterwards, so that `re` jumps from
# space to space instead of trying every lower-case letter; `has_entity` only asks whether
# there is one (see there why this finds a name whenever the name list did).
_MIDDLE_NAME: Final = re.compile(
    r"\s(?<=[a-z,;)]\s)(?!(?:"
    + "|".join(sorted(w for w in _ENTITY_STOP if re.fullmatch(_NAME_WORD, w)))
    + rf")(?![\w’'\-])){_NAME_WORD}"
)
_SENTENCE_STARTERS: Final = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "So", "It", "This", "That",
        "These", "Those", "There", "Then", "We", "He", "She", "They", "You", "I", "If", "When",
        "While", "As", "After", "Before", "Since", "For", "From", "With", "By", "To", "Of",
        "Meanwhile", "Recently", "However", "Now", "Well", "Yes", "No", "Thank", "Good",
        "What", "Why", "How", "Who", "Where", "Our", "My", "His", "Her", "Their", "Its",
        "Let", "Let's", "Let’s", "Also", "Today", "Tonight", "Under", "Last", "Next",
    }
)  # fmt: skip

_COMPARISON_WORDS: Final = frozenset(
    {
        "than", "fewer", "fewest", "most", "least", "more", "less", "higher", "highest",
        "lower", "lowest", "larger", "largest", "bigger", "biggest", "smaller", "smallest",
        "greater", "greatest", "worse", "worst", "better", "best", "faster", "fastest",
        "slower", "slowest", "longer", "longest", "shorter", "shortest", "richer", "richest",
        "poorer", "poorest", "record", "outnumber", "outnumbered",
    }
)  # fmt: skip
_COMPARISON_PAIRS: Final = frozenset({"compared to", "compared with", "as many", "as much"})
# A superlative is "the/its/...  <word>est": "the strongest", "its busiest".
_SUPERLATIVE_AFTER: Final = frozenset(
    {"the", "its", "their", "his", "her", "our", "world's", "world’s", "nation's", "nation’s"}
)
# "-est" words that are not superlatives.
_NOT_SUPERLATIVE: Final = frozenset(
    {
        "interest", "rest", "test", "west", "honest", "forest", "request", "protest",
        "contest", "arrest", "invest", "suggest", "harvest", "conquest", "quest", "chest",
        "nest", "guest", "manifest", "inquest", "behest", "modest", "digest", "latest",
    }
)  # fmt: skip

_CAUSAL_WORDS: Final = frozenset(
    {
        "because", "caused", "causes", "causing", "therefore", "thus", "consequently",
        "triggered", "blamed", "hence",
    }
)  # fmt: skip
_CAUSAL_PAIRS: Final = frozenset(
    {
        "led to", "leads to", "lead to", "leading to", "cause of", "due to", "a result",
        "a consequence", "resulted in", "results in", "result in", "resulting in", "thanks to",
        "owing to", "response to", "contributed to", "responsible for", "so that", "is why",
        "that's why", "that’s why",
    }
)  # fmt: skip


_CUE_WORDS: Final = (
    _DATE_WORDS
    | _ABBREVIATED_MONTHS
    | {"0000", "0", "march", "may"}
    | _NUMBER_WORDS
    | _ATTRIBUTION_WORDS
    | _COMPARISON_WORDS
    | _CAUSAL_WORDS
)
"""Every word some signal looks for (`find_signals` keeps only these of a sentence)."""
_CUE_PAIRS: Final = (
    _DATE_PAIRS | _NUMBER_PAIRS | _ATTRIBUTION_PAIRS | _COMPARISON_PAIRS | _CAUSAL_PAIRS
)
"""Every word pair some signal looks for."""


def has_entity(text: str) -> bool:
    """Whether `text` names a person, organisation or place (by capitalisation and acronyms)."""
    # Every pattern below needs a capital after the first character; most debate lines and many
    # sentences have none, and two C-level string copies are far cheaper than three regex scans.
    rest = text[1:]
    if rest == rest.lower():
        return False
    # Cheapest and most frequent first: a capitalised word in mid-sentence. (This once listed
    # the words of `[a-z,;)]\s(NAME)` and asked for one not a stop word; that list skips a
    # name right after another, as in "Mr Smith", where this finds "Smith". Both decide the
    # same: such a pair is a capitalised run not at the start, which the loop below accepts.)
    if _MIDDLE_NAME.search(text) is not None:
        return True
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        if match.start() > 0 or words[0] not in _SENTENCE_STARTERS:
            return True
        # The first word is capitalised because it starts the sentence, not because it is a
        # name: in "The Senate" or "In Beijing" only the second word is.
        if any(w[0].isupper() and w not in _ENTITY_STOP for w in words[1:]):
            return True
    return _ACRONYM.search(text) is not None


def _has_superlative(words: list[str]) -> bool:
    for before, word in itertools.pairwise(words):
        if (
            word.endswith("est")
            and before in _SUPERLATIVE_AFTER
            and len(word) > 5
            and word not in _NOT_SUPERLATIVE
        ):
            return True
    return False


def find_signals(
    text: str, words: list[str] | None = None, bigrams: set[str] | None = None
) -> tuple[str, ...]:
    """The signals found in `text`, in the order of `SIGNAL_NAMES`.

    `words` and `bigrams` are `tokenize(text)` and `bigrams_of(words)`, passed in when the
    caller has them already (the model does).
    """
    if words is None:
        words = tokenize(text)
    if bigrams is None:
        bigrams = bigrams_of(words)
    # Every test below only asks which cue words and pairs occur: two intersections with all
    # the cues at once leave small sets, which the tests then probe almost for free.
    vocabulary = _CUE_WORDS.intersection(words)
    pairs = _CUE_PAIRS.intersection(bigrams)
    found: list[str] = []
    if _has_date(text, vocabulary, pairs):
        found.append("date")
    if (
        _NUMBER_CHARS.search(text)
        or not _NUMBER_WORDS.isdisjoint(vocabulary)
        or not _NUMBER_PAIRS.isdisjoint(pairs)
    ):
        found.append("number")
    if _QUOTATION.search(text):
        found.append("quotation")
    if not _ATTRIBUTION_WORDS.isdisjoint(vocabulary) or not _ATTRIBUTION_PAIRS.isdisjoint(pairs):
        found.append("attribution")
    if has_entity(text):
        found.append("entity")
    if (
        not _COMPARISON_WORDS.isdisjoint(vocabulary)
        or not _COMPARISON_PAIRS.isdisjoint(pairs)
        or ("est" in text and _has_superlative(words))
    ):
        found.append("comparison")
    if not _CAUSAL_WORDS.isdisjoint(vocabulary) or not _CAUSAL_PAIRS.isdisjoint(pairs):
        found.append("causal")
    return tuple(found)
