"""Exporting the report: rendered in a worker, previewed, written once the checker agrees.

Invisible, like the reference fetcher: the review screen calls `export()`; rendering a large
review's report is CPU work, so it runs in a thread and the keys stay live meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual import on, work
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from workbench.core.errors import WorkbenchError
from workbench.core.library.model import Match
from workbench.core.review.workspace import ReviewWorkspace
from workbench.tui.export import RenderedReport, render_report, write_report
from workbench.tui.screens.export_preview import ExportPreview


class ReportExporter(Widget):
    """Renders, previews and writes the Markdown report of one review."""

    DEFAULT_CSS = "ReportExporter { display: none; }"

    def __init__(self, workspace: ReviewWorkspace, clock: Callable[[], str]) -> None:
        super().__init__()
        self.workspace = workspace
        self.clock = clock
        """The time a report is generated."""
        self.checked_before: Mapping[str, Sequence[Match]] = {}
        """The library's matches by claim id, listed in the report ("Checked before")."""

    def export(self) -> None:
        """Render the report in a worker, then preview it."""
        self._render_report()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", name="export")
    def _render_report(self) -> RenderedReport:
        return render_report(
            self.workspace.extraction,
            self.workspace.session,
            generated_at=self.clock(),
            reviewer=self.workspace.reviewer,
            checked_before=self.checked_before,
        )

    @on(Worker.StateChanged)
    def _rendered(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export":
            return
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, WorkbenchError) else repr(error)
            self.notify(f"The report could not be made: {message}", severity="error")
        elif event.state is WorkerState.SUCCESS:
            rendered = event.worker.result
            assert isinstance(rendered, RenderedReport)
            self._preview(rendered)

    def _preview(self, rendered: RenderedReport) -> None:
        def write(yes: bool | None) -> None:
            if not yes:
                return
            try:
                write_report(rendered)
            except WorkbenchError as error:
                self.notify(str(error), title="Not written", severity="error")
                return
            self.notify(f"Report written to {rendered.path.name}.", title="Exported")

        self.app.push_screen(ExportPreview(rendered.markdown, rendered.path.name), write)
