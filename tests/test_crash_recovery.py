"""Kill the real app while the checker marks claims: the review file always survives.

The installed `workbench ARTICLE` runs in tmux. SIGKILL at random moments (during start-up,
between key presses, right after one) must leave a review file that parses and holds every
verdict the app had shown as done ("N of M reviewed"). SIGTERM and SIGHUP (what closing the
terminal window sends) must end the app cleanly: its changes and view saved, the lock file
removed, the process gone.
"""

from __future__ import annotations

import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tmux_terminal import PROGRESS, TerminalApp, environment

from workbench.core.review.model import Session, Verdict
from workbench.core.review.store import (
    SessionLock,
    SessionLockedError,
    load_session,
    lock_path,
)

ARTICLE = """\
Harbour bridge opens after three years of work

The new bridge over the Elm river opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.

The ferry company said it would cut 120 jobs by March 2024.

According to the regional statistics office, 35,000 vehicles crossed the river each day in 2022.

Engineers said the bridge was built to last 120 years.

The European Union paid 15 million euros of the cost, a spokesman for the council said.
"""

KILLS = 50
"""SIGKILLs in the crash loop (spread over two terminals running side by side)."""


def article_in(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def reviewed(session: Session | None) -> int:
    if session is None:
        return 0
    return sum(1 for r in session.reviews if r.verdict is not Verdict.UNREVIEWED)


def count_shown(screen: str) -> int:
    """The N of "N of M reviewed" on `screen` (0 when not shown)."""
    match = PROGRESS.search(screen)
    return int(match.group(1)) if match else 0


def ready(screen: str) -> bool:
    """The review is open and its key bindings are shown."""
    return "reviewed" in screen and "Quit" in screen


def acknowledge(app: TerminalApp, key: str, target: int) -> tuple[int, int]:
    """Wait until the screen shows `target` reviewed; returns it and how many keys were resent.

    A key pressed in the instant the review screen takes focus can be dropped by the terminal
    layer; it is pressed once more rather than failing the crash test on it.
    """
    try:
        return count_shown(app.wait_for(lambda s: count_shown(s) >= target, timeout=3)), 0
    except AssertionError:
        app.send(key)
        return count_shown(app.wait_for(lambda s: count_shown(s) >= target)), 1


def take_lock_within(path: Path, seconds: float) -> None:
    """Take and release the review lock, retrying until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while True:
        lock = SessionLock(path)
        try:
            lock.acquire()
        except SessionLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # polling for the kernel to finish closing the dead process
            continue
        lock.release()
        return


def crash_loop(folder: Path, env: dict[str, str], kills: int, seed: int) -> list[str]:
    """Start, mark, SIGKILL `kills` times in `folder`; returns a log line per kill."""
    rng = random.Random(seed)
    article = article_in(folder)
    review = Path(f"{article}.review.json")
    log: list[str] = []
    for number in range(kills):
        app = TerminalApp(folder, article.name, env=env)
        try:
            before = reviewed(load_session(review))
            shown = before  # the count the app acknowledged on screen
            in_flight = 0  # verdict keys sent after the last screen we read
            moment = rng.random()
            if moment < 0.25:
                # Crash at a random moment of start-up (the moment is the test, not a wait).
                time.sleep(rng.uniform(0.0, 1.2))
                what = "start-up"
            else:
                progress = app.progress(app.wait_for(ready))
                assert progress is not None
                shown, total = progress
                assert shown == before, "the app shows a count the file does not hold"
                left = total - shown
                presses = rng.randint(1, 4) if left else 0
                for _ in range(min(presses, left)):
                    key = rng.choice("vdix")
                    app.send(key)
                    if moment < 0.6:
                        shown, resent = acknowledge(app, key, shown + 1)
                        in_flight += resent
                    else:
                        in_flight += 1
                if moment >= 0.6:
                    # Let some keys land (the kill may now hit a save), then read what the
                    # screen acknowledges and kill straight away.
                    time.sleep(rng.uniform(0.0, 0.3))
                    shown = (app.progress() or (shown, 0))[0]
                what = f"{presses} keys" + (" acknowledged" if moment < 0.6 else " in flight")
                if not left:
                    review.unlink()  # all reviewed: start over, a new file next time
                    what = "all reviewed; starting over"
            app.signal(signal.SIGKILL)
            app.wait_gone()
            session = load_session(review)  # raises if the file is damaged
            held = reviewed(session)
            if what != "all reviewed; starting over":
                assert shown <= held <= shown + in_flight, (what, shown, held)
            log.append(f"kill {number}: {what}: shown {shown}, file holds {held}")
        finally:
            app.close()
        # The crash left no stuck lock: the next start (or this check) can take it. The kernel
        # drops the lock when it closes the dead process's files, which under heavy load can
        # trail the last thread's exit by a moment: allow that, not a lock that stays.
        take_lock_within(lock_path(review), seconds=5.0)
        assert not list(folder.glob(".*.tmp")), "a temporary file was left behind"
    return log


def test_sigkill_at_random_moments_never_loses_an_acknowledged_verdict(tmp_path: Path) -> None:
    env = environment(tmp_path, "Crash Tester")
    half = KILLS // 2
    with ThreadPoolExecutor(2) as pool:
        runs = [
            pool.submit(crash_loop, tmp_path / f"terminal-{n}", env, half, seed=n) for n in (1, 2)
        ]
        logs = [line for run in runs for line in run.result()]
    assert len(logs) == KILLS
    print("\n".join(logs))


# -- SIGTERM and SIGHUP: a clean exit ----------------------------------------------------------


def mark_and_move(app: TerminalApp) -> None:
    """Move down three claims, mark one, and wait until the app shows it done."""
    app.wait_for(ready)
    app.send("j", "j", "j", "v")
    app.wait_for(lambda s: count_shown(s) == 1)


def session_after(tmp_path: Path, name: str, stop: str) -> tuple[Session, tuple[str, str], Path]:
    folder = tmp_path / name
    article = article_in(folder)
    review = Path(f"{article}.review.json")
    app = TerminalApp(folder, article.name, env=environment(tmp_path, "Crash Tester"))
    try:
        mark_and_move(app)
        if stop == "q":
            app.send("q")
        elif stop == "SIGTERM":
            app.signal(signal.SIGTERM)
        else:
            app.kill_session()
        app.wait_gone()
        status = app.exit_status() if stop != "SIGHUP" else ("", "")
        session = load_session(review)
        assert session is not None, "nothing was saved"
        return session, status, review
    finally:
        app.close()


@pytest.fixture(scope="module")
def quit_with_q(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """The review as the app saves it when the checker quits with `q` (the reference)."""
    session, _, _ = session_after(tmp_path_factory.mktemp("quit"), "q", "q")
    return session


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_terminate_and_hang_up_save_and_exit_cleanly(
    tmp_path: Path, stop: str, quit_with_q: Session
) -> None:
    session, status, review = session_after(tmp_path, stop, stop)
    assert reviewed(session) == 1
    assert [r.claim_id for r in session.reviews] == [r.claim_id for r in quit_with_q.reviews]
    assert session.view.cursor == quit_with_q.view.cursor, "the view was not saved"
    assert not lock_path(review).exists(), "the app did not release its lock on the way out"
    if stop == "SIGTERM":
        assert status[0] == "0" and status[1] in ("", "0"), f"exit {status[0]}, signal {status[1]}"
