"""What one in-process run of `workbench` did (shared by the CLI tests).

Kept out of conftest.py: `from conftest import ...` resolves to whichever conftest module was
imported first, which with tests/tui/conftest.py depends on collection order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CliResult:
    """What one in-process run of `workbench` did."""

    code: int
    """The exit code `main` returned."""
    out: str
    """Everything written to stdout."""
    err: str
    """Everything written to stderr."""

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


RunCli = Callable[..., CliResult]
"""The type of the `run_cli` fixture: `run_cli("claims", path, ...)` runs `workbench claims ...`."""
