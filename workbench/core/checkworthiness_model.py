"""The learned check-worthiness model: features, the linear scorer and its shipped weights.

The model is a linear SVM trained offline on ClaimBuster by `benchmarks/train_checkworthiness.py`
and shipped as plain JSON (`data/checkworthiness.json`): explicit feature → weight tables, never
hashed features, because Python's `hash()` of a string changes from one process to the next.
Its features are word unigrams and bigrams, character 3–5-grams inside each word, and
sentence-level flags (the rule signals, lengths, first person, question marks).

Inference is pure Python — no numpy, no scikit-learn — so the CLI starts fast. Character n-grams
would be slow to extract per sentence, but each word's n-grams are fixed, so their weight sum is
computed once per distinct word and cached: a sentence then costs one dictionary look-up per
word. The feature functions here are the ones training uses, so what is measured is what ships.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Final, NamedTuple

from workbench.core.signals import bigrams_of, find_signals, tokenize

FORMAT: Final = 2
"""Version of the JSON layout; bumped when the features change meaning."""

CHAR_SIZES: Final = (3, 4, 5)
"""Lengths of the character n-grams taken inside each word (padded with a space each side)."""

_CACHE_LIMIT: Final = 200_000
"""Distinct words whose n-gram sums are kept; past this the cache starts again (bounded memory
on hostile input, while a real article has a few thousand distinct words)."""

_DIGIT: Final = re.compile(r"\d")
_FIRST_PERSON: Final = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "me", "my"})
_WE: Final = frozenset({"we", "we're", "we’re", "we've", "we’ve", "our", "us"})
_YOU: Final = frozenset({"you", "your", "you're", "you’re", "you've", "you’ve"})
# A capital letter after a lower-case word or a comma: a name, not a sentence start.
_CAPITALISED: Final = re.compile(r"[a-z,;)] [A-Z]")


def _bucket(n: int) -> str:
    """0, 1, 2, 3-4, 5-8, 9-16, 17+: counts on a rough log scale."""
    if n < 3:
        return str(n)
    if n < 5:
        return "3"
    if n < 9:
        return "5"
    if n < 17:
        return "9"
    return "17"


def char_grams(word: str) -> list[str]:
    """The character n-grams of one word, padded with a space each side (" ta", "tax", "ax ")."""
    padded = f" {word} "
    end = len(padded)
    return [padded[i : i + n] for n in CHAR_SIZES for i in range(end - n + 1)]


def char_norm(words: list[str]) -> int:
    """What the char n-gram sum is divided by the square root of: three per letter.

    Close to the sentence's count of 3–5-grams, and one C-level pass to compute, where the exact
    count would take a Python step per word."""
    return 3 * sum(map(len, words))


class Analysis(NamedTuple):
    """What the model and the signals read from one sentence, computed once.

    A named tuple rather than a dataclass: one is built per sentence, and tuples build faster.
    """

    words: list[str]
    """`signals.tokenize(text)`: lower-cased words, digits folded to 0."""
    features: set[str]
    """The binary bag of word unigrams and bigrams."""
    signals: tuple[str, ...]
    """`signals.find_signals(text)`."""


def analyse(text: str) -> Analysis:
    """Tokenise `text` once and derive the word features and the signals from it."""
    words = tokenize(text)
    bigrams = bigrams_of(words)
    signals = find_signals(text, words, bigrams)
    bigrams.update(words)
    return Analysis(words, bigrams, signals)


def flag_features(text: str, analysis: Analysis) -> list[str]:
    """Sentence-level features: the rule signals, length, digits, question, opinion markers."""
    signals = analysis.signals
    features = analysis.features
    flags = ["s:" + s for s in signals]
    flags.append("len:" + _bucket(len(analysis.words)))
    # Counting digits needs a scan; only sentences with the number signal can have any.
    digits = len(_DIGIT.findall(text)) if "number" in signals else 0
    flags.append("digits:" + _bucket(digits))
    flags.append("caps:" + _bucket(len(_CAPITALISED.findall(text))))
    # Distinct first-person words, by set intersection (cheaper than counting every token).
    flags.append("i:" + _bucket(len(_FIRST_PERSON & features)))
    flags.append("we:" + _bucket(len(_WE & features)))
    flags.append("you:" + _bucket(len(_YOU & features)))
    if text.rstrip().endswith("?"):
        flags.append("question")
    if "!" in text:
        flags.append("exclamation")
    return flags


def _sigmoid(z: float) -> float:
    # Guard exp() overflow on absurd inputs; the sigmoid is flat out there anyway.
    if z < -40.0:
        return 0.0
    if z > 40.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class LinearModel:
    """A linear scorer over three feature blocks, and the sigmoid that maps it to 0–1.

    decision = bias + Σ word weights / √(known word features)
                    + Σ char n-gram weights / √(char n-grams) + Σ flag weights
    """

    word_weights: Mapping[str, float]
    """Weight of each known word unigram/bigram; binary, L2-normalised over known features."""
    char_weights: Mapping[str, float]
    """Weight of each known character n-gram (`char_grams`); counted, and the sum divided by
    √`char_norm(words)`."""
    flag_weights: Mapping[str, float]
    """Weight of each sentence-level flag (`flag_features`)."""
    bias: float
    """The intercept."""
    slope: float
    """Platt slope: how fast the score rises with the decision value."""
    cutoff: float
    """The decision value that maps to `listed_at` (chosen on held-out folds in training)."""
    listed_at: float = 0.4
    """The score the cutoff maps to: `CHECKWORTHY_THRESHOLD`, so listing uses the tuned cutoff."""
    _char_cache: dict[str, float] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Per distinct word: the sum of its char n-gram weights."""
    _known: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    """The keys of `word_weights`, for set intersection."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_known", frozenset(self.word_weights))

    def _word_sum(self, word: str) -> float:
        weights = self.char_weights
        # fsum over a list in a fixed order: the same float in every process.
        total = math.fsum([weights.get(g, 0.0) for g in char_grams(word)])
        cache = self._char_cache
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[word] = total
        return total

    def char_part(self, words: list[str]) -> float:
        """The character n-gram block of the decision value."""
        if not words:
            return 0.0
        sums = list(map(self._char_cache.get, words))
        if None in sums:
            sums = [self._word_sum(w) if s is None else s for w, s in zip(words, sums, strict=True)]
        return math.fsum(sums) / math.sqrt(char_norm(words))  # type: ignore[arg-type]

    def decision(self, text: str, analysis: Analysis) -> float:
        """The raw linear decision value for one sentence."""
        # A C-level set intersection drops the unknown features before any Python-level loop.
        known = self._known & analysis.features
        total = self.bias
        if known:
            # fsum: exact whatever the order, and a set's order changes between processes.
            total += math.fsum(map(self.word_weights.__getitem__, known)) / math.sqrt(len(known))
        total += self.char_part(analysis.words)
        flags = self.flag_weights
        for flag in flag_features(text, analysis):
            total += flags.get(flag, 0.0)
        return total

    def probability(self, decision: float, shift: float = 0.0) -> float:
        """The decision value mapped to 0–1, `shift` added in log-odds.

        A Platt sigmoid moved so that the cutoff lands exactly on `listed_at`."""
        offset = math.log(self.listed_at / (1.0 - self.listed_at))
        return _sigmoid(self.slope * (decision - self.cutoff) + offset + shift)

    def to_json(self, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The JSON document the data file holds."""
        return {
            "format": FORMAT,
            "meta": dict(meta or {}),
            "bias": self.bias,
            "slope": self.slope,
            "cutoff": self.cutoff,
            "listed_at": self.listed_at,
            "flags": dict(sorted(self.flag_weights.items())),
            "words": dict(sorted(self.word_weights.items())),
            "chars": dict(sorted(self.char_weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        """Build the model from the data file's JSON; refuses another layout version."""
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported check-worthiness model format {data.get('format')!r}")
        return cls(
            word_weights={str(k): float(v) for k, v in data["words"].items()},
            char_weights={str(k): float(v) for k, v in data["chars"].items()},
            flag_weights={str(k): float(v) for k, v in data["flags"].items()},
            bias=float(data["bias"]),
            slope=float(data["slope"]),
            cutoff=float(data["cutoff"]),
            listed_at=float(data["listed_at"]),
        )


@cache
def shipped_model() -> LinearModel:
    """The model shipped in `workbench/core/data/checkworthiness.json`, loaded once."""
    text = (
        resources.files("workbench.core").joinpath("data/checkworthiness.json").read_text("utf-8")
    )
    return LinearModel.from_json(json.loads(text))
