"""Review files written by earlier versions open unchanged (format version 1 is a fixture)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from workbench.core.extraction import extract
from workbench.core.loading import load_document
from workbench.core.report.markdown import render_markdown
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace

FIXTURE = Path(__file__).parent / "fixtures" / "review_v1"
"""An article and the review file the version-1 workbench wrote for it (never regenerate)."""


def test_a_version_1_review_file_opens_unchanged(tmp_path: Path) -> None:
    for name in ("article.txt", "article.txt.review.json"):
        shutil.copy(FIXTURE / name, tmp_path / name)
    review_file = tmp_path / "article.txt.review.json"
    written = review_file.read_bytes()
    extraction = extract(
        load_document(str(tmp_path / "article.txt")),
        reference_date=dt.date(2023, 7, 30),
        today=dt.date(2023, 7, 30),
    )
    workspace = ReviewWorkspace.open(extraction, review_file)
    assert review_file.read_bytes() == written  # opening rewrites nothing
    verdicts = {
        workspace.claim(r.claim_id).text[:24]: r.verdict  # type: ignore[union-attr]
        for r in workspace.session.reviews
    }
    assert verdicts == {
        "The new bridge over the ": Verdict.VERIFIED,
        "The council said the bri": Verdict.INCONCLUSIVE,
        "It was a sunny day.": Verdict.NOT_A_CLAIM,
        "Traffic on the old ferry": Verdict.DISPUTED,
    }
    ferry = next(r for r in workspace.session.reviews if r.verdict is Verdict.DISPUTED)
    assert ferry.note == "It fell 40%.\nSee the port report."
    assert ferry.urls == ("https://port.example.org/report-2022",)
    assert not workspace.session.orphaned
    markdown = render_markdown(extraction, workspace.session, generated_at="2023-07-31T00:00:00Z")
    assert "It fell 40%." in markdown
    assert "changed since the verdict" not in markdown


def test_format_2_fields_round_trip(tmp_path: Path) -> None:
    from workbench.core.review.model import SESSION_VERSION, ClaimReview, Session
    from workbench.core.review.store import load_session, save_session

    session = Session(
        article_source="a.txt",
        reviews=(
            ClaimReview(
                "c1",
                "The 69th anniversary.",
                verdict=Verdict.DISPUTED,
                verdict_text="The 70th anniversary.",
                listed=True,
            ),
        ),
        joins=(("c1", "c2"),),
    )
    path = tmp_path / "a.txt.review.json"
    save_session(path, session)
    assert load_session(path) == session
    assert f'"version": {SESSION_VERSION}' in path.read_text(encoding="utf-8")
    review = session.reviews[0]
    assert review.changed_since_verdict and not review.is_empty


def test_malformed_joins_make_a_damaged_file_with_a_reason(tmp_path: Path) -> None:
    import json

    import pytest

    from workbench.core.review.store import DamagedSessionError, load_session

    path = tmp_path / "a.txt.review.json"
    data = {"version": 2, "article": {"source": "a.txt"}, "joins": [["c1", 3]]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DamagedSessionError, match="joins"):
        load_session(path)
