"""Where the library lives: `--library PATH`, else `WORKBENCH_LIBRARY`, else the data folder."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.paths import data_dir

LIBRARY_FILE = "library.sqlite3"
"""The library's file name in the user data folder."""


def default_library_path() -> Path:
    """The library in the user data folder (which `WORKBENCH_DATA_DIR` moves)."""
    return data_dir() / LIBRARY_FILE


def library_path(chosen: str | Path | None = None) -> Path:
    """The library to use: the one chosen on the command line, the environment's, the default."""
    if chosen:
        return Path(chosen).expanduser()
    override = os.environ.get("WORKBENCH_LIBRARY")
    if override:
        return Path(override).expanduser()
    return default_library_path()
