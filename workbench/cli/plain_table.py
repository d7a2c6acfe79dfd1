"""Tables of plain text cells in rich's Table layout, written a row at a time.

rich's `Table` measures and renders every cell through its general renderable machinery, about
0.4 ms a row: on a 1 MB article's 5,700 claims that is 2.1 s, three times the extraction. Every
cell here is plain text in a column whose rules are known, so this module computes the column
widths as rich does for them and writes each row with rich's own wrapping rule (greedy by words,
a word longer than the column folded or cut with "…"), in the same box (HEAVY_HEAD, a line
between rows). The parts it does not redo are left to rich:

- a cell holding a character that is not exactly one terminal cell wide (CJK, emoji, combining
  marks, a tab) is laid out by rich's `Text` in the column's width;
- a terminal too narrow for the columns (rich then shrinks them), an ASCII-only terminal and the
  legacy Windows console get rich's `Table` itself.

`tests/test_plain_table.py` holds this output byte-identical to rich's `Table` on the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Final, Literal

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from rich.table import Table

# rich's word: a run of non-space with the spaces around it (`rich._wrap.re_word`).
_WORD: Final = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE: Final = re.compile(r"\s+$")
_HEADER_STYLE: Final = "table.header"


@dataclass(frozen=True)
class Column:
    """One column: the `rich.table.Column` options this writer supports."""

    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    """One line per line of the cell, cut with "…" at the column's width."""
    overflow: Literal["fold", "ellipsis"] = "ellipsis"
    """What happens to a word longer than the column: folded onto more lines, or cut with "…"."""
    max_width: int | None = None
    """The widest the cell text may be, in terminal cells."""
    flexible: bool = False
    """Takes every cell the other columns leave (rich's `ratio=1`); exactly one column is."""


def print_table(console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """Print `rows` (one string per column, lines split by "\\n") as rich's Table would."""
    widths = _column_widths(console, columns, rows)
    if widths is None:
        console.print(rich_table(columns, rows))
        return
    top = "┏" + "┳".join("━" * width for width in widths) + "┓"
    below_header = "┡" + "╇".join("━" * width for width in widths) + "┩"
    between_rows = "├" + "┼".join("─" * width for width in widths) + "┤"
    bottom = "└" + "┴".join("─" * width for width in widths) + "┘"
    console.print(top, soft_wrap=True, markup=False, emoji=False, highlight=False)
    # Laid out a column at a time (one rule per column), then joined a row at a time.
    blanks = [" " * (width - 2) for width in widths]
    header = [
        cells[0]
        for column, width in zip(columns, widths, strict=True)
        for cells in [_column_cells(console, [column.header], column, width - 2)]
    ]
    # The header goes through rich, so a terminal shows it bold as rich's Table does.
    for line in _stacked(header, blanks, at_bottom=True):
        parts: list[str | tuple[str, str]] = ["┃"]
        for cell in line:
            parts += [(f" {cell} ", _HEADER_STYLE), "┃"]
        console.print(Text.assemble(*parts), soft_wrap=True)
    by_column = [
        _column_cells(console, [row[index] for row in rows], column, width - 2)
        for index, (column, width) in enumerate(zip(columns, widths, strict=True))
    ]
    out = [below_header]
    for index, cells in enumerate(zip(*by_column, strict=True)):
        if index:
            out.append(between_rows)
        out += ["│ " + " │ ".join(line) + " │" for line in _stacked(cells, blanks)]
    out.append(bottom)
    # Body cells carry no style (as in rich's rendering), so they are written as they are.
    console.file.write("\n".join(out) + "\n")
    console.file.flush()


def rich_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Table:
    """The same table as rich's own `Table`: the fallback, and the tests' reference."""
    from rich.table import Table  # only here: the usual table never needs it (~4 ms)

    table = Table(show_lines=True, expand=True)
    for column in columns:
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            max_width=column.max_width,
            ratio=1 if column.flexible else None,
        )
    for row in rows:
        table.add_row(*map(Text, row))
    return table


def _column_widths(
    console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> list[int] | None:
    """Each column's width with its padding, as rich's expanded Table computes it; None where
    this writer does not lay the table out (see the module notes)."""
    if console.legacy_windows or console.options.ascii_only:
        return None
    if sum(column.flexible for column in columns) != 1:
        return None
    # The box's outer edges and the dividers between columns.
    room = console.width - (len(columns) + 1)
    widths = []
    for index, column in enumerate(columns):
        if column.flexible:
            widths.append(0)
            continue
        # rich measures a cell as its widest line, plus one space of padding on each side.
        widest = max([_widest_line(column.header), *(_widest_line(row[index]) for row in rows)])
        if column.max_width is not None:
            widest = min(widest, column.max_width)
        widths.append(widest + 2)
    flexible = room - sum(widths)
    # Below three cells rich shrinks the other columns: its layout, not redone here.
    if flexible < 3:
        return None
    pairs = zip(columns, widths, strict=True)
    return [flexible if column.flexible else width for column, width in pairs]


def _widest_line(text: str) -> int:
    return max(map(cell_len, text.splitlines()), default=0)


def _stacked(
    cells: Sequence[list[str]], blanks: Sequence[str], *, at_bottom: bool = False
) -> list[list[str]]:
    """A row's terminal lines, each the list of its cells' text on that line: a cell shorter
    than the row is filled with blank lines, below its text (rich's top alignment) or, for
    the header, above it."""
    height = max(map(len, cells))
    if height == 1:  # the usual row
        return [[cell[0] for cell in cells]]
    filled = [
        ([blank] * (height - len(cell)) + cell)
        if at_bottom
        else cell + [blank] * (height - len(cell))
        for cell, blank in zip(cells, blanks, strict=True)
    ]
    return [[cell[line] for cell in filled] for line in range(height)]


def _column_cells(
    console: Console, texts: Sequence[str], column: Column, width: int
) -> list[list[str]]:
    """`_cell_lines` of each text of one column. A text that fits on one line (most cells) is
    taken as it is, padded: every rule of `_cell_lines` would leave it so."""
    one_cell = _one_cell_characters()
    right = column.justify == "right"
    return [
        ([text.rstrip().rjust(width) if right else text.ljust(width)])
        if len(text) <= width and one_cell.issuperset(text)
        else _cell_lines(console, text, column, width)
        for text in texts
    ]


def _cell_lines(console: Console, text: str, column: Column, width: int) -> list[str]:
    """The lines of one cell's text laid out in `width` cells, each exactly that wide."""
    one_cell = _one_cell_characters()
    if column.no_wrap:
        if not one_cell.issuperset(text.replace("\n", "")):
            return _rich_cell_lines(console, text, column, width)
        # (rich's `Text.split` on "\n" keeps blank lines, as `str.split` does.)
        lines = text.split("\n")
    else:
        if not one_cell.issuperset(text):
            return _rich_cell_lines(console, text, column, width)
        spaced = _spaced_lines(text, width)
        if spaced is not None:
            lines = spaced
        else:
            lines = [_strip_end(line, width) for line in _divide(text, width, column.overflow)]
    if column.justify == "right":
        return [_fit(line.rstrip(), width, column.overflow).rjust(width) for line in lines]
    return [_fit(line, width, column.overflow).ljust(width) for line in lines]


def _spaced_lines(text: str, width: int) -> list[str] | None:
    """`_divide` for the usual sentence: words split by spaces, none longer than a line, the
    first at the start. Each line is its words as written (what `_divide` and `_strip_end`
    leave once padded to the width); None for any other text."""
    # Scans in C, no word list. A leading space would be dropped; whitespace other than the
    # space and a word to fold follow other rules. (Runs of spaces and trailing ones wrap the
    # same either way: the pattern counts them as rich does, and padding hides where they end.)
    if (
        not text
        or text[0] == " "
        or _OTHER_WHITESPACE.search(text)
        or _word_longer_than(width).search(text)
    ):
        return None
    return _greedy_lines(width).findall(text)


_OTHER_WHITESPACE: Final = re.compile(r"[^\S ]")


@cache
def _word_longer_than(width: int) -> re.Pattern[str]:
    """A run of more than `width` characters that are not a space."""
    return re.compile(f"[^ ]{{{width + 1}}}")


@cache
def _greedy_lines(width: int) -> re.Pattern[str]:
    """The greedy word wrap as one pattern: from a word's start, the most characters that fit
    in `width` and end before a space or the end. With single spaces and no longer word this
    is `_divide`'s rule (a word joins the line while its letters fit), done in C."""
    return re.compile(rf"(\S.{{0,{width - 1}}})(?: |$)")


def _divide(text: str, width: int, overflow: str) -> list[str]:
    """`text` cut into lines as `rich._wrap.divide_line` cuts it, for one-cell characters: a
    word goes on the line if its letters fit (its trailing spaces may overhang), else on the
    next line; a word longer than a line is folded, or left whole to be cut with "…"."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        letters = len(word.rstrip())
        if width - used >= letters:
            used += len(word)
        elif letters > width:
            if overflow == "fold":
                pieces = [word[at : at + width] for at in range(0, len(word), width)]
                for piece in pieces[:-1]:
                    if start:
                        breaks.append(start)
                    start += len(piece)
                if start:
                    breaks.append(start)
                used = len(pieces[-1])
            else:
                if start:
                    breaks.append(start)
                used = len(word)
        elif used and start:
            breaks.append(start)
            used = len(word)
    return [text[a:b] for a, b in pairwise([0, *breaks, len(text)])]


def _strip_end(line: str, width: int) -> str:
    """rich's `Text.rstrip_end`: trailing spaces past `width` dropped."""
    excess = len(line) - width
    if excess > 0 and (spaces := _TRAILING_SPACE.search(line)) is not None:
        return line[: len(line) - min(len(spaces.group()), excess)]
    return line


def _fit(line: str, width: int, overflow: str) -> str:
    """rich's `Text.truncate`: a line longer than `width` cut to it, with "…" unless folding."""
    if len(line) <= width:
        return line
    return line[: width - 1] + "…" if overflow == "ellipsis" else line[:width]


def _rich_cell_lines(console: Console, text: str, column: Column, width: int) -> list[str]:
    """One cell laid out by rich itself, as its Table lays out a cell's text."""
    options = console.options.update(
        width=width,
        justify=column.justify,
        no_wrap=column.no_wrap,
        overflow=column.overflow,
        height=None,
        highlight=False,
    )
    lines = console.render_lines(Text(text), options, pad=True)
    return ["".join(segment.text for segment in line) for line in lines]


@cache
def _one_cell_characters() -> frozenset[str]:
    """Characters rich counts as exactly one cell wide: printable ASCII, Latin, Greek and
    Cyrillic, and the punctuation, currency and letter-like signs news text is full of.

    Each is checked with rich's own `cell_len`, so the set can only leave characters out
    (they then take rich's layout), never hold one rich measures otherwise."""
    ranges = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x205E), (0x20A0, 0x214F))
    candidates = (chr(code) for low, high in ranges for code in range(low, high + 1))
    return frozenset(char for char in candidates if cell_len(char) == 1)
