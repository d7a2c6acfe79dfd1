"""Main text, title and publication date of an HTML page, via trafilatura and htmldate.

Used both for `.html` articles and for fetched reference pages, so both get the same
extraction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class ExtractedPage:
    """What a web page says, without its boilerplate."""

    text: str
    """The main text, paragraphs separated by newlines."""
    title: str | None
    """The page's title (headline), if found."""
    published: dt.date | None
    """The original publication date, if found."""
    url: str | None
    """The canonical URL the page declares, if any."""


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract main text, title and publication date from `html`.

    Falls back to trafilatura's lenient mode and then to all visible text (read with the
    standard library's parser when lxml gives up, as it does past 256 levels of nesting), so a
    page whose layout fools the main-content detector still yields something to read.
    """
    # trafilatura and htmldate log their heuristics at WARNING; that is not for our users.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    import trafilatura  # imported lazily: it costs ~0.3 s and text files never need it

    if not html.strip():
        return ExtractedPage(text="", title=None, published=None, url=url)
    try:
        tree = trafilatura.load_html(html)
    except Exception:  # lxml raises many types on hostile markup
        tree = None
    if tree is None:
        return ExtractedPage(text=_visible_text(html), title=None, published=None, url=url)
    text = _drop_debris(_main_text(tree, url))
    if not text.strip():
        # lxml stops at 256 levels of nesting and loses whatever lies deeper; the standard
        # library's parser has no such limit, and a browser would still show that text.
        text = _visible_text(html)
    title: str | None = None
    canonical: str | None = None
    try:
        meta = trafilatura.extract_metadata(tree, default_url=url)
    except Exception:
        meta = None
    if meta is not None:
        title = (meta.title or "").strip() or None
        canonical = meta.url or None
    return ExtractedPage(
        text=text, title=title, published=_published(tree, url), url=canonical or url
    )


_DEBRIS = re.compile(r"[·•|›»]\s*(?:[^\W\d_]+\s*){0,3}")


def _drop_debris(text: str) -> str:
    """Drop lines that are leftovers of page furniture, such as "· Updated" once trafilatura
    has removed the `<time>` elements around it: a separator and a few words, no digits."""
    return "\n".join(line for line in text.split("\n") if not _DEBRIS.fullmatch(line.strip()))


class _TextCollector(HTMLParser):
    """All text a browser would show, one line per block element; scripts and styles left out."""

    _HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    """The page's visible text, whatever its nesting, one paragraph per line."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # html.parser is lenient, but hostile input deserves no traceback
        pass
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _main_text(tree: object, url: str | None) -> str:
    """The page's main text, furniture cut first (`page_furniture`) and a dropped lead put back.

    The tree is copied first: metadata and the date are read from the page as it is."""
    import copy

    from workbench.core.article_chunks import with_chunks
    from workbench.core.page_furniture import lead_paragraphs, prune_furniture

    pruned = copy.deepcopy(tree)
    try:
        prune_furniture(pruned)
    except Exception:  # lxml on hostile markup: extract from the page as it is
        pruned = tree
    text = _extracted(pruned, url)
    if text.strip():
        with contextlib.suppress(Exception):  # lxml on hostile markup: keep what was found
            text = with_chunks(text, pruned)
        text = _with_leads(text, lead_paragraphs(pruned))
    return text


def _with_leads(text: str, leads: list[str]) -> str:
    """`text` with the page's leads that it lacks put first: after the first line when that is
    the headline (a line without a full stop), else at the very start."""
    present = " ".join(text.split())
    missing = [lead for lead in leads if lead not in present]
    if not missing:
        return text
    lines = text.split("\n")
    at = 1 if lines and not lines[0].rstrip().endswith((".", "!", "?", "”", '"')) else 0
    return "\n".join([*lines[:at], *missing, *lines[at:]])


def _extracted(tree: object, url: str | None) -> str:
    import trafilatura

    # trafilatura's balanced default first, its recall mode when that finds nothing. Its
    # precision mode was measured on the benchmark's tuning half: fewer furniture claims (4.9%
    # against 6.4% not in the article) but more story lost (92.0% against 94.1% of numbered
    # sentences listed), so furniture is cut by `page_furniture` instead.
    for favor_recall in (False, True):
        try:
            text = trafilatura.extract(
                tree,
                url=url,
                output_format="txt",
                include_comments=False,
                include_tables=False,
                favor_recall=favor_recall,
                deduplicate=False,
            )
        except Exception:
            text = None
        if text and text.strip():
            return str(text)
    try:
        text = trafilatura.html2txt(tree)
    except Exception:
        text = None
    return str(text or "")


def _published(tree: object, url: str | None) -> dt.date | None:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(str(found)[:10])
    except ValueError:
        return None
