"""`t`: the article's dated claims on a time axis around the reference date.

One line per date: verdict, claim number, the date as resolved, then its span on the axis
(a day is a dot, a month or a year a bar of its own length, an approximate or open-ended date
a dashed range) coloured by verdict, with the reference date marked; enter goes to the claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.review.model import Verdict
from workbench.core.review.timeline import Timeline, TimelineEntry
from workbench.core.sanitize import visible
from workbench.tui.widgets.claim_heading import VERDICT_STYLES, claim_number

REFERENCE_MARK = "│"
"""The reference date's column, where no date covers it."""


def axis_content(timeline: Timeline, width: int, indent: int) -> Content:
    """The axis under the header: its first day, the reference date, its last day."""
    start, end = timeline.start.isoformat(), timeline.end.isoformat()
    line = [" "] * width
    line[timeline.column(timeline.reference, width)] = "▼"
    reference = f"reference {timeline.reference.isoformat()}"
    return Content.assemble(
        " " * indent,
        (f"{start} … {end}", "dim"),
        "  ",
        (reference, "bold"),
        "\n",
        " " * indent,
        ("".join(line), "bold"),
    )


def bar_content(timeline: Timeline, entry: TimelineEntry, width: int, style: str) -> Content:
    """One entry's span on the axis, the reference column marked where the span is not."""
    first, last = timeline.bar(entry, width)
    reference = timeline.column(timeline.reference, width)
    if first == last and not entry.approximate:
        drawn = "●"
    else:
        fill = "┄" if entry.approximate else "━"
        drawn = fill * (last - first + 1)
        if entry.first is None:
            drawn = "◀" + drawn[1:]
        if entry.last is None:
            drawn = drawn[:-1] + "▶"
    before = [" "] * first
    after = [" "] * (width - last - 1)
    if reference < first:
        before[reference] = REFERENCE_MARK
    elif reference > last:
        after[reference - last - 1] = REFERENCE_MARK
    return Content.assemble(("".join(before), "dim"), (drawn, style), ("".join(after), "dim"))


class TimelineScreen(ModalScreen[str | None]):
    """The timeline; enter dismisses with the chosen claim's id, esc with None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,t", "close", "Close", id="timeline.close", tooltip="Close"),
    ]

    def __init__(
        self, timeline: Timeline, verdict_of: Callable[[str], Verdict], *, bar_width: int
    ) -> None:
        super().__init__()
        self._timeline = timeline
        self._verdict_of = verdict_of
        self._bar_width = bar_width

    def _line(self, entry: TimelineEntry, label_width: int) -> Content:
        verdict = self._verdict_of(entry.claim.id)
        style = VERDICT_STYLES[verdict]
        label = visible(entry.mention.display, single_line=True).ljust(label_width)
        text = visible(entry.claim.text, single_line=True)
        return Content.assemble(
            (f"{verdict.symbol} ", style),
            (f"{claim_number(entry.claim):>5} ", "dim"),
            (label + " ", "bold"),
            bar_content(self._timeline, entry, self._bar_width, style),
            " ",
            text,
        )

    def compose(self) -> ComposeResult:
        timeline = self._timeline
        entries = timeline.entries
        with Vertical(id="timeline-dialog", classes="dialog"):
            yield Label(Content.styled(f"Timeline ({len(entries)} dates)", "bold"))
            if not entries:
                yield Label("No dated claims in this article.")
            else:
                label_width = max(len(e.mention.display) for e in entries)
                indent = 2 + 6 + label_width + 1
                yield Label(axis_content(timeline, self._bar_width, indent), id="timeline-axis")
                yield OptionList(
                    *(
                        Option(self._line(entry, label_width), id=f"{n}")
                        for n, entry in enumerate(entries)
                    ),
                    id="timeline-list",
                )
            yield Label(
                Content.styled(
                    "● a day · ━ a month or year at its length · ┄ approximate · "
                    "enter goes to the claim · esc closes",
                    "dim",
                )
            )

    def on_mount(self) -> None:
        if self._timeline.entries:
            self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._timeline.entries[event.option_index].claim.id)

    def action_close(self) -> None:
        self.dismiss(None)
