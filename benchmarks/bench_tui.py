"""How fast the review app opens and answers keys on a 10,000-claim article.

Run by hand: `python benchmarks/bench_tui.py [--claims 10000] [--reviewed 5000] [--profile]`.
Prints:
- `workbench claims` on the article (a process, as a user runs it);
- the app's time to first paint (load + extract + open + the list drawn, in-process via
  `run_test`) and its ratio to the claims time (target ≤ 1.5);
- per key, median and p95 of the time from the key event entering the app to the end of the
  first frame drawn after it ("frame"; target ≤ 50 ms; toggling all sentences with `A`
  ≤ 200 ms), and to the last frame before the app goes quiet ("settled": the detail pane
  follows the cursor after a short rest).

How: the key event goes straight to the driver (as `Pilot.press` does) but without Pilot's
idle-waiting, which costs tens of milliseconds of its own on a loaded machine; the app's
`_display` is wrapped to timestamp every frame and to turn it into terminal bytes (the headless
driver skips that step, a real terminal does not). `--reviewed N` starts from a review file
with N verdicts, to see what saving a large review costs. `--profile` prints a pyinstrument
profile of the key loop (`pip install pyinstrument` into the venv; not a dependency).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NAMES = ["Ana Ruiz", "Kim Lee", "Omar Haddad", "Li Wei", "Sara Novak", "Jon Berg", "Eva Sousa"]
PLACES = ["the Elm river", "Port Hale", "the north district", "the old harbour", "Westbrook"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]

QUIET = 0.15
"""Seconds without a frame after which a key counts as settled."""


def make_article(claims: int, seed: int = 7, unlisted: int = 0) -> str:
    """`claims` distinct check-worthy sentences, one paragraph each (about 150 bytes apiece),
    and `unlisted` plain sentences between them (what `A` brings on show)."""
    rng = random.Random(seed)
    paragraphs = ["Benchmark town report"]
    words = [
        "quiet", "grey", "windy", "calm", "bright", "misty", "cold", "slow", "green", "pale",
        "soft", "damp", "still", "warm", "dark", "clear",
    ]  # fmt: skip
    for _ in range(unlisted):
        a, b, c, d, e = (rng.choice(words) for _ in range(5))
        paragraphs.append(f"It felt {a} and {b}, the {c} light, a {d} and {e} morning.")
    for n in range(claims):
        name = rng.choice(NAMES)
        place = rng.choice(PLACES)
        month = rng.choice(MONTHS)
        paragraphs.append(
            f"The council said {n + 17} new homes near {place} cost {rng.randint(2, 900)} "
            f"million euros in {month} {rng.randint(1990, 2023)}, according to {name}."
        )
    return "\n\n".join(paragraphs) + "\n"


def time_claims_command(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(path), "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def write_reviewed_session(path: Path, extraction: Any, count: int) -> float:
    """A review file with `count` verdicts; returns how long one save of it takes (s)."""
    from workbench.core.review.model import ClaimReview, Session, Verdict
    from workbench.core.review.store import save_session

    claims = [s for s in extraction.sentences if s.checkworthy][1 : count + 1]
    reviews = tuple(
        ClaimReview(
            claim_id=c.id,
            text=c.text,
            start=c.start,
            end=c.end,
            verdict=Verdict.VERIFIED,
            note="checked against the council minutes",
            urls=("https://example.org/minutes",),
            reviewer="Bench",
            reviewed_at="2024-01-01T00:00:00Z",
            updated_at="2024-01-01T00:00:00Z",
        )
        for c in claims
    )
    session = Session(article_source=str(path), reviews=reviews, reviewer="Bench")
    save_session(path, session)
    start = time.perf_counter()
    for _ in range(5):
        save_session(path, session)
    return (time.perf_counter() - start) / 5


class Frames:
    """Timestamps of the frames the app draws."""

    def __init__(self, app: Any) -> None:
        self.times: list[float] = []
        self.event = asyncio.Event()
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                renderable.render_segments(app.console)  # what a terminal would be sent
                self.times.append(time.perf_counter())
                self.event.set()
            original(screen, renderable)

        app._display = display

    async def after(self, start: float, timeout: float = 2.0) -> float | None:
        """Seconds from `start` to the end of the first frame after it."""
        deadline = time.perf_counter() + timeout
        while True:
            later = [t for t in self.times if t > start]
            if later:
                return later[0] - start
            self.event.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            try:
                await asyncio.wait_for(self.event.wait(), remaining)
            except TimeoutError:
                return None

    async def settled(self, start: float) -> float:
        """Seconds from `start` to the last frame before `QUIET` seconds without one."""
        while True:
            count = len(self.times)
            await asyncio.sleep(QUIET)
            if len(self.times) == count:
                later = [t for t in self.times if t > start]
                return (later[-1] - start) if later else 0.0


async def time_app(
    path: Path, presses: int, reviewed: int, profile: bool
) -> tuple[float, dict[str, tuple[list[float], list[float]]], int, float | None]:
    from textual import events

    from workbench.core.extraction import extract
    from workbench.core.loading import load_document
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.request import ReviewRequest
    from workbench.tui.screens.review import ReviewScreen
    from workbench.tui.widgets.claim_list import ClaimList

    start = time.perf_counter()
    document = load_document(str(path))
    extraction = extract(document)
    session = Path(str(path) + ".review.json")
    save_time = None
    if reviewed:
        save_time = write_reviewed_session(session, extraction, reviewed)
        start = time.perf_counter()
        document = load_document(str(path))
        extraction = extract(document)
    gc.freeze()  # as `workbench ARTICLE` does (cli/open_command.py) once extraction is done
    app = WorkbenchApp(ReviewRequest(extraction, session, session.name))
    results: dict[str, tuple[list[float], list[float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, ReviewScreen) or not app.screen.query(ClaimList):
            await pilot.pause(0.005)
        await pilot.pause()  # the list's first frame is drawn
        first_paint = time.perf_counter() - start
        listed = len(app.screen.query_one(ClaimList).claims)
        frames = Frames(app)
        driver = app._driver
        assert driver is not None
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(async_mode="enabled")
            profiler.start()
        plan = [
            ("down", None, presses),
            ("j", "j", presses),
            ("pagedown", None, presses // 4),
            ("G", "G", 10),
            ("g", "g", 10),
            ("v (verdict + save)", "v", 20),
            ("d (verdict + save)", "d", 20),
            # Issue 11: every sentence on show and back (target < 200 ms), undo, redo.
            ("A (all sentences toggle)", "A", 10),
            ("ctrl+z (undo + save)", None, 10),
            ("ctrl+y (redo + save)", None, 10),
        ]
        for label, character, count in plan:
            key = label.split(" ")[0]
            frame_ms, settled_ms = results.setdefault(label, ([], []))
            for _ in range(count):
                before = time.perf_counter()
                driver.send_message(events.Key(key, character))
                first = await frames.after(before)
                settled = await frames.settled(before)
                if first is not None:
                    frame_ms.append(first * 1000)
                settled_ms.append(settled * 1000)
        # Held key: 40 presses 33 ms apart (a typical key repeat); how long the screen lags
        # behind once the key is released.
        lag: list[float] = []
        for _ in range(3):
            for _ in range(40):
                driver.send_message(events.Key("j", "j"))
                await asyncio.sleep(0.033)
            released = time.perf_counter()
            lag.append(await frames.settled(released) * 1000)
        results["held j (lag after release)"] = (lag, lag)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    return first_paint, results, listed, save_time


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--reviewed", type=int, default=0, help="verdicts in the review file")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the key loop")
    parser.add_argument(
        "--unlisted", type=int, default=0, help="plain sentences A adds to the list"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WORKBENCH_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["WORKBENCH_CACHE_DIR"] = str(Path(folder) / "cache")
        path = Path(folder) / "big.txt"
        path.write_text(make_article(args.claims, unlisted=args.unlisted), encoding="utf-8")
        size = path.stat().st_size / 1e6
        claims_time = time_claims_command(path)
        first_paint, results, listed, save_time = asyncio.run(
            time_app(path, args.presses, args.reviewed, args.profile)
        )
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    sentences = args.claims + args.unlisted
    print(f"article: {sentences} sentences written, {size:.2f} MB; {listed} claims listed")
    if save_time is not None:
        print(f"review file with {args.reviewed} verdicts: one save {save_time * 1000:.1f} ms")
    print(f"workbench claims (process): {claims_time:.2f} s")
    print(f"app first paint (in-process: load, extract, open, list drawn): {first_paint:.2f} s")
    print(f"ratio first paint / claims: {first_paint / claims_time:.2f} (target <= 1.5)")
    print("key                          frame: median    p95 | settled: median    p95  (ms)")
    for label, (frame_ms, settled_ms) in results.items():
        frame = f"{statistics.median(frame_ms):6.1f} {p95(frame_ms):6.1f}" if frame_ms else "  none"
        print(
            f"{label:>28}: {frame} | {statistics.median(settled_ms):6.1f} {p95(settled_ms):6.1f}"
            f"  ({len(settled_ms)} presses)"
        )


if __name__ == "__main__":
    main()
