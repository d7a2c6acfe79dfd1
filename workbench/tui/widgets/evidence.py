"""The evidence section of the detail pane: what each reference page says about the claim.

It shows the page records the evidence module stores in `Session.pages` (URL → record with
url, final_url, status, title, published, fetched_at, sha256, error and `matches` by claim id).
Every string in a record came from the network, so it is shown through `visible()` as plain
content, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.content import Content
from textual.widgets import Static

from workbench.core.sanitize import visible


def _text(value: Any) -> str:
    return visible(str(value), single_line=True) if value not in (None, "") else ""


def evidence_content(
    claim_id: str, urls: Sequence[str], pages: Mapping[str, Mapping[str, Any]]
) -> Content:
    """One block per attached URL: the page's title and status, then its best passage."""
    if not urls:
        return Content.styled("No reference URLs yet (a attaches one).", "dim")
    blocks: list[Content] = []
    for url in urls:
        record = pages.get(url)
        lines = [Content.styled(_text(url), "bold")]
        if record is None:
            lines.append(Content.styled("  not fetched yet (f fetches)", "dim"))
        else:
            lines.extend(_page_lines(claim_id, record))
        blocks.append(Content("\n").join(lines))
    return Content("\n\n").join(blocks)


def _page_lines(claim_id: str, record: Mapping[str, Any]) -> list[Content]:
    lines: list[Content] = []
    if record.get("error"):
        lines.append(Content.styled("  could not be read: " + _text(record["error"]), "red"))
        return lines
    facts = [
        _text(record.get("title")) or "(no title)",
        f"HTTP {_text(record.get('status'))}" if record.get("status") else "",
        f"published {_text(record.get('published'))}" if record.get("published") else "",
        f"fetched {_text(record.get('fetched_at'))}" if record.get("fetched_at") else "",
    ]
    lines.append(Content("  " + " · ".join(f for f in facts if f)))
    final_url = record.get("final_url")
    if final_url and final_url != record.get("url"):
        lines.append(Content.styled("  → " + _text(final_url), "dim"))
    matches = record.get("matches")
    match = matches.get(claim_id) if isinstance(matches, Mapping) else None
    if not isinstance(match, Mapping):
        lines.append(Content.styled("  no passage matched this claim", "dim"))
        return lines
    score = match.get("score")
    label = f"  best passage (score {score:.2f}):" if isinstance(score, float) else "  passage:"
    lines.append(Content(label))
    lines.append(Content.styled("  " + visible(str(match.get("passage", ""))), "italic"))
    for key, style in (("agree", "green"), ("differ", "red")):
        items = match.get(key)
        if isinstance(items, list) and items:
            words = ", ".join(
                f"{_text(i.get('kind'))}: {_text(i.get('text'))}"
                for i in items
                if isinstance(i, Mapping)
            )
            lines.append(Content.styled(f"  {key}s: {words}", style))
    return lines


class EvidencePanel(Static):
    """Evidence for the selected claim, per attached URL."""

    def show(self, claim_id: str, urls: Sequence[str], pages: Mapping[str, Any]) -> None:
        """Show the evidence of `claim_id` from the stored page records."""
        self.update(evidence_content(claim_id, urls, pages))
