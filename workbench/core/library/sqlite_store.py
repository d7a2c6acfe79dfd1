"""The library in one SQLite file: a table of fact-checks and an FTS5 index (BM25) over them.

WAL lets readers go on while one process writes, and a busy timeout makes a second writer wait
its turn instead of failing, so two windows can write at once. Each write is one transaction: a
killed process leaves the file as it was before or after it, never in between.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.core.library.errors import LibraryUnavailableError
from workbench.core.library.model import OWN, Candidate, FactCheck, UpsertCounts

SCHEMA_VERSION = 1
"""The schema this code writes (SQLite's `user_version`); a newer file is refused, not changed."""

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another one to finish before giving up."""

_COLUMNS = (
    "key",
    "claim",
    "rating",
    "publisher",
    "reviewer",
    "url",
    "identifier",
    "date",
    "title",
    "description",
    "article",
    "note",
    "sources",
    "origin",
    "keywords",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fact_checks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    claim TEXT NOT NULL,
    rating TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    identifier TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    article TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '[]',
    origin TEXT NOT NULL,
    keywords TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS fact_checks_article ON fact_checks(article) WHERE article != '';
-- The index keeps no copy of the text (external content): the table is its content.
CREATE VIRTUAL TABLE IF NOT EXISTS fact_checks_text USING fts5(
    claim, title, description, keywords,
    content='fact_checks', content_rowid='id',
    tokenize='{tokenizer}'
);
CREATE TRIGGER IF NOT EXISTS fact_checks_added AFTER INSERT ON fact_checks BEGIN
    INSERT INTO fact_checks_text(rowid, claim, title, description, keywords)
    VALUES (new.id, new.claim, new.title, new.description, new.keywords);
END;
CREATE TRIGGER IF NOT EXISTS fact_checks_removed AFTER DELETE ON fact_checks BEGIN
    INSERT INTO fact_checks_text(fact_checks_text, rowid, claim, title, description, keywords)
    VALUES ('delete', old.id, old.claim, old.title, old.description, old.keywords);
END;
CREATE TRIGGER IF NOT EXISTS fact_checks_changed AFTER UPDATE ON fact_checks BEGIN
    INSERT INTO fact_checks_text(fact_checks_text, rowid, claim, title, description, keywords)
    VALUES ('delete', old.id, old.claim, old.title, old.description, old.keywords);
    INSERT INTO fact_checks_text(rowid, claim, title, description, keywords)
    VALUES (new.id, new.claim, new.title, new.description, new.keywords);
END;
"""

TOKENIZER = "porter unicode61 remove_diacritics 2"
"""Words folded to their stems, accents and case aside (for the index and for the queries)."""

COLUMN_WEIGHTS = (1.0, 1.0, 0.3, 1.0)
"""BM25 weights of claim, title, description and keywords (tuned on the train queries: the
summary repeats context more than the claim, so it counts less)."""

_UPSERT = (
    f"INSERT INTO fact_checks ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)}) "
    "ON CONFLICT(key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "key")
)


class SQLiteStore:
    """The library in a local SQLite file (see the module docstring)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self._vocabulary_ready = False
        self._count: int | None = None
        """The number of fact-checks, kept between searches (counting walks the table)."""
        if not create and not path.exists():
            raise LibraryUnavailableError(
                f"there is no library at {path} (`workbench library import FILE` makes one)"
            )
        try:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are opened explicitly, one per write.
            self._db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._prepare()
        except (sqlite3.Error, OSError) as error:
            raise LibraryUnavailableError(_reason(path, error)) from None

    def _prepare(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            db.close()
            raise LibraryUnavailableError(
                f"the library {self.path} is unavailable: it was written by a newer workbench "
                f"(schema {version}, this one reads {SCHEMA_VERSION})"
            )
        if version < SCHEMA_VERSION:
            # WAL is a property of the file: set once, when the schema is made.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                    for statement in _statements(_SCHEMA.replace("{tokenizer}", TOKENIZER)):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed data

    @property
    def location(self) -> str:
        return str(self.path)

    def upsert(self, fact_checks: Iterable[FactCheck]) -> UpsertCounts:
        with self._writing() as db:
            before = _count(db)
            rows = 0
            for batch in _batches(fact_checks, 2000):
                db.executemany(_UPSERT, [_row(f) for f in batch])
                rows += len(batch)
            added = _count(db) - before
        return UpsertCounts(added=added, updated=rows - added)

    def replace_article(self, article: str, fact_checks: Sequence[FactCheck]) -> UpsertCounts:
        keys = [f.key for f in fact_checks]
        with self._writing() as db:
            placeholders = ", ".join("?" for _ in keys)
            db.execute(
                "DELETE FROM fact_checks WHERE article = ? AND origin = ?"
                + (f" AND key NOT IN ({placeholders})" if keys else ""),
                (article, OWN, *keys),
            )
            before = _count(db)
            db.executemany(_UPSERT, [_row(f) for f in fact_checks])
            added = _count(db) - before
        return UpsertCounts(added=added, updated=len(keys) - added)

    def candidates(
        self, words: Sequence[str], limit: int, *, required: Sequence[str] | None = None
    ) -> list[Candidate]:
        if not words:
            return []
        expression = _any_of(words)
        if required:
            # The required words appear twice in the expression, so BM25 counts them twice:
            # rare words weigh a little more (measured on the train queries: see search.py).
            expression = f"({_any_of(required)}) AND ({expression})"
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        # Ranked in the index alone first, then the few rows fetched: joining before the
        # LIMIT would read the table row of every document that shares a word.
        ranked = (
            f"SELECT rowid, bm25(fact_checks_text, {weights}) AS relevance FROM fact_checks_text "
            "WHERE fact_checks_text MATCH ? ORDER BY relevance LIMIT ?"
        )
        sql = (
            f"SELECT {', '.join('f.' + c for c in _COLUMNS)}, ranked.relevance "
            f"FROM ({ranked}) AS ranked JOIN fact_checks AS f ON f.id = ranked.rowid "
            "ORDER BY ranked.relevance"
        )
        try:
            rows = self._db.execute(sql, (expression, limit)).fetchall()
        except sqlite3.Error as error:
            raise LibraryUnavailableError(_reason(self.path, error)) from None
        # SQLite's bm25() is negative, lower is better; turned around so higher is better.
        return [Candidate(_fact_check(row[:-1]), -float(row[-1])) for row in rows]

    def document_frequencies(self, words: Sequence[str]) -> dict[str, int]:
        try:
            self._prepare_vocabulary()
            db = self._db
            unique = list(dict.fromkeys(words))
            # The index holds stems: each word is put through the same tokenizer in a
            # scratch table, whose vocabulary says which stem each word became.
            db.execute("DELETE FROM temp.query_words")
            db.executemany(
                "INSERT INTO temp.query_words(rowid, word) VALUES (?, ?)", enumerate(unique)
            )
            stems: dict[int, str] = {}
            for term, row in db.execute("SELECT term, doc FROM temp.query_stems"):
                stems.setdefault(int(row), str(term))
            frequencies = {}
            for row, stem in stems.items():
                found = db.execute(
                    "SELECT doc FROM temp.library_terms WHERE term = ?", (stem,)
                ).fetchone()
                frequencies[unique[row]] = int(found[0]) if found else 0
            return frequencies
        except sqlite3.Error as error:
            raise LibraryUnavailableError(_reason(self.path, error)) from None

    def _prepare_vocabulary(self) -> None:
        if self._vocabulary_ready:
            return
        for statement in (
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.library_terms "
            "USING fts5vocab(main, fact_checks_text, row)",
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words "
            f"USING fts5(word, tokenize='{TOKENIZER}')",
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems "
            "USING fts5vocab(temp, query_words, instance)",
        ):
            self._db.execute(statement)
        self._vocabulary_ready = True

    def count(self) -> int:
        if self._count is not None:
            return self._count
        try:
            self._count = _count(self._db)
            return self._count
        except sqlite3.Error as error:
            raise LibraryUnavailableError(_reason(self.path, error)) from None

    def count_by_origin(self) -> dict[str, int]:
        try:
            rows = self._db.execute("SELECT origin, COUNT(*) FROM fact_checks GROUP BY origin")
            return {str(origin): int(n) for origin, n in rows}
        except sqlite3.Error as error:
            raise LibraryUnavailableError(_reason(self.path, error)) from None

    def close(self) -> None:
        self._db.close()

    def _writing(self) -> _Transaction:
        self._count = None
        return _Transaction(self)


class _Transaction:
    """One write transaction; sqlite errors become a one-line `LibraryUnavailableError`."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        try:
            # IMMEDIATE takes the write lock now, so the busy timeout applies to waiting for it.
            self.store._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise LibraryUnavailableError(_reason(self.store.path, error)) from None
        return self.store._db

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        db = self.store._db
        if error is None:
            try:
                db.execute("COMMIT")
                return
            except sqlite3.Error as failure:
                error = failure
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise LibraryUnavailableError(_reason(self.store.path, error)) from None


def _any_of(words: Sequence[str]) -> str:
    """An FTS5 expression matching any of `words`, each quoted (no operator can slip in)."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in dict.fromkeys(words))


def _statements(script: str) -> list[str]:
    """The statements of a script, each complete (triggers hold `;` inside BEGIN...END)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def _batches(items: Iterable[FactCheck], size: int) -> Iterable[list[FactCheck]]:
    batch: list[FactCheck] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT COUNT(*) FROM fact_checks").fetchone()[0])


def _row(check: FactCheck) -> tuple[str, ...]:
    return (
        check.key,
        check.claim,
        check.rating,
        check.publisher,
        check.reviewer,
        check.url,
        check.identifier,
        check.date,
        check.title,
        check.description,
        check.article,
        check.note,
        json.dumps(list(check.sources), ensure_ascii=False),
        check.origin,
        _keywords(check),
    )


def _keywords(check: FactCheck) -> str:
    """The words of the review's URL slug or identifier: editors pack the topic into them."""
    from workbench.core.library.text import slug_words

    return slug_words(check.url or check.identifier)


def _fact_check(row: Sequence[object]) -> FactCheck:
    values = dict(zip(_COLUMNS, row, strict=True))
    try:
        sources = tuple(str(s) for s in json.loads(str(values["sources"])))
    except ValueError:
        sources = ()
    return FactCheck(
        key=str(values["key"]),
        claim=str(values["claim"]),
        rating=str(values["rating"]),
        publisher=str(values["publisher"]),
        reviewer=str(values["reviewer"]),
        url=str(values["url"]),
        identifier=str(values["identifier"]),
        date=str(values["date"]),
        title=str(values["title"]),
        description=str(values["description"]),
        article=str(values["article"]),
        note=str(values["note"]),
        sources=sources,
        origin=str(values["origin"]),
    )


def _reason(path: Path, error: BaseException) -> str:
    """One line saying why the library at `path` cannot be used."""
    message = str(error) or type(error).__name__
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered:
        why = "the file is damaged or is not a library"
    elif "locked" in lowered or "busy" in lowered:
        why = "another workbench is holding it locked"
    elif "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        why = "it cannot be written (read-only)"
    elif "unable to open" in lowered:
        why = "the file cannot be opened"
    else:
        why = message
    return f"the library {path} is unavailable: {why}"
