"""Nested cross-validated evaluation of check-worthiness scoring, and its speed.

    python benchmarks/eval_checkworthiness.py [--folds 5] [--baseline] [--skip-speed]

Outer folds are grouped by debate (`train_checkworthiness.split_rows`, seed 0): the 19 CLEF-2019
debates dealt round-robin by name, three 2016 presidential debates that ClaimBuster also holds
each kept in one fold with ClaimBuster's sentences of the same debate, and the rest of ClaimBuster
dealt by stretches of its transcript order (`sentence_id // 1000`, about one debate each) with
`StratifiedGroupKFold`. So each outer fold holds out about a fifth of ClaimBuster and three or
four whole CLEF debates, and no debate's topics or speakers are learnt from its own neighbouring
sentences (a sentence whose text is held out is also dropped from training). Inside each outer
fold, `train_checkworthiness.fit` runs the whole training procedure on the training rows only:
inner cross-validation, grouped the same way, chooses C, CLEF's weight and the NB scaling (by
ClaimBuster average precision among the settings whose CLEF MAP reaches 0.20), and the listing
cutoff and sigmoid are placed on inner held-out values. Nothing is tuned on an outer test row:
these are nested cross-validation figures.

Reported, scoring with the runtime code (`workbench.core.checkworthiness.score_with`, priors
included: what `workbench claims --all` shows) with each outer fold's model:
- ClaimBuster: positive-class precision, recall and F1 at `CHECKWORTHY_THRESHOLD` (the listing
  cutoff) on the set as it comes (a quarter check-worthy), then beside them the weighted figures:
  "class-balanced", the positive-class F1 and precision with each class weighted to the same
  total (what a half check-worthy set shows: the held-out ClaimBuster test split the issue
  measures, and news copy; recall does not change with the weighting), and sklearn's macro and
  support-weighted F1.
- the same for the model alone (no news prior, no listing of stated events), which is what the
  two debate sets measure best: the news rules are there for news copy;
- CLEF-2019: average precision of each debate (ranked by the score), their mean (the lab's
  measure; the lab's best 2019 test MAP was 0.166) and their range.
- `--baseline`: the ten-line reference (TF-IDF word 1-2-grams + logistic regression, trained per
  fold on the same rows) under the same folds.

Speed is measured on the shipped model: CPU time of this process, best of five.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from train_checkworthiness import (
    Corpus,
    featurize,
    fit,
    load_corpus,
    split_rows,
    training_rows,
)

from workbench.core.checkworthiness import CHECKWORTHY_THRESHOLD, score_sentences, score_with


def _baseline(corpus: Corpus, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """The ten-line reference: TF-IDF word 1-2-grams and a logistic regression."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    x = vectorizer.fit_transform([corpus.texts[i] for i in train])
    lr = LogisticRegression(max_iter=2000).fit(x, corpus.labels[train])
    proba: np.ndarray = lr.predict_proba(vectorizer.transform([corpus.texts[i] for i in test]))
    return proba[:, 1]


def nested(corpus: Corpus, folds: int, baseline: bool) -> None:
    features = featurize(corpus)
    everything = np.arange(len(corpus.texts))
    scores = np.zeros(len(corpus.texts))
    model_only = np.zeros(len(corpus.texts))
    reference = np.zeros(len(corpus.texts))
    for k, test in enumerate(split_rows(corpus, everything, folds, seed=0)):
        train = training_rows(corpus, everything, test)
        fitted = fit(corpus, features, train)
        texts = [corpus.texts[i] for i in test]
        scores[test] = [s.score for s in score_with(fitted.model, texts)]
        model_only[test] = [
            s.score for s in score_with(fitted.model, texts, {}, events_listed=False)
        ]
        if baseline:
            reference[test] = _baseline(corpus, train, test)
        print(
            f"  outer fold {k + 1}/{folds}: chose {fitted.settings}, cutoff "
            f"{fitted.model.cutoff}, slope {fitted.model.slope}",
            flush=True,
        )
    cb = np.flatnonzero(corpus.source == 0)
    y = corpus.labels[cb]
    balanced = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    rows = [
        ("shipped score", scores, CHECKWORTHY_THRESHOLD),
        ("model alone (no news prior, no event floor)", model_only, CHECKWORTHY_THRESHOLD),
    ]
    if baseline:
        rows.append(("reference TF-IDF 1-2 + LR", reference, 0.5))
    for name, values, threshold in rows:
        predicted = values[cb] >= threshold
        print(
            f"ClaimBuster nested {folds}-fold CV, {name}, listed at {threshold}: positive class "
            f"F1 {f1_score(y, predicted):.4f}  precision {precision_score(y, predicted):.4f}  "
            f"recall {recall_score(y, predicted):.4f}  |  weighted: class-balanced F1 "
            f"{f1_score(y, predicted, sample_weight=balanced):.4f} (precision "
            f"{precision_score(y, predicted, sample_weight=balanced):.4f}), macro F1 "
            f"{f1_score(y, predicted, average='macro'):.4f}, support-weighted F1 "
            f"{f1_score(y, predicted, average='weighted'):.4f}"
        )
    print(
        f"  (n={len(cb)}, positives={int(y.sum())}); ClaimBuster average precision: shipped "
        f"{average_precision_score(y, scores[cb]):.4f}, model alone "
        f"{average_precision_score(y, model_only[cb]):.4f}"
    )
    clef = np.flatnonzero(corpus.source == 1)
    aps: list[float] = []
    aps_model: list[float] = []
    aps_reference: list[float] = []
    for debate in sorted(set(corpus.debate[clef])):
        test_rows = np.flatnonzero(corpus.debate == debate)
        labels = corpus.labels[test_rows]
        aps.append(float(average_precision_score(labels, scores[test_rows])))
        aps_model.append(float(average_precision_score(labels, model_only[test_rows])))
        line = f"  {debate:32s} AP {aps[-1]:.4f}  (model alone {aps_model[-1]:.4f})"
        if baseline:
            aps_reference.append(float(average_precision_score(labels, reference[test_rows])))
            line += f"  (reference {aps_reference[-1]:.4f})"
        print(line)
    print(
        f"CLEF-2019 nested CV, {len(aps)} debates: MAP {np.mean(aps):.4f} (shipped score, "
        f"debates {min(aps):.4f}-{max(aps):.4f}); model alone {np.mean(aps_model):.4f}"
        + (f"; reference TF-IDF 1-2 + LR {np.mean(aps_reference):.4f}" if baseline else "")
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
    parser.add_argument("--baseline", action="store_true", help="also run the TF-IDF reference")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    corpus = load_corpus()
    nested(corpus, args.folds, args.baseline)
    if not args.skip_speed:
        speed(corpus)


if __name__ == "__main__":
    main()
