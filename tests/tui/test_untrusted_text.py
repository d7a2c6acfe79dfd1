"""Article text is shown literally: Rich markup stays text, escape sequences become visible."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import make_app
from pilot_helpers import claim_list, go_to, opened
from textual.widgets import Static

pytestmark = pytest.mark.anyio

HOSTILE = """\
The mayor said the [bold red]bridge[/] cost 42 million euros on July 27, 2023.

A second claim says the council spent \x1b[2J 12 million euros in 2022, officials said.
"""


async def test_markup_and_escapes_are_shown_as_typed(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    app = make_app("hostile.txt")
    async with opened(app, size=(120, 30)) as pilot:
        assert len(claim_list(app).claims) >= 1
        await go_to(pilot, "[bold red]bridge[/]")
        paragraph = app.screen.query_one("#detail-paragraph", Static)
        shown = str(paragraph.render())
        assert "[bold red]bridge[/]" in shown
        row = claim_list(app).render_line(claim_list(app).cursor).text
        assert "[bold red]bridge[/]" in row
        await go_to(pilot, "12 million")
        shown = str(app.screen.query_one("#detail-paragraph", Static).render())
        assert "\x1b" not in shown and "␛[2J" in shown
