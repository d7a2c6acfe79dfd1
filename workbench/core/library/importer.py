"""`library import`: files and URLs of ClaimReview JSON-LD, and the workbench's review files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.library.errors import LibraryError
from workbench.core.library.jsonld import BadRecord, parse_claimreviews
from workbench.core.library.own import article_identity, own_fact_checks
from workbench.core.library.store import FactCheckStore
from workbench.core.review.location import REVIEW_SUFFIX
from workbench.core.review.store import load_session


@dataclass(frozen=True)
class SourceResult:
    """What importing one file or URL did."""

    source: str
    """The file or URL as given."""
    added: int = 0
    """New fact-checks."""
    updated: int = 0
    """Fact-checks already in the library, updated."""
    bad: tuple[BadRecord, ...] = ()
    """Records refused, with their position."""
    error: str | None = None
    """Why nothing could be imported from it (one line), if so."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did, per source."""

    results: list[SourceResult] = field(default_factory=list)
    """One per source, in the order given."""

    @property
    def failed(self) -> bool:
        """Whether a source could not be imported at all."""
        return any(r.error for r in self.results)


def import_sources(store: FactCheckStore, sources: Sequence[str]) -> ImportReport:
    """Import each source into `store`; one failing source never stops the others.

    A `LibraryUnavailableError` (the library itself cannot be written) does stop: nothing
    else could be imported either.
    """
    from workbench.core.library.errors import LibraryUnavailableError

    report = ImportReport()
    for source in sources:
        try:
            report.results.append(import_source(store, source))
        except LibraryUnavailableError:
            raise
        except WorkbenchError as error:
            report.results.append(SourceResult(source, error=str(error)))
    return report


def import_source(store: FactCheckStore, source: str) -> SourceResult:
    """Import one file or URL; raises `WorkbenchError` when it cannot be read at all."""
    if source.startswith(("http://", "https://")):
        text = _fetch(source)
    else:
        path = Path(source)
        if path.name.endswith(REVIEW_SUFFIX):
            return _import_review(store, path, source)
        text = _read(path, source)
    parsed = parse_claimreviews(text, source)
    counts = store.upsert(parsed.fact_checks)
    return SourceResult(source, counts.added, counts.updated, tuple(parsed.bad))


def _import_review(store: FactCheckStore, path: Path, source: str) -> SourceResult:
    session = load_session(path)  # raises DamagedSessionError (a WorkbenchError) on damage
    if session is None:
        raise LibraryError(f"{source}: no such file")
    article = article_identity(session.article_source, path, sha256=session.article_sha256)
    counts = store.replace_article(article, own_fact_checks(session, article))
    return SourceResult(source, counts.added, counts.updated)


def _read(path: Path, source: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise LibraryError(f"{source} is a folder, not a file") from None
    except OSError as error:
        raise LibraryError(f"{source} cannot be read: {error.strerror or error}") from None
    return _decode(raw, source)


def _decode(raw: bytes, source: str) -> str:
    # JSON is UTF-8 by its RFC; HTML pages that carry JSON-LD are in practice too.
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LibraryError(f"{source} is not JSON-LD (not UTF-8 text)") from None


def _fetch(url: str) -> str:
    from workbench.core.fetch.client import WebClient, run_sync

    async def download() -> bytes:
        async with WebClient() as client:
            fetched = await client.fetch_body(url)
            return fetched.body

    body = run_sync(download)  # raises FetchError (a WorkbenchError) with the reason
    return body.decode("utf-8", errors="replace")
