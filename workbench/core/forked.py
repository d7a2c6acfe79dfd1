"""One piece of work done by a forked child process while this process goes on.

The headless `claims` command is one process on a machine that nearly always has a second core
idle. Scoring a long article's sentences takes about as long as folding, resolving and dating
them, and the two do not depend on each other, so the command scores in a child while it does
the rest (`extraction.extract(..., second_core=True)`).

Only where it is safe and pays: Linux (`fork` without `exec` is unsafe on macOS, and missing on
Windows), at least two usable cores, and a caller that knows it runs no threads (the CLI, never
the TUI). The child sends its result back through a pipe with `marshal` (plain values only) and
leaves with `os._exit`, so it flushes none of the parent's buffers and runs none of its exit
handlers. If the child fails in any way, the parent does the work itself: the result is the
same either way, only slower.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable
from typing import Any


def second_core_available() -> bool:
    """Whether a forked child can run beside this process on a core of its own.

    Also refused while this process runs other threads, whatever the caller believes: a
    child forked then could inherit a lock another thread held, and wait on it forever."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    return len(os.sched_getaffinity(0)) >= 2 and threading.active_count() == 1


def start_in_child(work: Callable[[], Any]) -> Callable[[], Any]:
    """Start `work()` in a forked child now; the returned function gives its result.

    `work` must return what `marshal` can carry (numbers, strings, tuples, lists, dicts).
    Collecting waits for the child; a child that fails (an exception, a signal, a result that
    does not arrive whole) is replaced by running `work()` here.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(read_end)
            payload = marshal.dumps(work())
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def collect() -> Any:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, wait_status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(wait_status) == 0:
            try:
                return marshal.loads(payload)
            except (EOFError, ValueError, TypeError):
                pass
        return work()

    return collect
