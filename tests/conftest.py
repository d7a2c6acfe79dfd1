"""Shared fixtures: article files written into a temporary folder, and the CLI run in-process."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_result import CliResult, RunCli

from workbench.cli.main import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
"""The articles shipped with the project (text we wrote, plus the user's seed article)."""


@pytest.fixture(autouse=True)
def private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test (and the processes it starts) out of the tester's own folders.

    Reviews of URLs and stdin, the HTTP cache, the settings file and the fact-check library
    go to a fresh folder per test (returned: `data`, `cache`, `config` and `library.sqlite3`
    inside it); subprocesses and tmux servers inherit the variables.
    """
    home = tmp_path_factory.mktemp("workbench-home")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("WORKBENCH_LIBRARY", str(home / "library.sqlite3"))
    return home


@pytest.fixture
def samples() -> Path:
    """The folder of shipped sample articles."""
    return SAMPLES


@pytest.fixture
def write_bytes(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Write raw bytes to a file named `name` in a fresh folder; returns its path."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run `workbench ARGS...` in-process; `stdin=` gives bytes for standard input."""

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
                code = main(list(args))
        else:
            code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
