"""Argument types shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(value: str) -> dt.date:
    """`--date YYYY-MM-DD`."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def add_article(parser: argparse.ArgumentParser) -> None:
    """The ARTICLE positional every command takes."""
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="a .txt, .md or .html file, - for standard input, or an http(s) URL",
    )


def add_reference_date(parser: argparse.ArgumentParser) -> None:
    """`--date`, the reference date override."""
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the article's reference date (default: its own date, inferred, or today)",
    )
