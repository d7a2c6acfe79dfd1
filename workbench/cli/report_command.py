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
from workbench.core.extraction import Extraction, extract
from workbench.core.library.model import Match
from workbench.core.loading import load_document
from workbench.core.report import FORMATS, reattached, render
from workbench.core.review.location import default_session_path
from workbench.core.review.model import Session
from workbench.core.review.store import load_session


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
    extraction = extract(document, reference_date=reference_date, second_core=True)
    if session is not None:
        session = reattached(extraction, session)  # in memory only: a report never saves
    checked_before = library_matches(extraction, session) if args.format == "markdown" else None
    text = render(
        args.format, extraction, session, review_url=args.review_url, checked_before=checked_before
    )
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


def library_matches(extraction: Extraction, session: Session | None) -> dict[str, list[Match]]:
    """The library's matches for the report's listed claims (none without a library).

    A library that cannot be read is said once on stderr; the report is still made.
    """
    from workbench.core.library import LibraryError, library_path
    from workbench.core.library.claims import dated_reference, matches_for_claims
    from workbench.core.review.filtering import listed_claims

    reviewed = {r.claim_id for r in session.reviews} if session else set()
    listed = listed_claims(extraction.sentences, reviewed)
    try:
        found = matches_for_claims(
            library_path(),
            [claim.text for claim in listed],
            article_source=extraction.document.source,
            article_sha256=extraction.document.sha256,
            reference_date=dated_reference(extraction),
        )
    except LibraryError as error:
        print(f"workbench: {error}; the report has no 'Checked before' section", file=sys.stderr)
        return {}
    return {claim.id: matches for claim, matches in zip(listed, found, strict=True) if matches}


def write_stdout(text: str) -> None:
    """Write the report as UTF-8 whatever the locale says: it is a file format, like the file."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes (some embedders)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
