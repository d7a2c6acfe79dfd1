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
`LinearModel.decisions` scores a whole article at once (the CLI's path): the same floats as
`decision` per sentence, with the per-sentence steps inlined, which matters at 8,000 sentences.
"""

from __future__ import annotations

import itertools
import json
import math
import pkgutil
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import methodcaller
from typing import Any, Final, NamedTuple

from workbench.core.signals import (
    SIGNAL_NAMES,
    WORD,
    bigrams_of,
    find_signals,
    fold_digits,
    tokenize,
)

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
_PERSONAL: Final = _FIRST_PERSON | _WE | _YOU
_NO_PERSON: Final = ("i:0", "we:0", "you:0")
# A capital letter after a lower-case word or a comma: a name, not a sentence start. Counted:
# `[a-z,;)] [A-Z]` written to open with the space (`re` then jumps from space to space), which
# counts the same, since two such three-character matches can never overlap.
_CAPITALISED: Final = re.compile(r" (?<=[a-z,;)] )[A-Z]")


def _bucket(n: int) -> str:
    """0, 1, 2, 3-4, 5-8, 9-16, 17+: counts on a rough log scale."""
    return _BUCKETS[n] if n < 17 else "17"


# `_bucket` as a table: one index per call instead of up to four comparisons.
_BUCKETS: Final = ("0", "1", "2", "3", "3", "5", "5", "5", "5", *("9",) * 8)


def char_grams(word: str) -> list[str]:
    """The character n-grams of one word, padded with a space each side (" ta", "tax", "ax ")."""
    padded = f" {word} "
    end = len(padded)
    return [padded[i : i + n] for n in CHAR_SIZES for i in range(end - n + 1)]


_SLICED_LENGTH: Final = 40
"""Padded words up to this long are cut by `_gram_slices`; a longer one (a URL, a hash, hostile
input) by `char_grams`, so the slice tables stay small (a few thousand slices in all)."""


@cache
def _gram_slices(end: int) -> tuple[slice, ...]:
    """The slices that cut a padded word of length `end` into its `char_grams`, in their order.

    Computed once per length: slicing through them with `map` makes a word's n-grams without a
    Python-level step per n-gram."""
    return tuple(slice(i, i + n) for n in CHAR_SIZES for i in range(end - n + 1))


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


_BATCH_TEXTS: Final = 256
"""Texts lower-cased and digit-folded as one string (`_folded`): the whole of a 1 MB article
is a 2-4 MB string, each copy of which takes fresh pages from the system; a batch's copies
stay in the processor's cache and reuse the same memory."""


def _folded(texts: Sequence[str]) -> list[str] | None:
    """Each text lower-cased with its digits folded to 0, done a batch at a time; None when a
    text holds NUL (the separator).

    Joined with NUL (no word character), each part lower-cases and folds exactly as the text
    alone would."""
    out: list[str] = []
    for start in range(0, len(texts), _BATCH_TEXTS):
        batch = texts[start : start + _BATCH_TEXTS]
        parts = fold_digits("0", "\x00".join(batch).lower()).split("\x00")
        if len(parts) != len(batch):
            return None
        out += parts
    return out


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
    # Distinct first-person words, by set intersection (cheaper than counting every token);
    # most sentences have none of the three, which one intersection with their union shows.
    if _PERSONAL.isdisjoint(features):
        flags += _NO_PERSON
    else:
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

    _offset: float = field(default=0.0, init=False, repr=False, compare=False)
    """The log-odds of `listed_at`, computed once rather than per sentence."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_known", frozenset(self.word_weights))
        object.__setattr__(self, "_offset", math.log(self.listed_at / (1.0 - self.listed_at)))

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

    def decisions(self, texts: Sequence[str]) -> list[tuple[float, Analysis]]:
        """`decision(text, analyse(text))` for many sentences: the same floats, computed with
        the per-sentence steps inlined and the char cache filled once for all new words."""
        return list(self.iter_decisions(texts))

    def iter_decisions(self, texts: Sequence[str]) -> Iterator[tuple[float, Analysis]]:
        """`decisions`, one sentence at a time.

        Only the sentences' words are found up front (to fill the char cache at once); each
        sentence's bigrams, signals and feature set are built as it is scored, so a caller
        that drops each analysis once read (`checkworthiness.score_with`) never holds the
        feature sets of a whole article (~20 MB at 8,000 sentences): one sentence's memory is
        reused by the next, where fresh pages for all of them cost page faults."""
        folded = _folded(texts)
        if folded is None:  # a text holding NUL: each one analysed alone
            for text in texts:
                analysis = analyse(text)
                yield self.decision(text, analysis), analysis
            return
        all_words = list(map(WORD.findall, folded))
        # A text's digits, counted in its folded form: lower-casing keeps digits and makes no
        # new ones, and folding makes each of them (and only them) a "0". One C-level count,
        # where `_DIGIT.findall` builds a list of strings.
        digit_counts = list(map(methodcaller("count", "0"), folded))
        cache = self._char_cache
        new: set[str] = set()
        for words in all_words:
            new.update(words)
        new.difference_update(cache)
        if len(cache) + len(new) > _CACHE_LIMIT:
            # Started again: every word is new then, not only those the cache did not hold.
            cache.clear()
            for words in all_words:
                new.update(words)
        get, zero, fsum = self.char_weights.get, itertools.repeat(0.0), math.fsum
        for word in new:
            # `_word_sum` inlined: `char_grams` cut by C-level slicing with the slices of the
            # padded word's length, then an exact sum (fsum: any order, same float).
            padded = f" {word} "
            end = len(padded)
            if end <= _SLICED_LENGTH:
                grams: Iterable[str] = map(padded.__getitem__, _gram_slices(end))
            else:
                grams = char_grams(word)
            cache[word] = fsum(map(get, grams, zero))
        cached = cache.__getitem__
        weight = self.word_weights.__getitem__
        known_features = self._known.intersection
        flags = self.flag_weights.get

        def table(prefix: str) -> list[float]:
            return [flags(prefix + _bucket(n), 0.0) for n in range(18)]

        by_signal = {s: flags("s:" + s, 0.0) for s in SIGNAL_NAMES}.get
        by_length, by_digits, by_caps = table("len:"), table("digits:"), table("caps:")
        by_i, by_we, by_you = table("i:"), table("we:"), table("you:")
        no_person = (by_i[0], by_we[0], by_you[0])
        question, exclamation = flags("question", 0.0), flags("exclamation", 0.0)
        capitals = _CAPITALISED.findall
        personal = _PERSONAL.isdisjoint
        first_person, we, you = _FIRST_PERSON, _WE, _YOU
        sqrt, bias = math.sqrt, self.bias
        join, pairwise = " ".join, itertools.pairwise
        for text, words, digits in zip(texts, all_words, digit_counts, strict=True):
            # `analyse`, on the words found above.
            features = set(map(join, pairwise(words)))
            signals = find_signals(text, words, features)
            features.update(words)
            # The same additions in the same order as `decision`, so the same float.
            total = bias
            known = known_features(features)
            if known:
                total += fsum(map(weight, known)) / sqrt(len(known))
            if words:
                total += fsum(map(cached, words)) / sqrt(3 * sum(map(len, words)))
            # `flag_features` inlined, each flag's weight read from a table by its count; the
            # weights are added in the order `decision` adds them.
            for signal in signals:
                total += by_signal(signal, 0.0)
            # (A conditional caps each count at 17: cheaper than a call to `min`.)
            length, caps = len(words), len(capitals(text))
            total += by_length[length if length < 17 else 17]
            total += by_digits[(digits if digits < 17 else 17) if "number" in signals else 0]
            total += by_caps[caps if caps < 17 else 17]
            if personal(features):
                total += no_person[0]
                total += no_person[1]
                total += no_person[2]
            else:
                total += by_i[min(len(first_person & features), 17)]
                total += by_we[min(len(we & features), 17)]
                total += by_you[min(len(you & features), 17)]
            if text.rstrip().endswith("?"):
                total += question
            if "!" in text:
                total += exclamation
            yield total, Analysis(words, features, signals)

    def probability(self, decision: float, shift: float = 0.0) -> float:
        """The decision value mapped to 0–1, `shift` added in log-odds.

        A Platt sigmoid moved so that the cutoff lands exactly on `listed_at`."""
        return _sigmoid(self.slope * (decision - self.cutoff) + self._offset + shift)

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
            word_weights=_float_table(data["words"]),
            char_weights=_float_table(data["chars"]),
            flag_weights=_float_table(data["flags"]),
            bias=float(data["bias"]),
            slope=float(data["slope"]),
            cutoff=float(data["cutoff"]),
            listed_at=float(data["listed_at"]),
        )


def _float_table(table: Mapping[str, Any]) -> dict[str, float]:
    """`table` as a str → float dict. Parsed JSON already is one (object keys are strings and
    the weights are written as floats): then a C-level type check and a copy replace two
    Python-level conversions per entry, ~40,000 of them."""
    if set(map(type, table.values())) <= {float} and set(map(type, table)) <= {str}:
        return dict(table)
    return {str(k): float(v) for k, v in table.items()}


@cache
def shipped_model() -> LinearModel:
    """The model shipped in `workbench/core/data/checkworthiness.json`, loaded once."""
    # `pkgutil.get_data` reads package data through the package's loader (a zip too), as
    # `importlib.resources` does, and imports in ~1 ms where that takes ~7 ms of CLI start-up.
    data = pkgutil.get_data("workbench.core", "data/checkworthiness.json")
    if data is None:  # only a loader that cannot read files; the package ships its data
        raise FileNotFoundError("workbench.core data/checkworthiness.json")
    return LinearModel.from_json(json.loads(data.decode("utf-8")))
