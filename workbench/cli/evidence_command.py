"""`workbench evidence ARTICLE URL...`: fetch reference pages and show, for each claim, the
passage that best matches it, its score, and what agrees or differs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from workbench.cli.arguments import add_article, add_reference_date
from workbench.core.evidence.find import ClaimEvidence, find_evidence
from workbench.core.extraction import extract
from workbench.core.fetch import PageRecord, fetch_pages_sync
from workbench.core.loading import load_document
from workbench.core.sanitize import escape_json_controls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument(
        "urls", metavar="URL", nargs="+", help="reference pages to fetch (http or https)"
    )
    add_reference_date(parser)
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (table)"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="check every page with its server again instead of using the cache",
    )


def run(args: argparse.Namespace) -> int:
    extraction = extract(load_document(args.article), reference_date=args.date)
    pages = fetch_pages_sync(args.urls, refresh=args.refresh)
    readable = [p for p in pages if p.ok]
    evidence = (
        find_evidence(extraction.claims, readable, reference_date=extraction.reference.value)
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
    """Readable tables; every page and article string goes in as plain, sanitised text."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from workbench.core.sanitize import visible

    def plain(value: str | None) -> Text:
        return Text(visible(value or "", single_line=True))

    console = Console(soft_wrap=False, highlight=False)
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
    if not evidence:
        return
    claim_table = Table(title="Claims and their best passages", expand=True, show_lines=True)
    claim_table.add_column("claim", ratio=3)
    claim_table.add_column("score", justify="right", no_wrap=True)
    claim_table.add_column("best passage", ratio=3)
    claim_table.add_column("agree", ratio=1)
    claim_table.add_column("differ", ratio=1)
    for item in evidence:
        best = item.best
        if best is None:
            claim_table.add_row(plain(item.text), Text("–"), Text("no matching passage"))
            continue
        passage = plain(best.passage)
        passage.append("\n")
        passage.append(Text(visible(best.url, single_line=True), style="dim"))
        claim_table.add_row(
            plain(item.text),
            Text(f"{best.score:.0f}"),
            passage,
            Text(
                "\n".join(visible(f.note, single_line=True) for f in best.comparison.agree),
                style="green",
            ),
            Text(
                "\n".join(visible(f.note, single_line=True) for f in best.comparison.differ),
                style="red",
            ),
        )
    console.print(claim_table)
    console.print(Text("score: similarity of claim and passage, 0–100", style="dim"))
