"""Seconds per megabyte of `workbench claims` on odd input shapes, at three sizes.

Run by hand: `python benchmarks/bench_input_shapes.py [--sizes 256K,1M,4M] [--shapes a,b]`.
Generates every input itself in a temporary folder (nothing is read from outside the
repository) and runs `python -m workbench claims FILE --format json` on each in a child
process, so start-up is included as a user sees it. Shapes:

- `no-punctuation`: news wire with every sentence mark and line break removed (a transcript,
  an OCR dump, a pasted feed): one "sentence" as long as the file;
- `giant-paragraph`: the same wire with its punctuation kept but no line breaks at all;
- `many-dates`: a sentence of dates after dates ("on July 28, 2023, in May, last Friday ...");
- `many-names`: capitalised names one after another ("Maria Lopez met John Smith ...");
- `long-words`: words of 2,000 letters and digits with no space;
- `deep-html`: a page whose article sits under 5,000 nested `<div>`s, repeated.

What to look for: s/MB flat across sizes (time grows linearly with the input). The issue's
targets: at 4 MB within 1.5x of the 256 KB figure, and a 2 MB unpunctuated line under 5 s
(`--sizes 2M --shapes no-punctuation`). The fixed start-up (measured first, on a one-sentence
article) weighs most on the smallest size, so each cell also shows s/MB without it. Timings are
noisy on a loaded machine: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The robustness tests' generator of wire copy, so the benchmark and the tests read one text.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_inputs import news_text

from workbench.core.loading import MAX_ARTICLE_BYTES


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters (all inputs are ASCII: bytes = characters)."""
    return (unit * (size // len(unit) + 1))[:size]


def no_punctuation(size: int) -> str:
    return re.sub(r"[.,;:!?\n]+", " ", news_text(size + 4096))[:size]


def giant_paragraph(size: int) -> str:
    return re.sub(r"\s+", " ", news_text(size + 4096))[:size]


_DATE_WORDS = (
    "on July 28, 2023 and in May and last Friday then 12 March 2019 two years later "
    "the summer of 2020 and Q3 2021 and the 1990s and three weeks ago and tomorrow "
)


def many_dates(size: int) -> str:
    return _repeat(_DATE_WORDS, size)


_NAMES = (
    "Maria Lopez met John Smith and Anna Karenina with Barack Obama near New York "
    "while Angela Merkel of the European Union told Reuters and the BBC "
)


def many_names(size: int) -> str:
    return _repeat(_NAMES, size)


def long_words(size: int) -> str:
    word = ("abcdefghij0123456789" * 100)[:2000]
    return _repeat(word + " ", size)


def deep_html(size: int) -> str:
    block = (
        "<div>" * 5_000
        + "<p>The mayor said on Friday that 40 people died in 2019 in the city.</p>"
        + "</div>" * 5_000
    )
    body = _repeat(block, size - 40)
    body = body[: body.rfind("</div>") + 6] if "</div>" in body else body
    return "<html><body>" + body + "</body></html>"


SHAPES: dict[str, Callable[[int], str]] = {
    "no-punctuation": no_punctuation,
    "giant-paragraph": giant_paragraph,
    "many-dates": many_dates,
    "many-names": many_names,
    "long-words": long_words,
    "deep-html": deep_html,
}

_UNITS = {"K": 1024, "M": 1024 * 1024}


def parse_size(text: str) -> int:
    """ "256K" → 262144, "4M" → 4194304."""
    return int(text[:-1]) * _UNITS[text[-1].upper()]


def run_claims(path: Path) -> tuple[float, int, str]:
    """Seconds `workbench claims` takes on `path`, its exit code and its last stderr line."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(path), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    took = time.perf_counter() - started
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return took, done.returncode, lines[-1] if lines else ""


def start_up(folder: Path) -> float:
    """Seconds `workbench claims` takes on a one-sentence article (best of three): the fixed
    cost (interpreter, imports, model) inside every figure."""
    path = folder / "one-sentence.txt"
    path.write_text("The council met on Friday, July 28, 2023.\n", encoding="ascii")
    return min(run_claims(path)[0] for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="256K,1M,4M", help="comma-separated, e.g. 256K,2M")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    with tempfile.TemporaryDirectory() as scratch:
        fixed = start_up(Path(scratch))
        print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")
        print(f"start-up {fixed:.2f} s; each cell: s/MB as run (s/MB without the start-up)")
        print(f"{'shape':<18}" + "".join(f"{s // 1024:>12} KB" for s in sizes))
        for shape in shapes:
            cells: list[str] = []
            for size in sizes:
                if size > MAX_ARTICLE_BYTES:
                    cells.append(f"{'too big':>15}")
                    continue
                suffix = ".html" if shape == "deep-html" else ".txt"
                path = Path(scratch) / f"{shape}-{size}{suffix}"
                path.write_text(SHAPES[shape](size), encoding="ascii")
                took, code, last = run_claims(path)
                megabytes = size / _UNITS["M"]
                if code != 0:
                    cells.append(f"{'exit ' + str(code):>15}")
                    print(f"  {shape} {size // 1024} KB: {last[:100]}", file=sys.stderr)
                    continue
                net = max(took - fixed, 0.0) / megabytes
                cells.append(f"{took / megabytes:>7.2f} ({net:5.2f})")
            print(f"{shape:<18}" + "".join(cells), flush=True)
        print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
