"""The one place the app calls the report code: render the Markdown report and name its file.

`workbench.core.report` (written alongside the app) owns the format; this module only adapts
its call, so a change in its signature is fixed here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.atomic import write_atomic
from workbench.core.extraction import Extraction
from workbench.core.library.model import Match
from workbench.core.review.model import Session


@dataclass(frozen=True)
class RenderedReport:
    """A report ready to preview and write."""

    markdown: str
    """The Markdown text."""
    path: Path
    """Where it will be written."""


def render_report(
    extraction: Extraction,
    session: Session,
    *,
    generated_at: str,
    reviewer: str | None,
    checked_before: Mapping[str, Sequence[Match]] | None = None,
) -> RenderedReport:
    """The Markdown report of `session` and the path beside the article it belongs at."""
    from workbench.core.report import render_markdown, report_path

    markdown = render_markdown(
        extraction,
        session,
        generated_at=generated_at,
        reviewer=reviewer,
        checked_before=checked_before,
    )
    return RenderedReport(markdown, report_path(extraction.document, "markdown"))


def write_report(rendered: RenderedReport) -> None:
    """Write the report atomically (raises WorkbenchError on failure)."""
    write_atomic(rendered.path, rendered.markdown)
