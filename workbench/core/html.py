"""Main text, title and publication date of an HTML page, via trafilatura and htmldate.

Used both for `.html` articles and for fetched reference pages, so both get the same
extraction.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass


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

    Falls back to trafilatura's lenient mode and then to all visible text, so a page whose
    layout fools the main-content detector still yields something to read.
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
        return ExtractedPage(text="", title=None, published=None, url=url)
    text = _main_text(tree, url)
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


def _main_text(tree: object, url: str | None) -> str:
    import trafilatura

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
