"""Issue 11, item 2 (join): m makes one claim of a claim and the next sentence, undoable; the
review file, the report and `workbench claims` carry it with its true offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from app_harness import AppFactory
from pilot_helpers import claim_list, opened, press_and_settle, press_on_claim, saved, shown_texts

from workbench.core.extraction import extract
from workbench.core.loading import load_document
from workbench.core.report.common import reattached
from workbench.core.report.markdown import render_markdown
from workbench.core.review.store import load_session

pytestmark = pytest.mark.anyio

TEXT = (
    "Mayor Ana Ruiz said the toll rose to 12 euros. "
    "From Friday, July 28, 2023, the council said.\n\n"
    "Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.\n"
)
JOINED = (
    "Mayor Ana Ruiz said the toll rose to 12 euros. From Friday, July 28, 2023, the council said."
)


async def test_m_joins_a_claim_with_the_next_sentence_everywhere_and_undoes(
    app_factory: AppFactory, article: Path
) -> None:
    article.write_text(TEXT, encoding="utf-8")
    app = app_factory(auto_advance=False)
    async with opened(app, size=(120, 40)) as pilot:
        await press_on_claim(pilot, "Mayor Ana Ruiz said", "d")
        await press_and_settle(pilot, "m")
        current = claim_list(app).current
        assert current is not None and current.text == JOINED
        assert JOINED in shown_texts(app)
        assert "From Friday, July 28, 2023, the council said." not in shown_texts(app)
        data = saved()
        assert len(data["joins"]) == 1
        review = next(r for r in data["claims"] if r["text"] == JOINED)
        assert TEXT[review["start"] : review["end"]] == JOINED
        assert review["verdict"] == "disputed"

        # The installed command, as a user runs it (the app holds this process's stdout).
        done = subprocess.run(
            [sys.executable, "-m", "workbench", "claims", "article.txt", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        claims = json.loads(done.stdout)["claims"]
        joined = next(c for c in claims if c["text"] == JOINED)
        assert TEXT[joined["start"] : joined["end"]] == JOINED
        assert {d["value"] for d in joined["dates"]} >= {"2023-07-28"}

        extraction = extract(load_document("article.txt"))
        session = load_session(Path("article.txt.review.json"))
        assert session is not None
        report = render_markdown(extraction, reattached(extraction, session), generated_at="x")
        assert f"> {JOINED}" in report

        await press_and_settle(pilot, "ctrl+z")
        assert JOINED not in shown_texts(app)
        assert saved()["joins"] == []
        assert "Mayor Ana Ruiz said the toll rose to 12 euros." in shown_texts(app)
    assert saved_review_text("Mayor Ana Ruiz") == "Mayor Ana Ruiz said the toll rose to 12 euros."


def saved_review_text(words: str) -> str:
    return str(next(r["text"] for r in saved()["claims"] if words in r["text"]))
