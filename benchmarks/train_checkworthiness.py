"""Train the check-worthiness model and write `workbench/core/data/checkworthiness.json`.

    python benchmarks/train_checkworthiness.py

Trains on all of ClaimBuster and CLEF-2019 (from `../shared/data/checkworthiness/`) with the
settings chosen by cross-validation in `eval_checkworthiness.py`, which imports the same `fit`.
scikit-learn is a training dependency only: the exported JSON is read by pure Python.
"""

from __future__ import annotations

import csv
import json
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

from workbench.core.checkworthiness_model import LinearModel, analyse, flag_features

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data" / "checkworthiness"
OUTPUT = (
    Path(__file__).resolve().parents[1] / "workbench" / "core" / "data" / "checkworthiness.json"
)

C = 4.0
"""Inverse regularisation strength (chosen by cross-validation)."""
MIN_DF = 2
"""A word feature must occur in this many training sentences to get a weight."""
CLEF_NEGATIVE_WEIGHT = 0.3
"""Sample weight of CLEF's negative lines (ClaimBuster's and CLEF's positives weigh 1).

CLEF marks only the lines a fact-checker picked, so many factual lines are negatives there;
down-weighting them keeps ClaimBuster's F1 while CLEF's positives still help its ranking."""
CLASS_WEIGHT: dict[int, float] | None = None
"""Class weights of the logistic regression."""


@dataclass(frozen=True)
class Corpus:
    """Both training sets as parallel lists (ClaimBuster first, then CLEF in debate order)."""

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
    flags: list[list[str]]


def featurize(texts: Sequence[str]) -> Features:
    """The runtime model's own features for each text."""
    words: list[list[str]] = []
    flags: list[list[str]] = []
    for text in texts:
        analysis = analyse(text)
        words.append(sorted(analysis.features))
        flags.append(flag_features(text, analysis))
    return Features(words, flags)


def _identity(x: list[str]) -> list[str]:
    return x


def _fit_linear(
    features: Features, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, c: float
) -> LinearModel:
    word_vec = CountVectorizer(analyzer=_identity, binary=True, min_df=MIN_DF)
    flag_vec = CountVectorizer(analyzer=_identity, binary=True)
    xw = normalize(word_vec.fit_transform([features.words[i] for i in rows]).astype(np.float64))
    xf = flag_vec.fit_transform([features.flags[i] for i in rows]).astype(np.float64)
    x = sparse.hstack([xw, xf]).tocsr()
    lr = LogisticRegression(C=c, class_weight=CLASS_WEIGHT, max_iter=2000, solver="liblinear")
    lr.fit(x, labels[rows], sample_weight=weights[rows])
    coef = lr.coef_[0]
    n_words = len(word_vec.vocabulary_)
    word_weights = {f: round(float(coef[j]), 4) for f, j in word_vec.vocabulary_.items()}
    flag_weights = {f: round(float(coef[n_words + j]), 4) for f, j in flag_vec.vocabulary_.items()}
    return LinearModel(word_weights, flag_weights, round(float(lr.intercept_[0]), 4), (1.0, 0.0))


def decisions(model: LinearModel, texts: Sequence[str]) -> np.ndarray:
    """The runtime decision values (pure-Python path) for `texts`."""
    return np.array([model.decision(t, analyse(t)) for t in texts])


def fit(
    corpus: Corpus, features: Features, rows: np.ndarray, *, c: float = C, calibrate: bool = True
) -> LinearModel:
    """Train on `rows` of the corpus; Platt-calibrate on held-out ClaimBuster decisions.

    The calibration uses an inner 3-fold split of the training rows, so the sigmoid is fitted on
    decision values of sentences the inner model did not see. It is fitted on ClaimBuster rows
    only: news articles are dense in claims like ClaimBuster's sample, unlike whole debates.
    """
    weights = np.where((corpus.source == 1) & (corpus.labels == 0), CLEF_NEGATIVE_WEIGHT, 1.0)
    model = _fit_linear(features, rows, corpus.labels, weights, c)
    if not calibrate:
        return model
    inner_d: list[float] = []
    inner_y: list[int] = []
    folds = StratifiedKFold(3, shuffle=True, random_state=1)
    strata = corpus.labels[rows] * 2 + corpus.source[rows]
    for train, test in folds.split(rows, strata):
        inner = _fit_linear(features, rows[train], corpus.labels, weights, c)
        held = [i for i in rows[test] if corpus.source[i] == 0]
        inner_d.extend(decisions(inner, [corpus.texts[i] for i in held]))
        inner_y.extend(corpus.labels[held])
    platt = LogisticRegression(C=1e6).fit(np.array(inner_d)[:, None], np.array(inner_y))
    return LinearModel(
        model.word_weights,
        model.flag_weights,
        model.bias,
        (round(float(platt.coef_[0][0]), 4), round(float(platt.intercept_[0]), 4)),
    )


def main() -> None:
    corpus = load_corpus()
    features = featurize(corpus.texts)
    model = fit(corpus, features, np.arange(len(corpus.texts)))
    meta = {
        "trained_on": "ClaimBuster two-class train split + CLEF CheckThat! 2019 task 1 train",
        "sentences": len(corpus.texts),
        "C": C,
        "min_df": MIN_DF,
        "clef_negative_weight": CLEF_NEGATIVE_WEIGHT,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.to_json(meta), ensure_ascii=False, separators=(",", ":"))
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.2f} MB, "
        f"{len(model.word_weights)} word features, {len(model.flag_weights)} flags, "
        f"platt {model.platt})"
    )


if __name__ == "__main__":
    main()
