"""Drive the installed `workbench` in a real terminal: tmux on a private socket.

The one terminal harness of the end-to-end, crash and two-window tests. Each `TerminalApp` is
its own tmux server (`-L` with a unique name, no user config), so tests never touch the
tester's tmux and can run side by side. Waiting is always polling the screen with a deadline,
never a fixed sleep.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import pytest

WORKBENCH = Path(sys.executable).with_name("workbench")
"""The console script installed beside this interpreter (the one users run)."""

PROGRESS = re.compile(r"(\d+) of (\d+) reviewed")


def environment(tmp_path: Path, reviewer: str) -> dict[str, str]:
    """Private folders and a fixed reviewer name for a `workbench` started in tmux."""
    home = tmp_path / "home"
    return {
        "WORKBENCH_DATA_DIR": str(home / "data"),
        "WORKBENCH_CACHE_DIR": str(home / "cache"),
        "WORKBENCH_CONFIG_DIR": str(home / "config"),
        "WORKBENCH_REVIEWER": reviewer,
        "HOME": str(home),
    }


class TerminalApp:
    """One `workbench ARGS` running in a fresh tmux server."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str], width: int = 160) -> None:
        if shutil.which("tmux") is None:
            pytest.fail("tmux is needed for the terminal tests (apt-get install tmux)")
        self.socket = f"wb-{uuid.uuid4().hex[:12]}"
        command = " ".join(
            [
                "exec env",
                *(shlex.quote(f"{k}={v}") for k, v in env.items()),
                "TERM=xterm-256color",
                shlex.quote(str(WORKBENCH)),
                *map(shlex.quote, args),
            ]
        )
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", "40",
            "-c", str(cwd), command,
        )  # fmt: skip
        # Keep the pane after the process ends, to read how it ended.
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        self.pid = int(self._format("#{pane_pid}"))

    def __enter__(self) -> TerminalApp:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def _format(self, spec: str) -> str:
        return self._tmux("display-message", "-p", "-t", "0", spec).strip()

    def screen(self) -> str:
        """The visible text of the terminal."""
        return self._tmux("capture-pane", "-p", "-t", "0")

    def send(self, *keys: str) -> None:
        """Press keys (tmux key names: `v`, `j`, `Enter`, `C-s`)."""
        self._tmux("send-keys", "-t", "0", *keys)

    def wait_for(self, ready: str | Callable[[str], bool], timeout: float = 30.0) -> str:
        """Poll the screen until it shows the text `ready` (or `ready(screen)` is true);
        returns that screen or fails with it."""

        def shown(screen: str) -> bool:
            return ready in screen if isinstance(ready, str) else ready(screen)

        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if shown(screen):
                return screen
            time.sleep(0.02)  # polling interval, not a wait for something to happen
        raise AssertionError(f"timed out waiting; the screen shows:\n{screen}")

    def progress(self, screen: str | None = None) -> tuple[int, int] | None:
        """The "N of M reviewed" the app shows, if it shows it."""
        match = PROGRESS.search(self.screen() if screen is None else screen)
        return (int(match.group(1)), int(match.group(2))) if match else None

    def signal(self, number: int) -> None:
        """Send a signal to the app's process."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, number)

    def running(self) -> bool:
        """Whether any thread of the app's process still runs.

        A killed multi-threaded process shows its main thread as a zombie while the other
        threads are still being torn down, and its files (and file locks) are closed only
        when the last one is gone; so every thread is checked, not just the main one.
        """
        try:
            threads = list(Path(f"/proc/{self.pid}/task").iterdir())
        except OSError:
            return False  # the process is gone and reaped
        for thread in threads:
            status = thread / "status"
            try:
                text = status.read_text()
            except OSError:
                continue  # that thread just ended
            if not re.search(r"\nState:\t[ZX]", text):
                return True
        return False

    def wait_gone(self, timeout: float = 10.0) -> None:
        """Poll until the process has ended."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                return
            time.sleep(0.01)
        raise AssertionError(f"workbench (pid {self.pid}) still runs:\n{self.screen()}")

    def exit_status(self) -> tuple[str, str]:
        """How the process ended, as tmux saw it: (exit status, signal), "" when not."""
        # tmux marks the pane dead when the terminal closes, and fills in the status only
        # once it has reaped the process, a moment later: wait for the status itself.
        deadline = time.monotonic() + 5
        status = ("", "")
        while time.monotonic() < deadline:
            if self._format("#{pane_dead}") == "1":
                status = (self._format("#{pane_dead_status}"), self._format("#{pane_dead_signal}"))
                if any(status):
                    break
            time.sleep(0.01)
        if not any(status):
            # tmux has not reaped the process (seen: a zombie left for seconds): read the
            # status the kernel keeps for it, in waitpid's form (field 52 of /proc/PID/stat).
            status = self._zombie_status()
        return status

    def _zombie_status(self) -> tuple[str, str]:
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return ("", "")
        if fields[0] != "Z" or len(fields) < 50:
            return ("", "")
        code = int(fields[49])
        if code & 0x7F:
            return ("", str(code & 0x7F))  # killed by this signal
        return (str(code >> 8), "")

    def kill_session(self) -> None:
        """What closing the terminal window does: tmux hangs up (SIGHUP) on the app."""
        self._tmux("kill-session", "-t", "0")

    def close(self) -> None:
        """Stop the tmux server (and anything left in it)."""
        self.signal(9)
        self._tmux("kill-server")
