"""Issue 11 in a real terminal: the installed `workbench`, driven by keys through tmux.

One test per group: verdict with a note, every sentence, an edit after a verdict, the
timeline. Each polls the screen with a deadline (no fixed sleeps) and checks what was saved.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tmux_terminal import WORKBENCH, TerminalApp, environment

ARTICLE = """\
Harbour town opens new bridge

The new bridge over the Elm river opened on Friday, July 28, 2023, after three years of work.

The council said the bridge cost 42 million euros, according to the mayor's office.

It felt like a sunny day.

Traffic on the old ferry fell by 60 percent in 2022, the port authority reported.
"""


def _start(tmp_path: Path) -> TerminalApp:
    env = environment(tmp_path, "Tmux Checker")
    return TerminalApp(tmp_path, "article.txt", "--date", "2023-07-30", env=env, width=160)


def _quit(app: TerminalApp) -> None:
    app.send("q")
    app.wait_gone()
    status, signal = app.exit_status()
    assert status == "0" and signal in ("", "0"), f"exit {status}, signal {signal}"


def _review(tmp_path: Path, words: str) -> dict[str, Any]:
    data = json.loads((tmp_path / "article.txt.review.json").read_text(encoding="utf-8"))
    found: dict[str, Any] = next(c for c in data["claims"] if words in c["text"])
    return found


def test_shift_d_disputes_and_notes_the_same_claim(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    with _start(tmp_path) as app:
        app.wait_for("0 of 3 reviewed")
        app.send("j", "D")  # the council's claim: disputed, then its note
        app.wait_for("claim #3 · ✗ disputed")
        app.send("-l", "It was 44 million.")
        app.send("C-s")
        app.wait_for("Note saved")
        app.wait_for("1 of 3 reviewed · 1 disputed")
        _quit(app)
    review = _review(tmp_path, "42 million euros")
    assert (review["verdict"], review["note"]) == ("disputed", "It was 44 million.")


def test_all_sentences_and_an_unlisted_one_listed(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    with _start(tmp_path) as app:
        app.wait_for("0 of 3 reviewed")
        assert "It felt like a sunny day." not in app.screen()
        app.send("A")
        app.wait_for("It felt like a sunny day.")
        app.send("/")
        app.wait_for("search claims and notes")  # the field has the focus: type into it
        app.send("-l", "sunny")
        app.send("Enter")
        app.wait_for("claim #4")
        app.send("x")  # not a claim: a verdict on an unlisted sentence lists it
        app.wait_for("1 of 4 reviewed")
        app.send("A", "Escape")  # back to the listed claims, search cleared
        app.wait_for(
            lambda screen: "It felt like a sunny day." in screen and "showing" not in screen
        )
        _quit(app)
    review = _review(tmp_path, "sunny day")
    assert (review["verdict"], review["listed"]) == ("not_a_claim", True)


def test_an_edit_after_the_verdict_is_shown_and_reported(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with _start(tmp_path) as app:
        app.wait_for("0 of 3 reviewed")
        app.send("G", "d")
        app.wait_for("1 of 3 reviewed · 1 disputed")
        _quit(app)
    article.write_text(ARTICLE.replace("60 percent", "65 percent"), encoding="utf-8")
    with _start(tmp_path) as app:
        app.wait_for("✗Δ")
        app.send("G")
        screen = app.wait_for("Changed since the verdict")
        assert "fell by 60 percent" in screen and "fell by 65 percent" in screen
        _quit(app)
    report = subprocess.run(
        [str(WORKBENCH), "report", "article.txt"],
        cwd=tmp_path,
        env=environment(tmp_path, "Tmux Checker"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Changed since the verdict:** was “Traffic on the old ferry fell by 60 percent" in report


def test_timeline_shows_the_dates_and_enter_goes_to_the_claim(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    with _start(tmp_path) as app:
        app.wait_for("0 of 3 reviewed")
        app.send("t")
        screen = app.wait_for("Timeline (2 dates)")
        assert "reference 2023-07-30" in screen
        assert "━━━" in screen and "●" in screen  # 2022 as a bar, July 28 as a dot
        app.send("Enter")  # the earliest: 2022, the ferry claim
        app.wait_for(lambda s: "Timeline (" not in s and "claim #5" in s)
        _quit(app)
