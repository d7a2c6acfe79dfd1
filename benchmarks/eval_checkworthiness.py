"""Cross-validated evaluation of check-worthiness scoring, and its speed.

    python benchmarks/eval_checkworthiness.py [--folds 5] [--groups 5] [--c 0.3] [--baseline]

- ClaimBuster: stratified k-fold (shuffled, seed 0). Each fold's model is trained by
  `train_checkworthiness.fit` on the other folds only; `fit` picks its listing cutoff and sigmoid
  on inner 3-fold splits of those training folds, never on the test fold. Reported: precision,
  recall and F1 of the positive class at `CHECKWORTHY_THRESHOLD` on the shipped score — what
  `score_sentences` would list — and the macro and class-weighted F1 over both classes (the
  averages the ClaimBuster papers report).
- CLEF-2019: the 19 debates dealt round-robin into k groups (`--groups 19`: one debate each). Each
  group is ranked by a model trained on ClaimBuster minus any sentence whose text is in the
  held-out debates (three 2016 debates are in both sets). The shipped model never trains on CLEF,
  so this is a transfer test; the metric is the lab's mean average precision over debates.
- `--baseline` also runs the reference TF-IDF word 1-2-grams + logistic regression (sklearn
  defaults, threshold 0.5) under the same folds.

Scores come from the runtime code (`workbench.core.checkworthiness.score_with`) with each fold's
model, so the number measured is the number shipped. Speed is measured on the shipped model:
CPU time of this process, best of five, after the first call (which loads the model).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold
from train_checkworthiness import C, Corpus, Features, featurize, fit, load_corpus

from workbench.core.checkworthiness import CHECKWORTHY_THRESHOLD, score_sentences, score_with


def claimbuster_cv(
    corpus: Corpus, features: Features, folds: int, c: float, baseline: bool
) -> None:
    cb = np.flatnonzero(corpus.source == 0)
    scores = np.zeros(len(corpus.texts))
    reference = np.zeros(len(corpus.texts))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for k, (train, test) in enumerate(splitter.split(cb, corpus.labels[cb])):
        model = fit(corpus, features, cb[train], c=c)
        test_rows = cb[test]
        scores[test_rows] = [
            s.score for s in score_with(model, [corpus.texts[i] for i in test_rows])
        ]
        if baseline:
            reference[test_rows] = _baseline(corpus, cb[train], test_rows)
        print(f"  fold {k + 1}/{folds}: cutoff {model.cutoff}, slope {model.slope}", flush=True)
    y = corpus.labels[cb]
    rows = [("shipped score", scores, CHECKWORTHY_THRESHOLD)]
    if baseline:
        rows.append(("reference: TF-IDF 1-2 + LR", reference, 0.5))
    for name, values, threshold in rows:
        predicted = values[cb] >= threshold
        print(
            f"ClaimBuster {folds}-fold CV, {name}, threshold {threshold}: "
            f"F1 {f1_score(y, predicted):.4f}  precision {precision_score(y, predicted):.4f}  "
            f"recall {recall_score(y, predicted):.4f}  |  macro F1 "
            f"{f1_score(y, predicted, average='macro'):.4f}  weighted F1 "
            f"{f1_score(y, predicted, average='weighted'):.4f}"
        )
    print(f"  (n={len(cb)}, positives={int(y.sum())})")


def _baseline(corpus: Corpus, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """The ten-line reference: TF-IDF word 1-2-grams and a logistic regression."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    x = vectorizer.fit_transform([corpus.texts[i] for i in train])
    lr = LogisticRegression(max_iter=2000).fit(x, corpus.labels[train])
    proba: np.ndarray = lr.predict_proba(vectorizer.transform([corpus.texts[i] for i in test]))
    return proba[:, 1]


def clef_grouped(corpus: Corpus, features: Features, groups: int, c: float, baseline: bool) -> None:
    cb = np.flatnonzero(corpus.source == 0)
    clef = np.flatnonzero(corpus.source == 1)
    debate_names = sorted(set(corpus.debate[clef]))
    # Debates dealt round-robin into `groups` folds (19 folds = leave-one-debate-out).
    fold_of = {d: i % groups for i, d in enumerate(debate_names)}
    aps: list[float] = []
    aps_baseline: list[float] = []
    for group in range(groups):
        held = [d for d in debate_names if fold_of[d] == group]
        held_rows = np.flatnonzero(np.isin(corpus.debate, held))
        test_keys = {corpus.key[i] for i in held_rows}
        train = np.array([i for i in cb if corpus.key[i] not in test_keys])
        model = fit(corpus, features, train, c=c)
        for debate in held:
            test_rows = np.flatnonzero(corpus.debate == debate)
            texts = [corpus.texts[i] for i in test_rows]
            y = corpus.labels[test_rows]
            ap = float(average_precision_score(y, [s.score for s in score_with(model, texts)]))
            aps.append(ap)
            line = f"  {debate:32s} AP {ap:.4f}"
            if baseline:
                reference = _baseline(corpus, train, test_rows)
                aps_baseline.append(float(average_precision_score(y, reference)))
                line += f"  (reference {aps_baseline[-1]:.4f})"
            print(line, flush=True)
    print(
        f"CLEF-2019 {groups}-fold grouped by debate, {len(aps)} debates: MAP {np.mean(aps):.4f} "
        "(shipped score)"
        + (f"; reference TF-IDF 1-2 + LR {np.mean(aps_baseline):.4f}" if baseline else "")
    )


def speed(corpus: Corpus) -> None:
    texts = corpus.texts[:8000]
    score_sentences(texts[:10])  # load the shipped model outside the timing
    # CPU time of this process, best of 5: other jobs on a shared machine inflate wall time.
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        score_sentences(texts)
        best = min(best, time.process_time() - start)
    print(f"speed: {len(texts) / best:,.0f} sentences/s ({len(texts)} sentences in {best:.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--groups", type=int, default=5, help="debate folds (19: one each)")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--baseline", action="store_true", help="also run the TF-IDF reference")
    parser.add_argument("--skip", choices=["claimbuster", "clef"], action="append", default=[])
    args = parser.parse_args()
    corpus = load_corpus()
    features = featurize(corpus.texts)
    if "claimbuster" not in args.skip:
        claimbuster_cv(corpus, features, args.folds, args.c, args.baseline)
    if "clef" not in args.skip:
        clef_grouped(corpus, features, args.groups, args.c, args.baseline)
    speed(corpus)


if __name__ == "__main__":
    main()
