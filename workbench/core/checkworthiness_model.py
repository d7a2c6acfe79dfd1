"""The learned check-worthiness model: features, the linear scorer and its shipped weights.

The model is a logistic regression trained offline by `benchmarks/train_checkworthiness.py` and
shipped as plain JSON (`data/checkworthiness.json`): an explicit feature → weight table, never
hashed features, because Python's `hash()` of a string changes from one process to the next.
Inference is pure Python — no numpy, no scikit-learn — so the CLI starts fast and scores tens of
thousands of sentences per second. The feature functions here are the ones training uses, so what
is measured is what ships.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, NamedTuple

from workbench.core.signals import bigrams_of, find_signals, tokenize

FORMAT: Final = 1
"""Version of the JSON layout; bumped when the features change meaning."""

_DIGIT: Final = re.compile(r"\d")
_FIRST_PERSON: Final = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "me", "my"})
_WE: Final = frozenset({"we", "we're", "we’re", "we've", "we’ve", "our", "us"})
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
    flags = ["s:" + s for s in signals]
    flags.append("len:" + _bucket(len(analysis.words)))
    # Counting digits needs a scan; only sentences with the number signal can have any.
    digits = len(_DIGIT.findall(text)) if "number" in signals else 0
    flags.append("digits:" + _bucket(digits))
    flags.append("caps:" + _bucket(len(_CAPITALISED.findall(text))))
    # Distinct first-person words, by set intersection (cheaper than counting every token).
    flags.append("i:" + _bucket(len(_FIRST_PERSON & analysis.features)))
    flags.append("we:" + _bucket(len(_WE & analysis.features)))
    if text.rstrip().endswith("?"):
        flags.append("question")
    if "!" in text:
        flags.append("exclamation")
    return flags


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over word n-grams (L2-normalised) plus unnormalised flags."""

    word_weights: Mapping[str, float]
    """Weight of each known word unigram/bigram; the bag is L2-normalised over known features."""
    flag_weights: Mapping[str, float]
    """Weight of each sentence-level flag (`flag_features`)."""
    bias: float
    """The intercept."""
    platt: tuple[float, float]
    """Platt scaling (a, b): probability = 1 / (1 + exp(-(a * decision + b)))."""

    def decision(self, text: str, analysis: Analysis) -> float:
        """The raw linear decision value for one sentence."""
        known = [w for w in map(self.word_weights.get, analysis.features) if w is not None]
        total = self.bias
        if known:
            # fsum: exact whatever the order, and a set's order changes between processes.
            total += math.fsum(known) / math.sqrt(len(known))
        flags = self.flag_weights
        for flag in flag_features(text, analysis):
            total += flags.get(flag, 0.0)
        return total

    def probability(self, decision: float, shift: float = 0.0) -> float:
        """The decision value mapped to 0–1 by the Platt sigmoid, `shift` added in log-odds."""
        a, b = self.platt
        z = a * decision + b + shift
        # Guard exp() overflow on absurd inputs; the sigmoid is flat out there anyway.
        if z < -40.0:
            return 0.0
        if z > 40.0:
            return 1.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The JSON document the data file holds."""
        return {
            "format": FORMAT,
            "meta": dict(meta or {}),
            "bias": self.bias,
            "platt": list(self.platt),
            "flags": dict(sorted(self.flag_weights.items())),
            "words": dict(sorted(self.word_weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        """Build the model from the data file's JSON; refuses another layout version."""
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported check-worthiness model format {data.get('format')!r}")
        a, b = data["platt"]
        return cls(
            word_weights={str(k): float(v) for k, v in data["words"].items()},
            flag_weights={str(k): float(v) for k, v in data["flags"].items()},
            bias=float(data["bias"]),
            platt=(float(a), float(b)),
        )


@cache
def shipped_model() -> LinearModel:
    """The model shipped in `workbench/core/data/checkworthiness.json`, loaded once."""
    text = (
        resources.files("workbench.core").joinpath("data/checkworthiness.json").read_text("utf-8")
    )
    return LinearModel.from_json(json.loads(text))
