"""Benchmark sentence splitting: speed on ~1 MB and ~5 MB of news text, and the Golden Rules.

Run by hand: `.venv/bin/python benchmarks/bench_segment.py`. The text is the human-checked
article bodies of `../shared/data/articles/ground-truth-dev.json` when present (repeated to
size), otherwise news-style sentences written below. It prints MB/s per size (best of three
runs, one paragraph at a time as the pipeline calls it, and the whole text in one call), and
the Golden Rules pass count. If `pysbd` is importable (`pip install pysbd`; it is not a
project dependency) it prints the same numbers for pySBD 0.3.x for comparison.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from workbench.core.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "articles" / "ground-truth-dev.json"

# Written for this benchmark: the shapes the splitter must get right, in news register.
WRITTEN = [
    "On July 27, Kim guided Shoigu through a defense exhibition featuring ballistic missiles "
    "banned by the U.N. Security Council resolution. Recently, China and Russia have hindered "
    "the council’s efforts.",
    "China has approached North Korea after the collapse of U.S.-North Korea diplomatic talks "
    "in 2019. North Korea is also seeking food aid, officials said.",
    "Gen. Mark Milley told Sen. Jane Doe, D-Mass., that the Pentagon spent $1.2 billion, or "
    "3.5 percent more than planned, in the year to Sept. 12.",
    "“We will not back down,” Mr. Lee said on Jan. 5. “The people deserve better.”",
    "The report (see No. 5 on p. 12) cites Dr. J. R. R. Smith, e.g. on pricing, i.e. the cost.",
    "Shares of Acme Inc. rose 4.2% to $17.50 at 10 a.m. Eastern. Trading was heavy.",
    "Was it worth it? Perhaps... Analysts at example.com said so in a note to clients.",
]


def news_paragraphs() -> tuple[list[str], str]:
    """Paragraphs of real or written news text, and where they came from."""
    if ARTICLES.is_file():
        bodies = json.loads(ARTICLES.read_text(encoding="utf-8"))
        paragraphs = [
            p.strip()
            for entry in bodies.values()
            for p in re.split(r"\n\s*\n", entry["articleBody"])
            if p.strip()
        ]
        return paragraphs, f"{len(bodies)} article bodies from {ARTICLES}"
    print(f"note: {ARTICLES} not found; using the written sentences instead")
    return [" ".join(WRITTEN[i:] + WRITTEN[:i]) for i in range(len(WRITTEN))], "written text"


def sized_text(paragraphs: list[str], size: int) -> tuple[str, list[tuple[int, int]]]:
    """Paragraphs repeated to about `size` characters, joined by blank lines, with offsets."""
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    position = 0
    while position < size:
        for paragraph in paragraphs:
            parts.append(paragraph)
            ranges.append((position, position + len(paragraph)))
            position += len(paragraph) + 2
            if position >= size:
                break
    return "\n\n".join(parts), ranges


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def golden_rules() -> list[tuple[str, list[str]]]:
    """The 48 cases, from the test file (a single source of truth)."""
    spec = importlib.util.spec_from_file_location(
        "test_segment", ROOT / "tests" / "test_segment.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, list[str]]] = module.GOLDEN_RULES
    return cases


def passed(cases: list[tuple[str, list[str]]], split: Callable[[str], list[str]]) -> int:
    return sum(1 for text, expected in cases if [s.strip() for s in split(text)] == expected)


def ours(text: str) -> list[str]:
    return [span.slice(text) for span in split_sentences(text)]


def load_pysbd() -> ModuleType | None:
    try:
        return importlib.import_module("pysbd")
    except ImportError:
        return None


def measure_ours(text: str, ranges: list[tuple[int, int]]) -> None:
    mb = len(text.encode("utf-8")) / 1e6
    per_paragraph = best_of(3, lambda: [split_sentences(text, s, e) for s, e in ranges])
    whole = best_of(3, lambda: split_sentences(text))
    count = sum(len(split_sentences(text, start, end)) for start, end in ranges)
    print(
        f"workbench {mb:.2f} MB, {count} sentences: per paragraph {per_paragraph:.3f} s "
        f"({mb / per_paragraph:.1f} MB/s), whole text {whole:.3f} s ({mb / whole:.1f} MB/s)"
    )


def main() -> int:
    paragraphs, origin = news_paragraphs()
    print(f"text: {origin}")
    cases = golden_rules()
    print(f"workbench golden rules: {passed(cases, ours)}/{len(cases)}")
    for megabytes in (1, 5):
        measure_ours(*sized_text(paragraphs, megabytes * 1_000_000))
    pysbd = load_pysbd()
    if pysbd is None:
        print("pysbd not importable: `pip install pysbd` to compare")
        return 0
    segmenter = pysbd.Segmenter(language="en", clean=False)
    print(
        f"pysbd {pysbd.__version__} golden rules: {passed(cases, segmenter.segment)}/{len(cases)}"
    )
    text, ranges = sized_text(paragraphs, 1_000_000)
    mb = len(text.encode("utf-8")) / 1e6
    elapsed = best_of(1, lambda: [segmenter.segment(text[s:e]) for s, e in ranges])
    print(f"pysbd {mb:.2f} MB per paragraph: {elapsed:.2f} s ({mb / elapsed:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
