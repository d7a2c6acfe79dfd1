"""Records the date engine hands out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ReferenceOrigin(StrEnum):
    """Where the reference date came from, in the order they are tried."""

    OPTION = "option"
    DOCUMENT = "document"
    INFERRED = "inferred"
    TODAY = "today"


@dataclass(frozen=True)
class ReferenceDate:
    """The date that "today", "next month" and bare "July 28" are resolved against."""

    value: dt.date
    """The reference date itself."""
    origin: ReferenceOrigin
    """Which rule gave it."""
    description: str
    """The origin in words a user understands, e.g. "inferred from “Friday, July 28”"."""


@dataclass(frozen=True)
class DateMention:
    """One date expression in the text and what it resolves to."""

    text: str
    """The expression as written."""
    start: int
    """Offset of its first character in the document text."""
    end: int
    """Offset one past its last character."""
    value: str | None
    """ISO value at the written granularity, TIMEX3-style: `2023-07-28`, `2023-W30`, `2023-08`,
    `2023-Q3`, `2023-H1`, `2023-SU`, `2019`, `199` (the 1990s), `18` (the 19th century), or an
    ISO duration (`P3Y`); None when it cannot be resolved (an impossible date)."""
    granularity: str
    """day, week, weekend, month, quarter, half, season, year, decade, century, or duration."""
    relative: bool = False
    """Whether the value depends on the reference date ("next month", "three years ago")."""
    approximate: bool = False
    """Whether the value is approximate ("about", "more than three years ago")."""
    qualifier: str | None = None
    """"before", "after" or "around" when the text bounds the date rather than naming it."""
    warnings: tuple[str, ...] = ()
    """Human-readable flags: weekday that contradicts the date, impossible date, ..."""
    extra: dict[str, Any] = field(default_factory=dict)
    """More fields for the JSON output (e.g. a duration's length)."""

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of PRODUCT.md (plus extra fields)."""
        data: dict[str, Any] = {
            "text": self.text,
            "value": self.value,
            "granularity": self.granularity,
            "start": self.start,
            "end": self.end,
            "relative": self.relative,
            "approximate": self.approximate,
            "qualifier": self.qualifier,
            "warnings": list(self.warnings),
        }
        data.update(self.extra)
        return data

    @property
    def display(self) -> str:
        """The resolved value as shown to users: `2023-07-28`, `before 2020-07`, `~2019`."""
        if self.value is None:
            return "?"
        prefix = f"{self.qualifier} " if self.qualifier else ""
        approx = "~" if self.approximate and not self.qualifier else ""
        value = self.value
        # TIMEX3 writes decades and centuries as truncated years; people read "1990s".
        if self.granularity == "decade":
            value = f"{value}0s"
        elif self.granularity == "century":
            value = f"{value}00s"
        elif self.granularity == "duration":
            value = _readable_duration(value)
        return f"{prefix}{approx}{value}"


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(DE|CE|[YMWDH])")
_DURATION_UNITS = {
    "DE": "decade",
    "CE": "century",
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "H": "hour",
}


def _readable_duration(value: str) -> str:
    """`P3Y` → `3 years`, `P1Y6M` → `1 year 6 months`; other shapes unchanged."""
    if not value.startswith("P"):
        return value
    time_part = value.find("T")
    parts = []
    for match in _DURATION_PART.finditer(value):
        number, unit = match.groups()
        name = "minute" if unit == "M" and 0 <= time_part < match.start() else _DURATION_UNITS[unit]
        plural = "centuries" if name == "century" else f"{name}s"
        parts.append(f"{number} {name if number == '1' else plural}")
    return " ".join(parts) or value
