"""Speed of the date engine: `workbench claims` on a 1 MB article, as a whole process, against
dateparser's `search_dates` alone over the same text (the baseline a user would pick).

    python benchmarks/bench_dates.py [--size 1000000] [--keep FILE]

The article is built from the real news bodies in ../shared/data/articles (first copy verbatim;
later copies give each sentence a different place name and shift every year, so neither
paragraph nor sentence folding shrinks the work). Prints the wall time of each process, their
ratio, and the time the date engine itself takes inside the pipeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
BODIES = SHARED / "data" / "articles" / "ground-truth-dev.json"

_PLACES = ["Northfield", "Riverside", "Oakdale", "Lakeview", "Hillcrest", "Fairview", "Westbrook"]
_REGIONS = ["County", "Valley", "Heights", "Springs", "Harbor", "Falls", "Ridge", "Park", "Point"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def build_article(size: int) -> str:
    """About `size` characters of news text whose every sentence is distinct."""
    if not BODIES.exists():
        sys.exit(f"needs {BODIES} (the shared data folder beside the project); not found")
    data = json.loads(BODIES.read_text(encoding="utf-8"))
    seen: set[str] = set()
    bodies = []
    for key in sorted(data):
        body = data[key]["articleBody"].strip()
        if body not in seen:
            seen.add(body)
            bodies.append(body)
    paragraphs: list[str] = []
    total = copy = counter = 0
    while total < size:
        for body in bodies:
            for paragraph in body.split("\n"):
                if not paragraph.strip():
                    continue
                if copy:
                    sentences = []
                    for sentence in _SENTENCE.split(paragraph.strip()):
                        counter += 1
                        place = _PLACES[counter % len(_PLACES)]
                        region = _REGIONS[(counter // len(_PLACES)) % len(_REGIONS)]
                        shift = copy % 20
                        shifted = _YEAR.sub(lambda m, k=shift: str(int(m.group()) - k), sentence)
                        sentences.append(f"In {place} {region} {copy}, {shifted}")
                    paragraph = " ".join(sentences)
                paragraphs.append(paragraph)
                total += len(paragraph) + 2
                if total >= size:
                    break
            if total >= size:
                break
        copy += 1
    return "\n\n".join(paragraphs) + "\n"


@contextmanager
def article_file(size: int, keep: Path | None) -> Iterator[tuple[Path, float]]:
    """`build_article(size)` in a temporary file (and copied to `keep`), its size printed.

    Yields the file and its size in megabytes; the file is gone when the block ends.
    """
    text = build_article(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        if keep:
            keep.write_text(text, encoding="utf-8")
        megabytes = len(text.encode("utf-8")) / 1e6
        print(f"article: {megabytes:.2f} MB, {len(text):,} characters")
        yield path, megabytes


def search_dates_command(path: Path) -> list[str]:
    """A child process that runs dateparser's `search_dates` alone over `path`: the baseline."""
    return [
        sys.executable,
        "-c",
        "import sys; from dateparser.search import search_dates; "
        "search_dates(open(sys.argv[1], encoding='utf-8').read(), languages=['en'])",
        str(path),
    ]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def engine_only(path: Path) -> tuple[float, int]:
    """Seconds the date engine takes inside the pipeline (reference date + find_dates)."""
    from workbench.core.dates import find_dates, resolve_reference_date
    from workbench.core.folding import fold_spans
    from workbench.core.loading import load_document
    from workbench.core.paragraphs import split_paragraphs
    from workbench.core.segment import split_sentences

    document = load_document(str(path))
    text = document.text
    spans = [s for p in split_paragraphs(document) for s in split_sentences(text, p.start, p.end)]
    canonical = [spans[g.canonical] for g in fold_spans(text, spans)]
    started = time.perf_counter()
    reference = resolve_reference_date(text, canonical, today=dt.date.today())
    found = find_dates(text, canonical, reference)
    return time.perf_counter() - started, sum(len(f) for f in found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--keep", type=Path, help="also write the article here")
    args = parser.parse_args()
    with article_file(args.size, args.keep) as (path, megabytes):
        ours = timed([sys.executable, "-m", "workbench", "claims", str(path), "--format", "json"])
        print(f"workbench claims --format json (whole process): {ours:.2f} s")
        baseline = timed(search_dates_command(path))
        print(f"dateparser search_dates alone (whole process): {baseline:.2f} s")
        print(f"ratio: {baseline / ours:.1f}x faster")
        seconds, mentions = engine_only(path)
        print(
            f"date engine inside the pipeline: {seconds:.3f} s "
            f"({seconds / megabytes:.3f} s/MB, {mentions} mentions)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
