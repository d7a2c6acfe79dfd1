"""Hostile and broken inputs for the robustness tests, and the checks every outcome must pass.

Shared by the hostile-article, property, display and benchmark code: each input is built here from
scratch (no files from outside the repository), and `assert_refused_in_one_line` states the
CLI contract for a refusal: exit 1, one line on stderr starting with `workbench: `, no
traceback.
"""

from __future__ import annotations

import random
from pathlib import Path

NEWS_SENTENCES = (
    "The city council said on Friday, July 28, 2023, that 42 schools would close for repairs.",
    "According to the health ministry, 1,250 people were treated in hospital last week.",
    '"We have never seen anything like it," said Mayor Ana Ruiz at a news conference.',
    "Unemployment fell to 4.2 percent in June, the lowest rate since 2019.",
    "The bridge, which cost 310 million euros, opened three years after work began.",
    "Officials declined to comment on the report.",
    "It was raining in the harbour when the ferry left.",
    "The United Nations estimated that more than 2 million people had fled the region.",
)
"""Sentences shaped like wire copy: dates, numbers, quotes, attributions, filler."""

HOSTILE_LINE = (
    "[bold red]The mayor[/] said [link=https://x]40 people[/link] died in 2019 "
    "\x1b[2J\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\ \x1b]0;title\x07 according to "
    "\u202eofficials\u202c and \u200bpolice, \x9b31m the minister reported."
)
"""One claim-like sentence full of Rich markup, terminal escapes, bidi and zero-width
characters, and a C1 CSI (U+009B) that some terminals obey in UTF-8."""

MARKDOWN_BREAKER = (
    "# The council said | it paid `40` million | euros <script>alert(1)</script> in 2019.\n"
    "\n"
    "The mayor said | on July 28, 2023 | that ``` 12 ``` people <img src=x onerror=alert(1)> "
    "died, according to [police](javascript:alert(1)).\n"
    "\n"
    "1. The minister said 300 jobs were lost in 2022 | and *none* came back.\n"
)
"""An article whose sentences try to add table columns, open code, inject HTML and headings."""


CRLF_ARTICLE = (
    "PORT ELSTON, Nov 7 (Courier Wire) - Dockworkers at the Northfield\r\n"
    "container terminal walked out on Tuesday, the union said.\r\n"
    "\r\n"
    "The terminal handles about a third of the region's imports, according\r\n"
    "to the port authority, and 4,000 people work there.\r\n"
)
"""A Windows wire story: CRLF line endings, hard-wrapped inside its sentences."""


def news_text(size: int, *, seed: int = 6) -> str:
    """About `size` characters of generated news paragraphs (3-6 sentences each)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        count = rng.randint(3, 6)
        # A changing number keeps paragraphs distinct, so folding has real work to do.
        sentences = [rng.choice(NEWS_SENTENCES) for _ in range(count)]
        sentences.append(f"Paragraph {number} was filed by reporter {rng.randint(1, 999)}.")
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)


def elf_bytes(seed: int = 1) -> bytes:
    """An ELF executable header followed by random bytes."""
    rng = random.Random(seed)
    return b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randrange(256) for _ in range(4096))


def png_bytes() -> bytes:
    """The start of a real PNG: signature and an IHDR chunk."""
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"
        b"\x00\x00\x00\x90\x91h6\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
    )


def pdf_bytes() -> bytes:
    """A small PDF document."""
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
        b"%%EOF\n"
    )


def random_bytes(size: int = 8192, seed: int = 2) -> bytes:
    """Random data with no magic number (compressed or encrypted files look like this)."""
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


def nested_html(depth: int = 10_000) -> str:
    """A page whose one claim sits under `depth` nested `<div>`s."""
    claim = "<p>The mayor said on Friday, July 28, 2023, that 40 people died in the flood.</p>"
    return (
        "<!doctype html><html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + claim
        + "</div>" * depth
        + "</body></html>"
    )


MALFORMED_HTML = (
    "<html><body><p>The minister said 12 schools closed on July 28, 2023<div><p>In 2019, "
    "<b>40% of <i>voters</b> said no, according to the board</p></table></td><p <p>>"
    "<!-- unclosed comment <p>Hidden?"
)
"""Unclosed tags, crossed nesting, stray closers and an unterminated comment."""

SCRIPT_ONLY_HTML = (
    "<html><head><title>x</title></head><body>"
    + "<script>document.write('The president said 40 people died in 2019.')</script>" * 40
    + "<style>p { color: red }</style></body></html>"
)
"""A page whose body is nothing but script and style."""


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    """Write `data` (text as UTF-8) to `tmp/name` and return the path."""
    path = tmp / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_refused_in_one_line(code: int, err: str, *fragments: str) -> None:
    """The refusal contract: exit 1, one line on stderr naming the problem, no traceback."""
    assert code == 1, (code, err)
    assert "Traceback" not in err, err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("workbench: "), err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, err)


def markdown_tables(markdown: str) -> list[list[list[str]]]:
    """Every table a CommonMark+GFM parser finds in `markdown`: rows of cell texts.

    The header row comes first. Parsing with the same library family the report is checked
    with (markdown-it-py, which Rich depends on) tells what a renderer would really show.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close" and row is not None:
            tables[-1].append(row)
            row = None
    return tables


def claim_table(markdown: str) -> list[list[str]]:
    """The report's claim table (the one whose header has a `claim` column), header first."""
    found = [t for t in markdown_tables(markdown) if t and "claim" in t[0]]
    assert len(found) == 1, f"expected one claim table, found {len(found)}"
    return found[0]


def html_in_markdown(markdown: str) -> list[str]:
    """Raw HTML a CommonMark parser would pass through to the page."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for t in [token, *(token.children or [])]:
            if t.type in ("html_block", "html_inline"):
                found.append(t.content)
    return found


def raw_cells(line: str) -> int:
    """How many cells a raw GFM table row has: its unescaped `|` separators, minus one."""
    pipes = 0
    escaped = False
    for char in line.strip():
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            pipes += 1
    return pipes - 1


def raw_claim_table(markdown: str) -> list[str]:
    """The raw lines of the report's claim table (header and delimiter row included)."""
    lines = markdown.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| # |"))
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return lines[start:end]


def rendered_cell(cell_markdown: str) -> str:
    """What a reader sees in a cell: the inline Markdown rendered, tags dropped, unescaped."""
    import html
    import re

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").renderInline(cell_markdown)
    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


def link_targets(markdown: str) -> list[str]:
    """The destination of every link and image a CommonMark parser finds in `markdown`."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link
    found: list[str] = []
    for token in md.parse(markdown):
        for t in token.children or []:
            if t.type in ("link_open", "image"):
                found.append(str(t.attrs.get("href") or t.attrs.get("src") or ""))
    return found
