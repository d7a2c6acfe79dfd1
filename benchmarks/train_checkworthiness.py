"""Train the check-worthiness model and write `workbench/core/data/checkworthiness.json`.

    python benchmarks/train_checkworthiness.py

Trains on all of ClaimBuster (from `../shared/data/checkworthiness/`) with the settings chosen by
cross-validation in `eval_checkworthiness.py`, which imports the same `fit`. CLEF-2019 is not
trained on: its label means "picked by a fact-checker from a whole debate", a different task, and
adding it lowered ClaimBuster F1 while barely moving CLEF MAP (see the evaluation's notes).
scikit-learn is a training dependency only: the exported JSON is read by pure Python.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

from workbench.core.checkworthiness import CHECKWORTHY_THRESHOLD
from workbench.core.checkworthiness_model import (
    LinearModel,
    analyse,
    char_grams,
    char_norm,
    flag_features,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data" / "checkworthiness"
OUTPUT = (
    Path(__file__).resolve().parents[1] / "workbench" / "core" / "data" / "checkworthiness.json"
)

C = 0.3
"""Inverse regularisation strength of the linear SVM (chosen by cross-validation)."""
MIN_DF = 2
"""A word or char n-gram must occur in this many training sentences to get a weight."""
DECIMALS = 4
"""Weights are rounded to this many decimals in the data file (keeps it small)."""


@dataclass(frozen=True)
class Corpus:
    """Both sets as parallel lists (ClaimBuster first, then CLEF in debate order)."""

    texts: list[str]
    labels: np.ndarray
    source: np.ndarray
    """0 for ClaimBuster, 1 for CLEF."""
    debate: np.ndarray
    """Debate file name for CLEF lines, "" for ClaimBuster."""
    key: list[str]
    """Normalised text, to keep a sentence found in both sets out of training when it is tested."""


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def load_corpus() -> Corpus:
    """Read both sets; exits with a message when ../shared/data is missing."""
    if not DATA.is_dir():
        sys.exit(f"training data not found: {DATA} (it lives outside the repository)")
    claimbuster = json.loads((DATA / "claimbuster_train.json").read_text("utf-8"))
    with (DATA / "clef2019_train.csv").open(encoding="utf-8", newline="") as f:
        clef = list(csv.DictReader(f))
    texts = [r["text"] for r in claimbuster] + [r["text"] for r in clef]
    labels = [int(r["label"]) for r in claimbuster] + [int(r["label"]) for r in clef]
    source = [0] * len(claimbuster) + [1] * len(clef)
    debate = [""] * len(claimbuster) + [r["file_name"] for r in clef]
    return Corpus(
        texts=texts,
        labels=np.array(labels),
        source=np.array(source),
        debate=np.array(debate),
        key=[_key(t) for t in texts],
    )


@dataclass(frozen=True)
class Features:
    """Per-sentence features, computed once and shared by every fold."""

    words: list[list[str]]
    chars: list[list[str]]
    flags: list[list[str]]
    norms: list[int]
    """`char_norm` of each sentence."""


def featurize(texts: Sequence[str]) -> Features:
    """The runtime model's own features for each text."""
    words: list[list[str]] = []
    chars: list[list[str]] = []
    flags: list[list[str]] = []
    norms: list[int] = []
    for text in texts:
        analysis = analyse(text)
        words.append(sorted(analysis.features))
        chars.append([g for w in analysis.words for g in char_grams(w)])
        flags.append(flag_features(text, analysis))
        norms.append(char_norm(analysis.words))
    return Features(words, chars, flags, norms)


def _identity(x: list[str]) -> list[str]:
    return x


def _fit_linear(features: Features, rows: np.ndarray, labels: np.ndarray, c: float) -> LinearModel:
    """The SVM on `rows`, exported as a `LinearModel` with a placeholder sigmoid."""
    word_vec = CountVectorizer(analyzer=_identity, binary=True, min_df=MIN_DF)
    char_vec = CountVectorizer(analyzer=_identity, min_df=MIN_DF)
    flag_vec = CountVectorizer(analyzer=_identity, binary=True)
    xw = normalize(word_vec.fit_transform([features.words[i] for i in rows]).astype(np.float64))
    xc = char_vec.fit_transform([features.chars[i] for i in rows]).astype(np.float64)
    counts = np.array([max(features.norms[i], 1) for i in rows], dtype=np.float64)
    xc = sparse.diags(1.0 / np.sqrt(counts)) @ xc
    xf = flag_vec.fit_transform([features.flags[i] for i in rows]).astype(np.float64)
    x = sparse.hstack([xw, xc, xf]).tocsr()
    svm = LinearSVC(C=c, class_weight="balanced", max_iter=5000)
    svm.fit(x, labels[rows])
    coef = svm.coef_[0]
    n_words = len(word_vec.vocabulary_)
    n_chars = len(char_vec.vocabulary_)

    def weights(vocabulary: dict[str, int], start: int) -> dict[str, float]:
        out = {f: round(float(coef[start + j]), DECIMALS) for f, j in vocabulary.items()}
        return {f: w for f, w in out.items() if w != 0.0}

    return LinearModel(
        word_weights=weights(word_vec.vocabulary_, 0),
        char_weights=weights(char_vec.vocabulary_, n_words),
        flag_weights=weights(flag_vec.vocabulary_, n_words + n_chars),
        bias=round(float(svm.intercept_[0]), DECIMALS),
        slope=1.0,
        cutoff=0.0,
        listed_at=CHECKWORTHY_THRESHOLD,
    )


def decisions(model: LinearModel, texts: Sequence[str]) -> np.ndarray:
    """The runtime decision values (pure-Python path) for `texts`."""
    return np.array([model.decision(t, analyse(t)) for t in texts])


def _best_cutoff(values: np.ndarray, labels: np.ndarray) -> float:
    """The decision value that maximises the positive class's F1 on (held-out) `values`."""
    order = np.argsort(-values)
    hits = np.cumsum(labels[order])
    listed = np.arange(1, len(values) + 1)
    f1 = 2 * hits / (listed + labels.sum())
    best = int(np.argmax(f1))
    # Halfway to the next value down, so the chosen sentence itself is listed.
    below = values[order[best + 1]] if best + 1 < len(values) else values[order[best]] - 1.0
    return float((values[order[best]] + below) / 2)


def fit(corpus: Corpus, features: Features, rows: np.ndarray, *, c: float = C) -> LinearModel:
    """Train on `rows` (ClaimBuster rows); choose the sigmoid and cutoff on inner folds.

    An inner stratified 3-fold split of the training rows gives decision values of sentences
    the inner model did not see. The F1-best cutoff and the Platt slope are fitted on those, so
    nothing about the listing threshold is tuned on a test fold.
    """
    model = _fit_linear(features, rows, corpus.labels, c)
    held: list[float] = []
    held_y: list[int] = []
    folds = StratifiedKFold(3, shuffle=True, random_state=1)
    for train, test in folds.split(rows, corpus.labels[rows]):
        inner = _fit_linear(features, rows[train], corpus.labels, c)
        held.extend(decisions(inner, [corpus.texts[i] for i in rows[test]]))
        held_y.extend(corpus.labels[rows[test]])
    values = np.array(held)
    labels = np.array(held_y)
    cutoff = _best_cutoff(values, labels)
    platt = LogisticRegression(C=1e6).fit(values[:, None], labels)
    slope = float(platt.coef_[0][0])
    assert slope > 0 and math.isfinite(slope)
    return LinearModel(
        word_weights=model.word_weights,
        char_weights=model.char_weights,
        flag_weights=model.flag_weights,
        bias=model.bias,
        slope=round(slope, DECIMALS),
        cutoff=round(cutoff, DECIMALS),
        listed_at=CHECKWORTHY_THRESHOLD,
    )


def main() -> None:
    corpus = load_corpus()
    rows = np.flatnonzero(corpus.source == 0)
    features = featurize(corpus.texts)
    model = fit(corpus, features, rows)
    meta = {
        "trained_on": "ClaimBuster two-class train split (utaresearch/claimbuster-spotter)",
        "sentences": len(rows),
        "classifier": "LinearSVC, class_weight=balanced",
        "C": C,
        "min_df": MIN_DF,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.to_json(meta), ensure_ascii=False, separators=(",", ":"))
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.2f} MB, "
        f"{len(model.word_weights)} word features, {len(model.char_weights)} char n-grams, "
        f"{len(model.flag_weights)} flags, slope {model.slope}, cutoff {model.cutoff})"
    )


if __name__ == "__main__":
    main()
