"""Main-text extraction quality on the 60 pages of the Zyte/Scrapinghub article-extraction
benchmark kept in ../shared/data/articles (not part of the project).

Run by hand: `python benchmarks/bench_extraction.py`. Prints mean precision, recall and F1 of
`workbench.core.html.extract_html` against the ground-truth `articleBody`, with the benchmark's
own rules: tokens are `\\w+` runs, compared as multisets; P and R are averaged over pages
(an empty-vs-empty page scores 1) and F1 is taken from the means. Both token-level (n=1) and
the benchmark's 4-token shingles are shown; trafilatura 2.0 scored F1 0.958 on the full set.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from workbench.core.html import extract_html

_TOKEN = re.compile(r"\w+")


def data_folder() -> Path:
    folder = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles"
    if not (folder / "ground-truth-dev.json").is_file():
        sys.exit(f"benchmark data not found in {folder} (it lives outside the project)")
    return folder


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def scores(truth: str, predicted: str, n: int) -> tuple[float, float]:
    expected, got = shingles(truth, n), shingles(predicted, n)
    tp = sum((expected & got).values())
    fp = sum(got.values()) - tp
    fn = sum(expected.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def main() -> None:
    folder = data_folder()
    truth = json.loads((folder / "ground-truth-dev.json").read_text(encoding="utf-8"))
    results: dict[int, list[tuple[float, float]]] = {1: [], 4: []}
    started = time.perf_counter()
    for key, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        page = extract_html(html.decode("utf-8", errors="replace"), item.get("url"))
        for n in results:
            results[n].append(scores(item.get("articleBody", ""), page.text, n))
    elapsed = time.perf_counter() - started
    print(f"{len(truth)} pages, {elapsed:.1f} s ({1000 * elapsed / len(truth):.0f} ms/page)")
    for n, pairs in results.items():
        precision = statistics.mean(p for p, _ in pairs)
        recall = statistics.mean(r for _, r in pairs)
        f1 = 2 * precision * recall / (precision + recall)
        label = "tokens" if n == 1 else f"{n}-token shingles"
        print(f"{label:>18}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
