"""The review file: JSON, versioned, sorted, atomic, damaged files left untouched, the lock."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from factories import saved_page

from workbench.core.document import Document, SourceKind
from workbench.core.review.location import default_session_path
from workbench.core.review.model import SESSION_VERSION, ClaimReview, Session, Verdict, ViewState
from workbench.core.review.store import (
    DamagedSessionError,
    SessionLock,
    SessionLockedError,
    load_session,
    lock_path,
    next_free_path,
    save_session,
    session_to_text,
)


def full_session() -> Session:
    return Session(
        article_source="story.txt",
        article_sha256="f" * 64,
        article_title="Exports «fell»",
        reviewer="alice",
        reference_date="2023-07-28",
        reviews=(
            ClaimReview(
                claim_id="c1",
                text="Exports fell 4% in 2019.",
                start=10,
                end=34,
                verdict=Verdict.DISPUTED,
                note="It was **3%**.\nSee below.",
                urls=("https://a.example/1", "https://b.example/2"),
                reviewer="alice",
                reviewed_at="2023-07-30T12:00:00Z",
                updated_at="2023-07-30T12:01:00Z",
            ),
            ClaimReview(claim_id="c2", text="The toll rose to 12.", start=40, end=60, note="?"),
        ),
        orphaned=(
            ClaimReview(claim_id="c0", text="A sentence now gone.", verdict=Verdict.VERIFIED),
        ),
        pages={"https://a.example/1": saved_page({"url": "https://a.example/1", "status": 200})},
        view=ViewState(cursor="c2", status_filter="disputed", search="toll"),
        created_at="2023-07-30T11:00:00Z",
        updated_at="2023-07-30T12:01:00Z",
    )


def test_save_and_load_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.review.json"
    session = full_session()
    save_session(path, session)
    assert load_session(path) == session


def test_the_file_is_versioned_sorted_indented_json(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.review.json"
    save_session(path, full_session())
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == SESSION_VERSION == 2
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "«fell»" in text  # readable, not \u-escaped
    assert [c["id"] for c in data["claims"]] == ["c1", "c2"]
    assert data["orphaned"][0]["text"] == "A sentence now gone."
    assert text == session_to_text(full_session())


def test_save_leaves_no_temporary_file_and_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "x.review.json"
    save_session(path, full_session())
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.review.json"]


def test_missing_file_is_none(tmp_path: Path) -> None:
    assert load_session(tmp_path / "none.review.json") is None


VALID = json.loads(session_to_text(full_session()))


def _with(**changes: object) -> bytes:
    data = {**VALID, **changes}
    return json.dumps(data).encode()


DAMAGED = {
    "truncated": session_to_text(full_session()).encode()[:100],
    "empty": b"",
    "blank": b"  \n",
    "not json": b"verdicts: all fine\n",
    "not utf-8": b'{"version": 1, "article": {"source": "\xff\xfe"}}',
    "a list": b"[1, 2, 3]",
    "no version": _with(version=None),
    "future version": _with(version=SESSION_VERSION + 1),
    "no article": _with(article="story.txt"),
    "claims not a list": _with(claims={"c1": {}}),
    "claim without text": _with(claims=[{"id": "c1"}]),
    "claim not an object": _with(claims=["c1"]),
    "unknown verdict": _with(claims=[{"id": "c1", "text": "x", "verdict": "maybe"}]),
    "urls not strings": _with(claims=[{"id": "c1", "text": "x", "urls": [1]}]),
    "pages not an object": _with(pages=["https://a.example"]),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_files_raise_and_are_not_modified(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "story.txt.review.json"
    path.write_bytes(content)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    with pytest.raises(DamagedSessionError) as error:
        load_session(path)
    assert error.value.path == path
    assert "\n" not in str(error.value) and str(path) in str(error.value)
    assert path.read_bytes() == content
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt.review.json"]


def test_future_version_says_so(tmp_path: Path) -> None:
    path = tmp_path / "x.review.json"
    path.write_bytes(_with(version=7))
    with pytest.raises(DamagedSessionError, match="newer workbench"):
        load_session(path)


def test_a_folder_is_damaged_not_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.review.json"
    path.mkdir()
    with pytest.raises(DamagedSessionError, match="folder"):
        load_session(path)
    assert path.is_dir()


def test_default_session_path_beside_local_file() -> None:
    document = Document(text="x", source="news/story.md", kind=SourceKind.MARKDOWN)
    assert default_session_path(document) == Path("news/story.md.review.json")


def test_default_session_path_for_url_and_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    url = Document(text="x", source="https://news.example/a?b=1", kind=SourceKind.HTML)
    other = Document(text="x", source="https://news.example/a?b=2", kind=SourceKind.HTML)
    stdin = Document(text="x", source="-", kind=SourceKind.TEXT, sha256="ab" * 32)
    paths = [default_session_path(d) for d in (url, other, stdin)]
    assert all(p.parent == tmp_path / "reviews" for p in paths)
    assert all(p.name.endswith(".review.json") for p in paths)
    assert len(set(paths)) == 3
    assert default_session_path(url) == paths[0]  # stable


def test_next_free_path(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.review.json"
    assert next_free_path(path) == tmp_path / "story.txt.review.2.json"
    (tmp_path / "story.txt.review.2.json").write_text("{}")
    assert next_free_path(path) == tmp_path / "story.txt.review.3.json"


def test_a_second_lock_on_the_same_review_is_refused(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "story.txt.review.json")
    assert path.name == "story.txt.review.json.lock"
    first = SessionLock(path)
    first.acquire()
    second = SessionLock(path)
    with pytest.raises(SessionLockedError) as error:
        second.acquire()
    assert f"pid {os.getpid()}" in error.value.holder
    assert error.value.path == tmp_path / "story.txt.review.json"
    first.release()
    second.acquire()  # released: can be taken again
    second.release()
    assert not path.exists()


def test_release_without_acquire_is_harmless(tmp_path: Path) -> None:
    SessionLock(tmp_path / "x.lock").release()


def test_the_cached_writer_gives_exactly_what_json_dumps_gives(tmp_path: Path) -> None:
    """The review file must be the plain sorted, indented JSON, whatever the cache does."""
    import json

    from workbench.core.review.model import ClaimReview, Session, Verdict
    from workbench.core.review.store import session_to_text

    reviews = tuple(
        ClaimReview(
            claim_id=f"c{i}",
            text=f"Claim {i} with “quotes”, a | pipe and a\nnewline",
            start=i * 10,
            end=i * 10 + 5,
            verdict=Verdict.DISPUTED if i % 2 else Verdict.VERIFIED,
            note="line one\n\n## heading" if i % 3 else "",
            urls=("https://example.org/a", "https://example.org/b") if i % 4 else (),
            reviewer="ann",
            reviewed_at="2024-01-01T00:00:00Z",
        )
        for i in range(7)
    )
    for session in (
        Session(article_source="a.txt"),
        Session(article_source="a.txt", reviews=reviews, orphaned=reviews[:2]),
        Session(
            article_source="a.txt",
            reviews=reviews[:1],
            pages={"https://x": saved_page({"a": [1]}, "https://x")},
        ),
    ):
        expected = json.dumps(session.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
        assert session_to_text(session) == expected + "\n"
        assert session_to_text(session) == expected + "\n"  # again, from the cache
