"""`workbench ARTICLE`: open the review app."""

from __future__ import annotations

import argparse

from workbench.cli.arguments import add_article, add_reference_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    add_reference_date(parser)
    parser.add_argument(
        "--session",
        metavar="FILE",
        help="the review file (default: ARTICLE.review.json beside a local article)",
    )


def run(args: argparse.Namespace) -> int:
    from workbench.core.errors import WorkbenchError

    raise WorkbenchError("the review app is not built yet; try `workbench claims ARTICLE`")
