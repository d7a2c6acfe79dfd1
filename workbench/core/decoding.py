"""Bytes to text: the one way articles (files, stdin, URLs) and reference pages are read.

In order: a byte-order mark; a UTF-16/32 encoding declared out of band (BOM-less, by a server);
strict UTF-8; the declared encoding (the HTTP `Content-Type` charset, else for HTML a
`<meta charset>`); detection among legacy single-byte encodings. Binary data is refused before
any of that, and NUL bytes left in text become U+FFFD one for one, so offsets never move.

Also here because both readers need them: telling HTML from plain text, and naming a size.
This module imports nothing of the project's: the article loader and the fetcher sit on it.
"""

from __future__ import annotations

import codecs
import re


class DecodingError(ValueError):
    """Bytes that cannot be read as text. `str(error)` is a phrase without the source's name
    ("damaged utf-16-le text"), for the caller to put after the file name or URL."""


class BinaryDataError(DecodingError):
    """Bytes that are not text at all ("is a PDF", "looks like binary data")."""


# Byte-order marks and the encoding each announces.
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people rename to .txt, or servers mislabel as text.
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

# Latin-1 and ASCII declarations mean windows-1252 in practice (the WHATWG encoding standard
# says so): the bytes are decoded as that superset, under the label the document gave.
_WHATWG_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252"}

# When several encodings read the bytes equally well, the one news text is most likely in wins.
_PREFERENCE = ("cp1252", "cp1250", "cp1251", "koi8-r", "cp1253", "cp1254", "cp1257", "mac-roman")


def codec_name(label: str | None) -> str | None:
    """The codec a charset label names, as Python spells it (`ISO-8859-1` gives `iso8859-1`,
    `utf8` gives `utf-8`), or None for a missing, unknown or bogus label."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except (LookupError, ValueError):
        return None


def header_charset(content_type: str | None) -> str | None:
    """The codec named by the `charset=` parameter of a Content-Type header, if known."""
    if not content_type:
        return None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return codec_name(value.strip().strip("\"'"))
    return None


_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def meta_charset(raw: bytes) -> str | None:
    """The codec an HTML page declares in a `<meta>` tag near its start, if known."""
    match = _META_CHARSET.search(raw[:4096])
    return codec_name(match.group(1).decode("ascii")) if match else None


def read_text(raw: bytes, *, charset: str | None = None, html: bool = False) -> tuple[str, str]:
    """Refuse binary data, then decode: what articles and reference pages both go through.

    `charset` is an encoding declared outside the bytes (an HTTP Content-Type header); for
    HTML, a `<meta charset>` in the page counts as declared when the header says nothing.
    Returns the text and the encoding's name. Raises `DecodingError` (or `BinaryDataError`).
    """
    declared = codec_name(charset)
    refuse_binary(raw, declared=declared)
    if declared is None and html:
        declared = meta_charset(raw)
    return decode_text(raw, declared=declared)


def decode_text(raw: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes: a BOM first, then strict UTF-8, then the encoding the document declares
    (`declared`), then detection among legacy encodings.

    Returns the text and the encoding: the BOM's, `utf-8`, the declared label (honoured as its
    windows-1252 superset where the web does so), or the one detected.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _without_nul(raw[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise DecodingError(f"damaged {encoding} text") from error
    label = codec_name(declared)
    if label is not None and _is_wide(label):
        # BOM-less UTF-16/32 declared by the server: ASCII in it would also pass as UTF-8.
        text = _decode_cleanly(raw, label)
        if text is not None:
            return text, label
    try:
        return _without_nul(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if label is not None:
        text = _decode_cleanly(raw, label)
        if text is not None:
            return text, label
    encoding = _detect_legacy(raw)
    # Detection looked at a sample; a stray undecodable byte further on becomes U+FFFD (one
    # character per byte in a single-byte encoding, so offsets hold) rather than a refusal.
    return _without_nul(raw.decode(encoding, errors="replace")), encoding


def refuse_binary(raw: bytes, *, declared: str | None = None) -> None:
    """Raise `BinaryDataError` for a known binary format or bytes full of control codes."""
    if _is_wide(codec_name(declared)):
        return  # UTF-16/32 declared by a server is full of NUL bytes by design
    head = raw[:8]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryDataError(f"is {what}")
    if raw.startswith(tuple(bom for bom, _ in _BOMS)):
        return  # so is UTF-16/32 announced by its BOM
    sample = raw[:65536]
    # Control bytes other than tab, newlines, form feed and escape are all but absent from
    # text (a stray NUL happens) and make up ~10% of compressed or random data.
    controls = sum(sample.count(c) for c in range(32) if c not in (9, 10, 12, 13, 27))
    if controls > max(2, len(sample) // 200):
        raise BinaryDataError("looks like binary data")


# The WHATWG MIME sniffing standard's HTML openings (each followed by a space or `>`), plus the
# XML declaration XHTML pages start with.
_HTML_OPENINGS = re.compile(
    rb"<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|!--)[ \t\r\n\f>]|<\?xml"
)


def looks_like_html(raw: bytes) -> bool:
    """Whether undeclared bytes are HTML: they open with an HTML tag (after any BOM and
    whitespace), or have a `<body>` near the start."""
    head = raw[:4096].lower()
    for bom, _ in _BOMS:
        head = head.removeprefix(bom)
    head = head.lstrip(b" \t\r\n\f")
    return _HTML_OPENINGS.match(head) is not None or b"<body" in head


def format_size(size: int) -> str:
    """A byte count as people read it: `10 MB`, `12.5 MB`, `20 KB`."""
    megabytes = size / (1024 * 1024)
    if megabytes >= 1:
        return f"{megabytes:.1f}".removesuffix(".0") + " MB"
    return f"{size / 1024:.1f}".removesuffix(".0") + " KB"


def _without_nul(text: str) -> str:
    # NUL chokes terminals, JSON consumers and lxml; U+FFFD keeps the offsets.
    return text.replace("\x00", "\ufffd")


def _is_wide(codec: str | None) -> bool:
    """Whether `codec` (a `codec_name`) is UTF-16 or UTF-32."""
    return codec is not None and codec.startswith(("utf-16", "utf-32"))


def _decode_cleanly(raw: bytes, codec: str) -> str | None:
    """`raw` decoded with `codec` (or its WHATWG superset), or None if it does not decode."""
    try:
        return _without_nul(raw.decode(_WHATWG_SUPERSETS.get(codec, codec)))
    except (UnicodeDecodeError, LookupError):
        return None


def _detect_legacy(raw: bytes) -> str:
    """Detect the single-byte encoding of non-UTF-8 text with charset-normalizer.

    Its own pick is unreliable on short Western text (it reads French Latin-1 as cp1250 when
    both score alike), so among the candidates with the least "chaos" and the best language
    coherence, the most common news encoding wins. Refuses text no encoding reads cleanly.
    """
    from charset_normalizer import from_bytes  # only non-UTF-8 text pays for importing it

    best: tuple[float, float, int, str] | None = None
    for match in from_bytes(raw[:200_000]):
        # Encodings that decode the sample to the same text are listed together.
        names = [codec_name(n) for n in (match.encoding, *match.could_be_from_charset)]
        candidates = [
            _WHATWG_SUPERSETS.get(n, n)
            for n in names
            if n is not None and not n.startswith("utf")  # BOM-less UTF-16 is binary here
        ]
        if not candidates:
            continue
        name = min(candidates, key=lambda n: _PREFERENCE.index(n) if n in _PREFERENCE else 99)
        rank = _PREFERENCE.index(name) if name in _PREFERENCE else len(_PREFERENCE)
        key = (round(match.chaos, 2), -round(match.coherence, 2), rank, name)
        if best is None or key < best:
            best = key
    if best is None:
        raise DecodingError(
            "is not UTF-8 and its encoding could not be detected (convert it to UTF-8)"
        )
    return best[3]
