"""Decode a fetched body: the charset the server declares, else the one the page declares,
else detection. A misspelt or unknown charset name falls through to the next source.

The decoding itself is the loader's (`loading.decode_text`): a page and a saved `.html` file
are read by the same rules. Only the HTTP header is the fetcher's own business.
"""

from __future__ import annotations

import codecs

from workbench.core.loading import decode_text, decoding_codec, meta_charset


def header_charset(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return known_codec(value.strip().strip("\"'"))
    return None


def known_codec(name: str) -> str | None:
    """The Python codec name for a charset label, or None for an unknown/bogus one."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def decode_body(body: bytes, content_type: str | None, *, html: bool) -> tuple[str, str]:
    """The body as text and the encoding used (BOM, UTF-8, declared, then detected)."""
    declared = header_charset(content_type)
    if declared is None and html:
        declared = known_codec(meta_charset(body) or "")
    text, used = decode_text(body, "page", declared=declared)
    if declared is not None and used == decoding_codec(declared):
        used = declared  # the page's own label, honoured (as its windows-1252 superset)
    return text, used
