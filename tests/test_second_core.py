"""Scoring a long article on a second core: the same claims, and nothing lost when the child fails.

`workbench claims` scores the sentences of a long article in a forked child while it folds and
dates them (`core/forked.py`). The output must be exactly what one process gives, and a child
that dies must cost time, never a result.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from workbench.core.extraction import SECOND_CORE_SENTENCES, extract
from workbench.core.forked import start_in_child
from workbench.core.loading import load_document

TOWNS = ("Northfield", "Riverside", "Ashford", "Milltown", "Lakeview", "Brookhaven")


def long_article(sentences: int) -> str:
    """A council report of `sentences` distinct sentences, with dates, figures, quotes and one
    paragraph printed twice (so folding has copies to fold)."""
    paragraphs = []
    for number in range(0, sentences - 3, 4):
        town = TOWNS[number % len(TOWNS)]
        paragraphs.append(
            f"The {town} council approved {number + 7} new homes on March {number % 28 + 1}. "
            f"“We cannot wait until {2020 + number % 9},” said councillor Ana Reyes {number}. "
            f"Critics think plan {number} is too small for a town of {1000 + number} people. "
            f"The vote was {number % 9 + 1} to {number % 4}, and work starts next month."
        )
    paragraphs.append(paragraphs[0])
    return "Council report, March 14, 2024\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_long_article_gets_the_claims_one_process_gives(tmp_path: Path) -> None:
    path = tmp_path / "council.txt"
    path.write_text(long_article(SECOND_CORE_SENTENCES + 400), encoding="utf-8")
    command = [sys.executable, "-m", "workbench", "claims", str(path), "--all", "--format", "json"]
    done = subprocess.run(
        [*command, "--date", "2024-03-14"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    for claim in printed["claims"]:
        assert claim.pop("checked_before") == []
    one_process = extract(load_document(str(path)), reference_date=dt.date(2024, 3, 14))
    # Enough sentences, copies counted (what the command decides on), to score in a child.
    assert sum(len(claim.occurrences) for claim in one_process.sentences) > SECOND_CORE_SENTENCES
    assert printed == one_process.to_json(all_sentences=True)


def test_the_childs_result_comes_back() -> None:
    collect = start_in_child(lambda: (os.getpid(), [1.5, ("date", "number")], {"a": "b"}))
    child, *rest = collect()
    assert child != os.getpid()
    assert rest == [[1.5, ("date", "number")], {"a": "b"}]


def test_a_child_that_dies_is_replaced_by_the_work_done_here() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child dies before it sends anything
        return parent

    assert start_in_child(work)() == parent


def test_a_child_that_raises_is_replaced_by_the_work_done_here() -> None:
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return "done here"

    assert start_in_child(work)() == "done here"
