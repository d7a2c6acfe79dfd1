"""The claim memory: retrieval quality (MAP@5) and speed, on the CheckThat! 2022 task 2A data.

Run by hand: `python benchmarks/bench_library.py [--tune] [--scale]`.

- Imports ../shared/data/fact-checks/snopes-claimreview-feed.json into a fresh library with
  `workbench library import` (timed), then runs the train and dev queries through
  `workbench library search - --top 5 --format json` and scores MAP@5 against the qrels.
  The ranking weights were tuned on train only; dev is the held-out report.
- Search time per query, p50/p95, measured in-process (the CLI's start-up is not a search).
- "Checked before" threshold: precision and recall of the matches shown at the threshold, on
  train (positive = a shown match is the relevant fact-check).
- `--tune`: the grid search over the re-ranking weights, on train, with and without the
  agreement of names and of numbers (the evidence package's comparisons): the best of each,
  its nested 5-fold figure on train, and dev with it, so the choice can be checked.
- `--scale`: 200,000 fact-checks generated from the feed (each copy pairs one check's claim
  with another's headline and summary), imported by the CLI: import time, file size, search
  p50/p95 over the dev queries, and the app opening a 50-claim article against it: first
  paint without and with the library, then when the first and the last match are on screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.utils import default_process

from workbench.core.evidence.names import names_in
from workbench.core.evidence.quantities import compare_quantities, quantities_in
from workbench.core.library import open_library
from workbench.core.library.model import Candidate
from workbench.core.library.rank import (
    Weights,
    features_of,
    name_agreement,
    rerank,
)
from workbench.core.library.search import (
    CANDIDATES,
    CHECKED_BEFORE_THRESHOLD,
    checked_before,
    index_words,
    search,
)
from workbench.core.library.text import dates_mentioned, query_words, without_links

DATA = Path(__file__).resolve().parents[2] / "shared/data/fact-checks"
FEED = DATA / "snopes-claimreview-feed.json"
SCALE_SIZE = 200_000


def read_queries(split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    queries = {}
    for line in (DATA / f"{split}-queries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            query_id, text = line.split("\t", 1)
            queries[query_id] = text
    relevant: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / f"{split}-qrels.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            query_id, _, identifier, _ = line.split("\t")
            relevant[query_id].add(identifier)
    return {q: t for q, t in queries.items() if q in relevant}, relevant


def average_precision_at_5(ranked: list[str], relevant: set[str]) -> float:
    hits = 0
    total = 0.0
    for rank, identifier in enumerate(ranked[:5], 1):
        if identifier in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), 5)


def workbench(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )


def cli_map5(library: Path, split: str) -> tuple[float, float]:
    """MAP@5 of the CLI's answers, and the CLI's seconds per query (start-up included)."""
    queries, relevant = read_queries(split)
    ids = list(queries)
    # A query is one line: tabs and newlines inside a tweet are spaces.
    stdin = "".join(" ".join(queries[q].split()) + "\n" for q in ids)
    started = time.perf_counter()
    done = workbench(
        "library",
        "search",
        "-",
        "--top",
        "5",
        "--format",
        "json",
        "--library",
        str(library),
        stdin=stdin,
    )
    elapsed = time.perf_counter() - started
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(ids), (len(answers), len(ids))
    scores = [
        average_precision_at_5([m["id"] for m in answer["matches"]], relevant[query_id])
        for query_id, answer in zip(ids, answers, strict=True)
    ]
    return statistics.fmean(scores), elapsed / len(ids)


def search_times(library: Path, texts: list[str]) -> tuple[float, float]:
    """p50 and p95 milliseconds of one in-process search."""
    store = open_library(library, create=False)
    times = []
    for text in texts:
        started = time.perf_counter()
        search(store, text, top=5)
        times.append((time.perf_counter() - started) * 1000)
    store.close()
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def threshold_quality(library: Path, split: str) -> None:
    queries, relevant = read_queries(split)
    store = open_library(library, create=False)
    shown = right = found = 0
    for query_id, text in queries.items():
        matches = checked_before(store, [text])[0]
        shown += len(matches)
        correct = sum(m.fact_check.public_id in relevant[query_id] for m in matches)
        right += correct
        found += correct > 0
    store.close()
    precision = right / shown if shown else 0.0
    recall = found / len(queries)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"checked-before at {CHECKED_BEFORE_THRESHOLD} ({split}): precision {precision:.3f} "
        f"recall {recall:.3f} F1 {f1:.3f} ({shown} matches shown for {len(queries)} queries)"
    )


def tune(library: Path) -> None:
    """Grid search of the re-ranking weights on train; dev scored with the best, for the
    record. Candidates and their features are computed once per query; only the weighted sum
    is repeated for each point of the grid (the chosen point is then re-run through `rerank`
    itself, so the figure printed is the ranking's own)."""
    store = open_library(library, create=False)
    prepared: dict[str, list[tuple[str, list[Candidate], list[dt.date], set[str]]]] = {}
    for split in ("train", "dev"):
        queries, relevant = read_queries(split)
        prepared[split] = []
        for query_id, text in queries.items():
            frequencies = store.document_frequencies(query_words(text))
            present, rare = index_words(store, frequencies)
            found = store.candidates(present, CANDIDATES, required=rare) if present else []
            prepared[split].append((text, found, dates_mentioned(text), relevant[query_id]))
    store.close()

    def score(split: str, weights: Weights) -> float:
        return statistics.fmean(
            average_precision_at_5(
                [m.fact_check.public_id for m in rerank(text, found, dates, weights)[:5]],
                relevant,
            )
            for text, found, dates, relevant in prepared[split]
        )

    features = {split: feature_table(prepared[split]) for split in ("train", "dev")}
    grid = itertools.product(
        (0, 0.25, 0.5, 1),
        (0, 0.25, 0.5, 1),
        (0, 0.2, 0.4, 0.8),
        (0, 0.1, 0.2, 0.4, 0.8),
        (0, 0.1, 0.2, 0.4, 0.8),
    )
    train = features["train"]
    results = {point: table_ap5(train, np.array((1.0, *point))) for point in grid}
    folds = np.random.default_rng(12).permutation(len(train)) % TUNE_FOLDS
    for label, keep in (
        ("without names and numbers", lambda p: p[3] == p[4] == 0),
        ("names only", lambda p: p[4] == 0),
        ("numbers only", lambda p: p[3] == 0),
        ("both", lambda p: True),
    ):
        allowed = [p for p in results if keep(p)]
        # Nested: each fold scored with the point chosen on the other folds, so the figure
        # says what choosing on train is worth, not how well the grid fits train.
        held_out = np.zeros(len(train))
        for fold in range(TUNE_FOLDS):
            inner = folds != fold
            chosen = max(allowed, key=lambda p: (results[p][inner].mean(), -sum(p)))
            held_out[~inner] = results[chosen][~inner]
        point = max(allowed, key=lambda p: (results[p].mean(), -sum(p)))
        if point[4]:  # numbers are not a feature of `rerank`: the table's own figures
            dev = table_ap5(features["dev"], np.array((1.0, *point))).mean()
            figures = f"train MAP@5 {results[point].mean():.4f}"
        else:
            weights = Weights(1.0, *point[:4])
            dev = score("dev", weights)
            figures = f"train MAP@5 {score('train', weights):.4f}"
        print(
            f"tuned on train, {label}: claim, title, date, names, numbers {point}: {figures} "
            f"(nested {TUNE_FOLDS}-fold {held_out.mean():.4f}), dev {dev:.4f}"
        )


TUNE_FOLDS = 5
"""Outer folds of the nested cross-validation of the weights on train."""


FeatureTable = list[tuple[np.ndarray, np.ndarray, list[bool], int]]
"""Per query: its candidates' features (one row each, absent ones as NaN), their order
for ties (by key), which candidates are relevant, and how many fact-checks are."""


def feature_table(
    prepared: list[tuple[str, list[Candidate], list[dt.date], set[str]]],
) -> FeatureTable:
    table: FeatureTable = []
    for text, found, dates, relevant in prepared:
        if not found:
            table.append((np.zeros((0, 6)), np.zeros(0), [], len(relevant)))
            continue
        plain = without_links(text)
        processed = default_process(plain)
        names = names_in(plain)
        numbers = quantities_in(plain)
        best = max(c.relevance for c in found) or 1.0
        rows = []
        for candidate in found:
            check = candidate.fact_check
            passage = f"{check.claim}\n{check.title}"
            relevance, claim, title, date = features_of(processed, candidate, best, dates)
            rows.append(
                (
                    relevance,
                    claim,
                    title,
                    date if dates else math.nan,
                    name_agreement(names, passage) if names else math.nan,
                    number_agreement(plain, passage) if numbers else math.nan,
                )
            )
        keys = sorted(range(len(found)), key=lambda i: found[i].fact_check.key)
        order = np.empty(len(found))
        order[keys] = np.arange(len(found))
        flags = [c.fact_check.public_id in relevant for c in found]
        table.append((np.array(rows), order, flags, len(relevant)))
    return table


def number_agreement(query: str, passage: str) -> float:
    """The share of the query's numbers the passage states alike (half for a compatible one,
    "about 100" and 98), by the evidence package's comparison: a feature tried for the
    re-ranking and left out (see `tune`)."""
    numbers = quantities_in(query)
    if not numbers:
        return 0.0
    found = compare_quantities(numbers, quantities_in(passage), query, passage)
    credit = {"agree": 1.0, "compatible": 0.5}
    return sum(credit.get(relation, 0.0) for relation, _ in found) / len(numbers)


def table_ap5(table: FeatureTable, weights: np.ndarray) -> np.ndarray:
    """Each query's AP@5 with the weighted mean of the features (absent ones left out, as
    `rerank` does)."""
    result = np.zeros(len(table))
    for number, (rows, order, relevant, wanted) in enumerate(table):
        if not any(relevant):
            continue
        present = ~np.isnan(rows[0])
        scores = np.nan_to_num(rows) @ weights / weights[present].sum()
        ranked = np.lexsort((order, -scores))[:5]
        hits = 0
        precision = 0.0
        for rank, index in enumerate(ranked, 1):
            if relevant[index]:
                hits += 1
                precision += hits / rank
        result[number] = precision / min(wanted, 5)
    return result


def scale(folder: Path) -> None:
    feed = json.loads(FEED.read_text(encoding="utf-8"))
    reviews = [element["item"][0] for element in feed["dataFeedElement"]]
    generated = folder / "generated.jsonl"
    with generated.open("w", encoding="utf-8") as out:
        for n in range(SCALE_SIZE):
            base = reviews[n % len(reviews)]
            other = reviews[(n * 7919 + 13) % len(reviews)]
            record = dict(base)
            record["identifier"] = f"{base['identifier']}-copy-{n}"
            record["name"] = other["name"]
            record["description"] = other.get("description", "")
            if "url" in base:  # the identity is the URL when there is one: each copy its own
                record["url"] = f"{base['url']}#copy-{n}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    library = folder / "scale.sqlite3"
    started = time.perf_counter()
    workbench("library", "import", str(generated), "--library", str(library))
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in folder.glob("scale.sqlite3*"))
    print(
        f"scale: {SCALE_SIZE:,} fact-checks imported in {elapsed:.1f} s; library "
        f"{size / 1e6:.0f} MB"
    )
    queries, _ = read_queries("dev")
    p50, p95 = search_times(library, list(queries.values()))
    print(f"scale: search p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(queries)} dev queries)")
    app_timing(library, folder, reviews)


def app_timing(library: Path, folder: Path, reviews: list[dict[str, Any]]) -> None:
    """First paint of a 50-claim article without and with the library, and how long after
    it the matches are on screen (in-process, `run_test`, as bench_tui.py does)."""
    import asyncio

    from workbench.core.extraction import extract
    from workbench.core.loading import load_document
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.request import ReviewRequest
    from workbench.tui.screens.review import ReviewScreen
    from workbench.tui.widgets.claim_list import ClaimList

    article = folder / "fifty.txt"
    sentences = [r["claimReviewed"].strip().rstrip(".") + "." for r in reviews[1000::7]]
    # Enough of them for the extractor to list 50 as check-worthy.
    for count in range(50, len(sentences)):
        article.write_text("Fifty claims\n\n" + "\n\n".join(sentences[:count]) + "\n")
        if len(extract(load_document(str(article))).claims) >= 50:
            break

    async def run(library_file: Path) -> tuple[float, float, float, int, int]:
        os.environ["WORKBENCH_LIBRARY"] = str(library_file)
        for old in folder.glob("fifty.txt.review.json*"):
            old.unlink()
        started = time.perf_counter()
        extraction = extract(load_document(str(article)))
        session = Path(f"{article}.review.json")
        app = WorkbenchApp(ReviewRequest(extraction, session, session.name))
        frames: list[tuple[float, bool, int]] = []
        """(time, the review screen is up, claims marked) of every frame drawn."""
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                renderable.render_segments(app.console)  # what a terminal would be sent
                review = isinstance(screen, ReviewScreen) and bool(screen.query(ClaimList))
                marked = len(screen.claim_list.marked) if review else 0
                frames.append((time.perf_counter(), review, marked))
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.perf_counter() + 30
            # Until the matching worker has ended (it starts after the first frame).
            while time.perf_counter() < deadline and not any(
                w.name == "library matches" and w.is_finished for w in app.workers
            ):
                await asyncio.sleep(0.02)  # not pilot.pause: its own waiting costs CPU
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            painted = next(t for t, review, _ in frames if review)
            marked = len(screen.claim_list.marked)
            first = next((t for t, _, n in frames if n), painted)
            every = next((t for t, _, n in frames if n == marked), painted)
            return (
                painted - started,
                first - painted,
                every - painted,
                marked,
                len(screen.claim_list.claims),
            )

    # A first app in a process pays for imports, CSS parsing and caches that later ones reuse
    # (measured: whichever of the two runs came first was ~0.06 s slower). Warm up, then measure.
    asyncio.run(run(folder / "no-library.sqlite3"))
    without, _, _, _, listed = asyncio.run(run(folder / "no-library.sqlite3"))
    painted, first, every, marked, listed = asyncio.run(run(library))
    print(
        f"app, {listed}-claim article: first paint {without:.2f} s without a library, "
        f"{painted:.2f} s with {library.name}; first match on screen {first:.2f} s after it, "
        f"all {marked} matched claims {every:.2f} s after it"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid-search the weights on train")
    parser.add_argument("--scale", action="store_true", help="the 200,000 fact-check run")
    args = parser.parse_args()
    if not FEED.is_file():
        print(f"the CheckThat! data is not at {DATA}: nothing to measure")
        return
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        library = folder / "library.sqlite3"
        started = time.perf_counter()
        workbench("library", "import", str(FEED), "--library", str(library))
        print(
            f"import: {FEED.name} in {time.perf_counter() - started:.2f} s (CLI, start-up included)"
        )
        for split in ("train", "dev"):
            value, per_query = cli_map5(library, split)
            print(
                f"MAP@5 {split}: {value:.4f} (CLI: {per_query * 1000:.1f} ms a query, "
                f"start-up included)"
            )
        queries, _ = read_queries("dev")
        p50, p95 = search_times(library, list(queries.values()))
        print(f"search (in-process, dev queries): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        threshold_quality(library, "train")
        threshold_quality(library, "dev")
        if args.tune:
            tune(library)
        if args.scale:
            scale(folder)


if __name__ == "__main__":
    main()
