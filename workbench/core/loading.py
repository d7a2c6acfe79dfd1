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

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
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
        raise LoadError(f"{_name(source)}: is empty")
    if not _is_wide(charset):  # UTF-16/32 declared by a server is full of NUL bytes
        _refuse_binary(raw, source)
    if charset is None and kind is SourceKind.HTML:
        charset = meta_charset(raw)
    text, encoding = decode_text(raw, source, declared=charset)
    if not text.replace("\ufeff", "").strip():
        raise LoadError(f"{_name(source)}: is empty")
    digest = hashlib.sha256(raw).hexdigest()
    if kind is SourceKind.HTML:
        from workbench.core.html import extract_html  # lxml and friends: HTML only

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
    return Document(text=text, source=source, kind=kind, encoding=encoding, url=url, sha256=digest)


def decode_text(
    raw: bytes, source: str = "input", *, declared: str | None = None
) -> tuple[str, str]:
    """Decode bytes to text: a BOM first, then strict UTF-8, then the encoding the document
    declares (`declared`, e.g. an HTML `<meta charset>`), then detection among legacy encodings.

    Returns the text and the encoding used. NUL bytes left in the text become U+FFFD one for
    one, so offsets do not move and nothing downstream (terminals, JSON, lxml) chokes on them.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding).replace("\x00", "\ufffd"), encoding
            except UnicodeDecodeError as error:
                raise LoadError(f"{_name(source)}: damaged {encoding} text") from error
    if _is_wide(declared):
        # BOM-less UTF-16/32 declared by the server: ASCII in it would also pass as UTF-8.
        wide = _usable_codec(declared, raw)
        if wide is not None:
            return raw.decode(wide).replace("\x00", "\ufffd"), wide
    try:
        return raw.decode("utf-8").replace("\x00", "\ufffd"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _usable_codec(declared, raw) or _detect_legacy(raw, source)
    # Detection looked at a sample; a stray undecodable byte further on becomes U+FFFD (one
    # character per byte in a single-byte encoding, so offsets hold) rather than a refusal.
    text = raw.decode(encoding, errors="replace")
    return text.replace("\x00", "\ufffd"), encoding


_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# When several encodings read the bytes equally well, the one news text is most likely in wins.
# Latin-1 declarations mean windows-1252 in practice (the WHATWG encoding standard says so).
_PREFERENCE = ("cp1252", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257", "mac_roman")
_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}


def _is_wide(name: str | None) -> bool:
    """Whether `name` is a UTF-16 or UTF-32 encoding."""
    codec = decoding_codec(name) if name else None
    return codec is not None and codec.startswith(("utf_16", "utf_32"))


def decoding_codec(name: str) -> str | None:
    """The codec text declared as `name` is decoded with (Latin-1 means windows-1252)."""
    try:
        codec = codecs.lookup(name).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    return _ALIASES.get(codec, codec)


def _usable_codec(name: str | None, raw: bytes) -> str | None:
    """The Python codec for a declared encoding, if it exists and decodes `raw` cleanly."""
    codec = decoding_codec(name) if name else None
    if codec is None:
        return None
    try:
        raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return codec


def _detect_legacy(raw: bytes, source: str) -> str:
    """Detect the single-byte encoding of non-UTF-8 text with charset-normalizer.

    Its own pick is unreliable on short Western text (it reads French Latin-1 as cp1250 when
    both score alike), so among the candidates with the least "chaos" and the best language
    coherence, the most common news encoding wins. Refuses text no encoding reads cleanly.
    """
    from charset_normalizer import from_bytes

    best: tuple[float, float, int, str] | None = None
    for match in from_bytes(raw[:200_000]):
        # Encodings that decode the sample to the same text are listed together.
        names = [_ALIASES.get(n, n) for n in (match.encoding, *match.could_be_from_charset)]
        names = [n for n in names if not n.startswith("utf")]  # BOM-less UTF-16 is binary here
        if not names:
            continue
        name = min(names, key=lambda n: _PREFERENCE.index(n) if n in _PREFERENCE else 99)
        rank = _PREFERENCE.index(name) if name in _PREFERENCE else len(_PREFERENCE)
        key = (round(match.chaos, 2), -round(match.coherence, 2), rank, name)
        if best is None or key < best:
            best = key
    if best is None:
        raise LoadError(
            f"{_name(source)}: is not UTF-8 and its encoding could not be detected "
            "(convert it to UTF-8)"
        )
    return best[3]


def _refuse_binary(raw: bytes, source: str) -> None:
    head = raw[:8]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise LoadError(f"{_name(source)}: is {what}, not a text article")
    if raw.startswith(tuple(bom for bom, _ in _BOMS)):
        return  # UTF-16 and UTF-32 are full of NUL bytes by design
    sample = raw[:65536]
    # Control bytes other than tab, newlines, form feed and escape are all but absent from
    # text (a stray NUL happens) and make up ~10% of compressed or random data.
    controls = sum(sample.count(c) for c in range(32) if c not in (9, 10, 12, 13, 27))
    if controls > max(2, len(sample) // 200):
        raise LoadError(f"{_name(source)}: looks like binary data, not a text article")


_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def meta_charset(raw: bytes) -> str | None:
    """The encoding an HTML page declares in a `<meta>` tag near its start, if any."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None


def _sniff_kind(raw: bytes) -> SourceKind:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return SourceKind.HTML
    if head.startswith(b"---"):
        return SourceKind.MARKDOWN
    return SourceKind.TEXT


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


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
