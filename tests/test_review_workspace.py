"""An open review: every edit saved at once, who/when recorded, URLs validated, undo, reopen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import build_extraction, saved_page

from workbench.core.errors import WorkbenchError
from workbench.core.extraction import Extraction
from workbench.core.review.joins import apply_joins
from workbench.core.review.model import Verdict, ViewState
from workbench.core.review.store import DamagedSessionError, load_session
from workbench.core.review.workspace import ReviewWorkspace, os_user_name, validate_url

TEXTS = [
    "Exports fell 4% in 2019.",
    "It was a quiet day.",
    "The toll rose to 12 on Friday.",
    "Jane Doe said 1,200 jobs went.",
]


def make_extraction(texts: list[str] = TEXTS, checkworthy: set[int] | None = None) -> Extraction:
    """A local text file; unless told otherwise, every claim but the second is listed."""
    if checkworthy is None:
        checkworthy = {index for index in range(len(texts)) if index != 1}
    return build_extraction(texts, checkworthy=checkworthy, sha256="d" * 64)


class Clock:
    """A clock that ticks one second per call, so each change has its own time."""

    def __init__(self) -> None:
        self.ticks: Iterator[int] = iter(range(10_000))

    def __call__(self) -> str:
        return f"2023-07-30T12:{next(self.ticks) // 60:02d}:{next(self.ticks) % 60:02d}Z"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "story.txt.review.json"


def open_ws(path: Path, extraction: Extraction | None = None) -> ReviewWorkspace:
    return ReviewWorkspace.open(
        extraction or make_extraction(), path, reviewer="alice", clock=Clock()
    )


def ids() -> list[str]:
    return [s.id for s in make_extraction().sentences]


def saved(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_a_new_review_writes_nothing_until_the_first_change(path: Path) -> None:
    workspace = open_ws(path)
    assert not path.exists()
    assert [c.text for c in workspace.claims] == [TEXTS[0], TEXTS[2], TEXTS[3]]
    workspace.set_verdict(ids()[0], Verdict.VERIFIED)
    assert path.exists()


def test_verdict_records_reviewer_and_time_and_is_saved_at_once(path: Path) -> None:
    workspace = open_ws(path)
    review = workspace.set_verdict(ids()[2], Verdict.DISPUTED)
    assert review.verdict is Verdict.DISPUTED
    assert review.reviewer == "alice"
    assert review.reviewed_at is not None and review.reviewed_at.startswith("2023-07-30T12:")
    on_disk = load_session(path)
    assert on_disk is not None and on_disk.review_for(ids()[2]) == review
    cleared = workspace.set_verdict(ids()[2], Verdict.UNREVIEWED)
    assert cleared.reviewer is None and cleared.reviewed_at is None
    assert saved(path)["claims"] == []  # nothing left worth keeping


def test_the_file_keeps_claims_in_document_order(path: Path) -> None:
    workspace = open_ws(path)
    for claim in reversed(ids()):
        workspace.set_verdict(claim, Verdict.VERIFIED)
    claims = saved(path)["claims"]
    assert isinstance(claims, list)
    assert [c["text"] for c in claims] == TEXTS


def test_a_reviewed_unlisted_sentence_becomes_listed(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_verdict(ids()[1], Verdict.NOT_A_CLAIM)
    assert TEXTS[1] in [c.text for c in workspace.claims]


def test_note_is_saved(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_note(ids()[0], "Line one\n\n- *two*")
    assert load_session(path).review_for(ids()[0]).note == "Line one\n\n- *two*"  # type: ignore[union-attr]
    assert workspace.verdict_of(ids()[0]) is Verdict.UNREVIEWED


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example/a.txt", "only http and https"),
        ("https://example.org/a b", "spaces"),
        ("https://exa\tmple.org/", "spaces"),
        ("example.org/page", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("https:///nohost", "no host"),
        ("   ", "no URL"),
    ],
)
def test_bad_urls_are_refused_and_nothing_is_saved(path: Path, url: str, message: str) -> None:
    workspace = open_ws(path)
    with pytest.raises(WorkbenchError, match=message):
        workspace.add_url(ids()[0], url)
    assert not path.exists()
    assert not workspace.can_undo


def test_urls_are_kept_in_order_without_duplicates(path: Path) -> None:
    workspace = open_ws(path)
    workspace.add_url(ids()[0], "  https://b.example/2 ")
    workspace.add_url(ids()[0], "HTTP://a.example/1")
    with pytest.raises(WorkbenchError, match="already attached"):
        workspace.add_url(ids()[0], "https://b.example/2")
    assert workspace.review_of(ids()[0]).urls == ("https://b.example/2", "HTTP://a.example/1")
    workspace.remove_url(ids()[0], "https://b.example/2")
    assert load_session(path).review_for(ids()[0]).urls == ("HTTP://a.example/1",)  # type: ignore[union-attr]
    assert validate_url("https://x.example") == "https://x.example"


def test_undo_restores_the_file(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_verdict(ids()[0], Verdict.VERIFIED)
    after_first = path.read_bytes()
    workspace.set_note(ids()[0], "oops")
    workspace.set_verdict(ids()[2], Verdict.DISPUTED)
    undone = workspace.undo()
    assert undone is not None and (undone.what, undone.claim_id) == ("disputed", ids()[2])
    undone = workspace.undo()
    assert undone is not None and (undone.what, undone.claim_id) == ("note", ids()[0])
    assert path.read_bytes() == after_first
    assert workspace.undo() is not None
    assert workspace.verdict_of(ids()[0]) is Verdict.UNREVIEWED
    assert saved(path)["claims"] == []
    assert workspace.undo() is None and not workspace.can_undo
    redone = workspace.redo()
    assert redone is not None and redone.what == "verified"
    assert path.read_bytes() == after_first
    workspace.redo()
    workspace.redo()
    assert workspace.verdict_of(ids()[2]) is Verdict.DISPUTED
    assert workspace.redo() is None and not workspace.can_redo
    workspace.undo()
    workspace.set_verdict(ids()[1], Verdict.VERIFIED)  # a new change: nothing left to redo
    assert not workspace.can_redo


def test_undo_keeps_pages_and_view(path: Path) -> None:
    workspace = open_ws(path)
    workspace.add_url(ids()[0], "https://a.example/1")
    workspace.set_page(
        "https://a.example/1", saved_page({"url": "https://a.example/1", "status": 200})
    )
    workspace.set_view(ViewState(cursor=ids()[3], status_filter="verified", search="toll"))
    workspace.undo()
    session = load_session(path)
    assert session is not None
    assert session.review_for(ids()[0]) is None
    assert "https://a.example/1" in session.pages
    assert session.view.cursor == ids()[3]


def test_reopen_restores_everything(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_verdict(ids()[0], Verdict.DISPUTED)
    workspace.set_note(ids()[0], "Wrong year")
    workspace.add_url(ids()[0], "https://a.example/1")
    workspace.set_verdict(ids()[3], Verdict.INCONCLUSIVE)
    workspace.set_page(
        "https://a.example/1", saved_page({"url": "https://a.example/1", "sha256": "e" * 64})
    )
    view = ViewState(cursor=ids()[3], status_filter="disputed", search="exports")
    workspace.set_view(view)
    before = path.read_bytes()

    again = open_ws(path)
    assert path.read_bytes() == before  # nothing changed, nothing rewritten
    assert again.session == workspace.session
    assert again.review_of(ids()[0]).note == "Wrong year"
    assert again.review_of(ids()[0]).urls == ("https://a.example/1",)
    assert again.verdict_of(ids()[3]) is Verdict.INCONCLUSIVE
    assert again.session.view == view
    assert again.session.pages["https://a.example/1"].record.sha256 == "e" * 64
    progress = again.progress()
    assert (progress.total, progress.reviewed) == (3, 2)
    assert progress.summary == "2 of 3 reviewed · 1 disputed · 1 inconclusive"


def test_a_damaged_file_is_not_opened_or_overwritten(path: Path) -> None:
    path.write_bytes(b'{"version": 1, "claims": [')
    with pytest.raises(DamagedSessionError):
        open_ws(path)
    assert path.read_bytes() == b'{"version": 1, "claims": ['


def test_reviewer_defaults_to_environment(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_REVIEWER", "bob")
    assert os_user_name() == "bob"
    workspace = ReviewWorkspace.open(make_extraction(), path)
    assert workspace.set_verdict(ids()[0], Verdict.VERIFIED).reviewer == "bob"


def test_a_failed_save_raises_and_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    workspace = open_ws(blocker / "story.txt.review.json")
    blocker.write_text("a file where the review's folder should be")
    with pytest.raises(WorkbenchError, match="cannot write"):
        workspace.set_verdict(ids()[0], Verdict.VERIFIED)
    assert workspace.verdict_of(ids()[0]) is Verdict.UNREVIEWED
    assert not workspace.can_undo
    assert blocker.read_text() == "a file where the review's folder should be"


def test_work_on_an_unlisted_sentence_lists_it_for_good(path: Path) -> None:
    workspace = open_ws(path)
    quiet = ids()[1]
    assert not workspace.is_listed(quiet)
    workspace.set_note(quiet, "worth a look")
    assert workspace.is_listed(quiet)
    workspace.set_note(quiet, "")  # the note goes, the choice to list it stays
    assert workspace.is_listed(quiet)
    reopened = open_ws(path)
    assert reopened.is_listed(quiet)
    assert [c.id for c in reopened.claims] == ids()


def test_an_edited_sentence_is_changed_since_the_verdict_until_confirmed(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_verdict(ids()[0], Verdict.DISPUTED)
    assert not workspace.review_of(ids()[0]).changed_since_verdict
    edited = make_extraction(["Exports fell 5% in 2019.", *TEXTS[1:]])
    reopened = open_ws(path, edited)
    new_id = edited.sentences[0].id
    review = reopened.review_of(new_id)
    assert review.verdict is Verdict.DISPUTED
    assert review.changed_since_verdict
    assert review.verdict_text == "Exports fell 4% in 2019."
    assert review.text == "Exports fell 5% in 2019."
    reopened.set_verdict(new_id, Verdict.DISPUTED)  # confirmed on the new wording
    assert not reopened.review_of(new_id).changed_since_verdict
    assert not open_ws(path, edited).review_of(new_id).changed_since_verdict


def test_an_orphan_moves_onto_a_sentence_or_is_dropped_and_both_undo(path: Path) -> None:
    workspace = open_ws(path)
    workspace.set_verdict(ids()[0], Verdict.VERIFIED)
    workspace.set_note(ids()[0], "checked")
    edited = make_extraction(["Imports rose sharply last spring.", *TEXTS[1:]])
    reopened = open_ws(path, edited)
    assert len(reopened.session.orphaned) == 1
    target = edited.sentences[0].id
    moved = reopened.move_orphan(0, target)
    assert moved.claim_id == target and moved.note == "checked"
    assert reopened.review_of(target).changed_since_verdict
    assert not reopened.session.orphaned
    with pytest.raises(WorkbenchError, match="gone"):
        reopened.drop_orphan(0)
    undone = reopened.undo()
    assert undone is not None and undone.claim_id == target
    assert len(reopened.session.orphaned) == 1
    assert reopened.session.review_for(target) is None
    with pytest.raises(WorkbenchError, match="review of its own"):
        reopened.set_verdict(ids()[2], Verdict.VERIFIED)
        reopened.move_orphan(0, ids()[2])
    reopened.drop_orphan(0)
    assert saved(path)["orphaned"] == []
    reopened.undo()
    assert len(load_session(path).orphaned) == 1  # type: ignore[union-attr]


def test_join_makes_one_claim_with_true_offsets_and_stays_on_reopening(path: Path) -> None:
    workspace = open_ws(path)
    first, second = workspace.extraction.sentences[0], workspace.extraction.sentences[1]
    joined = workspace.join_next(first.id)
    text = workspace.extraction.document.text
    assert text[joined.start : joined.end] == joined.text
    assert (joined.start, joined.end) == (first.start, second.end)
    assert joined.index == first.index and joined.checkworthy
    assert workspace.claims[0].id == joined.id
    reopened = open_ws(path)
    assert reopened.claim(joined.id) is not None
    assert reopened.claim(first.id) is None
    # Applying the joins again is a no-op; a join whose sentences are gone is left out.
    assert apply_joins(reopened.extraction, reopened.session.joins) == reopened.extraction
    edited = make_extraction(["Something else entirely.", *TEXTS[1:]])
    assert apply_joins(edited, reopened.session.joins) == edited
    assert workspace.undo() is not None
    assert workspace.claim(first.id) is not None and workspace.claim(joined.id) is None
    with pytest.raises(WorkbenchError, match="last sentence"):
        workspace.join_next(workspace.extraction.sentences[-1].id)
