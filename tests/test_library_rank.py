"""The re-ranking: the names a query gives decide between fact-checks otherwise alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from cli_result import CliResult
from library_samples import as_feed, claim_review

from workbench.core.library import open_library
from workbench.core.library.rank import Weights
from workbench.core.library.search import search

RunCli = Callable[..., CliResult]

BAKER = claim_review("Mayor Tom Baker signed the harbour tax bill.", identifier="baker-tax-bill")
WILSON = claim_review(
    "Governor Tom Wilson signed the harbour tax bill last week.", identifier="wilson-tax-bill"
)
FLOOD = claim_review("The harbour flooded in the spring.", identifier="harbour-flood")
QUERY = "Governor Tom Baker signed the harbour tax bill last week"
"""Worded like Wilson's check, about Baker: his surname is the only word naming who."""


def test_the_query_s_surname_picks_its_fact_check(tmp_path: Path, run_cli: RunCli) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(as_feed(WILSON, BAKER, FLOOD), encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    assert run_cli("library", "import", str(feed), "--library", str(library)).code == 0

    result = run_cli("library", "search", QUERY, "--format", "json", "--library", str(library))
    assert result.code == 0, result.err
    matches = json.loads(result.out)["matches"]
    assert [m["id"] for m in matches[:2]] == ["baker-tax-bill", "wilson-tax-bill"]

    # Without the names feature the shared wording wins: the names decide this ranking.
    store = open_library(library, create=False)
    try:
        unnamed = search(store, QUERY, weights=Weights(names=0.0))
    finally:
        store.close()
    assert [m.fact_check.public_id for m in unnamed[:2]] == ["wilson-tax-bill", "baker-tax-bill"]
