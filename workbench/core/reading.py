"""Read an article's bytes into a Document: decode them, then extract HTML or Markdown metadata.

Text is never rewritten: line endings stay as they are (the paragraph splitter understands
`\\r\\n` and `\\r`), so every offset the core reports slices the decoded file. Where the bytes
came from (a file, stdin, a URL) is `loading`'s business.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from workbench.core.decoding import BinaryDataError, DecodingError, read_text
from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError


def document_from_bytes(
    raw: bytes,
    *,
    source: str,
    kind: SourceKind,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """Decode `raw` and build the document, refusing empty or binary data.

    `charset` is an encoding declared outside the bytes (an HTTP Content-Type header); for
    HTML, a `<meta charset>` in the page counts as declared too.
    """
    if not raw.strip():
        raise LoadError(f"{_display_name(source)}: is empty")
    try:
        text, encoding = read_text(raw, charset=charset, html=kind is SourceKind.HTML)
    except BinaryDataError as error:
        raise LoadError(f"{_display_name(source)}: {error}, not a text article") from None
    except DecodingError as error:
        raise LoadError(f"{_display_name(source)}: {error}") from None
    if not text.replace("\ufeff", "").strip():
        raise LoadError(f"{_display_name(source)}: is empty")
    digest = hashlib.sha256(raw).hexdigest()
    if kind is SourceKind.HTML:
        from workbench.core.html import extract_html  # lxml and friends: HTML only

        page = extract_html(text, url)
        if not page.text.strip():
            raise LoadError(f"{_display_name(source)}: no article text found in the HTML")
        return Document(
            text=page.text,
            source=source,
            kind=kind,
            title=page.title,
            published=page.published,
            encoding=encoding,
            url=page.url or url,
            sha256=digest,
        )
    if kind is SourceKind.MARKDOWN:
        return _markdown_document(text, source, encoding, digest, url)
    return Document(text=text, source=source, kind=kind, encoding=encoding, url=url, sha256=digest)


def _display_name(source: str) -> str:
    """How messages name a source: the path or URL, or "standard input" for `-`."""
    return "standard input" if source == "-" else source


# Written out rather than with re.M: `^` and `$` do not see a bare `\r` as a line break.
_NEWLINE = r"(?:\r\n|\r|\n)"
_FRONT_MATTER = re.compile(
    rf"\A\ufeff?---[ \t]*{_NEWLINE}(.*?)(?<=[\r\n])---[ \t]*(?:{_NEWLINE}|\Z)", re.S
)
_FRONT_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
_HEADING = re.compile(r"(?:\A|(?<=[\r\n]))[ ]{0,3}#{1,6}[ \t]+([^\r\n]+?)[ \t#]*(?=[\r\n]|\Z)")
_DATE_FIELDS = ("date", "published", "pubdate", "publishdate", "date_published")


def _markdown_document(
    text: str, source: str, encoding: str, digest: str, url: str | None
) -> Document:
    fields: dict[str, str] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        for line in match.group(1).splitlines():
            field = _FRONT_FIELD.fullmatch(line.strip())
            if field:  # simple `key: value` lines; nested YAML is not article metadata
                fields[field.group(1).lower()] = field.group(2).strip().strip("\"'")
    if not text[body_start:].strip():
        raise LoadError(f"{_display_name(source)}: has front matter but no article text")
    title = fields.get("title") or None
    if title is None:
        heading = _HEADING.search(text, body_start)
        title = heading.group(1).strip() if heading else None
    return Document(
        text=text,
        source=source,
        kind=SourceKind.MARKDOWN,
        title=title,
        published=_parse_front_matter_date(
            next((fields[k] for k in _DATE_FIELDS if k in fields), "")
        ),
        body_start=body_start,
        encoding=encoding,
        url=fields.get("source") or fields.get("url") or url,
        sha256=digest,
        metadata={k: v for k, v in fields.items() if k != "title" and k not in _DATE_FIELDS},
    )


def _parse_front_matter_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"])
    return parsed.date() if parsed else None
