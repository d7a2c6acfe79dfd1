"""Split a document's text into paragraphs, keeping exact offsets.

Plain text arrives in two shapes: one paragraph per line (scraped and wire copy, like the
seed article) or hard-wrapped blocks separated by blank lines. A block whose lines mostly end
a sentence is read as one paragraph per line; otherwise the block is one wrapped paragraph.
Markdown blocks are split on blank lines, with headings, list items and quotes standing alone
and their markers left outside the span; code fences, HTML comments, thematic breaks and setext
underlines are not text. Lines end in `\n`, `\r\n` or a bare `\r` (old Mac files), and
offsets always index the text as decoded.
"""

from __future__ import annotations

import itertools
import operator
import re

from workbench.core.document import Document, SourceKind
from workbench.core.spans import Span

_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_MARKDOWN_MARKER = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?)")
_MARKDOWN_STANDALONE = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>)")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
# A thematic break, or the `===`/`---` underline of a setext heading (the heading line above it
# then stands alone as a paragraph, like an `#` heading).
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$")
_COMMENT_START = re.compile(r"^[ \t]{0,3}<!--")


def split_paragraphs(document: Document) -> list[Span]:
    """Paragraph spans of the document's body, in order, trimmed of surrounding whitespace."""
    lines = _lines(document.text, document.body_start)
    if document.kind is SourceKind.MARKDOWN:
        return _markdown_paragraphs(document.text, lines)
    if document.kind is SourceKind.HTML:
        return _page_paragraphs(document.text, lines)
    return _text_paragraphs(document.text, lines)


def _page_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Text extracted from a page has one block element per line: a headline line without a
    full stop is its own paragraph, never the start of a wrapped one.

    Except where the page's own source wrapped a paragraph: the extractor keeps a line break
    inside a text node together with the spaces around it ("who in 2008, won the \nAfrica
    Movie Academy Award", "has taken\n to her Instagram page"), where between its blocks it
    writes a bare one. A line that starts with a space runs on from the line before; so does
    one after an unclosed line that ends with a space, if it opens in lower case or the line
    before stops on a word that cannot end a title ("won the \nAfrica"). A caption followed
    by the story ("keyboard via iFixit  \nThe report claims") stays apart."""
    paragraphs: list[Span] = []
    current: Span | None = None
    for line in lines:
        content = line.slice(text)
        if not content.strip():
            if current is not None:
                paragraphs.append(_trim(text, current))
            current = None
            continue
        if current is not None and _soft_wrapped(current.slice(text), content):
            current = Span(current.start, line.end)
            continue
        if current is not None:
            paragraphs.append(_trim(text, current))
        current = line
    if current is not None:
        paragraphs.append(_trim(text, current))
    return [p for p in paragraphs if p.end > p.start]


# Words a title or caption does not stop on; a line that stops on one was cut mid-sentence.
_RUNS_ON = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and",
        "or", "but", "as", "that", "which", "who", "whose", "than",
    }
)  # fmt: skip


def _soft_wrapped(before: str, line: str) -> bool:
    """Whether `line` continues `before` (see `_page_paragraphs`)."""
    if _SENTENCE_END.search(before):
        return False
    if line[:1] in (" ", "\t"):
        return True
    if before[-1:] not in (" ", "\t"):
        return False
    # (`before` ends with a space, so its last word is the one before that space.)
    return line[:1].islower() or before.rsplit(None, 1)[-1].lower() in _RUNS_ON


def _lines(text: str, start: int) -> list[Span]:
    """Spans of each line's content (line break excluded)."""
    if "\r" not in text:
        # Only "\n" breaks (the usual text): each line's end is its start plus its length, and
        # the lengths come from one C-level split; the last piece is a line unless empty.
        lengths = list(map(len, text[start:].split("\n")))
        starts = list(itertools.accumulate((length + 1 for length in lengths[:-1]), initial=start))
        if not lengths[-1]:
            lengths.pop()
            starts.pop()
        return list(map(Span, starts, map(operator.add, starts, lengths)))
    # Found by their line breaks: one regex step per line, no per-line string copies.
    spans = []
    line_start = start
    for brk in _BREAK.finditer(text, start):
        spans.append(Span(line_start, brk.start()))
        line_start = brk.end()
    if line_start < len(text):
        spans.append(Span(line_start, len(text)))
    return spans


def _blocks(text: str, lines: list[Span]) -> list[list[Span]]:
    blocks: list[list[Span]] = []
    current: list[Span] = []
    for line in lines:
        if line.slice(text).strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _text_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    paragraphs: list[Span] = []
    for block in _blocks(text, lines):
        ends = sum(1 for line in block[:-1] if _SENTENCE_END.search(line.slice(text)))
        if len(block) == 1 or ends >= (len(block) - 1) / 2:
            paragraphs.extend(_trim(text, line) for line in block)
        else:
            paragraphs.append(_trim(text, Span(block[0].start, block[-1].end)))
    return [p for p in paragraphs if p.end > p.start]


def _markdown_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    paragraphs: list[Span] = []
    current: list[Span] = []
    in_fence = False
    in_comment = False

    def flush() -> None:
        if current:
            paragraphs.append(_trim(text, Span(current[0].start, current[-1].end)))
            current.clear()

    for line in lines:
        content = line.slice(text)
        if _FENCE.match(content):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue  # code is not prose to check
        if in_comment or _COMMENT_START.match(content):
            flush()  # an HTML comment is not shown when the Markdown is rendered
            tail = content if in_comment else content[content.find("<!--") + 4 :]
            in_comment = "-->" not in tail
            continue
        if not content.strip() or _RULE.match(content):
            flush()
            continue
        if _MARKDOWN_STANDALONE.match(content):
            flush()
            marker = _MARKDOWN_MARKER.match(content)
            offset = marker.end() if marker else 0
            current.append(Span(line.start + offset, line.end))
            if content.lstrip().startswith("#"):
                flush()  # a heading never runs on into the next line
            continue
        current.append(line)
    flush()
    return [p for p in paragraphs if p.end > p.start]


def _trim(text: str, span: Span) -> Span:
    """Shrink a span so it neither starts nor ends with whitespace."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
