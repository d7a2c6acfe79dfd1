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
