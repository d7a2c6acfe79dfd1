"""The domain core must never import Textual: the headless commands and tests rely on it."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_headless_commands_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workbench.devtools.check_core_imports"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
