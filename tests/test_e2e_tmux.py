"""End to end: the installed `workbench` command in a real terminal (tmux), driven by keys.

Marks two claims, exports the report, quits; then checks the report and the review file.
Polls the pane until the expected text shows, with a deadline (no fixed sleeps).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTICLE = """\
Harbour town opens new bridge

The new bridge over the Elm river opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.
"""

DEADLINE = 20.0
"""Seconds to wait for the screen to show something before failing."""


def _command() -> list[str]:
    installed = shutil.which("workbench", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "workbench"]


class Terminal:
    """A tmux session on a private server socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "wb")

    def wait_for(self, text: str) -> str:
        end = time.monotonic() + DEADLINE
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} did not appear; the screen shows:\n{shown}")
            time.sleep(0.05)  # polling interval, not a wait for something to happen

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "wb", *keys)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end test (apt-get install tmux)")
    term = Terminal(f"workbench-test-{uuid.uuid4().hex[:8]}")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_review_two_claims_and_export(tmp_path: Path, terminal: Terminal) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = {
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
        "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
        "WORKBENCH_REVIEWER": "E2E Checker",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
    }
    command = " ".join(
        [
            "cd", shlex.quote(str(tmp_path)), "&&", "env",
            *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
            *map(shlex.quote, _command()), "article.txt", "--date", "2023-07-30",
            "; echo WORKBENCH-EXITED $?; sleep 30",
        ]
    )  # fmt: skip
    terminal.tmux("new-session", "-d", "-s", "wb", "-x", "120", "-y", "40", command)
    # How many claims there are is the extractor's business; read it from the header.
    found = re.search(r"0 of (\d+) reviewed", terminal.wait_for(" reviewed"))
    assert found is not None
    total = found.group(1)
    terminal.keys("v")
    terminal.wait_for(f"1 of {total} reviewed")
    terminal.keys("d")
    terminal.wait_for(f"2 of {total} reviewed · 1 disputed")
    terminal.keys("e")
    terminal.wait_for("Report preview")
    terminal.keys("Enter")
    terminal.wait_for("Report written")
    terminal.keys("q")
    assert "WORKBENCH-EXITED 0" in terminal.wait_for("WORKBENCH-EXITED")

    review = json.loads((tmp_path / "article.txt.review.json").read_text(encoding="utf-8"))
    verdicts = [c["verdict"] for c in review["claims"]]
    assert verdicts == ["verified", "disputed"]
    assert {c["reviewer"] for c in review["claims"]} == {"E2E Checker"}
    report = (tmp_path / "article.txt.report.md").read_text(encoding="utf-8")
    assert "The new bridge over the Elm river" in report
    assert "disputed" in report.lower()
    assert not (tmp_path / "article.txt.review.json.lock").exists()
