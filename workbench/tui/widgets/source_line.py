"""One reference URL as the app shows it: the URL and how its last fetch went."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content

from workbench.core.sanitize import visible


def url_line(url: str, page: Mapping[str, Any] | None) -> Content:
    """A URL and how its last fetch went: `✗ failed: not found (404)`, `read`, `not fetched`."""
    shown = visible(url, single_line=True)
    if page is None:
        return Content.assemble(shown, ("  not fetched yet", "dim"))
    error = page.get("error")
    if error:
        failed = visible(str(error), single_line=True)
        return Content.assemble(shown, (f"  ✗ failed: {failed}", "bold red"))
    return Content.assemble(shown, ("  ✓ read", "green"))
