"""Check-worthiness: a 0-1 score and named signals for each sentence.

The score is the shipped logistic-regression model (`checkworthiness_model`), Platt-calibrated
to a probability; the signals (`signals`) are both its features and the explanation shown to the
checker. `benchmarks/eval_checkworthiness.py` measures exactly this function, via `score_with`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from workbench.core.checkworthiness_model import LinearModel, analyse, shipped_model

CHECKWORTHY_THRESHOLD = 0.4
"""Sentences scoring at least this are listed as claims.

Below one half on purpose: missing a claim costs the checker more than skipping a listed
sentence, and at 0.4 every factual sentence of the seed article is listed."""

NEWS_PRIOR: Mapping[str, float] = MappingProxyType(
    {"date": 1.0, "number": 0.3, "attribution": 0.3, "entity": 0.9, "causal": 0.2}
)
"""Log-odds added per signal found, on top of the calibrated model.

The model learned from debate transcripts, where nearly every line names someone and a name says
little; in news copy a sentence that names people, places and dates is usually the news itself.
These values are set by hand from that prior (not fitted to the evaluation data), and the
cross-validated evaluation measures the score with them.
"""


@dataclass(frozen=True)
class Scored:
    """The check-worthiness of one sentence."""

    score: float
    """0 (nothing to check) to 1 (certainly a factual claim)."""
    signals: tuple[str, ...]
    """Names of the signals found, in `signals.SIGNAL_NAMES` order: date, number, quotation,
    attribution, entity, comparison, causal."""


def score_with(
    model: LinearModel, texts: Sequence[str], prior: Mapping[str, float] = NEWS_PRIOR
) -> list[Scored]:
    """Score each sentence with `model` and `prior` (the evaluation passes each fold's model)."""
    out: list[Scored] = []
    for text in texts:
        analysis = analyse(text)
        shift = 0.0
        for signal in analysis.signals:
            shift += prior.get(signal, 0.0)
        out.append(
            Scored(model.probability(model.decision(text, analysis), shift), analysis.signals)
        )
    return out


def score_sentences(texts: Sequence[str]) -> list[Scored]:
    """Score each sentence with the shipped model."""
    return score_with(shipped_model(), texts)
