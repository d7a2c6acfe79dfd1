"""Damaged review files, unwritable folders and full disks: nothing is lost or overwritten.

A review file that cannot be read is never written over (its bytes are identical after), and
the user is told what happened and where the file is. A save that fails leaves the previous
file intact and the workspace's state equal to what is on disk.

Unwritable folders and full disks are real where the machine allows: `chmod` for a normal
user; as root (where `chmod` does not stop writes) a small tmpfs mounted read-only or filled
up. Where mounting is not allowed either, the disk-full case raises ENOSPC from `os.fsync`
(where delayed allocation reports it on real disks) and the read-only case puts a regular file
where the folder should be.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_result import RunCli
from hostile_inputs import assert_refused_in_one_line

from workbench.core.errors import SessionError, WorkbenchError
from workbench.core.extraction import Extraction, extract
from workbench.core.loading import load_document
from workbench.core.review.model import SESSION_VERSION, Verdict
from workbench.core.review.store import (
    DamagedSessionError,
    load_session,
    save_session,
    session_to_text,
)
from workbench.core.review.workspace import ReviewWorkspace

ARTICLE = """\
The harbour bridge opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.
"""


@pytest.fixture(autouse=True)
def _fixed_reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_REVIEWER", "Tester")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def extraction_of(path: Path) -> Extraction:
    return extract(load_document(str(path)), today=dt.date(2023, 7, 30))


def review_path(article: Path) -> Path:
    return Path(str(article) + ".review.json")


def saved_review(article: Path, folder: Path | None = None) -> tuple[ReviewWorkspace, Path]:
    """A workspace with two verdicts and a note saved (in `folder` if given)."""
    extraction = extraction_of(article)
    path = (folder / "article.review.json") if folder else review_path(article)
    workspace = ReviewWorkspace.open(extraction, path)
    first, second = workspace.claims[:2]
    workspace.set_verdict(first.id, Verdict.VERIFIED)
    workspace.set_verdict(second.id, Verdict.DISPUTED)
    workspace.set_note(second.id, "The budget says 41 million.")
    return workspace, path


def valid_file(article: Path) -> dict[str, object]:
    """The JSON of a correctly saved review of `article`."""
    _, path = saved_review(article)
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return data


# -- damaged files: told, never overwritten ----------------------------------------------------


def damaged_contents(article: Path) -> dict[str, bytes]:
    good = valid_file(article)
    text = json.dumps(good, indent=2)
    claim = dict(good["claims"][0])  # type: ignore[index]
    no_text = {**good, "claims": [{k: v for k, v in claim.items() if k != "text"}]}
    return {
        "truncated": text[: len(text) // 2].encode(),
        "empty": b"",
        "not json": b"this is my review, do not lose it\n",
        "not utf-8": b'{"version": 1, "note": "caf\xe9"}',
        "a list": b"[1, 2, 3]",
        "a string": b'"review"',
        "claims not a list": json.dumps({**good, "claims": {"a": 1}}).encode(),
        "claim not an object": json.dumps({**good, "claims": ["verified"]}).encode(),
        "claim without text": json.dumps(no_text).encode(),
        "unknown verdict": json.dumps({**good, "claims": [{**claim, "verdict": "maybe"}]}).encode(),
        "offset not a number": json.dumps({**good, "claims": [{**claim, "start": "x"}]}).encode(),
        "offset too large": json.dumps({**good, "claims": [{**claim, "start": 1e400}]}).encode(),
        "urls not a list": json.dumps({**good, "claims": [{**claim, "urls": "http://x"}]}).encode(),
        "future version": json.dumps({**good, "version": SESSION_VERSION + 1}).encode(),
        "version as text": json.dumps({**good, "version": "1"}).encode(),
        "no version": json.dumps({k: v for k, v in good.items() if k != "version"}).encode(),
        "deeply nested": b'{"version": 1, "article": {}, "pages": ' + b"[" * 100_000,
        "nested arrays": b"[" * 200_000 + b"]" * 200_000,
    }


CASES = [
    "truncated",
    "empty",
    "not json",
    "not utf-8",
    "a list",
    "a string",
    "claims not a list",
    "claim not an object",
    "claim without text",
    "unknown verdict",
    "offset not a number",
    "offset too large",
    "urls not a list",
    "future version",
    "version as text",
    "no version",
    "deeply nested",
    "nested arrays",
]


@pytest.mark.parametrize("case", CASES)
def test_a_damaged_review_is_reported_with_its_path_and_left_untouched(
    article: Path, case: str
) -> None:
    path = review_path(article)
    damaged = damaged_contents(article)[case]
    path.write_bytes(damaged)
    extraction = extraction_of(article)
    with pytest.raises(DamagedSessionError) as caught:
        ReviewWorkspace.open(extraction, path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert path.read_bytes() == damaged
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("case", CASES)
def test_report_on_a_damaged_review_says_so_in_one_line(
    run_cli: RunCli, article: Path, case: str
) -> None:
    path = review_path(article)
    damaged = damaged_contents(article)[case]
    path.write_bytes(damaged)
    result = run_cli("report", str(article))
    assert_refused_in_one_line(result.code, result.err, str(path), "cannot be read")
    assert path.read_bytes() == damaged


def test_a_future_version_says_a_newer_workbench_wrote_it(article: Path) -> None:
    path = review_path(article)
    path.write_bytes(damaged_contents(article)["future version"])
    with pytest.raises(DamagedSessionError, match="newer workbench"):
        load_session(path)


def test_a_folder_where_the_review_should_be_is_reported(run_cli: RunCli, article: Path) -> None:
    path = review_path(article)
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(DamagedSessionError, match="folder"):
        ReviewWorkspace.open(extraction_of(article), path)
    result = run_cli("report", str(article))
    assert_refused_in_one_line(result.code, result.err, str(path))
    assert (path / "keep.txt").read_text() == "mine"


# -- orphaned reviews are kept -----------------------------------------------------------------


def test_reviews_of_sentences_that_no_longer_exist_are_kept_as_orphaned(
    run_cli: RunCli, article: Path
) -> None:
    workspace, path = saved_review(article)
    gone = workspace.claims[1]
    assert workspace.verdict_of(gone.id) is Verdict.DISPUTED
    # The article is rewritten: the disputed sentence disappears.
    article.write_text(ARTICLE.replace(gone.text, "Nobody knows what it cost."), encoding="utf-8")
    reopened = ReviewWorkspace.open(extraction_of(article), path)
    orphans = reopened.session.orphaned
    assert [o.text for o in orphans] == [gone.text]
    assert orphans[0].verdict is Verdict.DISPUTED and orphans[0].note
    on_disk = load_session(path)
    assert on_disk is not None and on_disk.orphaned == orphans
    # Editing another claim keeps the orphan in the file.
    reopened.set_verdict(reopened.claims[-1].id, Verdict.INCONCLUSIVE)
    on_disk = load_session(path)
    assert on_disk is not None and [o.text for o in on_disk.orphaned] == [gone.text]
    report = run_cli("report", str(article))
    assert report.code == 0 and "Orphaned" in report.out and "41 million" in report.out


# -- saves that fail ---------------------------------------------------------------------------


def _probe_unwritable(folder: Path) -> bool:
    try:
        (folder / ".probe").write_bytes(b"x")
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "64k") -> Iterator[bool]:
    """Mount a tmpfs of `size` on `folder` if this machine lets us; yields whether it did."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def make_read_only(folder: Path, mounted: bool) -> str:
    """Make `folder` refuse writes for real; returns how."""
    folder.chmod(0o555)
    if _probe_unwritable(folder):
        return "chmod"
    folder.chmod(0o755)
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        assert _probe_unwritable(folder)
        return "read-only mount"
    chattr = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if chattr.returncode == 0 and _probe_unwritable(folder):
        return "immutable"
    raise AssertionError("no way to make a folder read-only on this machine")  # pragma: no cover


def undo_read_only(folder: Path, how: str) -> None:
    if how == "chmod":
        folder.chmod(0o755)
    elif how == "immutable":
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def assert_failed_save_kept_everything(
    workspace: ReviewWorkspace, path: Path, before: bytes, error: WorkbenchError
) -> None:
    assert str(path) in str(error) and "\n" not in str(error)
    assert path.read_bytes() == before, "the previous review was damaged"
    assert load_session(path) == workspace.session, "the app shows what is not on disk"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_read_only_folder_fails_the_save_and_keeps_the_file(
    tmp_path: Path, article: Path
) -> None:
    folder = tmp_path / "reviews"
    with small_tmpfs(folder) as mounted:
        workspace, path = saved_review(article, folder)
        before = path.read_bytes()
        how = make_read_only(folder, mounted)
        try:
            claim = workspace.claims[2]
            with pytest.raises(SessionError) as caught:
                workspace.set_verdict(claim.id, Verdict.VERIFIED)
            assert_failed_save_kept_everything(workspace, path, before, caught.value)
            assert workspace.verdict_of(claim.id) is Verdict.UNREVIEWED
            with pytest.raises(SessionError):
                workspace.set_note(workspace.claims[0].id, "lost?")
            assert_failed_save_kept_everything(workspace, path, before, caught.value)
            # Moving around and quitting saves the view quietly: no error escapes.
            from workbench.core.review.model import ViewState

            workspace.set_view(ViewState(cursor=claim.id, search="bridge"))
            assert path.read_bytes() == before
            # The review still opens (read-only) and shows what was saved.
            reopened = ReviewWorkspace.open(extraction_of(article), path)
            assert reopened.session == workspace.session
        finally:
            undo_read_only(folder, how)
    print(f"read-only folder made by: {how}")


def test_a_review_whose_folder_is_a_file_cannot_be_saved(tmp_path: Path, article: Path) -> None:
    """The one unwritable place even root cannot write to: under a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    path = blocker / "article.review.json"
    extraction = extraction_of(article)
    try:
        workspace = ReviewWorkspace.open(extraction, path)
    except SessionError as error:
        # Refusing to open is fine too, as long as it names the place.
        assert str(path) in str(error) and "\n" not in str(error)
        return
    with pytest.raises(SessionError) as caught:
        workspace.set_verdict(workspace.claims[0].id, Verdict.VERIFIED)
    assert str(path) in str(caught.value)
    assert workspace.verdict_of(workspace.claims[0].id) is Verdict.UNREVIEWED
    assert blocker.read_text() == "a file"


def test_a_full_disk_fails_the_save_and_keeps_the_file(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "small-disk"
    with small_tmpfs(folder, "64k") as mounted:
        workspace, path = saved_review(article, folder)
        before = path.read_bytes()
        if mounted:
            # Fill the disk: what is left is smaller than the next save.
            with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 1024)
                    filler.flush()
            how = "a full 64 KB tmpfs"
        else:

            def no_space(fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(os, "fsync", no_space)
            how = "os.fsync raising ENOSPC"
        claim = workspace.claims[2]
        with pytest.raises(SessionError) as caught:
            workspace.set_note(claim.id, "A long note. " * 400)
        assert "space" in str(caught.value).lower()
        assert_failed_save_kept_everything(workspace, path, before, caught.value)
        monkeypatch.undo()
        if mounted:
            (folder / "filler").unlink()
        # Space again: the next change saves, and nothing before it was lost.
        workspace.set_verdict(claim.id, Verdict.INCONCLUSIVE)
        on_disk = load_session(path)
        assert on_disk == workspace.session
        assert on_disk is not None and len(on_disk.reviews) == 3
    print(f"disk full made by: {how}")


def test_save_session_never_leaves_a_torn_file_when_the_rename_fails(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, path = saved_review(article)
    before = path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SessionError) as caught:
        save_session(path, workspace.session)
    assert_failed_save_kept_everything(workspace, path, before, caught.value)
    assert session_to_text(workspace.session).encode() == before
