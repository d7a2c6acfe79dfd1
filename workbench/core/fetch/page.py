"""The record kept for each fetched reference page: what was asked, what came back, when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from workbench.core.timestamps import utc_now


@dataclass(frozen=True)
class PageRecord:
    """One reference page as fetched (or as it failed), kept for audit and offline reading."""

    url: str
    """The URL the user attached."""
    final_url: str | None
    """Where redirects led; None when no response came back."""
    status: int | None
    """The HTTP status of the final response; None when none came back."""
    title: str | None
    """The page's title (headline), if found."""
    published: dt.date | None
    """The page's publication date (htmldate), if found."""
    fetched_at: str
    """When the fetch happened, ISO 8601 in UTC (`2024-05-01T12:00:00Z`; older
    records may say `+00:00`)."""
    sha256: str | None
    """Hash of the body bytes (after content decoding), so a later fetch shows a change."""
    error: str | None
    """One readable line when the page could not be read ("not found (404)"), else None."""
    text: str = ""
    """The extracted main text (the body itself for text/plain); empty on error."""
    content_type: str | None = None
    """The media type the server declared (`text/html`)."""
    encoding: str | None = None
    """The character encoding the body was decoded with."""
    from_cache: bool = False
    """Whether the body came from the HTTP cache rather than the network."""

    @property
    def ok(self) -> bool:
        """Whether the page was read and has text to search."""
        return self.error is None and bool(self.text.strip())

    def to_json(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON shape of PRODUCT.md's `pages` entries (text only when asked: it can be
        large, and it is kept in the page store under its hash anyway)."""
        data: dict[str, Any] = {
            "url": self.url,
            "final_url": self.final_url,
            "status": self.status,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "fetched_at": self.fetched_at,
            "sha256": self.sha256,
            "error": self.error,
            "content_type": self.content_type,
            "encoding": self.encoding,
            "from_cache": self.from_cache,
        }
        if include_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], *, text: str | None = None) -> PageRecord:
        """Rebuild a record from `to_json` output; `text` overrides a missing `text` field."""
        published = data.get("published")
        status = data.get("status")
        return cls(
            url=str(data["url"]),
            final_url=_optional_str(data.get("final_url")),
            status=int(status) if isinstance(status, int) else None,
            title=_optional_str(data.get("title")),
            published=_parse_date(published),
            fetched_at=str(data.get("fetched_at") or ""),
            sha256=_optional_str(data.get("sha256")),
            error=_optional_str(data.get("error")),
            text=str(data.get("text") or text or ""),
            content_type=_optional_str(data.get("content_type")),
            encoding=_optional_str(data.get("encoding")),
            from_cache=bool(data.get("from_cache", False)),
        )

    @classmethod
    def failed(
        cls, url: str, error: str, *, status: int | None = None, final_url: str | None = None
    ) -> PageRecord:
        """A record for a page that could not be read."""
        return cls(
            url=url,
            final_url=final_url,
            status=status,
            title=None,
            published=None,
            fetched_at=utc_now(),
            sha256=None,
            error=error,
        )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
