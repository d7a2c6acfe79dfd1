"""The import contracts in pyproject.toml (`[tool.importlinter]`) hold, and would catch a break.

`lint-imports` reads the static import graph, imports inside functions included: the core
never imports Textual, the TUI or the CLI; the CLI sits above the TUI, and only the command
that opens the app imports it; the core has no loops.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
"""The import-linter command installed with the test extras, beside this interpreter."""

CORE_CONTRACTS = (
    "Layers: the CLI may launch the TUI; both sit on the core",
    "The core never imports the TUI, the CLI or Textual",
    "The headless commands never import the TUI or Textual",
    "No import loops in the core, at any depth",
)


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """Run `lint-imports` on the package in `project` (its own pyproject.toml, no cache)."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},  # this copy, not the installed one
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CORE_CONTRACTS:
        assert f"{name} KEPT" in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        (
            "core/spans.py",
            "def _leak() -> None:\n    import textual\n",
            "workbench.core.spans -> textual",
        ),
        (
            "core/paths.py",
            "def _leak() -> None:\n    from workbench.tui import app\n",
            "workbench.core.paths -> workbench.tui.app",
        ),
        (
            "core/fetch/client.py",
            "def _back() -> None:\n    from workbench.core import loading\n",
            ".fetch -> .loading",
        ),
        (
            "cli/report_command.py",
            "def _leak() -> None:\n    from workbench.tui import export\n",
            "workbench.cli.report_command -> workbench.tui.export",
        ),
    ],
    ids=["core-imports-textual", "core-imports-the-tui", "loop-in-the-core", "headless-tui"],
)
def test_an_import_inside_a_function_breaks_a_contract(
    tmp_path: Path, module: str, added: str, broken: str
) -> None:
    shutil.copytree(
        ROOT / "workbench", tmp_path / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "workbench" / module).open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + added)
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in result.stdout, result.stdout
