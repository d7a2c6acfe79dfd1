"""Two workbench windows on one article: the second is told, and a crash leaves no stuck lock.

The first `workbench ARTICLE` runs in tmux; the second runs as a plain process (it must
refuse before taking over the terminal, so it needs none): exit 1 and one line naming the
review that is open elsewhere. After the first is killed with SIGKILL a new one opens.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from hostile_inputs import assert_refused_in_one_line
from tmux_terminal import WORKBENCH, TerminalApp, environment

ARTICLE = """\
The council said on Friday, July 28, 2023, that the bridge cost 42 million euros.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.
"""


def second_window(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WORKBENCH), *args],
        cwd=tmp_path,
        env={**os.environ, **environment(tmp_path, "Window Tester")},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def ready(screen: str) -> bool:
    return "reviewed" in screen


def test_a_second_window_is_refused_and_a_crash_leaves_no_stuck_lock(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    review = tmp_path / "article.txt.review.json"
    first = TerminalApp(tmp_path, "article.txt", env=environment(tmp_path, "Window Tester"))
    try:
        first.wait_for(ready)
        second = second_window(tmp_path, "article.txt")
        assert_refused_in_one_line(second.returncode, second.stderr, str(review.name))
        assert "open in another workbench" in second.stderr
        assert f"pid {first.pid}" in second.stderr
        assert second.stdout == ""
        # The same review reached through another spelling of the path is the same review.
        again = second_window(tmp_path, str(tmp_path / "article.txt"))
        assert_refused_in_one_line(again.returncode, again.stderr, "open in another workbench")

        first.signal(signal.SIGKILL)
        first.wait_gone()
    finally:
        first.close()
    third = TerminalApp(tmp_path, "article.txt", env=environment(tmp_path, "Window Tester"))
    try:
        third.wait_for(ready)
        assert third.running()
    finally:
        third.close()


def test_a_session_given_with_session_is_locked_too(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    first = TerminalApp(
        tmp_path,
        "article.txt",
        "--session",
        "shared.json",
        env=environment(tmp_path, "Window Tester"),
    )
    try:
        first.wait_for(ready)
        # Another article, the same review file: still one writer at a time.
        second = second_window(tmp_path, "copy.txt", "--session", "shared.json")
        assert_refused_in_one_line(second.returncode, second.stderr, "shared.json")
    finally:
        first.close()
