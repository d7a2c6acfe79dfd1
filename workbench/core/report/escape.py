"""Put untrusted text into Markdown without letting it change the document's structure.

Two kinds of text go into a report:

- text from the article and from fetched pages, which must show *literally*: `inline()` makes
  it one line, makes control and bidi characters visible, and backslash-escapes every character
  Markdown gives a meaning to (`cell()` also escapes `|` for table cells);
- the checker's note, which *is* Markdown: `note_markdown()` keeps its formatting but removes
  what could break out of its place (raw HTML such as `<script>`, `javascript:` links). Whether
  that worked is checked with a real CommonMark parser (markdown-it-py), not by pattern alone;
  callers put the result in a blockquote (`blockquote()`), so its headings stay in their section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from workbench.core.sanitize import visible

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Characters with an inline meaning in CommonMark or GFM (`|` for tables, `~` strikethrough,
# `&` entities, `<` HTML and autolinks). `#`, `.`, `)`, `-`, `+` and `=` only matter at the
# start of a line (headings, lists) and are handled there, so ordinary prose ("3.5", "U.N.",
# "well-known", "#1") stays readable in the raw Markdown.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What would start a block if the text began a line: headings, quotes, lists, breaks, setext.
_BLOCK_START = re.compile(r"^(\s*)([#>+=\-]|\d{1,9}[.)])")
_CLOSING_HASHES = re.compile(r"(?<=\s)#+$")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029\x0b\x0c\x85]+")
_SAFE_SCHEMES = ("http", "https", "mailto")


def inline(text: str) -> str:
    """`text` as literal, single-line Markdown: nothing in it is interpreted."""
    text = _LINE_BREAKS.sub(" ", text)
    text = visible(text, single_line=True).strip()
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    match = _BLOCK_START.match(text)
    if match:
        # Escape the one character that would open a block (a list number's `.` or `)`).
        pos = match.end(2) - 1
        text = text[:pos] + "\\" + text[pos:]
    # A heading drops a closing run of `#` ("Breaking #"); keep it as text.
    return _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(0)), text)


def cell(text: str) -> str:
    """`text` for a GFM table cell: one line, literal, `|` escaped (done by `inline`)."""
    return inline(text) or " "


def code(text: str) -> str:
    """`text` as an inline code span (hashes, ids): backticks cannot close it early.

    Pipes are escaped too, which GFM tables require even inside code spans.
    """
    text = visible(_LINE_BREAKS.sub(" ", text), single_line=True)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}".replace("|", "\\|")


def safe_url(url: str) -> str | None:
    """`url` ready for a Markdown link destination, or None when it must not be a link.

    Only http(s) URLs become links; characters that could end the destination are
    percent-encoded.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe="/:?#@!$&'*+,;=%-._~")


def link(label: str, url: str) -> str:
    """A Markdown link with an escaped label, or the escaped URL as text if it is not safe."""
    target = safe_url(url)
    if target is None:
        return inline(url)
    return f"[{inline(label) or inline(url)}]({target})"


def blockquote(markdown: str) -> str:
    """`markdown` quoted line by line, so it cannot leave the quote or the section."""
    lines = markdown.splitlines() or [""]
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def note_markdown(note: str) -> str:
    """The checker's note, still Markdown, without raw HTML or unsafe links.

    Steps, each checked with the parser: escape `<` where it is not inside code; if the parser
    still sees HTML, escape every `<`; if it sees a link with a scheme other than http(s) or
    mailto, escape `[` and `<` outside code, then everywhere if need be (the note loses its
    links, never its text).
    """
    text = visible(note.replace("\r\n", "\n").replace("\r", "\n")).strip("\n")
    if not text.strip():
        return ""
    html, unsafe_link = _problems(text)
    if html:
        text = _escape_outside_code(text, "<")
        html, unsafe_link = _problems(text)
    if html:
        text = text.replace("<", "&lt;")
        html, unsafe_link = _problems(text)
    if unsafe_link:
        text = _escape_outside_code(text, "<[")
        html, unsafe_link = _problems(text)
    if unsafe_link:
        text = text.replace("<", "&lt;").replace("[", "&#91;")
        html, unsafe_link = _problems(text)
    if html or unsafe_link:  # pragma: no cover - belt and braces
        return "\n".join(inline(line) for line in text.splitlines())
    return text


# -- checking with a real parser -------------------------------------------------------------


def is_safe(markdown: str) -> bool:
    """Whether a CommonMark parser finds no raw HTML and no non-http(s)/mailto link in it."""
    return _problems(markdown) == (False, False)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Let every link through so that we can see (and refuse) the dangerous ones ourselves.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _problems(text: str) -> tuple[bool, bool]:
    """(has raw HTML, has a link or image whose scheme is not http(s)/mailto), in one parse."""
    html = unsafe_link = False
    for token in _tokens(text):
        if token.type in ("html_block", "html_inline"):
            html = True
        elif token.type in ("link_open", "image"):
            href = str(token.attrs.get("href") or token.attrs.get("src") or "")
            scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):", href)
            if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
                unsafe_link = True
    return html, unsafe_link


def _tokens(text: str) -> Iterable[Token]:
    for token in _parser().parse(text):
        yield token
        if token.children:
            yield from token.children


_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def _escape_outside_code(text: str, chars: str) -> str:
    """Replace `chars` with entities except in fenced code and one-line code spans.

    An approximation of CommonMark's rules; the caller re-checks with the parser and escapes
    everything when this was not enough, so a mistake here costs looks, never safety.
    """
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        if fence is not None:
            out.append(line)
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                fence = None
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            fence = opened.group(1)
            out.append(line)
            continue
        out.append(_escape_in_line(line, chars))
    return "\n".join(out)


_ENTITIES = {"<": "&lt;", "[": "&#91;"}


def _escape_in_line(line: str, chars: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            out.append(line[i : i + 2])
            i += 2
            continue
        if char == "`":
            run = re.match(r"`+", line[i:])
            assert run is not None
            ticks = run.group(0)
            close = re.compile(rf"(?<!`){ticks}(?!`)").search(line, i + len(ticks))
            if close is None:
                out.append(ticks)
                i += len(ticks)
            else:
                out.append(line[i : close.end()])
                i = close.end()
            continue
        out.append(_ENTITIES[char] if char in chars else char)
        i += 1
    return "".join(out)
