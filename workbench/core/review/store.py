"""Reading and writing the review file: JSON, versioned, atomic, never overwriting damage.

The file sits beside a local article (`ARTICLE.review.json`); reviews of URLs and stdin go to
the user data folder. A lock (an OS file lock, which a crash releases) tells a second window
that the review is already open.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

from workbench.core.atomic import write_atomic
from workbench.core.errors import SessionError, WorkbenchError
from workbench.core.review.location import REVIEW_SUFFIX
from workbench.core.review.model import ClaimReview, Session


class DamagedSessionError(SessionError):
    """The review file exists but cannot be read; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"the review file {path} cannot be read: {reason}; it was left as it is")
        self.path = path
        self.reason = reason


class SessionLockedError(SessionError):
    """Another workbench has this review open."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"the review {path} is open in another workbench ({holder})")
        self.path = path
        self.holder = holder


def next_free_path(path: Path) -> Path:
    """A path beside `path` for a new review when the old file is damaged (`x.review.2.json`)."""
    stem = path.name[: -len(REVIEW_SUFFIX)] if path.name.endswith(REVIEW_SUFFIX) else path.stem
    for number in range(2, 10_000):
        candidate = path.with_name(f"{stem}.review.{number}.json")
        if not candidate.exists():
            return candidate
    raise SessionError(f"no free file name beside {path}")


def load_session(path: Path) -> Session | None:
    """The saved review, or None when there is none yet.

    Raises `DamagedSessionError` (file untouched) when it exists but cannot be used.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DamagedSessionError(path, "it is a folder") from None
    except OSError as error:
        raise DamagedSessionError(path, error.strerror or str(error)) from error
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise DamagedSessionError(path, "it is nested too deeply") from None
    except UnicodeDecodeError:
        raise DamagedSessionError(path, "it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        reason = "it is empty" if not raw.strip() else f"it is not valid JSON ({error.msg})"
        raise DamagedSessionError(path, reason) from None
    try:
        return Session.from_json(data)
    except RecursionError:
        raise DamagedSessionError(path, "it is nested too deeply") from None
    except ValueError as error:
        raise DamagedSessionError(path, str(error)) from None


def session_to_text(session: Session) -> str:
    """The file's text: indented JSON with sorted keys, so `git diff` stays readable.

    Byte for byte what `json.dumps(session.to_json(), indent=2, sort_keys=True)` gives, but
    each claim's block is rendered once and cached: with `indent`, json falls back to its
    pure-Python encoder, and re-encoding 5,000 unchanged reviews on every key press cost
    65 ms of a 110 ms verdict.
    """
    data = session.to_json()
    arrays = {"claims": session.reviews, "orphaned": session.orphaned}
    for key in arrays:
        data[key] = _PLACEHOLDER + key
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    for key, reviews in arrays.items():
        rendered = (
            "[\n" + ",\n".join(_review_block(r) for r in reviews) + "\n  ]" if reviews else "[]"
        )
        text = text.replace(json.dumps(_PLACEHOLDER + key), rendered, 1)
    return text + "\n"


# json.dumps writes NUL as an escape, so this cannot collide with any real value's text.
_PLACEHOLDER = "\u0000review-array:"


@lru_cache(maxsize=50_000)
def _review_block(review: ClaimReview) -> str:
    """One review as it sits inside the file's arrays (two levels deep: four spaces)."""
    text = json.dumps(review.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
    return "\n".join("    " + line for line in text.split("\n"))


def save_session(path: Path, session: Session) -> None:
    """Write the review atomically (temp file, fsync, rename). Raises `SessionError`."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(path, session_to_text(session))
    except WorkbenchError as error:
        raise SessionError(f"the review was not saved: {error}") from error


@dataclass
class SessionLock:
    """An exclusive OS lock on `<review>.lock`, released by the OS if the process dies."""

    path: Path
    """The lock file."""
    _handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise `SessionLockedError` naming who holds it."""
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; a second window is not detected
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while open
        except OSError:
            return  # a read-only folder: saving will fail loudly later; locking is best effort
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise SessionLockedError(self.path.with_suffix(""), holder) from None
        if not _same_file(handle, self.path):
            # The holder released (and unlinked) it between our open and our lock: the file we
            # locked is gone, so lock the new one instead.
            handle.close()
            self.acquire()
            return
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {os.uname().nodename}\n")
        handle.flush()
        self._handle = handle
        self._remove_stale_temporaries()

    def _remove_stale_temporaries(self) -> None:
        """Delete temporary files a killed writer left beside the review.

        A save killed between creating its temporary file and the rename leaves
        `.NAME.xxxx.tmp` behind (the review itself is intact). Holding the lock means no
        other workbench is writing, so any such file is litter.
        """
        review_name = self.path.name.removesuffix(".lock")
        for stale in self.path.parent.glob(f".{glob.escape(review_name)}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    def release(self) -> None:
        """Let go of the lock (also happens when the process ends, however it ends)."""
        if self._handle is not None:
            # Unlink while still holding the lock, so nobody can lock the doomed file.
            with contextlib.suppress(OSError):
                self.path.unlink()
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def lock_path(session_path: Path) -> Path:
    """The lock file beside a review file."""
    return session_path.with_name(session_path.name + ".lock")
