"""Time and peak memory of `workbench claims` on very large and very odd articles.

Run by hand: `python benchmarks/bench_large_input.py [--keep DIR]`. Generates its inputs in a
temporary folder (nothing is read from outside the repository):

- a 50 MB text, which the loader must refuse by its size before reading it;
- the largest accepted article (just under the size limit) of generated news paragraphs;
- one 2 MB line of words with no punctuation (a single "sentence");
- a 2 MB page of 10,000 nested `<div>`s repeated.

Each runs as `python -m workbench claims FILE --format json` in a child process; its peak
resident memory comes from `os.wait4` (the child's own rusage, not the benchmark's).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The robustness tests' generator of wire copy, so the benchmark and the tests load the same text.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_inputs import news_text

from workbench.core.loading import MAX_ARTICLE_BYTES


def write_news(path: Path, size: int) -> None:
    """About `size` bytes of news paragraphs, each one distinct (all ASCII: bytes = characters)."""
    path.write_text(news_text(size - 2_000), encoding="utf-8")


def run(label: str, path: Path) -> None:
    """Run `workbench claims` on `path` and print exit code, time, peak RSS and output size."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "workbench", "claims", str(path), "--format", "json"],
            stdout=stdout,
            stderr=stderr,
        )
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        written = stdout.seek(0, os.SEEK_END)
        stderr.seek(0)
        message = stderr.read().decode("utf-8", "replace").strip().splitlines()
    size = path.stat().st_size / (1024 * 1024)
    peak = usage.ru_maxrss / 1024  # KB on Linux
    print(
        f"{label:<34} {size:7.1f} MB  exit {child.returncode}  {took:7.1f} s  "
        f"peak RSS {peak:7.0f} MB  stdout {written / 1024:9.0f} KB"
    )
    if message:
        print(f"{'':<34} stderr: {message[-1][:110]}")


def generate(folder: Path, *, largest: bool) -> None:
    """Write the inputs into `folder`."""
    write_news(folder / "huge-50mb.txt", 50 * 1024 * 1024)
    if largest:
        write_news(folder / "largest-accepted.txt", MAX_ARTICLE_BYTES - 64 * 1024)
    line = folder / "one-line-2mb.txt"
    line.write_text("word " * (2 * 1024 * 1024 // 5), encoding="utf-8")
    nested = folder / "nested.html"
    nested.write_text(
        "<html><body>"
        + ("<div>" * 10_000 + "<p>The mayor said 40 people died in 2019.</p>" + "</div>" * 10_000)
        * 18
        + "</body></html>",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="generate the inputs here and keep them")
    parser.add_argument(
        "--skip-largest", action="store_true", help="skip the case at the size limit"
    )
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_into:
        generate(args.generate_into, largest=not args.skip_largest)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        # Generate in a child process: a child forked from a parent holding 50 MB of text
        # inherits that parent's peak RSS in its own accounting, inflating every number.
        command = [sys.executable, __file__, "--generate-into", str(folder)]
        subprocess.run(command + (["--skip-largest"] if args.skip_largest else []), check=True)
        sample = Path(__file__).resolve().parents[1] / "samples" / "north-korea-opens-borders.txt"

        print(f"python {sys.version.split()[0]}, limit {MAX_ARTICLE_BYTES / 1024 / 1024:.0f} MB")
        if sample.exists():
            run("baseline: the seed sample", sample)
        run("50 MB text (refused by size)", folder / "huge-50mb.txt")
        run("2 MB single line, no punctuation", folder / "one-line-2mb.txt")
        run("2 MB of 10,000-deep nested HTML", folder / "nested.html")
        if not args.skip_largest:
            run("largest accepted (news text)", folder / "largest-accepted.txt")


if __name__ == "__main__":
    main()
