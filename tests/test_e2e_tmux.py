"""End to end: the installed `workbench` command in a real terminal (tmux), driven by keys.

Marks two claims, exports the report, quits; then checks the report and the review file.
Polls the pane until the expected text shows, with a deadline (no fixed sleeps).
"""

from __future__ import annotations

import json
from pathlib import Path

from tmux_terminal import TerminalApp, environment

ARTICLE = """\
Harbour town opens new bridge

The new bridge over the Elm river opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

"We waited a long time for this," said Mayor Ana Ruiz at the ceremony on July 27.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.
"""


def test_review_two_claims_and_export(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = environment(tmp_path, "E2E Checker")
    with TerminalApp(tmp_path, "article.txt", "--date", "2023-07-30", env=env, width=120) as app:
        # How many claims there are is the extractor's business; read it from the header.
        progress = app.progress(app.wait_for(" reviewed"))
        assert progress is not None and progress[0] == 0
        total = progress[1]
        app.send("v")
        app.wait_for(f"1 of {total} reviewed")
        app.send("d")
        app.wait_for(f"2 of {total} reviewed · 1 disputed")
        app.send("e")
        app.wait_for("Report preview")
        app.send("Enter")
        app.wait_for("Report written")
        app.send("q")
        app.wait_gone()
        status, signal = app.exit_status()
        assert status == "0" and signal in ("", "0"), f"exit {status}, signal {signal}"

    review = json.loads((tmp_path / "article.txt.review.json").read_text(encoding="utf-8"))
    verdicts = [c["verdict"] for c in review["claims"]]
    assert verdicts == ["verified", "disputed"]
    assert {c["reviewer"] for c in review["claims"]} == {"E2E Checker"}
    report = (tmp_path / "article.txt.report.md").read_text(encoding="utf-8")
    assert "The new bridge over the Elm river" in report
    assert "disputed" in report.lower()
    assert not (tmp_path / "article.txt.review.json.lock").exists()
