"""Where the workbench keeps things of its own: the user data and cache folders.

platformdirs gives each OS its usual place. `WORKBENCH_DATA_DIR`, `WORKBENCH_CACHE_DIR` and
`WORKBENCH_CONFIG_DIR` override them, which is how tests keep the tester's own folders out.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "workbench"


def data_dir() -> Path:
    """Folder for reviews of articles that have no folder of their own (URLs, stdin)."""
    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Folder for the user's settings."""
    override = os.environ.get("WORKBENCH_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Folder for the HTTP cache and extracted reference pages."""
    override = os.environ.get("WORKBENCH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
