"""Text helpers for matching claims: query words, URL slug words, and dates as ISO strings."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_HANDLE = re.compile(r"@\w+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "not",
        "no",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "me",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "them",
        "us",
        "rt",
        "via",
        "just",
        "so",
        "if",
        "than",
        "then",
        "there",
        "here",
        "what",
        "who",
        "whom",
        "which",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "might",
        "must",
        "about",
        "into",
        "over",
        "after",
        "before",
        "up",
        "down",
        "out",
        "off",
        "again",
        "more",
        "most",
        "some",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "s",
        "t",
        "don",
        "now",
        "amp",
    ]
)
"""Words too common to find a claim by (the full-text index would rank on them otherwise)."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.? (\d{{1,2}}),? (\d{{4}})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTH})\.?,? (\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def without_links(text: str) -> str:
    """`text` without URLs and @handles (a post's links say nothing about its claim)."""
    return _HANDLE.sub(" ", _URL.sub(" ", text))


def query_words(text: str) -> list[str]:
    """The words to look a claim up by: lower case, no stopwords, no links, no one-letter words."""
    return [
        word
        for word in _WORD.findall(without_links(text).lower())
        if len(word) > 1 and word not in STOPWORDS
    ]


def slug_words(url_or_identifier: str) -> str:
    """The words of the last path part of a URL or identifier (`/fact-check/pope-endorses-x/`
    gives `pope endorses x`)."""
    last = url_or_identifier.rstrip("/").rsplit("/", 1)[-1]
    last = last.split("?", 1)[0].split("#", 1)[0]
    return " ".join(_WORD.findall(last.replace("-", " ").replace("_", " ")))


def dates_mentioned(text: str) -> list[dt.date]:
    """Full dates written in `text` ("February 25, 2016", "25 Feb 2016", "2016-02-25")."""
    found: list[dt.date] = []
    for pattern, order in ((_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy"), (_ISO, "ymd")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _MONTHS.get(parts["m"].lower()) if order != "ymd" else int(parts["m"])
            if month is None:
                continue
            try:
                found.append(dt.date(int(parts["y"]), month, int(parts["d"])))
            except ValueError:
                continue
    return found


@lru_cache(maxsize=65536)
def iso_date(value: str) -> str:
    """A published date as ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); "" when it is not one.

    Feeds write `2016-02-25`, `2016-02-25T10:00:00Z` or `25 February 2016`; cached because a
    feed repeats the same few thousand dates.
    """
    value = value.strip()
    if not value:
        return ""
    iso = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if iso:
        try:
            year, month, day = (int(g) if g else 0 for g in iso.groups())
            if day:
                return dt.date(year, month, day).isoformat()
            if month:
                return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else ""
            return f"{year:04d}"
        except ValueError:
            return ""
    dates = dates_mentioned(value)
    return dates[0].isoformat() if dates else ""


def parse_iso(value: str) -> dt.date | None:
    """The day of an ISO date string (the first of the month or year when only those are given)."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01")
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None
