"""The detail pane: the selected claim in its paragraph, its dates, signals, note and sources."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from workbench.core.evidence.records import SavedPage
from workbench.core.extraction import Claim
from workbench.core.review.changes import Edit, word_diff
from workbench.core.review.model import ClaimReview, Verdict
from workbench.core.sanitize import visible
from workbench.tui.bindings import DETAIL_BINDINGS
from workbench.tui.rows import CHANGED_MARK
from workbench.tui.widgets.claim_heading import VERDICT_STYLES, claim_number
from workbench.tui.widgets.evidence import EvidenceView
from workbench.tui.widgets.source_line import url_line


def paragraph_content(text: str, claim: Claim) -> Content:
    """The claim's paragraph with the claim itself highlighted.

    Each piece goes through `visible()` on its own, because it may lengthen the text (control
    characters become `\\x9b`), which would move the highlight if done on the whole paragraph.
    """
    paragraph = claim.paragraph
    start = max(paragraph.start, min(claim.start, paragraph.end))
    end = max(start, min(claim.end, paragraph.end))
    return Content.assemble(
        visible(text[paragraph.start : start]),
        (visible(text[start:end]), "bold reverse"),
        visible(text[end : paragraph.end]),
    )


def status_content(claim: Claim, review: ClaimReview) -> Content:
    """Verdict, who and when, score, copies."""
    verdict = review.verdict
    parts: list[Content | tuple[str, str] | str] = [
        (f"claim {claim_number(claim)}  ", "bold"),
        (f"{verdict.symbol} {verdict.label}", VERDICT_STYLES[verdict]),
    ]
    if review.reviewer and verdict is not Verdict.UNREVIEWED:
        when = f" {review.reviewed_at}" if review.reviewed_at else ""
        parts.append(f"  by {visible(review.reviewer, single_line=True)}{when}")
    parts.append(f"  · score {claim.score:.2f}")
    if len(claim.occurrences) > 1:
        parts.append(f" · sentence appears {len(claim.occurrences)}×")
    if claim.paragraph_copies > 1:
        parts.append(f" · paragraph appears {claim.paragraph_copies}×")
    return Content.assemble(*parts)


def changes_content(review: ClaimReview) -> Content:
    """What was judged and what the sentence says now, word by word (empty when unchanged)."""
    if not review.changed_since_verdict or review.verdict_text is None:
        return Content("")
    was: list[tuple[str, str] | str] = [("was  ", "bold")]
    now: list[tuple[str, str] | str] = [("now  ", "bold")]
    for piece in word_diff(review.verdict_text, review.text):
        text = visible(piece.text, single_line=True)
        if piece.edit is Edit.SAME:
            was.append(text)
            now.append(text)
        elif piece.edit is Edit.REMOVED:
            was.append((text, "bold red strike"))
        else:
            now.append((text, "bold green underline"))
    return Content("\n").join(
        [
            Content.styled(
                f"{CHANGED_MARK} Changed since the verdict (give the verdict again to confirm it)",
                "bold yellow",
            ),
            Content.assemble(*was),
            Content.assemble(*now),
        ]
    )


def dates_content(claim: Claim) -> Content:
    """Each date: as written → value (granularity), and its warnings."""
    if not claim.dates:
        return Content.styled("Dates: none", "dim")
    lines: list[Content] = [Content.styled("Dates", "bold")]
    for mention in claim.dates:
        extras = ["relative"] if mention.relative else []
        if mention.approximate:
            extras.append("approximate")
        detail = ", ".join([mention.granularity, *extras])
        lines.append(
            Content.assemble(
                "  “",
                visible(mention.text, single_line=True),
                "” → ",
                (visible(mention.display, single_line=True), "bold"),
                f" ({detail})",
            )
        )
        for warning in mention.warnings:
            lines.append(Content.styled("    ⚠ " + visible(warning, single_line=True), "yellow"))
    return Content("\n").join(lines)


def signals_content(claim: Claim) -> Content:
    """Why the sentence is check-worthy."""
    signals = ", ".join(claim.signals) if claim.signals else "none"
    return Content.assemble(("Signals ", "bold"), visible(signals, single_line=True))


def urls_content(review: ClaimReview, pages: Mapping[str, SavedPage]) -> Content:
    """The attached reference URLs, numbered, each with how its last fetch went."""
    if not review.urls:
        return Content.styled("Sources: none (a attaches a URL)", "dim")
    lines = [Content.styled("Sources (delete removes one)", "bold")]
    lines += [
        Content.assemble(f"  {n}. ", url_line(url, pages.get(url)))
        for n, url in enumerate(review.urls, 1)
    ]
    return Content("\n").join(lines)


def note_parser() -> MarkdownIt:
    """Markdown as GitHub shows comments: a line break in the note is a line break on screen
    (a checker types a note line by line; folding the lines into one paragraph loses that)."""
    parser = MarkdownIt("gfm-like")
    parser.core.ruler.push("hard_breaks", _hard_breaks)
    return parser


def _hard_breaks(state: StateCore) -> None:
    # markdown-it's `breaks` option only changes its HTML renderer; Textual reads the tokens.
    for token in state.tokens:
        for child in token.children or ():
            if child.type == "softbreak":
                child.type = "hardbreak"


class ClaimDetail(VerticalScroll, can_focus=True):
    """Everything about the selected claim; scrolls when it does not fit."""

    BINDINGS: ClassVar[list[BindingType]] = DETAIL_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._note_shown: str | None = None
        self._shown: dict[str, Content] = {}
        self._claim_id: str | None = None
        self._statics: dict[str, Static] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="detail-status")
        yield Static(id="detail-changes")
        yield Static(id="detail-paragraph")
        yield Static(id="detail-dates")
        yield Static(id="detail-signals")
        yield Static(Content.styled("Note", "bold"), id="detail-note-title")
        yield Markdown(id="detail-note", parser_factory=note_parser)
        yield Static(id="detail-urls")
        yield Static(Content.styled("Evidence", "bold"), id="detail-evidence-title")
        yield EvidenceView(id="detail-evidence")

    @property
    def claim_id(self) -> str | None:
        """Id of the claim on show (None: nothing selected)."""
        return self._claim_id

    def show(
        self,
        claim: Claim | None,
        review: ClaimReview | None,
        text: str,
        pages: Mapping[str, SavedPage],
        *,
        pending: Collection[str] = (),
    ) -> None:
        """Show `claim` (None: nothing selected, e.g. the filter hides everything).

        `pending` are URLs being fetched right now (shown as "fetching…").
        """
        if claim is None or review is None:
            self._set("status", Content.styled("No claim selected.", "dim"))
            for name in ("changes", "paragraph", "dates", "signals", "urls", "evidence"):
                self._set(name, Content(""))
            self._show_note("")
            self._claim_id = None
            return
        self._set("status", status_content(claim, review))
        changes = changes_content(review)
        self._set("changes", changes)
        self.query_one("#detail-changes").display = bool(changes.plain)
        self._set("paragraph", paragraph_content(text, claim))
        self._set("dates", dates_content(claim))
        self._set("signals", signals_content(claim))
        self._set("urls", urls_content(review, pages))
        evidence = self.query_one(EvidenceView)
        self._set("evidence", evidence.content_for(claim.id, review.urls, pages, pending=pending))
        self._show_note(review.note)
        if self._claim_id != claim.id:  # a refresh of the same claim keeps the scroll position
            self._claim_id = claim.id
            self.scroll_home(animate=False)
        elif evidence.arrived:  # a fetch began or ended: bring the evidence into view
            self.call_after_refresh(self._scroll_to_evidence)

    def next_passage(self) -> None:
        """Show the claim's next related passage (they wrap around)."""
        content = self.query_one(EvidenceView).step()
        if content is not None:
            self._set("evidence", content)
            self.call_after_refresh(self._scroll_to_evidence)

    def _scroll_to_evidence(self) -> None:
        title = self.query_one("#detail-evidence-title")
        self.scroll_to_widget(title, animate=False, top=True)

    def _set(self, name: str, content: Content) -> None:
        # A relayout of the pane costs more than drawing it: unchanged parts are skipped, and
        # a part that keeps its height (most claims wrap to as many lines as the last) is
        # only redrawn.
        if self._shown.get(name) == content:
            return
        self._shown[name] = content
        static = self._statics.get(name)
        if static is None:
            static = self._statics[name] = self.query_one(f"#detail-{name}", Static)
        width = static.content_region.width
        # Textual measures a Static's content the same way (its styles act as the rules map).
        rules: Any = static.styles
        same_height = width > 0 and content.get_height(rules, width) == static.size.height
        static.update(content, layout=not same_height)

    def _show_note(self, note: str) -> None:
        markdown = self.query_one("#detail-note", Markdown)
        # The note is the checker's own Markdown; control characters are still made visible
        # so a pasted escape sequence cannot reach the terminal.
        shown = visible(note) if note.strip() else "*No note (n writes one).*"
        if shown != self._note_shown:  # re-parsing Markdown on every cursor move is wasted work
            self._note_shown = shown
            markdown.update(shown)

    def action_back_to_list(self) -> None:
        self.screen.query_one("ClaimList").focus()
