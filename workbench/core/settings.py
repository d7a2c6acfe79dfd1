"""The user's settings: small, remembered across reviews, never in the way.

A missing or damaged settings file means the defaults (a preference is not worth refusing to
start over); saving goes through the atomic writer like everything else.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from workbench.core.atomic import write_atomic
from workbench.core.paths import config_dir

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Settings:
    """What the user chose, app-wide."""

    auto_advance: bool = True
    """After a verdict, move the cursor to the next unreviewed claim."""


def settings_path() -> Path:
    """Where the settings live."""
    return config_dir() / SETTINGS_FILE


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or they cannot be read."""
    try:
        data: Any = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    known: dict[str, Any] = {}
    for field in fields(Settings):
        value = data.get(field.name, getattr(defaults, field.name))
        # Only take a value of the type the default has; anything else keeps the default.
        known[field.name] = (
            value
            if type(value) is type(getattr(defaults, field.name))
            else getattr(defaults, field.name)
        )
    return Settings(**known)


def save_settings(settings: Settings) -> None:
    """Write the settings atomically. Raises `WorkbenchError` with one line on failure."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n")
