"""Make untrusted text safe to show: control characters and invisible tricks become visible.

Articles, fetched pages and notes can carry terminal escape sequences (`\\x1b[2J`, OSC links),
bidi overrides that reorder what the reader sees, and zero-width characters. Displaying them
raw would let a hostile article repaint the terminal or hide words, so every place that shows
text to a person passes it through `visible()`. The stored text and offsets are never changed.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings/overrides/isolates and zero-width characters.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: ␀ ␁ ... ␛ ...
    if code == 0x7F:
        return "␡"
    return f"\\x{code:02x}"


def _invisible_marker(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group(0)):04X}>"


# Line breaks of every convention the paragraph splitter accepts. A Windows file's "\r\n" or an
# old Mac file's bare "\r" is a line break to the reader, not a character to show as "␍".
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


# Every character any step of `visible` changes: line breaks, tab, controls, invisibles.
_ANY_CHANGED = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def visible(text: str, *, single_line: bool = False) -> str:
    """`text` as it is shown to a person: line breaks of any convention become `\n`, other
    control and invisible characters become visible stand-ins.

    With `single_line`, line breaks and tabs become spaces too (for list rows and table cells).
    The one display-cleaning function: the app, the `claims` table and the reports use it;
    JSON output and offsets keep the text as decoded.
    """
    if _ANY_CHANGED.search(text) is None:
        return text  # the usual sentence: one scan instead of four
    text = _LINE_BREAK.sub("\n", text)
    text = _CONTROL.sub(_control_picture, text)
    text = _INVISIBLE.sub(_invisible_marker, text)
    if single_line:
        text = re.sub(r"[\n\t]+", " ", text)
    return text


# json.dumps escapes C0 controls but passes DEL, C1 controls (0x9b is a one-byte CSI to some
# terminals) and bidi overrides through raw. They can only occur inside JSON strings, so
# writing them as \\u escapes keeps the JSON identical once parsed and the terminal safe.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_json_controls(text: str) -> str:
    """Escape the characters a terminal would act on that `json.dumps` leaves raw."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
