"""`workbench library import|search|stats`: the claim memory from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from workbench.core.library import Match, library_path, open_library
from workbench.core.library.importer import ImportReport, import_sources
from workbench.core.library.search import search
from workbench.core.library.store import FactCheckStore
from workbench.core.sanitize import escape_json_controls, visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $WORKBENCH_LIBRARY, else library.sqlite3 in the "
        "user data folder)",
    )
    commands = parser.add_subparsers(dest="library_command", metavar="COMMAND", required=True)
    importing = commands.add_parser(
        "import",
        parents=[common],
        help="import ClaimReview JSON-LD (files or URLs) and review files (*.review.json)",
        description="Import schema.org ClaimReview JSON-LD (an object, a list, @graph, a "
        "DataFeed, JSON Lines, or an HTML page with ld+json; a file or a URL) and the "
        "workbench's own review files (*.review.json). Re-importing updates, never duplicates.",
    )
    importing.add_argument("sources", nargs="+", metavar="FILE|URL", help="what to import")
    searching = commands.add_parser(
        "search",
        parents=[common],
        help="find the fact-checks most like a claim",
        description="Find the fact-checks most like QUERY. With `-`, read one query per line "
        "from stdin and write one JSON object per line.",
    )
    searching.add_argument("query", metavar="QUERY", help="the claim to look for, or - for stdin")
    searching.add_argument("--top", type=_positive, default=5, help="how many matches (5)")
    searching.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )
    stats = commands.add_parser(
        "stats",
        parents=[common],
        help="how many fact-checks the library holds",
        description="How many fact-checks the library holds, published and your own.",
    )
    stats.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    path = library_path(args.library)
    command: str = args.library_command
    # Reading never creates a library: a search of a library that is not there finds nothing.
    store = open_library(path, create=command == "import" or path.exists())
    try:
        if command == "import":
            return _import(store, args.sources)
        if command == "search":
            return _search(store, args.query, args.top, args.format)
        return _stats(store, args.format)
    finally:
        store.close()


def _import(store: FactCheckStore, sources: Sequence[str]) -> int:
    report = import_sources(store, sources)
    _print_import(report)
    return 1 if report.failed else 0


def _print_import(report: ImportReport) -> None:
    for result in report.results:
        source = visible(result.source, single_line=True)
        if result.error:
            print(f"workbench: {visible(result.error, single_line=True)}", file=sys.stderr)
            continue
        for bad in result.bad:
            print(
                f"{source}: {bad.position}: skipped: {visible(bad.reason, single_line=True)}",
                file=sys.stderr,
            )
        refused = f", {len(result.bad)} bad records skipped" if result.bad else ""
        print(f"{source}: {result.added} added, {result.updated} updated{refused}")


def _search(store: FactCheckStore, query: str, top: int, output: str) -> int:
    if query == "-":
        # One JSON object per line, flushed per query so a pipeline sees answers as they come.
        for line in sys.stdin:
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            matches = search(store, text, top=top)
            _write_json({"query": text, "matches": [m.to_json() for m in matches]})
            sys.stdout.flush()
        return 0
    matches = search(store, query, top=top)
    if output == "json":
        _write_json({"query": query, "matches": [m.to_json() for m in matches]})
    else:
        _print_matches(matches)
    return 0


def _write_json(data: object) -> None:
    sys.stdout.write(escape_json_controls(json.dumps(data, ensure_ascii=False)) + "\n")


def _print_matches(matches: Sequence[Match]) -> None:
    """One block per match, so the claim keeps the width at 80 columns (a six-column grid left
    it one letter wide)."""
    if not matches:
        print("No fact-check found.")
        return
    for rank, match in enumerate(matches, start=1):
        check = match.fact_check
        who = " · ".join(p for p in (check.publisher, check.reviewer) if p)
        facts = [
            f"rating: {check.rating}" if check.rating else "no rating",
            f"by {who}" if who else "",
            check.date or "",
        ]
        link = check.url or check.article
        if rank > 1:
            print()
        print(f"{rank}. [{match.score:.2f}] {visible(check.claim, single_line=True)}")
        print("   " + visible(" · ".join(f for f in facts if f), single_line=True))
        if link:
            print("   " + visible(link, single_line=True))


def _stats(store: FactCheckStore, output: str) -> int:
    by_origin = store.count_by_origin()
    total = sum(by_origin.values())
    if output == "json":
        data = {
            "fact_checks": total,
            "published": by_origin.get("published", 0),
            "own": by_origin.get("own", 0),
            "library": store.location,
        }
        _write_json(data)
    else:
        print(f"library {visible(store.location, single_line=True)}")
        print(
            f"{total} fact-checks: {by_origin.get('published', 0)} published, "
            f"{by_origin.get('own', 0)} your own verdicts"
        )
    return 0
