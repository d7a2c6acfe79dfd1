"""Open an article from a file, stdin or a URL, and decode it to text without moving offsets.

Text is never rewritten: line endings stay as they are (the paragraph splitter understands
`\\r\\n` and `\\r`), so every offset the core reports slices the decoded file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path
from typing import BinaryIO

from workbench.core.document import Document, SourceKind
from workbench.core.errors import LoadError
from workbench.core.html import extract_html

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Articles larger than this are refused: no news article is, and memory stays bounded."""

_TEXT_SUFFIXES = {".txt": SourceKind.TEXT, ".text": SourceKind.TEXT}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# Magic numbers of formats people rename to .txt by mistake.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
)


def is_url(source: str) -> bool:
    """Whether `source` names a web page rather than a file."""
    return source.lower().startswith(("http://", "https://"))


def load_document(source: str, *, stdin: BinaryIO | None = None) -> Document:
    """Open `source`: a file path, `-` for standard input, or an http(s) URL.

    Raises `LoadError` with a one-line message for anything that is not a readable article.
    """
    if is_url(source):
        from workbench.core.fetch.article import fetch_article  # only URLs need the network

        return fetch_article(source)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            raise LoadError(f"standard input is too large (over {_mb(MAX_ARTICLE_BYTES)})")
        return document_from_bytes(raw, source="-", kind=_sniff_kind(raw))
    path = Path(source)
    if "://" in source:
        scheme = source.split("://", 1)[0]
        raise LoadError(f"{source}: only http and https URLs can be opened, not {scheme}://")
    if not path.exists():
        raise LoadError(f"{source}: no such file")
    if path.is_dir():
        raise LoadError(f"{source}: is a folder, not an article")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise LoadError(
                f"{source}: too large to be an article ({_mb(size)}; the limit is "
                f"{_mb(MAX_ARTICLE_BYTES)})"
            )
        raw = path.read_bytes()
    except PermissionError as error:
        raise LoadError(f"{source}: permission denied") from error
    except OSError as error:
        raise LoadError(f"{source}: cannot be read ({error.strerror or error})") from error
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        kind = SourceKind.HTML
    elif suffix in _MARKDOWN_SUFFIXES:
        kind = SourceKind.MARKDOWN
    elif suffix in _TEXT_SUFFIXES or suffix == "":
        kind = SourceKind.TEXT
    else:
        # An unknown extension is fine if the bytes are text; binary is refused below.
        kind = _sniff_kind(raw)
    return document_from_bytes(raw, source=source, kind=kind)


def document_from_bytes(
    raw: bytes, *, source: str, kind: SourceKind, url: str | None = None
) -> Document:
    """Decode `raw` and build the document, refusing empty or binary data."""
    if not raw.strip():
        raise LoadError(f"{_name(source)}: is empty")
    _refuse_binary(raw, source)
    text, encoding = decode_text(raw, source)
    if not text.strip() or not text.strip("\ufeff\x00 \t\r\n\f\v"):
        raise LoadError(f"{_name(source)}: is empty")
    digest = hashlib.sha256(raw).hexdigest()
    if kind is SourceKind.HTML:
        page = extract_html(text, url)
        if not page.text.strip():
            raise LoadError(f"{_name(source)}: no article text found in the HTML")
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
    return Document(
        text=text, source=source, kind=kind, encoding=encoding, url=url, sha256=digest
    )


def decode_text(raw: bytes, source: str = "input") -> tuple[str, str]:
    """Decode bytes to text: BOMs first, then strict UTF-8, then detection for legacy encodings.

    NUL bytes left in the text become U+FFFD one for one, so offsets do not move and nothing
    downstream (terminals, JSON, lxml) chokes on them.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).replace("\x00", "\ufffd"), encoding
            except UnicodeDecodeError as error:
                raise LoadError(f"{_name(source)}: damaged {encoding} text") from error
    try:
        return raw.decode("utf-8").replace("\x00", "\ufffd"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # cp1252 leaves five bytes undefined; replacing them keeps one char per byte.
        encoding = "cp1252"
        text = raw.decode(encoding, errors="replace")
    return text.replace("\x00", "\ufffd"), encoding


def _refuse_binary(raw: bytes, source: str) -> None:
    head = raw[:8]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise LoadError(f"{_name(source)}: is {what}, not a text article")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 is full of NUL bytes by design
    sample = raw[:65536]
    nul = sample.count(0)
    # Control bytes other than tab/newline/CR/FF/ESC are rare in text and common in binaries.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if nul > len(sample) // 100 or controls > len(sample) // 10:
        raise LoadError(f"{_name(source)}: looks like binary data, not a text article")


def _sniff_kind(raw: bytes) -> SourceKind:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return SourceKind.HTML
    if head.startswith(b"---"):
        return SourceKind.MARKDOWN
    return SourceKind.TEXT


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*\r?$", re.M)


def _markdown_document(
    text: str, source: str, encoding: str, digest: str, url: str | None
) -> Document:
    fields: dict[str, str] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        for key, value in _FRONT_FIELD.findall(match.group(1)):
            fields[key.lower()] = value.strip().strip("\"'")
    if not text[body_start:].strip():
        raise LoadError(f"{_name(source)}: has front matter but no article text")
    title = fields.get("title") or None
    if title is None:
        heading = _HEADING.search(text, body_start)
        title = heading.group(1).strip() if heading else None
    return Document(
        text=text,
        source=source,
        kind=SourceKind.MARKDOWN,
        title=title,
        published=_parse_front_matter_date(fields.get("date", "")),
        body_start=body_start,
        encoding=encoding,
        url=fields.get("source") or fields.get("url") or url,
        sha256=digest,
        metadata={k: v for k, v in fields.items() if k not in {"title", "date"}},
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


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
