"""The `claims` table writer against rich's own Table: the same bytes for the same rows.

`plain_table` redoes rich's Table layout for plain-text cells, because rich's renders a 1 MB
article's table in seconds. rich's Table is the reference here: every case is printed both ways
at several terminal widths and must match byte for byte, including the cells and widths the
writer hands back to rich (wide characters, a tab, a terminal too narrow for the columns).
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from workbench.cli import plain_table
from workbench.cli.plain_table import Column, print_table, rich_table

COLUMNS = (
    Column("#", justify="right", no_wrap=True),
    Column("score", justify="right", no_wrap=True),
    Column("×", justify="right", no_wrap=True),
    Column("dates", no_wrap=True, max_width=18),
    Column("claim", overflow="fold", flexible=True),
    Column("signals", max_width=22),
)

LONG_WORD = "https://example.org/" + "a-very-long-path-segment/" * 6
RUSSIAN = "Заседание продлится до 18:00 по московскому времени, сообщил источник."
JAPANESE = "東京都は2024年に新しい条例を施行したと発表しました。"


def row(number: str, score: str, copies: str, dates: str, claim: str, signals: str) -> list[str]:
    return [number, score, copies, dates, claim, signals]


ROWS: dict[str, list[list[str]]] = {
    "news sentences": [
        row("1", "0.93", "", "2024-03-14", "The council approved $4.2m on Wednesday.", "date"),
        row("12", "0.41", "2×", "", "“We will not close it,” the mayor said — again.", "quotation"),
        row(
            "104",
            "1.00",
            "",
            "2024-06\n2024-06-03",
            "Drivers face a 40-minute detour from June 3 until the work ends.",
            "date, number, entity, comparison",
        ),
    ],
    "long words, spaces and dates cut with an ellipsis": [
        row("7", "0.55", "", "2019-11-05 – 2019-11-07 ⚠", f"See {LONG_WORD} for the   list.", ""),
        row("8", "0.6", "13×", "1999\n2000-01-01 – 2000-12-31", "Trailing spaces.     ", "a" * 30),
        row("9  ", "0.10 ", " 2× ", " 2001 ", "  Leading spaces too.", "  date,   number  "),
        row("10", "0.1", "", "", " One space opens this sentence, long enough to wrap.", ""),
        row("11", "0.1", "", "", "One space ends this sentence, long enough to wrap too. ", ""),
        row("12", "0.1", "", "", "Two  spaces  sit  inside  this  sentence, long enough.", ""),
    ],
    "non-Latin text": [
        row("1", "0.70", "", "", RUSSIAN, ""),
        row("2", "0.80", "", "", JAPANESE, "date"),
        row("3", "0.20", "", "", "Emoji 🎉 and a combining accent (é) and a\ttab.", ""),
        row("4", "0.30", "", "", "A soft\u00adhyphen and a no\u00a0break space.", ""),
        row("5", "0.35", "", "", "Only a no\u00a0break space, in a sentence long enough.", ""),
    ],
    "empty cells and no rows at all": [],
    "one row of empty cells": [["", "", "", "", "", ""]],
}


def rendered(printer: object, width: int) -> str:
    """What a terminal `width` cells wide receives from `printer(console)` (not a tty)."""
    out = io.StringIO()
    console = Console(file=out, width=width, soft_wrap=False, highlight=False)
    printer(console)  # type: ignore[operator]
    return out.getvalue()


@pytest.mark.parametrize("case", list(ROWS))
@pytest.mark.parametrize("width", [12, 30, 52, 80, 133])
@pytest.mark.parametrize("with_signals", [False, True])
def test_the_table_is_rich_tables_byte_for_byte(case: str, width: int, with_signals: bool) -> None:
    columns = COLUMNS if with_signals else COLUMNS[:-1]
    rows = [row if with_signals else row[:-1] for row in ROWS[case]]
    expected = rendered(lambda console: console.print(rich_table(columns, rows)), width)
    written = rendered(lambda console: print_table(console, columns, rows), width)
    assert written == expected


def test_an_ordinary_table_is_written_without_richs_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the module: at a usual width, rows are not laid out by rich's Table."""
    rows = ROWS["news sentences"]
    expected = rendered(lambda console: console.print(rich_table(COLUMNS, rows)), 133)

    def no_rich_table(*_: object) -> None:
        raise AssertionError("rich's Table was used")

    monkeypatch.setattr(plain_table, "rich_table", no_rich_table)
    assert rendered(lambda console: print_table(console, COLUMNS, rows), 133) == expected
