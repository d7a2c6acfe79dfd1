"""One reference URL as the app shows it: the URL and how its last fetch went."""

from __future__ import annotations

from textual.content import Content

from workbench.core.evidence.records import SavedPage
from workbench.core.sanitize import visible


def url_line(url: str, page: SavedPage | None) -> Content:
    """A URL and how its last fetch went: `✗ failed: not found (404)`, `read`, `not fetched`."""
    shown = visible(url, single_line=True)
    if page is None:
        return Content.assemble(shown, ("  not fetched yet", "dim"))
    error = page.error
    if error:
        failed = visible(error, single_line=True)
        return Content.assemble(shown, (f"  ✗ failed: {failed}", "bold red"))
    return Content.assemble(shown, ("  ✓ read", "green"))
