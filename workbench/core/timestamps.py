"""The one timestamp format of everything the workbench saves: ISO 8601 UTC to the second,
written with a `Z` (`2024-05-01T12:00:00Z`).

Review files, reports and fetched pages all use it. Older files also hold `+00:00` offsets
(fetched pages used to write them); `parse_timestamp` reads both, so nothing is rewritten.
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    """The current time in the saved format."""
    return format_utc(dt.datetime.now(dt.UTC))


def format_utc(moment: dt.datetime) -> str:
    """`moment` in the saved format (naive times are taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def parse_timestamp(value: str) -> dt.datetime | None:
    """A saved time (`Z`, `+00:00` or any other offset, or none), or None if unreadable."""
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
