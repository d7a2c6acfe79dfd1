"""The review app: opens the review (asking first if the file is damaged), then shows it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.widgets import LoadingIndicator
from textual.worker import Worker, WorkerState

from workbench.core.errors import WorkbenchError
from workbench.core.review.store import (
    DamagedSessionError,
    SessionLock,
    lock_path,
    next_free_path,
)
from workbench.core.review.workspace import ReviewWorkspace
from workbench.core.settings import load_settings
from workbench.tui.commands import review_commands
from workbench.tui.request import ReviewRequest
from workbench.tui.screens.damaged_session import DamagedSessionDialog
from workbench.tui.screens.review import ReviewScreen


class WorkbenchApp(App[None]):
    """`workbench ARTICLE`."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    # Narrow terminals get the list above the detail pane, wide ones side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012

    def __init__(self, request: ReviewRequest, *, locks: Sequence[SessionLock] = ()) -> None:
        super().__init__()
        self.request = request
        self.locks: list[SessionLock] = list(locks)
        """Locks held on review files; the caller releases them after the app ends."""
        self.auto_advance = load_settings().auto_advance
        """Auto-advance as remembered: the review screen starts with it (and may toggle it)."""
        self.workspace: ReviewWorkspace | None = None
        self._shown_path = request.shown_path

    def compose(self) -> Iterable[LoadingIndicator]:
        yield LoadingIndicator()

    def on_mount(self) -> None:
        # SIGTERM (kill, logout, systemd) and SIGHUP (the terminal window closed) would end
        # Python on the spot: no view saved, the terminal left in raw mode, the lock file
        # left behind. Leave the way `q` does instead.
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, AttributeError, ValueError):
            loop.add_signal_handler(signal.SIGTERM, self._terminate)
            loop.add_signal_handler(signal.SIGHUP, self._hang_up)
        self._open(self.request.session_path)

    def _hang_up(self) -> None:
        """The terminal is gone: send what the app still writes to it nowhere, then exit.

        Writing to a hung-up terminal fails or blocks, and Textual writes on the way out."""
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            for stream in (sys.__stdout__, sys.__stderr__):
                if stream is not None:
                    os.dup2(devnull, stream.fileno())
        self._terminate()
        # Everything is saved and there is nobody to show anything to. If Textual's shutdown
        # stalls on the dead terminal (seen under load), end the process rather than linger.
        guard = threading.Timer(3.0, self._force_exit)
        guard.daemon = True
        guard.start()

    def _force_exit(self) -> None:
        for held in self.locks:
            held.release()
        os._exit(0)

    def _terminate(self) -> None:
        """Save the view and exit cleanly (on SIGTERM or SIGHUP)."""
        if isinstance(self.screen, ReviewScreen):
            with contextlib.suppress(WorkbenchError):
                self.screen.save_view()
        self.exit()

    # -- opening (reattaching a big review can take a moment: off the UI thread) ----------------

    class Opened(Message):
        """The review is open."""

        def __init__(self, workspace: ReviewWorkspace) -> None:
            super().__init__()
            self.workspace = workspace

    class OpenFailed(Message):
        """The review could not be opened (damaged file, unwritable folder...)."""

        def __init__(self, error: WorkbenchError) -> None:
            super().__init__()
            self.error = error

    @work(thread=True, exclusive=True, exit_on_error=False, group="open", name="open")
    def _open(self, path: Path) -> None:
        try:
            workspace = ReviewWorkspace.open(
                self.request.extraction,
                path,
                reviewer=self.request.reviewer,
                clock=self.request.clock,
            )
        except WorkbenchError as error:
            self.post_message(self.OpenFailed(error))
        else:
            self.post_message(self.Opened(workspace))

    @on(Opened)
    def _opened(self, message: Opened) -> None:
        self._show(message.workspace)

    @on(OpenFailed)
    def _open_failed(self, message: OpenFailed) -> None:
        if isinstance(message.error, DamagedSessionError):
            self._ask_about_damage(message.error)
        else:
            self.exit(return_code=1, message=f"workbench: {message.error}")

    @on(Worker.StateChanged)
    def _worker_crashed(self, event: Worker.StateChanged) -> None:
        # A bug, not a user error: leave with its description rather than hang on a spinner.
        if event.worker.group == "open" and event.state is WorkerState.ERROR:
            self.exit(
                return_code=1, message=f"workbench: cannot open the review: {event.worker.error!r}"
            )

    def _show(self, workspace: ReviewWorkspace) -> None:
        self.workspace = workspace
        # The spinner animates forever (even hidden under the review screen): stop it.
        for indicator in self.query(LoadingIndicator):
            indicator.remove()
        self.push_screen(
            ReviewScreen(
                workspace,
                self._shown_path,
                auto_advance=self.auto_advance,
                fetch_limits=self.request.fetch_limits,
                clock=self.request.clock,
            )
        )
        orphaned = len(workspace.session.orphaned)
        if workspace.moved_on_open:
            self.notify(f"{workspace.moved_on_open} reviews followed their edited sentence.")
        if orphaned:
            self.notify(
                f"{orphaned} reviews lost their sentence (the article changed); they are kept "
                "as orphaned in the review file and the report (o shows them).",
                title="Orphaned reviews",
                severity="warning",
                timeout=10,
            )

    def _ask_about_damage(self, error: DamagedSessionError) -> None:
        new_path = next_free_path(error.path)
        shown_new = str(Path(self._shown_path).with_name(new_path.name))

        def answer(yes: bool | None) -> None:
            if not yes:
                self.exit()
                return
            lock = SessionLock(lock_path(new_path))
            try:
                lock.acquire()
            except WorkbenchError as locked:
                self.exit(return_code=1, message=f"workbench: {locked}")
                return
            self.locks.append(lock)
            self._shown_path = shown_new
            self._open(new_path)

        self.push_screen(DamagedSessionDialog(self._shown_path, error.reason, shown_new), answer)

    # -- palette and settings ------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, ReviewScreen):
            yield from review_commands(screen)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        if isinstance(self.screen, ReviewScreen):
            self.screen.save_view()
        self.exit()
