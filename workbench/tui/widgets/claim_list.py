"""The claim list: a virtual list that renders only the rows on screen.

A `ScrollView` with `render_line` (as Textualize/toolong does), because DataTable measures every
cell up front: 10,000 claims would take about a second to show. Here opening costs nothing per
row, and a key press redraws two or three lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.core.extraction import Claim
from workbench.core.review.model import Verdict
from workbench.tui.bindings import LIST_BINDINGS
from workbench.tui.rows import (
    CHANGED_MARK,
    RowState,
    number_label,
    occurrences_label,
    one_line,
    score_label,
    short_dates,
)
from workbench.tui.widgets.checked_before import MARK as CHECKED_MARK

MAX_DATES_SHARE = 0.4
"""The dates column takes at most this share of the row; the claim needs the rest."""


class ClaimList(ScrollView, can_focus=True):
    """The claims on show, one per line: mark, number, dates, text (ellipsised), copies, score.

    The dates column is as wide as the widest date label on show (up to a share of the row),
    so a date is cut only when the terminal has no room for it.
    """

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-list--cursor",
        "claim-list--cursor-blurred",
        "claim-list--dates",
        "claim-list--warning",
        "claim-list--dim",
        *(f"claim-list--{verdict.value}" for verdict in Verdict),
    }

    DEFAULT_CSS = """
    ClaimList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    ClaimList > .claim-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ClaimList > .claim-list--cursor-blurred { background: $block-cursor-blurred-background; }
    ClaimList > .claim-list--dates { color: $accent; }
    ClaimList > .claim-list--warning { color: $warning; }
    ClaimList > .claim-list--dim { color: $text-muted; }
    ClaimList > .claim-list--unreviewed { color: $text-muted; }
    ClaimList > .claim-list--verified { color: $success; text-style: bold; }
    ClaimList > .claim-list--disputed { color: $error; text-style: bold; }
    ClaimList > .claim-list--inconclusive { color: $warning; text-style: bold; }
    ClaimList > .claim-list--not_a_claim { color: $text-muted; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Row under the cursor (an index into the claims on show)."""

    class Highlighted(Message):
        """The cursor moved to another claim (or the list became empty)."""

        def __init__(self, claim: Claim | None) -> None:
            super().__init__()
            self.claim = claim

    class OpenDetail(Message):
        """The user asked to read the claim in the detail pane (enter)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claims: Sequence[Claim] = ()
        self._state_of: Callable[[Claim], RowState] = lambda _claim: RowState(Verdict.UNREVIEWED)
        self._styles: dict[str, Style] = {}
        self._dates: dict[str, str] = {}
        """Date labels by claim id (claims never change; the text work is done once)."""
        self._dates_width = 0
        self._number_width = 1
        self.marked: frozenset[str] = frozenset()
        """Claims with a "checked before" match in the library (marked after the number)."""
        self._rows: dict[tuple[str, RowState, bool, int], list[Segment]] = {}
        """Rendered rows (not the cursor's) by claim id, state, mark and width: a key press
        redraws a line or two, and scrolling back does not redo the text work."""
        self._base: Style | None = None

    # -- data -------------------------------------------------------------------------------

    @property
    def claims(self) -> Sequence[Claim]:
        """The claims on show."""
        return self._claims

    @property
    def current(self) -> Claim | None:
        """The claim under the cursor."""
        if 0 <= self.cursor < len(self._claims):
            return self._claims[self.cursor]
        return None

    def show(
        self,
        claims: Sequence[Claim],
        state_of: Callable[[Claim], RowState],
        *,
        cursor: int = 0,
    ) -> None:
        """Replace what is listed; rows render when on screen, only column widths are measured."""
        self._claims = claims
        self._state_of = state_of
        dates = self._dates
        widest = 0
        for claim in claims:
            label = dates.get(claim.id)
            if label is None:
                label = dates[claim.id] = short_dates(claim)
            widest = max(widest, len(label))
        if widest != self._dates_width:
            self._rows.clear()
        self._dates_width = widest
        self._number_width = len(number_label(claims[-1])) if claims else 1
        self.virtual_size = Size(0, len(claims))
        self.cursor = max(0, min(cursor, len(claims) - 1))
        self.refresh()

    def refresh_row(self, row: int) -> None:
        """Redraw one row (its claim's verdict changed)."""
        self.refresh_line(row)

    # -- cursor -----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if self._scroll_to_cursor():
            self.refresh()
        else:
            # Only the two rows whose highlight changed are drawn again.
            self.refresh_line(old)
            self.refresh_line(new)
        self.post_message(self.Highlighted(self.current))

    def _scroll_to_cursor(self) -> bool:
        """Scroll so the cursor row is on screen; whether it scrolled."""
        height = self.scrollable_content_region.height
        if height <= 0:
            return False
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        else:
            return False
        return True

    def _move_to(self, row: int) -> None:
        if self._claims:
            self.cursor = max(0, min(row, len(self._claims) - 1))

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._claims) - 1)

    def action_page_up(self) -> None:
        self._move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_open_detail(self) -> None:
        self.post_message(self.OpenDetail())

    def on_click(self, event: events.Click) -> None:
        self._move_to(round(self.scroll_y) + event.y)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The theme or a pseudo-class changed: look the styles up again, redraw every row.
        self._styles.clear()
        self._rows.clear()
        self._base = None

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    # -- rendering ---------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"claim-list--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._base is None:
            self._base = self.rich_style  # computed from the CSS each time it is read
        base = self._base
        row = round(self.scroll_y) + y
        if row >= len(self._claims) or width <= 0:
            return Strip.blank(width, base)
        claim = self._claims[row]
        if row == self.cursor:
            cursor = self._style("cursor" if self.has_focus else "cursor-blurred")
            return Strip(self._row_segments(claim, width, base + cursor), width)
        key = (claim.id, self._state_of(claim), claim.id in self.marked, width)
        segments = self._rows.get(key)
        if segments is None:
            if len(self._rows) > 4096:
                self._rows.clear()
            segments = self._rows[key] = self._row_segments(claim, width, base)
        return Strip(segments, width)

    def _row_segments(self, claim: Claim, width: int, base: Style) -> list[Segment]:
        state = self._state_of(claim)
        verdict = state.verdict
        dates = self._dates.get(claim.id)
        if dates is None:
            dates = self._dates[claim.id] = short_dates(claim)
        copies = occurrences_label(claim)
        score = score_label(claim)
        tail = f" {copies:>3} {score}"
        number = number_label(claim).rjust(self._number_width)
        dates_cells = min(self._dates_width, int(width * MAX_DATES_SHARE))
        head_cells = 2 + len(number) + 1 + (dates_cells + 1 if dates_cells else 0)
        text_cells = max(0, width - head_cells - cell_len(tail))
        date_style = self._style("warning" if "!" in dates else "dates")
        text_style = base + self._style("dim") if state.unlisted else base
        segments = [
            Segment(verdict.symbol, base + self._style(verdict.value)),
            Segment(CHANGED_MARK if state.changed else " ", base + self._style("warning")),
            Segment(
                number + (CHECKED_MARK if claim.id in self.marked else " "),
                base + self._style("dim"),
            ),
        ]
        if dates_cells:
            segments.append(Segment(_fit(dates, dates_cells) + " ", base + date_style))
        segments += [
            Segment(_fit(one_line(claim), text_cells), text_style),
            Segment(tail, base + self._style("dim")),
        ]
        line = Strip(segments)
        return list(line.adjust_cell_length(width, base))


def _fit(text: str, cells: int) -> str:
    """`text` padded or cut to exactly `cells` cells, with an ellipsis when cut."""
    if cells <= 0:
        return ""
    if cell_len(text) <= cells:
        return set_cell_size(text, cells)
    return set_cell_size(text, cells - 1) + "…"
