"""The rich Console the commands print their tables with."""

from __future__ import annotations

from rich.console import Console


class CommandConsole(Console):
    """rich's Console, except for a reader that stops early (`workbench claims … | head`).

    rich's own handler sends stdout to /dev/null and exits with 1, so a table piped into
    `head` failed where the same JSON succeeded. Raising the BrokenPipeError instead lets
    `cli.main` end the command as it does for JSON: quietly, with exit code 0."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError
