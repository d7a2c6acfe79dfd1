"""`workbench evidence ARTICLE URL...`: fetch reference pages and show, for each claim, the
passages that are about it (up to three), their scores, and what agrees or differs.

The table is one block per claim, so it reads at 80 columns: every finding names its words
(`differ: date “July 27” → 2023-07-27 vs “July 26” → 2023-07-26`); a claim no passage is about
says so instead of listing differences against an unrelated passage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workbench.cli.arguments import add_article, add_reference_date
from workbench.core.evidence.find import ClaimEvidence, find_evidence
from workbench.core.extraction import extract
from workbench.core.fetch.client import fetch_pages_sync
from workbench.core.fetch.page import PageRecord
from workbench.core.loading import load_document
from workbench.core.sanitize import escape_json_controls

if TYPE_CHECKING:
    from rich.console import Group
    from rich.text import Text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument(
        "urls", metavar="URL", nargs="+", help="reference pages to fetch (http or https)"
    )
    add_reference_date(parser)
    parser.add_argument(
        "--all", action="store_true", help="take every sentence, not only the check-worthy ones"
    )
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="check every page with its server again instead of using the cache",
    )


def run(args: argparse.Namespace) -> int:
    document = load_document(args.article)
    extraction = extract(document, reference_date=args.date, second_core=True)
    pages = fetch_pages_sync(args.urls, refresh=args.refresh)
    readable = [p for p in pages if p.ok]
    claims = extraction.sentences if args.all else extraction.claims
    evidence = (
        find_evidence(claims, readable, reference_date=extraction.reference.value)
        if readable
        else []
    )
    if args.format == "json":
        text = json.dumps(to_json(pages, evidence), ensure_ascii=False, indent=2)
        sys.stdout.write(escape_json_controls(text))
        sys.stdout.write("\n")
    else:
        print_tables(pages, evidence)
    if not readable:
        count = len(pages)
        first = pages[0]
        what = "the page" if count == 1 else f"any of the {count} pages"
        print(
            f"workbench: could not read {what} ({first.url}: {first.error})",
            file=sys.stderr,
        )
        return 1
    return 0


def to_json(pages: Sequence[PageRecord], evidence: Sequence[ClaimEvidence]) -> dict[str, object]:
    """The JSON document of PRODUCT.md."""
    return {
        "pages": [p.to_json() for p in pages],
        "claims": [e.to_json() for e in evidence],
    }


def print_tables(pages: Sequence[PageRecord], evidence: Sequence[ClaimEvidence]) -> None:
    """The pages, then one block per claim; every page and article string goes in as plain,
    sanitised text."""
    from rich.table import Table
    from rich.text import Text

    from workbench.cli.command_console import CommandConsole
    from workbench.core.sanitize import visible

    def plain(value: str | None) -> Text:
        return Text(visible(value or "", single_line=True))

    console = CommandConsole(soft_wrap=False, highlight=False)
    page_table = Table(title="Reference pages", expand=True, show_lines=True)
    page_table.add_column("page", ratio=3, overflow="fold")
    page_table.add_column("status", ratio=2, overflow="fold")
    for page in pages:
        cell = plain(page.url)
        if page.title:
            cell.append("\n")
            cell.append(Text(visible(page.title, single_line=True), style="bold"))
        details = [f"fetched {page.fetched_at}"]
        if page.published:
            details.insert(0, f"published {page.published.isoformat()}")
        if page.sha256:
            details.append(f"sha256 {page.sha256[:12]}")
        cell.append("\n" + " · ".join(details), style="dim")
        if page.error:
            status = Text(visible(page.error, single_line=True), style="red")
        else:
            status = Text(f"{page.status}" + (" (cached)" if page.from_cache else ""))
        page_table.add_row(cell, status)
    console.print(page_table)
    for item in evidence:
        console.print()
        console.print(claim_block(item, plain))
    if evidence:
        console.print()
        console.print(
            Text(
                "score: how closely a passage matches its claim, 0–100; only passages about "
                "the claim are compared",
                style="dim",
            )
        )


def claim_block(item: ClaimEvidence, plain: Callable[[str | None], Text]) -> Group:
    """One claim: its text, then each related passage with its findings, one a line; wrapped
    lines keep their indent, so the block reads at 80 columns."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    def indented(text: Text, level: int) -> Padding:
        return Padding(text, (0, 0, 0, 2 * level), expand=False)

    heading = Text.assemble(("Claim ", "bold"), (item.claim_id, "bold"), ": ")
    heading.append_text(plain(item.text))
    parts: list[Padding | Text] = [heading]
    if not item.matches:
        parts.append(indented(Text("no passage on these pages is about this claim", "yellow"), 1))
        if item.nearest is not None:
            nearest = Text(f"(nearest, score {item.nearest.score or 0:.0f}, not compared: ", "dim")
            nearest.append_text(plain(item.nearest.passage))
            nearest.append(")", "dim")
            parts.append(indented(nearest, 1))
        return Group(*parts)
    for number, match in enumerate(item.matches, start=1):
        label = "best passage" if number == 1 else f"passage {number}"
        line = Text(f"{label} (score {match.score or 0:.0f}) ", style="bold")
        line.append_text(plain(match.url))
        parts.append(indented(line, 1))
        passage = Text("“")
        passage.append_text(plain(match.passage))
        passage.append("”")
        parts.append(indented(passage, 1))
        comparison = match.comparison
        for findings, word, style in (
            (comparison.agree, "agree", "green"),
            (comparison.differ, "differ", "red"),
            (comparison.compatible, "compatible", "cyan"),
        ):
            for finding in findings:
                finding_line = Text(f"{word}: ", style=f"bold {style}")
                finding_line.append_text(plain(finding.note))
                parts.append(indented(finding_line, 2))
        if comparison.empty:
            empty = Text("nothing to compare (no numbers, dates, quotations or names)", "dim")
            parts.append(indented(empty, 2))
    return Group(*parts)
