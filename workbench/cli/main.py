"""Entry point: dispatch to the TUI or a headless command, and turn user errors into one line.

Exit codes: 0 success, 1 a user error (one line on stderr, no traceback), 2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, Protocol

from workbench import __version__
from workbench.core.errors import WorkbenchError

# Each headless command lives in its own module with `add_arguments` and `run`.
COMMANDS = {
    "claims": ("workbench.cli.claims_command", "list the check-worthy claims of an article"),
    "report": ("workbench.cli.report_command", "print the review report from the saved session"),
    "evidence": (
        "workbench.cli.evidence_command",
        "fetch reference pages and show the passage that best matches each claim",
    ),
    "library": (
        "workbench.cli.library_command",
        "the claim memory: import fact-checks, search them, count them",
    ),
}


class CommandModule(Protocol):
    """What a command module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser for `command` (None: the TUI)."""
    if command is None:
        from workbench.cli import open_command

        parser = argparse.ArgumentParser(
            prog="workbench",
            description=(
                "A terminal fact-checking workbench. `workbench ARTICLE` opens the review app; "
                "commands: "
                + ", ".join(f"`workbench {name}` ({what})" for name, (_, what) in COMMANDS.items())
                + ". Run `workbench COMMAND --help` for each."
            ),
        )
        parser.add_argument("--version", action="version", version=f"workbench {__version__}")
        open_command.add_arguments(parser)
        return parser
    module_name, help_text = COMMANDS[command]
    parser = argparse.ArgumentParser(prog=f"workbench {command}", description=help_text + ".")
    _load(module_name).add_arguments(parser)
    return parser


def _load(module_name: str) -> CommandModule:
    module: CommandModule = importlib.import_module(module_name)
    return module


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    if command is not None:
        arguments = arguments[1:]
    parser = build_parser(command)
    args = parser.parse_args(arguments)  # exits 2 on usage errors, as argparse does
    try:
        if command is None:
            from workbench.cli import open_command

            return open_command.run(args)
        return _load(COMMANDS[command][0]).run(args)
    except WorkbenchError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `workbench claims ... | head` closed the pipe; that is not an error.
        _silence_stdout()
        return 0


QUICK_EXIT_COMMANDS = frozenset({"claims"})
"""Commands that end with `os._exit` once their output is flushed (see `run`)."""


def run() -> NoReturn:
    """The process entry point (`python -m workbench`, the `workbench` script): `main`, then exit.

    After `workbench claims` has printed, the interpreter's teardown would only free the
    pipeline's objects one by one: ~45 ms of a ~0.75 s run on a 1 MB article. The command
    writes no file and holds none open but stdout and stderr, which are flushed here, so it
    ends with `os._exit` instead, when no other thread is alive (one would be joined by a
    normal exit). Every other command, the app, and a flush that fails exit the usual way.
    """
    code = main()
    threading = sys.modules.get("threading")  # never imported: no thread was started
    if (
        sys.argv[1:2]
        and sys.argv[1] in QUICK_EXIT_COMMANDS
        and (threading is None or threading.active_count() == 1)
    ):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            raise SystemExit(code) from None  # the usual exit reports it, as it always did
        os._exit(code)
    raise SystemExit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
