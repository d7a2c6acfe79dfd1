"""The evidence section of the detail pane: what each reference page says about the claim.

It shows the page records kept in `Session.pages` (URL → record with url, final_url, status,
title, published, fetched_at, sha256, error and `matches` by claim id). Every string in a
record came from the network, so it goes through `visible()` and into `Content` as plain
text, never as markup. Agreeing parts of the passage are underlined, differing ones reversed,
so the highlight reads without colour too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual.content import Content

from workbench.core.evidence.records import PageMatch, SavedPage
from workbench.core.sanitize import visible

AGREE_STYLE = "bold underline green"
"""Passage words the claim agrees with (underline: the cue without colour)."""
DIFFER_STYLE = "bold reverse red"
"""Passage words the claim states differently (reverse video: the cue without colour)."""


def _text(value: object) -> str:
    return visible(str(value), single_line=True) if value not in (None, "") else ""


def evidence_content(
    claim_id: str,
    urls: Sequence[str],
    pages: Mapping[str, SavedPage],
    *,
    pending: Collection[str] = (),
) -> Content:
    """One block per attached URL: title, date, status or error, then the best passage."""
    if not urls:
        return Content.styled("No reference URLs yet (a attaches one).", "dim")
    blocks: list[Content] = []
    for url in urls:
        page = pages.get(url)
        lines = [Content.styled(_text(url), "bold")]
        if url in pending:
            lines.append(Content.styled("  fetching…", "italic"))
        if page is None:
            if url not in pending:
                lines.append(Content.styled("  not fetched yet (f fetches)", "dim"))
        else:
            lines.extend(page_lines(claim_id, page))
        blocks.append(Content("\n").join(lines))
    return Content("\n\n").join(blocks)


def page_lines(claim_id: str, page: SavedPage) -> list[Content]:
    """The lines for one page record: facts, then the claim's passage and its legend."""
    record = page.record
    fetched = _text(record.fetched_at)
    if record.error:
        reason = "  ✗ could not be read: " + _text(record.error)
        when = f" (tried {fetched})" if fetched else ""
        return [Content.styled(reason + when, "bold red")]
    facts = [
        _text(record.title) or "(no title)",
        f"published {record.published.isoformat()}" if record.published else "",
        f"HTTP {record.status}" if record.status else "",
        f"fetched {fetched}" if fetched else "",
    ]
    lines = [Content("  " + " · ".join(f for f in facts if f))]
    if record.final_url and record.final_url != record.url:
        lines.append(Content.styled("  → " + _text(record.final_url), "dim"))
    match = page.match_for(claim_id)
    if match is None:
        lines.append(Content.styled("  no passage matched this claim", "dim"))
        return lines
    score = match.score
    lines.append(
        Content(f"  best passage (score {score:.0f}):" if score is not None else "  passage:")
    )
    lines.append(Content("  ").append(passage_content(match)))
    legend = legend_content(match)
    if legend is not None:
        lines.append(Content("  ").append(legend))
    return lines


def passage_content(match: PageMatch) -> Content:
    """The passage with agreeing and differing parts highlighted by their offsets.

    Each piece goes through `visible()` on its own (it may lengthen the text), so the
    highlights stay on the right words.
    """
    passage = match.passage
    spans: list[tuple[int, int, str]] = []
    for findings, style in (
        (match.comparison.differ, DIFFER_STYLE),
        (match.comparison.agree, AGREE_STYLE),
    ):
        for item in findings:
            start, end = item.passage_start, item.passage_end
            if start is not None and end is not None and 0 <= start < end <= len(passage):
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


def legend_content(match: PageMatch) -> Content | None:
    """`agree: 42 million, Ana Ruiz · differ: 105 ≠ 115` (None when nothing was compared)."""
    agree = [_text(i.claim_text) for i in match.comparison.agree]
    differ = [_text(i.note) for i in match.comparison.differ]
    parts: list[Content] = []
    if agree:
        parts.append(Content.assemble(("agree: ", "bold green"), ", ".join(agree)))
    if differ:
        parts.append(Content.assemble(("differ: ", "bold red"), ", ".join(differ)))
    return Content(" · ").join(parts) if parts else None
