"""The storage interface every library backend implements, and the one way to open a library.

Callers (the CLI, the app, the report) only see `FactCheckStore`; SQLite is one module behind it,
so a shared server database for a team can be added as another without touching them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from workbench.core.library.model import Candidate, FactCheck, UpsertCounts


class FactCheckStore(Protocol):
    """A library of fact-checks."""

    @property
    def location(self) -> str:
        """Where the library is, for messages (a path or a server address)."""
        ...

    def upsert(self, fact_checks: Iterable[FactCheck]) -> UpsertCounts:
        """Add fact-checks, replacing those with the same key (one transaction)."""
        ...

    def replace_article(self, article: str, fact_checks: Sequence[FactCheck]) -> UpsertCounts:
        """Make the own verdicts of `article` exactly `fact_checks` (removing the others)."""
        ...

    def candidates(
        self, words: Sequence[str], limit: int, *, required: Sequence[str] | None = None
    ) -> list[Candidate]:
        """Fact-checks containing any of `words` (and any of `required`, when given), most
        relevant to `words` first (at most `limit`)."""
        ...

    def document_frequencies(self, words: Sequence[str]) -> dict[str, int]:
        """How many fact-checks contain each of `words` (as the index matches words)."""
        ...

    def count(self) -> int:
        """How many fact-checks the library holds."""
        ...

    def count_by_origin(self) -> dict[str, int]:
        """Fact-checks per origin (`published`, `own`)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def open_library(path: Path, *, create: bool = True) -> FactCheckStore:
    """Open the library at `path` (created when missing, unless `create` is false).

    Raises `LibraryUnavailableError` with the reason when it cannot be used, and when it does
    not exist and `create` is false.
    """
    from workbench.core.library.sqlite_store import SQLiteStore

    return SQLiteStore(path, create=create)
