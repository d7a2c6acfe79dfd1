"""The loaded article: decoded text plus what its source told us about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    """Where the text came from, which decides how it is split into paragraphs."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True)
class Document:
    """An article ready for extraction.

    For `.txt`/`.md` files `text` is the file's text exactly as decoded (line endings untouched),
    so claim offsets slice the file; for HTML and URLs it is the extracted main text.
    """

    text: str
    """The text every offset refers to."""
    source: str
    """What the user opened: a path as given, `-` for stdin, or a URL."""
    kind: SourceKind
    """Plain text, Markdown or HTML (URLs are HTML or plain text)."""
    title: str | None = None
    """The article's title, from front matter, HTML metadata or the first heading."""
    published: dt.date | None = None
    """The article's own date (front matter `date:`, HTML metadata), if it states one."""
    body_start: int = 0
    """Offset where the article body starts (after Markdown front matter, which is not text)."""
    encoding: str = "utf-8"
    """The encoding the bytes were decoded with."""
    url: str | None = None
    """The canonical URL of the article, when known (front matter `source:`, HTML, or fetched)."""
    sha256: str = ""
    """Hash of the raw bytes, so a review can tell the article changed."""
    metadata: dict[str, str] = field(default_factory=dict)
    """Anything else the source said (fetched-at time, final URL...), for reports."""

    @property
    def is_local_file(self) -> bool:
        """Whether the article is a file on disk (reviews then live beside it)."""
        return self.source != "-" and not self.source.startswith(("http://", "https://"))
