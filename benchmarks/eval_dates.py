"""Accuracy of the date engine against hand-checked news sentences, beside dateparser's
`search_dates` (the baseline a user would pick).

    python benchmarks/eval_dates.py [--show] [--gold PATH]

Gold: benchmarks/data/dates_gold.jsonl by default (the set the engine was tuned on);
`--gold benchmarks/data/dates_heldout.jsonl` scores the held-out set written without looking
at the engine. Either file has one sentence per line with its reference date and the
date expressions in it (TIMEX3-style values at the written granularity; no dates = a sentence
of look-alikes). Durations are not dates, so the engine's "duration" mentions are left out.

A prediction is *found* when its text overlaps a gold expression; *precision* is the share of
predictions that overlap one (the rest are false alarms); *recall* the share of gold expressions
found; *exact* the share of gold expressions whose value is given exactly. "plain" restricts the
gold to year, month and day values (2019, 2019-07, 2019-07-28).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from workbench.core.dates import ReferenceDate, ReferenceOrigin, find_dates_in

GOLD = Path(__file__).resolve().parent / "data" / "dates_gold.jsonl"
_PLAIN = re.compile(r"^\d{4}(-\d\d){0,2}$")

Prediction = tuple[int, int, str | None]  # start, end, value
Predictor = Callable[[str, dt.date], list[Prediction]]


def engine(text: str, reference: dt.date) -> list[Prediction]:
    """The workbench date engine."""
    ref = ReferenceDate(reference, ReferenceOrigin.OPTION, "gold")
    return [
        (m.start, m.end, m.value)
        for m in find_dates_in(text, 0, len(text), ref)
        if m.granularity != "duration"
    ]


def search_dates(text: str, reference: dt.date) -> list[Prediction]:
    """dateparser's `search_dates`, day values (it has no granularity)."""
    from dateparser.search import search_dates as search

    base = dt.datetime(reference.year, reference.month, reference.day)
    found = search(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )
    out: list[Prediction] = []
    cursor = 0
    for phrase, value in found or []:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        cursor = start + len(phrase)
        out.append((start, start + len(phrase), value.date().isoformat()))
    return out


def evaluate(predict: Predictor, rows: list[dict[str, object]], show: bool) -> dict[str, float]:
    """Precision, recall and exact-value accuracy of `predict` over the gold rows."""
    predictions = matched_predictions = gold_total = found = exact = 0
    plain_total = plain_exact = 0
    for row in rows:
        text = str(row["text"])
        reference = dt.date.fromisoformat(str(row["reference_date"]))
        golds = []
        for item in row["dates"]:  # type: ignore[attr-defined]
            start = text.index(item["text"])
            golds.append((start, start + len(item["text"]), item["value"]))
        predicted = predict(text, reference)
        predictions += len(predicted)
        for p_start, p_end, _ in predicted:
            if any(p_start < g_end and g_start < p_end for g_start, g_end, _ in golds):
                matched_predictions += 1
            elif show:
                print(f"  false alarm: {text[p_start:p_end]!r} in {text!r}")
        for g_start, g_end, g_value in golds:
            gold_total += 1
            plain = bool(_PLAIN.match(g_value))
            plain_total += plain
            hits = [v for s, e, v in predicted if s < g_end and g_start < e]
            if hits:
                found += 1
            if g_value in hits:
                exact += 1
                plain_exact += plain
            elif show:
                print(f"  wrong: {text[g_start:g_end]!r} gold {g_value} got {hits} in {text!r}")
    return {
        "precision": matched_predictions / predictions if predictions else 1.0,
        "false_alarms": 1 - (matched_predictions / predictions if predictions else 1.0),
        "recall": found / gold_total,
        "exact": exact / gold_total,
        "plain_exact": plain_exact / plain_total,
        "predictions": predictions,
        "gold": gold_total,
        "plain": plain_total,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    parser.add_argument(
        "--gold", type=Path, default=GOLD, help=f"gold JSONL file (default: {GOLD.name})"
    )
    args = parser.parse_args()
    gold: Path = args.gold
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    negatives = sum(1 for r in rows if not r["dates"])
    print(f"{len(rows)} sentences, {negatives} with look-alikes only ({gold.name})")
    for name, predict in (("workbench", engine), ("search_dates", search_dates)):
        if args.show:
            print(f"{name}:")
        started = time.perf_counter()
        scores = evaluate(predict, rows, args.show)
        elapsed = time.perf_counter() - started
        print(
            f"{name:>13}: precision {scores['precision']:.1%} "
            f"(false alarms {scores['false_alarms']:.1%} of {scores['predictions']:.0f}), "
            f"recall {scores['recall']:.1%}, exact {scores['exact']:.1%} of {scores['gold']:.0f}, "
            f"plain y/m/d exact {scores['plain_exact']:.1%} of {scores['plain']:.0f} "
            f"[{elapsed:.2f} s]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
