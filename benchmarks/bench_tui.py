"""How fast the review app opens and answers keys on a 10,000-claim article.

Run by hand: `python benchmarks/bench_tui.py [--claims 10000]`. Prints:
- `workbench claims` on the article (a process, as a user runs it);
- the app's time to first paint (load + extract + open + the list rendered, in-process via
  `run_test`), and its ratio to the claims time (target ≤ 1.5);
- milliseconds per key for down / j / G / g / PgDn (target ≤ 50), measured around
  `pilot.press`, which also waits for the screen to update (an upper bound).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Ana Ruiz", "Kim Lee", "Omar Haddad", "Li Wei", "Sara Novak", "Jon Berg", "Eva Sousa"]
PLACES = ["the Elm river", "Port Hale", "the north district", "the old harbour", "Westbrook"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


def make_article(claims: int, seed: int = 7) -> str:
    """`claims` distinct check-worthy sentences, one paragraph each (about 150 bytes apiece)."""
    rng = random.Random(seed)
    paragraphs = ["Benchmark town report"]
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


async def time_app(path: Path, presses: int) -> tuple[float, dict[str, list[float]], int]:
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
    app = WorkbenchApp(ReviewRequest(extraction, session, session.name))
    timings: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, ReviewScreen) or not app.screen.query(ClaimList):
            await pilot.pause(0.005)
        await pilot.pause()  # the list's first frame is drawn
        first_paint = time.perf_counter() - start
        listed = len(app.screen.query_one(ClaimList).claims)
        for key, count in (
            ("f12", presses // 2),  # unbound: the test harness's own cost per press
            ("down", presses),
            ("j", presses),
            ("pagedown", presses // 4),
            ("G", 10),
            ("g", 10),
        ):
            times = timings.setdefault(key, [])
            for _ in range(count):
                before = time.perf_counter()
                await pilot.press(key)
                times.append((time.perf_counter() - before) * 1000)
        times = timings.setdefault("v (verdict + save)", [])
        for _ in range(20):
            before = time.perf_counter()
            await pilot.press("v")
            times.append((time.perf_counter() - before) * 1000)
    return first_paint, timings, listed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WORKBENCH_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["WORKBENCH_CACHE_DIR"] = str(Path(folder) / "cache")
        path = Path(folder) / "big.txt"
        path.write_text(make_article(args.claims), encoding="utf-8")
        size = path.stat().st_size / 1e6
        claims_time = time_claims_command(path)
        first_paint, timings, listed = asyncio.run(time_app(path, args.presses))
    print(f"article: {args.claims} sentences, {size:.2f} MB; {listed} claims listed")
    print(f"workbench claims (process): {claims_time:.2f} s")
    print(f"app first paint (in-process: load, extract, open, list drawn): {first_paint:.2f} s")
    print(f"ratio first paint / claims: {first_paint / claims_time:.2f} (target <= 1.5)")
    baseline = statistics.median(timings["f12"])
    print(f"harness cost of a press (unbound f12): median {baseline:.1f} ms")
    for key, times in timings.items():
        ordered = sorted(times)
        p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) > 1 else ordered[0]
        print(
            f"key {key:>20}: median {statistics.median(times):5.1f} ms, p95 {p95:5.1f} ms, "
            f"max {max(times):5.1f} ms over {len(times)} presses; "
            f"net of harness {statistics.median(times) - baseline:5.1f} ms (target <= 50)"
        )


if __name__ == "__main__":
    main()
