"""The one error a fetch can end in: a readable line about that URL, never a traceback."""

from __future__ import annotations

from workbench.core.errors import WorkbenchError


class FetchError(WorkbenchError):
    """A page could not be fetched; `str(error)` is the one-line reason ("not found (404)").

    The URL is kept apart from the reason so a list of pages can show the reason beside each
    URL without repeating it.
    """

    def __init__(
        self,
        reason: str,
        *,
        url: str = "",
        status: int | None = None,
        final_url: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        """The one-line reason, without the URL."""
        self.url = url
        """The URL that was asked for."""
        self.status = status
        """The HTTP status, when the server answered."""
        self.final_url = final_url
        """Where redirects led, when the server answered."""


def status_reason(status: int) -> str:
    """The one-line reason for an HTTP error status."""
    named = {
        401: "needs a login",
        403: "forbidden",
        404: "not found",
        410: "gone",
        429: "too many requests",
        451: "unavailable for legal reasons",
    }
    if status in named:
        return f"{named[status]} ({status})"
    if status >= 500:
        return f"server error ({status})"
    return f"refused by the server ({status})"
