"""Decode a fetched body: the charset the server declares, else the one the page declares,
else detection. A misspelt or unknown charset name falls through to the next source."""

from __future__ import annotations

import codecs
import re

from workbench.core.loading import decode_text

# The HTML standard's prescan looks at the first 1024 bytes; real pages put the meta after
# long comments or scripts often enough that a few KB is the safer window.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def header_charset(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return known_codec(value.strip().strip("\"'"))
    return None


def meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in `<meta charset>` or `http-equiv`, if known."""
    match = _META_CHARSET.search(body[:_PRESCAN_BYTES])
    if match is None:
        return None
    codec = known_codec(match.group(1).decode("ascii", "replace"))
    # A page that is ASCII-compatible enough to be prescanned cannot really be UTF-16; the
    # HTML standard says to read such a declaration as UTF-8.
    if codec is not None and codec.startswith("utf-16"):
        return "utf-8"
    return codec


def known_codec(name: str) -> str | None:
    """The Python codec name for a charset label, or None for an unknown/bogus one."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def decode_body(body: bytes, content_type: str | None, *, html: bool) -> tuple[str, str]:
    """The body as text and the encoding used.

    A byte-order mark wins over declarations (as browsers do); bytes the declared charset
    cannot decode become U+FFFD rather than an error.
    """
    if not body.startswith(_BOMS):
        declared = header_charset(content_type) or (meta_charset(body) if html else None)
        if declared is None:
            declared = _web_legacy_guess(body)
        if declared is not None:
            return body.decode(declared, errors="replace").replace("\x00", "\ufffd"), declared
    return decode_text(body, "page")


def _web_legacy_guess(body: bytes) -> str | None:
    """windows-1252 when detection cannot tell it from another single-byte charset.

    charset_normalizer often ties cp1250 and cp1252 on Western text and returns the first;
    on the web windows-1252 is both the standard's fallback and by far the likelier one.
    None leaves the choice to the loader's detection (UTF-8 first, then charset_normalizer).
    """
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    from charset_normalizer import from_bytes

    results = from_bytes(body[:200_000])
    best = results.best()
    if best is None:
        return None
    for match in results:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence - 0.01
        if tied and "cp1252" in (match.encoding, *match.could_be_from_charset):
            return "cp1252"
    return None
