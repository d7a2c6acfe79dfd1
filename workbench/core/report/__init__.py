"""The review report in three formats: Markdown for people, JSON for programs, ClaimReview.

INTERFACE (used by `workbench report` and the TUI's export):
- `render_markdown(extraction, session, *, generated_at=None, reviewer=None,
  checked_before=None) -> str`
- `render_json(extraction, session, *, generated_at=None, reviewer=None) -> dict`
- `render_claimreview(extraction, session, *, generated_at=None, reviewer=None,
  review_url=None) -> list[dict]`
- `render(format, extraction, session, ...) -> str`: any of them as the text to write.
- `report_path(document, format="markdown") -> Path`: where the report goes by default.

- `reattached(extraction, session) -> Session`: a session loaded from a file, matched to the
  current sentences in memory (never written). The workspace's session needs no such step.

`session` is None when no review was saved: everything is reported as unreviewed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from workbench.core.extraction import Extraction
from workbench.core.library.model import Match
from workbench.core.report.claimreview import render_claimreview
from workbench.core.report.common import (
    REPORT_SUFFIXES,
    Report,
    build_report,
    reattached,
    report_path,
)
from workbench.core.report.json_report import render_json
from workbench.core.report.markdown import render_markdown
from workbench.core.review.model import Session
from workbench.core.sanitize import escape_json_controls

FORMATS = tuple(REPORT_SUFFIXES)
"""The report formats: markdown, json, claimreview."""


def render(
    format: str,
    extraction: Extraction,
    session: Session | None,
    *,
    generated_at: str | None = None,
    reviewer: str | None = None,
    review_url: str | None = None,
    checked_before: Mapping[str, Sequence[Match]] | None = None,
) -> str:
    """The report in `format` as text ending with a newline (`checked_before`: the library's
    matches by claim id, listed in the Markdown report)."""
    if format == "markdown":
        return render_markdown(
            extraction,
            session,
            generated_at=generated_at,
            reviewer=reviewer,
            checked_before=checked_before,
        )
    if format == "json":
        data: object = render_json(
            extraction, session, generated_at=generated_at, reviewer=reviewer
        )
    elif format == "claimreview":
        data = render_claimreview(
            extraction, session, generated_at=generated_at, reviewer=reviewer, review_url=review_url
        )
    else:
        raise ValueError(f"unknown report format {format!r}")
    return escape_json_controls(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


__all__ = [
    "FORMATS",
    "Report",
    "build_report",
    "reattached",
    "render",
    "render_claimreview",
    "render_json",
    "render_markdown",
    "report_path",
]
