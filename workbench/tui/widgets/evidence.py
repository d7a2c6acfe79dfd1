"""The evidence section of the detail pane: what each reference page says about the claim.

It shows the page records kept in `Session.pages` (`SavedPage`: the fetch record and each
claim's passages), one block per attached URL, then the claim's related passages over all
its pages (up to three, best first), one at a time: `w` cycles through them. Each finding is a
line that names its words (`differ: number “60 percent” ≠ “65 percent”`); when no page has a
passage about the claim, it says so rather than showing an unrelated one.

Every string in a record came from the network, so it goes through `visible()` and into
`Content` as plain text, never as markup. Agreeing parts of the passage are underlined,
differing ones reversed, so the highlight reads without colour too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual.content import Content
from textual.widgets import Static

from workbench.core.evidence.records import PageMatch, SavedPage
from workbench.core.sanitize import visible

AGREE_STYLE = "bold underline green"
"""Passage words the claim agrees with (underline: the cue without colour)."""
DIFFER_STYLE = "bold reverse red"
"""Passage words the claim states differently (reverse video: the cue without colour)."""


def _text(value: object) -> str:
    return visible(str(value), single_line=True) if value not in (None, "") else ""


NO_RELATED = "no passage on these pages is about this claim"
"""What the pane says when pages were read but none speaks of the claim."""
PASSAGES_SHOWN = 3
"""Related passages a claim shows over all its pages."""


def evidence_content(
    claim_id: str,
    urls: Sequence[str],
    pages: Mapping[str, SavedPage],
    *,
    pending: Collection[str] = (),
    passage: int = 0,
) -> Content:
    """One block per attached URL (title, date, status or error), then passage number
    `passage` (wrapping around) of the claim's related passages, with its findings."""
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
            lines.extend(page_lines(page))
        blocks.append(Content("\n").join(lines))
    read = [page for url in urls if (page := pages.get(url)) is not None and not page.error]
    if read:
        blocks.append(passages_block(related_passages(claim_id, read), passage))
    return Content("\n\n").join(blocks)


def related_passages(claim_id: str, pages: Sequence[SavedPage]) -> list[PageMatch]:
    """The claim's related passages over `pages`, best first, at most `PASSAGES_SHOWN`."""
    found = [
        passage
        for page in pages
        if (match := page.match_for(claim_id)) is not None
        for passage in match.passages
    ]
    found.sort(key=lambda m: -(m.score or 0.0))
    return found[:PASSAGES_SHOWN]


def page_lines(page: SavedPage) -> list[Content]:
    """The lines for one page record: what was fetched, when, or why it failed."""
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
    return lines


def passages_block(passages: Sequence[PageMatch], number: int) -> Content:
    """Passage `number` (wrapping) of `passages` with its findings, or why there is none."""
    if not passages:
        return Content.styled(NO_RELATED, "bold yellow")
    match = passages[number % len(passages)]
    score = f"score {match.score:.0f}" if match.score is not None else "no score"
    heading = f"Passage {number % len(passages) + 1} of {len(passages)} ({score}) · "
    lines = [Content.assemble((heading, "bold"), (_text(match.url), "dim"))]
    if len(passages) > 1:
        lines.append(Content.styled("  w shows the next passage", "dim"))
    lines.append(Content("  ").append(passage_content(match)))
    lines.extend(Content("  ").append(line) for line in finding_lines(match))
    return Content("\n").join(lines)


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


def finding_lines(match: PageMatch) -> list[Content]:
    """One line per finding, saying what it is about: `differ: date “July 27” → ...`."""
    lines: list[Content] = []
    comparison = match.comparison
    for findings, word, style in (
        (comparison.agree, "agree: ", "bold green"),
        (comparison.differ, "differ: ", "bold red"),
        (comparison.compatible, "compatible: ", "bold cyan"),
    ):
        for finding in findings:
            note = finding.note or f"{finding.kind} “{finding.claim_text}”"
            lines.append(Content.assemble((word, style), _text(note)))
    if not lines:
        lines.append(
            Content.styled("nothing to compare (no numbers, dates, quotes or names)", "dim")
        )
    return lines


class EvidenceView(Static):
    """The evidence part of the detail pane; remembers which passage is shown and tells when
    new evidence arrived for the same claim (so the pane can bring it into view)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claim_id: str | None = None
        self._passage = 0
        self._state: tuple[object, ...] | None = None
        self._last: tuple[str, tuple[str, ...], Mapping[str, SavedPage], frozenset[str]] | None = (
            None
        )
        self.arrived = False
        """Whether the last `content_for` saw new evidence (a fetch started or ended) for
        the claim it showed before."""

    def content_for(
        self,
        claim_id: str,
        urls: Sequence[str],
        pages: Mapping[str, SavedPage],
        *,
        pending: Collection[str] = (),
    ) -> Content:
        """The content for `claim_id` (the caller shows it), remembered for `step`."""
        waiting = frozenset(u for u in urls if u in pending)
        state = (
            claim_id,
            waiting,
            tuple((pages[u].record.fetched_at, len(pages[u].matches)) for u in urls if u in pages),
        )
        self.arrived = (
            self._claim_id == claim_id and self._state is not None and state != self._state
        )
        if claim_id != self._claim_id:
            self._passage = 0
        self._claim_id, self._state = claim_id, state
        self._last = (claim_id, tuple(urls), pages, waiting)
        return evidence_content(claim_id, urls, pages, pending=waiting, passage=self._passage)

    def step(self) -> Content | None:
        """The content with the next related passage (None when nothing is shown)."""
        if self._last is None:
            return None
        self._passage += 1
        claim_id, urls, pages, waiting = self._last
        return evidence_content(claim_id, urls, pages, pending=waiting, passage=self._passage)
