"""Seconds per megabyte of `workbench claims` on odd input shapes, at three sizes.

Run by hand: `python benchmarks/bench_input_shapes.py [--sizes 256K,1M,4M] [--shapes a,b]`.
Generates every input itself in a temporary folder (nothing is read from outside the
repository) and runs `python -m workbench claims FILE --format json` on each in a child
process, so start-up is included as a user sees it. Shapes:

- `no-punctuation`: news wire with every sentence mark and line break removed (a transcript,
  an OCR dump, a pasted feed): one "sentence" as long as the file;
- `giant-paragraph`: the same wire with its punctuation kept but no line breaks at all;
- `many-dates`: dates after dates with no full stop ("on July 28, 2023 and in May and last
  Friday ..."), the numbers varied so that no two pieces are copies;
- `many-names`: capitalised names one after another ("Maria Lopez met John Smith ..."), varied;
- `long-words`: random words of 2,000 letters and digits;
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
import random
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


def no_punctuation(size: int) -> str:
    return re.sub(r"[.,;:!?\n]+", " ", news_text(size + 4096))[:size]


def giant_paragraph(size: int) -> str:
    return re.sub(r"\s+", " ", news_text(size + 4096))[:size]


def _varied(make: Callable[[random.Random], str], size: int) -> str:
    """Pieces from `make` until `size` characters: each differs, so that no two sentences are
    copies (folding copies away would leave almost nothing to measure)."""
    rng = random.Random(13)
    pieces: list[str] = []
    total = 0
    while total < size:
        piece = make(rng)
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces)[:size]


_MONTHS = ("January", "March", "May", "July", "September", "November")


def _dates(rng: random.Random) -> str:
    day, year, month = rng.randint(1, 28), rng.randint(1950, 2024), rng.choice(_MONTHS)
    return (
        f"on {month} {day}, {year} and in {rng.choice(_MONTHS)} and last Friday then {day} "
        f"{month} {year - 3} {rng.randint(2, 9)} years later the summer of {year + 1} and "
        f"Q{rng.randint(1, 4)} {year} and the {year // 10 * 10}s and {rng.randint(2, 9)} weeks "
        "ago and tomorrow "
    )


def many_dates(size: int) -> str:
    return _varied(_dates, size)


_FIRST = ("Maria", "John", "Anna", "Barack", "Angela", "Kofi", "Olena", "Hiroshi", "Priya", "Luis")
_LAST = ("Lopez", "Smith", "Karenina", "Obama", "Merkel", "Annan", "Kovalenko", "Tanaka", "Rao")
_PLACES = ("New York", "the European Union", "Reuters", "the BBC", "Northfield City Council")


def _names(rng: random.Random) -> str:
    def name() -> str:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    return (
        f"{name()} met {name()} and {name()} with {name()} near {rng.choice(_PLACES)} while "
        f"{name()} of {rng.choice(_PLACES)} told {rng.choice(_PLACES)} "
    )


def many_names(size: int) -> str:
    return _varied(_names, size)


def _long_word(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=2000)) + " "


def long_words(size: int) -> str:
    return _varied(_long_word, size)


def _deep_block(rng: random.Random) -> str:
    sentence = (
        f"The mayor said on Friday that {rng.randint(2, 999)} people died in "
        f"{rng.randint(1950, 2024)} in {rng.choice(_PLACES)}."
    )
    return "<div>" * 5_000 + f"<p>{sentence}</p>" + "</div>" * 5_000


def deep_html(size: int) -> str:
    body = _varied(_deep_block, size - 40)
    return "<html><body>" + body[: body.rfind("</div>") + 6] + "</body></html>"


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
