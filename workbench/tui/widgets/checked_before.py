"""The "Checked before" block of the detail pane: what the library holds about this claim."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from workbench.core.library import Match
from workbench.core.sanitize import visible

MARK = "≡"
"""The mark in the claim list beside a claim with a "checked before" match."""


def checked_before_content(matches: Sequence[Match], adopted: Sequence[str] = ()) -> Content:
    """Each match: the claim checked, its rating, who and when, the link (all shown literally)."""
    lines: list[Content] = [
        Content.assemble(
            ("Checked before", "bold"), ("  (c adds a match's link as a source)", "dim")
        )
    ]
    for number, match in enumerate(matches, 1):
        check = match.fact_check
        who = " · ".join(
            visible(p, single_line=True) for p in (check.publisher, check.reviewer) if p
        )
        rating = visible(check.rating, single_line=True) if check.rating else "no rating"
        lines.append(
            Content.assemble(
                f"  {number}. “",
                visible(check.claim, single_line=True),
                "”",
            )
        )
        details: list[str | tuple[str, str]] = [
            ("    " + rating, "bold"),
            f" · {who or 'unknown checker'}",
        ]
        if check.date:
            details.append(f" · {check.date}")
        details.append((f" · match {match.score:.2f}", "dim"))
        lines.append(Content.assemble(*details))
        link = check.url or check.article
        if link:
            taken = " (a source of this claim)" if check.url and check.url in adopted else ""
            lines.append(Content.assemble("    ", visible(link, single_line=True), (taken, "dim")))
    return Content("\n").join(lines)


class CheckedBefore(Static):
    """The block; hidden when the claim has no match."""

    DEFAULT_CSS = """
    CheckedBefore {
        margin: 1 0 0 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="detail-checked-before")
        self._shown: Content | None = None
        self.display = False

    def show(self, matches: Sequence[Match], adopted: Sequence[str] = ()) -> None:
        """Show `matches` (none: hide the block)."""
        if not matches:
            self.display = False
            self._shown = None
            return
        content = checked_before_content(matches, adopted)
        if content != self._shown:
            self._shown = content
            self.update(content)
        self.display = True
