"""The evidence section of the detail pane: what each reference page says about the claim.

It shows the page records kept in `Session.pages` (URL → record with url, final_url, status,
title, published, fetched_at, sha256, error and `matches` by claim id). Every string in a
record came from the network, so it goes through `visible()` and into `Content` as plain
text, never as markup. Agreeing parts of the passage are underlined, differing ones reversed,
so the highlight reads without colour too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from textual.content import Content

from workbench.core.sanitize import visible

AGREE_STYLE = "bold underline green"
"""Passage words the claim agrees with (underline: the cue without colour)."""
DIFFER_STYLE = "bold reverse red"
"""Passage words the claim states differently (reverse video: the cue without colour)."""


def _text(value: Any) -> str:
    return visible(str(value), single_line=True) if value not in (None, "") else ""


def evidence_content(
    claim_id: str,
    urls: Sequence[str],
    pages: Mapping[str, Mapping[str, Any]],
    *,
    pending: Collection[str] = (),
) -> Content:
    """One block per attached URL: title, date, status or error, then the best passage."""
    if not urls:
        return Content.styled("No reference URLs yet (a attaches one).", "dim")
    blocks: list[Content] = []
    for url in urls:
        record = pages.get(url)
        lines = [Content.styled(_text(url), "bold")]
        if url in pending:
            lines.append(Content.styled("  fetching…", "italic"))
        if record is None:
            if url not in pending:
                lines.append(Content.styled("  not fetched yet (f fetches)", "dim"))
        else:
            lines.extend(page_lines(claim_id, record))
        blocks.append(Content("\n").join(lines))
    return Content("\n\n").join(blocks)


def page_lines(claim_id: str, record: Mapping[str, Any]) -> list[Content]:
    """The lines for one page record: facts, then the claim's passage and its legend."""
    fetched = _text(record.get("fetched_at"))
    if record.get("error"):
        reason = "  ✗ could not be read: " + _text(record["error"])
        when = f" (tried {fetched})" if fetched else ""
        return [Content.styled(reason + when, "bold red")]
    facts = [
        _text(record.get("title")) or "(no title)",
        f"published {_text(record.get('published'))}" if record.get("published") else "",
        f"HTTP {_text(record.get('status'))}" if record.get("status") else "",
        f"fetched {fetched}" if fetched else "",
    ]
    lines = [Content("  " + " · ".join(f for f in facts if f))]
    final_url = record.get("final_url")
    if final_url and final_url != record.get("url"):
        lines.append(Content.styled("  → " + _text(final_url), "dim"))
    matches = record.get("matches")
    match = matches.get(claim_id) if isinstance(matches, Mapping) else None
    if not isinstance(match, Mapping):
        lines.append(Content.styled("  no passage matched this claim", "dim"))
        return lines
    score = match.get("score")
    scored = isinstance(score, int | float)
    lines.append(Content(f"  best passage (score {score:.0f}):" if scored else "  passage:"))
    lines.append(Content("  ").append(passage_content(match)))
    legend = legend_content(match)
    if legend is not None:
        lines.append(Content("  ").append(legend))
    return lines


def _findings(match: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = match.get(key)
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def passage_content(match: Mapping[str, Any]) -> Content:
    """The passage with agreeing and differing parts highlighted by their offsets.

    Each piece goes through `visible()` on its own (it may lengthen the text), so the
    highlights stay on the right words.
    """
    passage = str(match.get("passage", ""))
    spans: list[tuple[int, int, str]] = []
    for key, style in (("differ", DIFFER_STYLE), ("agree", AGREE_STYLE)):
        for item in _findings(match, key):
            start, end = item.get("passage_start"), item.get("passage_end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(passage):
                spans.append((start, end, style))
    spans.sort()
    pieces: list[tuple[str, str] | str] = []
    at = 0
    for start, end, style in spans:
        if start < at:
            continue  # overlaps an earlier highlight (a name inside a quotation): keep one
        pieces.append(visible(passage[at:start]))
        pieces.append((visible(passage[start:end]), style))
        at = end
    pieces.append(visible(passage[at:]))
    return Content.assemble(*pieces)


def legend_content(match: Mapping[str, Any]) -> Content | None:
    """`agree: 42 million, Ana Ruiz · differ: 105 ≠ 115` (None when nothing was compared)."""
    agree = [_text(i.get("claim")) for i in _findings(match, "agree")]
    differ = [_text(i.get("note")) for i in _findings(match, "differ")]
    parts: list[Content] = []
    if agree:
        parts.append(Content.assemble(("agree: ", "bold green"), ", ".join(agree)))
    if differ:
        parts.append(Content.assemble(("differ: ", "bold red"), ", ".join(differ)))
    return Content(" · ").join(parts) if parts else None
