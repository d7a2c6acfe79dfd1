"""The one atomic writer: every file the workbench saves goes through here.

Write to a temporary file in the same folder, flush and fsync it, rename it over the target,
then fsync the folder, so a crash at any moment leaves either the old file or the new one,
never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from workbench.core.errors import WorkbenchError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    Raises `WorkbenchError` with a one-line message when the folder is not writable or the
    disk is full; the previous file is then left exactly as it was.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WorkbenchError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # Keep the permissions of the file we replace (a user may have made it private);
            # a new file gets the usual ones (mkstemp makes it 0600).
            os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise WorkbenchError(f"cannot write {path}: {error.strerror or error}") from error
    _fsync_folder(folder)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
