"""Speed of the whole `workbench claims ARTICLE` (JSON and the table) on a ~1 MB news article.

    python benchmarks/bench_claims.py [--size 1000000] [--runs 5] [--keep FILE]
                                      [--baseline] [--baseline-runs 3] [--against TREE]
                                      [--one-core]

Times the command as a whole process, with `--format json` and with the default table (best
of `--runs` each, wall and CPU; CPU from
`resource.getrusage(RUSAGE_CHILDREN)`, the number to trust when other jobs load the machine),
then the same pipeline in this process stage by stage (imports, load, paragraphs, sentences,
folding, reference date, scoring, dates, claims, JSON). `--baseline` also times dateparser's
`search_dates` over the same text as a whole process, best of `--baseline-runs` (3: one run
varies from 7.2 to 8.8 s under load, and the best of three is as fair to it as the best of
five is to ours, at ~8 s a run), and prints the ratio (issue 3 asks for at least 10x). The
article is `bench_dates.build_article`: real news bodies from ../shared/data/articles, later
copies with distinct place names and shifted years so that folding does not shrink the work.

`--against TREE` compares this checkout with another source tree (a worktree of main, say:
its `workbench` package is put first on PYTHONPATH), run in turns, and the order swapped every
round: whichever command runs first in a pair tends to measure slower, so a fixed order shows a
gain of 10-40 ms that is not there. Best and median CPU of each side are printed.

A long article is scored on a second core (`core/forked.py`); the CPU figures count both
processes. `--one-core` holds every timed process (search_dates too) to one core, as on a
one-core machine, where the command runs in one process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_dates import article_file, search_dates_command

# An installed command runs from cached bytecode; a PYTHONDONTWRITEBYTECODE left in the
# environment would make every run compile the whole package again (~0.1 s), so it is dropped.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Children run from the temporary folder: `python -m` puts the working directory first on
# sys.path, so run from a checkout's root every child imported that checkout's `workbench`,
# whatever PYTHONPATH said, and `--against` compared the checkout with itself.
NEUTRAL_FOLDER = tempfile.gettempdir()


ONE_CORE: set[int] = set()
"""With `--one-core`: the one core every timed process is held to (empty: all cores)."""


def _hold_to_one_core() -> None:
    if ONE_CORE:
        os.sched_setaffinity(0, ONE_CORE)


def run_process(command: list[str], env: dict[str, str] = ENV) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one child process (and any it forks)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command,
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=NEUTRAL_FOLDER,
        preexec_fn=_hold_to_one_core,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compare(command: list[str], other: Path, runs: int) -> None:
    """CPU of `command` here and run from the source tree `other`, in turns, the order
    swapped every round; prints the best and the median of each."""
    paths = [str(other.resolve()), *filter(None, [ENV.get("PYTHONPATH")])]
    sides = {"this tree": ENV, f"{other}": {**ENV, "PYTHONPATH": os.pathsep.join(paths)}}
    for env in sides.values():
        run_process(command, env)  # warm-up, and bytecode written for both trees
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for round_ in range(runs):
        for name in names if round_ % 2 == 0 else names[::-1]:
            cpu[name].append(run_process(command, sides[name])[1])
    print(f"CPU in turns, order swapped each round ({runs} rounds):")
    for name, seconds in cpu.items():
        print(f"  {name:<28} best {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s")


def stages(path: Path) -> list[tuple[str, float, float]]:
    """Wall and CPU seconds per pipeline stage, in this process (imports on a fresh import)."""
    timings: list[tuple[str, float, float]] = []
    clock, cpu = time.perf_counter(), time.process_time()

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        timings.append((name, now - clock, now_cpu - cpu))
        clock, cpu = now, now_cpu

    importlib.import_module("workbench.cli.claims_command")
    from workbench.core import extraction
    from workbench.core.checkworthiness import score_sentences
    from workbench.core.checkworthiness_model import shipped_model
    from workbench.core.dates import find_dates, resolve_reference_date
    from workbench.core.folding import fold_spans
    from workbench.core.loading import load_document
    from workbench.core.paragraphs import split_paragraphs
    from workbench.core.sanitize import escape_json_controls
    from workbench.core.segment import split_sentences

    lap("imports")
    document = load_document(str(path))
    text = document.text
    lap("load")
    paragraphs = split_paragraphs(document)
    lap("paragraphs")
    spans = [s for p in paragraphs for s in split_sentences(text, p.start, p.end)]
    lap("sentences")
    groups = fold_spans(text, spans)
    canonical = [spans[g.canonical] for g in groups]
    lap("folding")
    reference = resolve_reference_date(
        text, canonical, document_date=document.published, today=dt.date.today()
    )
    lap("reference date")
    shipped_model()
    lap("model load")
    score_sentences([s.slice(text) for s in canonical])
    lap("scoring")
    find_dates(text, canonical, reference)
    lap("dates")
    # The whole pipeline once more (model loaded, per-word caches warm) for the JSON stage.
    result = extraction.extract(document, today=dt.date.today())
    lap("extract() again, warm")
    out = json.dumps(result.to_json(), ensure_ascii=False)
    escape_json_controls(out)
    lap("JSON")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--runs", type=int, default=5, help="process runs; the best is shown")
    parser.add_argument("--keep", type=Path, help="also write the article here")
    parser.add_argument("--baseline", action="store_true", help="also time search_dates (slow)")
    parser.add_argument(
        "--baseline-runs", type=int, default=3, help="search_dates runs; the best is shown"
    )
    parser.add_argument(
        "--against", type=Path, metavar="TREE", help="also compare with another source tree"
    )
    parser.add_argument(
        "--one-core",
        action="store_true",
        help="hold every timed process to one core (as on a one-core machine: no second core)",
    )
    args = parser.parse_args()
    if args.one_core:
        ONE_CORE.add(min(os.sched_getaffinity(0)))
        print(f"every timed process held to core {min(ONE_CORE)}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with article_file(args.size, args.keep) as (path, megabytes):
        commands = {
            fmt: [sys.executable, "-m", "workbench", "claims", str(path), "--format", fmt]
            for fmt in ("json", "table")
        }
        command = commands["json"]
        best: dict[str, tuple[float, float]] = {}
        for fmt, each in commands.items():
            run_process(each)  # warm-up: bytecode written, files in the page cache
            runs = [run_process(each) for _ in range(args.runs)]
            best[fmt] = wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
            print(f"workbench claims --format {fmt} (whole process, best of {args.runs}):")
            print(f"  wall {wall:.3f} s, CPU {cpu:.3f} s  ({wall / megabytes:.3f} s/MB wall)")
        if args.baseline:
            base_runs = [run_process(search_dates_command(path)) for _ in range(args.baseline_runs)]
            base_wall = min(w for w, _ in base_runs)
            base_cpu = min(c for _, c in base_runs)
            print(
                f"dateparser search_dates alone (best of {args.baseline_runs}): "
                f"wall {base_wall:.2f} s, CPU {base_cpu:.2f} s"
            )
            for fmt, (wall, cpu) in best.items():
                print(
                    f"ratio, --format {fmt}: {base_wall / wall:.1f}x (wall), "
                    f"{base_cpu / cpu:.1f}x (CPU)"
                )
        if args.against:
            compare(command, args.against, max(args.runs, 6))
        print("stages, in this process:            wall        CPU")
        for name, seconds, cpu_seconds in stages(path):
            print(f"  {name:<28} {seconds * 1000:8.1f} ms {cpu_seconds * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
