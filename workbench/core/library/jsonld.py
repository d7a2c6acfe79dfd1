"""Reading schema.org ClaimReview JSON-LD in every shape publishers use.

One object, a list, an `@graph`, a `DataFeed` of `DataFeedItem`s, JSON Lines, or an HTML page
carrying `<script type="application/ld+json">` blocks. Each ClaimReview becomes a `FactCheck`;
a record that cannot be one is reported with its position and never stops the others. Objects
of other types (an `Organization`, a `WebPage` in the same `@graph`) are not records: skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from workbench.core.library.errors import LibraryError
from workbench.core.library.model import PUBLISHED, FactCheck
from workbench.core.library.text import iso_date


@dataclass(frozen=True)
class BadRecord:
    """A record that could not be read, and why."""

    position: str
    """Where it is: `line 3`, `dataFeedElement[12].item`, `script 2`..."""
    reason: str
    """Why it was refused, in a few words."""


@dataclass(frozen=True)
class ParsedFeed:
    """What one file or page held."""

    fact_checks: list[FactCheck] = field(default_factory=list)
    """The ClaimReviews read, in file order."""
    bad: list[BadRecord] = field(default_factory=list)
    """Records refused."""


def parse_claimreviews(text: str, source: str) -> ParsedFeed:
    """The ClaimReviews in `text` (JSON, JSON Lines or HTML). Raises `LibraryError` when the
    text is none of these, or holds no ClaimReview at all."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        result = _from_html(stripped, source)
    else:
        result = _from_json_text(stripped, source)
    if not result.fact_checks and not result.bad:
        raise LibraryError(f"{source}: no schema.org ClaimReview found")
    return result


def _from_json_text(text: str, source: str) -> ParsedFeed:
    try:
        data = json.loads(text)
    except ValueError as whole_error:
        return _from_json_lines(text, source, whole_error)
    result = ParsedFeed()
    _collect(data, "", result)
    return result


def _from_json_lines(text: str, source: str, whole_error: ValueError) -> ParsedFeed:
    """One JSON value per line; a first line that is not JSON means the file is not JSON-LD."""
    result = ParsedFeed()
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as error:
            if first:
                raise LibraryError(
                    f"{source} is not JSON-LD (nor JSON Lines): {_json_reason(whole_error)}"
                ) from None
            result.bad.append(BadRecord(f"line {number}", f"not JSON ({_json_reason(error)})"))
            continue
        first = False
        _collect(data, f"line {number}", result)
    return result


def _json_reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno} column {error.colno}"
    return str(error)


class _LdJsonScripts(HTMLParser):
    """Collects the text of every `<script type="application/ld+json">`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _from_html(text: str, source: str) -> ParsedFeed:
    parser = _LdJsonScripts()
    parser.feed(text)
    parser.close()
    if not parser.blocks:
        raise LibraryError(f"{source}: the page carries no JSON-LD (no application/ld+json script)")
    result = ParsedFeed()
    for number, block in enumerate(parser.blocks, 1):
        try:
            data = json.loads(block)
        except ValueError as error:
            result.bad.append(BadRecord(f"script {number}", f"not JSON ({_json_reason(error)})"))
            continue
        _collect(data, f"script {number}", result)
    return result


def _collect(data: Any, position: str, result: ParsedFeed) -> None:
    """Walk one JSON value, adding each ClaimReview it holds (however nested in feeds)."""
    for where, item in _records(data, position):
        try:
            result.fact_checks.append(fact_check_of(item))
        except ValueError as error:
            result.bad.append(BadRecord(where or "the document", str(error)))


def _records(data: Any, position: str) -> Iterator[tuple[str, Any]]:
    """(position, object) for every object that should be a ClaimReview."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _records(item, f"{position}[{index}]" if position else f"[{index}]")
        return
    if not isinstance(data, dict):
        yield position, data  # a string or number where a record should be: a bad record
        return
    types = _types(data)
    if "@graph" in data:
        yield from _records(data["@graph"], _join(position, "@graph"))
    elif "DataFeed" in types or "dataFeedElement" in data:
        yield from _records(data.get("dataFeedElement", []), _join(position, "dataFeedElement"))
    elif "DataFeedItem" in types:
        yield from _records(data.get("item"), _join(position, "item"))
    elif "ClaimReview" in types:
        yield position, data
    elif not types:
        yield position, data  # an untyped object among records: say why it is refused


def _join(position: str, key: str) -> str:
    return f"{position}.{key}" if position else key


def _types(data: dict[str, Any]) -> set[str]:
    kind = data.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    # "schema:ClaimReview" and "https://schema.org/ClaimReview" are the same type.
    return {re.split(r"[:/]", str(k))[-1] for k in kinds}


def fact_check_of(data: Any) -> FactCheck:
    """One ClaimReview object as a fact-check; raises ValueError saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"not an object but {type(data).__name__}")
    if "ClaimReview" not in _types(data):
        raise ValueError("not a ClaimReview (no @type)")
    claim = _text(data.get("claimReviewed"))
    item = data.get("itemReviewed")
    if not claim and isinstance(item, dict):
        claim = _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        raise ValueError("no claimReviewed (the claim that was checked)")
    url = _text(data.get("url"))
    identifier = _identifier(data.get("identifier"))
    author = _first(data.get("author"))
    creator = _first(data.get("creator"))
    publisher = _name(_first(data.get("publisher")))
    reviewer = _name(creator)
    if author is not None:
        if _types_of(author) & {"Person"} and not reviewer:
            reviewer = _name(author)
        elif not publisher:
            publisher = _name(author)
    rating = data.get("reviewRating")
    anchor = url or identifier or publisher
    return FactCheck(
        key=f"{anchor}\n{' '.join(claim.split())}",
        claim=claim,
        rating=_rating(rating),
        publisher=publisher,
        reviewer=reviewer,
        url=url,
        identifier=identifier,
        date=iso_date(_text(data.get("datePublished"))),
        title=_text(data.get("name")) or _text(data.get("headline")),
        description=_text(data.get("description")),
        sources=_citations(data.get("citation")),
        origin=PUBLISHED,
    )


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _types_of(value: Any) -> set[str]:
    return _types(value) if isinstance(value, dict) else set()


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("url"))
    return _text(value)


def _identifier(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("value")) or _text(value.get("@id"))
    return _text(value)


def _rating(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return (
            _text(value.get("alternateName"))
            or _text(value.get("name"))
            or _text(value.get("ratingValue"))
        )
    return _text(value)


def _citations(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value] if value else []
    urls = []
    for item in items:
        url = _text(item.get("url")) if isinstance(item, dict) else _text(item)
        if url:
            urls.append(url)
    return tuple(urls)
