"""The header: article title, reference date and its origin, progress, filter, review file."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workbench.core.extraction import Extraction
from workbench.core.review.filtering import ClaimFilter
from workbench.core.review.workspace import Progress
from workbench.core.sanitize import visible


def header_content(
    extraction: Extraction,
    progress: Progress,
    view: ClaimFilter,
    shown: int,
    session_path: str,
    orphaned: int,
    *,
    activity: str = "",
) -> Content:
    """Two lines: what is being reviewed, then how far along and where it is saved."""
    document = extraction.document
    title = visible(document.title or document.source, single_line=True)
    reference = extraction.reference
    first = Content.assemble(
        (title, "bold"),
        "  · reference date ",
        (reference.value.isoformat(), "bold"),
        # The origin may hold parentheses of its own: a comma, not another pair around it.
        f", {visible(reference.description, single_line=True)}",
    )
    parts: list[str | tuple[str, str]] = [(progress.summary, "bold")]
    if view.is_active:
        what = [] if view.status == "all" else [view.status.replace("_", " ")]
        if view.search.strip():
            what.append(f"“{visible(view.search, single_line=True)}”")
        parts.append(f" · showing {shown} ({', '.join(what)})")
    if orphaned:
        parts.append((f" · {orphaned} orphaned", "bold yellow"))
    if activity:
        parts.append((f" · {activity}", "bold"))
    parts.append(f" · review file {visible(session_path, single_line=True)}")
    return Content("\n").join([first, Content.assemble(*parts)])


class ReviewHeader(Static):
    """The two header lines."""
