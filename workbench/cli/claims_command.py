"""`workbench claims`: headless extraction to stdout, as a table or JSON."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from typing import Any

from workbench.cli.arguments import add_article, add_reference_date
from workbench.core.extraction import Extraction, extract
from workbench.core.loading import load_document
from workbench.core.sanitize import escape_json_controls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    add_reference_date(parser)
    parser.add_argument(
        "--all", action="store_true", help="list every sentence, not only the check-worthy ones"
    )
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the fact-check library for `checked_before` (default: $WORKBENCH_LIBRARY, else "
        "the one in the user data folder)",
    )


def run(args: argparse.Namespace) -> int:
    # The pipeline builds a few objects per word of the article and keeps most of them to the
    # end, so the cyclic collector runs again and again over a growing heap and finds nothing:
    # ~12% of a 1 MB article's run. Reference counting still frees everything acyclic, and
    # this one-shot command exits right after.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    # This command runs no threads: a long article is scored on a second core (`forked`).
    document = load_document(args.article)
    extraction = with_review_joins(extract(document, reference_date=args.date, second_core=True))
    if args.format == "json":
        # One string, one write (and the newline). Indented for a person at a terminal; compact
        # when piped, because only the compact form uses json's C encoder (5x faster on a large
        # article).
        indent = 2 if sys.stdout.isatty() else None
        data = extraction.to_json(all_sentences=args.all)
        add_checked_before(data, extraction, args.library)
        # The data is built fresh here and holds no cycles: the circular-reference check,
        # a bookkeeping entry per list and object, is skipped.
        text = json.dumps(data, ensure_ascii=False, indent=indent, check_circular=False)
        # The newline written apart: joined on, it would copy megabytes of text once more.
        sys.stdout.write(escape_json_controls(text))
        sys.stdout.write("\n")
    else:
        print_table(extraction, all_sentences=args.all)
    return 0


def with_review_joins(extraction: Extraction) -> Extraction:
    """The claims as the review beside a local article has them: sentences the checker joined
    (`m` in the app) are one claim here too, with their true offsets. No review: unchanged."""
    from workbench.core.review.location import default_session_path

    if not extraction.document.is_local_file:
        return extraction
    path = default_session_path(extraction.document)
    # Most articles have no review: then the review model is not even imported (~5 ms of a
    # run). `os.path.exists` never raises; a path it rejects, `load_session` would have found
    # missing (None) or unreadable (a damaged review): the claims stand alone either way.
    if not os.path.exists(path):
        return extraction
    from workbench.core.errors import WorkbenchError
    from workbench.core.review.joins import apply_joins
    from workbench.core.review.store import load_session

    try:
        session = load_session(path)
    except WorkbenchError:
        return extraction  # a damaged review is the app's business; the claims stand alone
    return apply_joins(extraction, session.joins) if session else extraction


def add_checked_before(data: dict[str, Any], extraction: Extraction, library: str | None) -> None:
    """Give each claim of `data` its `checked_before` matches (an empty list without any).

    A library that cannot be read is said once on stderr; the claims are still printed.
    """
    from workbench.core.library import LibraryError, library_path
    from workbench.core.library.claims import dated_reference, matches_for_claims

    claims = data["claims"]
    try:
        found = matches_for_claims(
            library_path(library),
            [claim["text"] for claim in claims],
            article_source=extraction.document.source,
            article_sha256=extraction.document.sha256,
            reference_date=dated_reference(extraction),
        )
    except LibraryError as error:
        print(f"workbench: {error}; checked_before left empty", file=sys.stderr)
        found = [[] for _ in claims]
    for claim, matches in zip(claims, found, strict=True):
        # (Most claims have no match: no list comprehension to run for them.)
        claim["checked_before"] = [match.to_json() for match in matches] if matches else []


def print_table(extraction: Extraction, *, all_sentences: bool) -> None:
    """A readable terminal table; every article string goes in as plain, sanitised text."""
    from rich.text import Text

    from workbench.cli.command_console import CommandConsole
    from workbench.cli.plain_table import Column
    from workbench.cli.plain_table import print_table as print_rows
    from workbench.core.sanitize import visible

    document = extraction.document
    listed = extraction.sentences if all_sentences else extraction.claims
    console = CommandConsole(soft_wrap=False, highlight=False)
    title = visible(document.title or document.source, single_line=True)
    console.print(Text(title, style="bold"))
    reference = extraction.reference
    console.print(Text(f"reference date {reference.value.isoformat()} — {reference.description}"))
    console.print(
        Text(
            f"{len(extraction.claims)} claims in {len(extraction.sentences)} sentences · "
            f"{extraction.folded_paragraphs} duplicated paragraphs folded",
            style="dim",
        )
    )
    # Signals are in the JSON; on a narrow terminal the claim itself needs the room.
    with_signals = console.width >= 120
    columns = [
        Column("#", justify="right", no_wrap=True),
        Column("score", justify="right", no_wrap=True),
        Column("×", justify="right", no_wrap=True),
        Column("dates", no_wrap=True, max_width=18),
        Column("claim", overflow="fold", flexible=True),
    ]
    if with_signals:
        columns.append(Column("signals", max_width=22))
    rows: list[list[str]] = []
    for claim in listed:
        dates = "\n".join(
            visible(f"{d.display}" + (" ⚠" if d.warnings else ""), single_line=True)
            for d in claim.dates
            if d.value is not None
        )
        row = [
            str(claim.index + 1),
            f"{claim.score:.2f}",
            f"{len(claim.occurrences)}×" if len(claim.occurrences) > 1 else "",
            dates,
            visible(claim.text, single_line=True),
        ]
        if with_signals:
            row.append(", ".join(claim.signals))
        rows.append(row)
    print_rows(console, columns, rows)
