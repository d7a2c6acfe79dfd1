"""`workbench report`: the review report from the saved session, to stdout or a file.

Read-only: the session is re-attached to the current article in memory and never written
back, so running a report cannot change the review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from workbench.cli.arguments import add_article, add_reference_date
from workbench.core.atomic import write_atomic
from workbench.core.extraction import extract
from workbench.core.loading import load_document
from workbench.core.report import FORMATS, reattached, render
from workbench.core.review.store import default_session_path, load_session


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument(
        "--session",
        metavar="FILE",
        help="the review file (default: ARTICLE.review.json beside a local article)",
    )
    add_reference_date(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="markdown", help="report format (markdown)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE (atomically) instead of standard output",
    )
    parser.add_argument(
        "--review-url",
        metavar="URL",
        help="where the fact-check is published (the `url` of each ClaimReview)",
    )


def run(args: argparse.Namespace) -> int:
    document = load_document(args.article)
    path = Path(args.session) if args.session else default_session_path(document)
    session = load_session(path)  # DamagedSessionError: one line, exit 1, file untouched
    reference_date: dt.date | None = args.date
    if reference_date is None and session is not None and session.reference_date:
        try:
            reference_date = dt.date.fromisoformat(session.reference_date)
        except ValueError:
            reference_date = None  # a hand-edited override that is not a date: use the rules
    extraction = extract(document, reference_date=reference_date)
    if session is not None:
        session = reattached(extraction, session)  # in memory only: a report never saves
    text = render(args.format, extraction, session, review_url=args.review_url)
    if args.output:
        write_atomic(Path(args.output), text)
    else:
        write_stdout(text)
    if session is None:
        print(
            f"workbench: no review file at {path}; every claim is reported as unreviewed",
            file=sys.stderr,
        )
    return 0


def write_stdout(text: str) -> None:
    """Write the report as UTF-8 whatever the locale says: it is a file format, like the file."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes (some embedders)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
