"""`workbench ARTICLE`: open the review app.

Everything that can fail with a one-line message (loading, extraction, the lock) happens here,
before the terminal is taken over; the app then only opens the review.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.arguments import add_article, add_reference_date

if TYPE_CHECKING:
    from workbench.core.review.store import SessionLock
    from workbench.tui.request import ReviewRequest


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    add_reference_date(parser)
    parser.add_argument(
        "--session",
        metavar="FILE",
        help="the review file (default: ARTICLE.review.json beside a local article)",
    )
    parser.add_argument(
        "--reviewer",
        metavar="NAME",
        help="the name put on verdicts (default: WORKBENCH_REVIEWER or your login name)",
    )


def run(args: argparse.Namespace) -> int:
    from workbench.core.errors import WorkbenchError
    from workbench.tui.app import WorkbenchApp

    request, lock = prepare(args)
    app = WorkbenchApp(request, locks=[lock])
    try:
        app.run()
    finally:
        for held in app.locks:
            held.release()
    if app.return_code:
        # The app already printed its one-line reason on the way out.
        if app.return_code == 1:
            return 1
        raise WorkbenchError(f"the review app stopped (code {app.return_code})")
    return 0


def prepare(args: argparse.Namespace) -> tuple[ReviewRequest, SessionLock]:
    """Load and extract the article (a file, `-` or a URL), find its review file, lock it.

    An article from the web is fetched with the same client and limits as reference pages;
    its review goes to the user data folder, and the header shows that full path.
    """
    from workbench.core.extraction import extract
    from workbench.core.loading import load_document
    from workbench.core.review.location import default_session_path
    from workbench.core.review.store import SessionLock, lock_path
    from workbench.tui.request import ReviewRequest

    document = load_document(args.article)
    # Before the app starts its threads: a long article is scored on a second core too.
    extraction = extract(document, reference_date=args.date, second_core=True)
    # The extraction lives as long as the app and never changes: keep the collector from
    # walking its hundreds of thousands of objects on every later collection.
    gc.freeze()
    session_path = Path(args.session) if args.session else default_session_path(document)
    if args.article == "-":
        _terminal_as_stdin()
    if not session_path.parent.exists():
        session_path.parent.mkdir(parents=True, exist_ok=True)  # the data folder, first use
    lock = SessionLock(lock_path(session_path))
    lock.acquire()  # SessionLockedError: one line, exit 1, the terminal untouched
    request = ReviewRequest(
        extraction=extraction,
        session_path=session_path,
        shown_path=str(session_path),
        reviewer=args.reviewer,
    )
    return request, lock


def _terminal_as_stdin() -> None:
    """The article came on stdin; the app reads keys from the terminal instead."""
    from workbench.core.errors import WorkbenchError

    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise WorkbenchError(
            "the article came on standard input and there is no terminal for the review app; "
            "use `workbench claims -` instead"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)
