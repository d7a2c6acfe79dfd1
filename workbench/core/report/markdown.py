"""The Markdown report: for people, pasted into a ticket, a CMS or a pull request.

GitHub-flavoured Markdown: a header (title, source, reference date and its origin, reviewers,
generated time), a summary of counts per status, a table of every listed claim, a section per
claim with a verdict, note or source (disputed first), and the orphaned reviews. Article and
page text goes through `escape.inline`/`escape.cell`; notes through `escape.note_markdown` and
into a blockquote. The notes are also parsed together: if a link definition in one note makes
an unsafe link in another, every note is rendered as plain text instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from workbench.core.dates import DateMention
from workbench.core.evidence.records import Finding, SavedPage
from workbench.core.extraction import Extraction
from workbench.core.library.model import Match
from workbench.core.report import escape
from workbench.core.report.checked_before import checked_before_block, checked_before_section
from workbench.core.report.common import (
    SECTION_ORDER,
    Report,
    ReportEntry,
    build_report,
    format_time,
)
from workbench.core.review.model import ClaimReview, Session, Verdict


def render_markdown(
    extraction: Extraction,
    session: Session | None,
    *,
    generated_at: str | None = None,
    reviewer: str | None = None,
    checked_before: Mapping[str, Sequence[Match]] | None = None,
) -> str:
    """The whole report as Markdown text (ends with a newline).

    `session` is attached to `extraction` (the workspace's, or `reattached(...)` of a loaded
    file); None means no review was saved yet. `generated_at` (ISO 8601) defaults to now.
    `checked_before` gives claims (by id) their matches in the fact-check library.
    """
    report = build_report(extraction, session, generated_at=generated_at, reviewer=reviewer)
    return markdown_of(report, checked_before=checked_before)


def markdown_of(
    report: Report, *, checked_before: Mapping[str, Sequence[Match]] | None = None
) -> str:
    """Render an already merged report."""
    return _document(
        report,
        plain_notes=not _notes_are_safe_together(report),
        checked_before=checked_before or {},
    )


def _notes_are_safe_together(report: Report) -> bool:
    """Whether the notes, side by side, still hold no HTML or unsafe link.

    Each note is made safe on its own, but a link definition in one note applies to the whole
    document (`[ref]: javascript:...` here, `[ref]` there). Everything else in the report is
    escaped text that cannot use a definition, so parsing the notes together is enough (and
    far cheaper than parsing a 10,000-row report).
    """
    reviews = [e.review for e in report.entries if e.review] + list(report.orphaned)
    notes = [escape.blockquote(escape.note_markdown(r.note)) for r in reviews if r.note.strip()]
    return len(notes) < 2 or escape.is_safe("\n\n".join(notes))


def _document(
    report: Report, *, plain_notes: bool, checked_before: Mapping[str, Sequence[Match]]
) -> str:
    blocks: list[str] = [
        _header(report),
        _summary(report),
        _table(report),
    ]
    detailed = report.detailed
    if detailed:
        blocks.append("## Reviewed claims")
        for entry in detailed:
            section = _claim_section(report, entry, plain_notes=plain_notes)
            found = checked_before.get(entry.claim.id)
            if found:
                # Under the claim it concerns, where the reader weighs the verdict.
                section += "\n\n" + checked_before_block(found)
            blocks.append(section)
    # Claims without a section of their own (not reviewed yet) get theirs in one list.
    in_sections = {entry.claim.id for entry in detailed}
    library_section = checked_before_section(
        [e for e in report.entries if e.claim.id not in in_sections], checked_before
    )
    if library_section:
        blocks.append(library_section)
    if report.orphaned:
        blocks.append(
            "## Orphaned reviews\n\n"
            "These reviews were made on sentences that are no longer in the article (it was "
            "edited since). They are kept so that no work is lost."
        )
        for number, review in enumerate(report.orphaned, start=1):
            blocks.append(_orphan_section(report, number, review, plain_notes=plain_notes))
    return "\n\n".join(b.rstrip("\n") for b in blocks) + "\n"


# -- header and summary --------------------------------------------------------------------


def _header(report: Report) -> str:
    document = report.document
    reference = report.extraction.reference
    lines = [f"# Fact-check report: {escape.inline(report.title)}", ""]
    if report.article_url:
        lines.append(f"- **Source:** {escape.link(report.article_url, report.article_url)}")
        if document.source != report.article_url:
            lines.append(f"- **Opened from:** {escape.inline(_source_name(document.source))}")
    else:
        lines.append(f"- **Source:** {escape.inline(_source_name(document.source))}")
    if document.published:
        lines.append(f"- **Published:** {document.published.isoformat()}")
    lines.append(
        f"- **Reference date:** {reference.value.isoformat()} "
        f"({escape.inline(reference.description)})"
    )
    reviewers = ", ".join(escape.inline(name) for name in report.reviewers) or "none yet"
    lines.append(f"- **Reviewed by:** {reviewers}")
    lines.append(f"- **Generated:** {escape.inline(_time(report.generated_at))}")
    if report.session is None:
        lines.append("")
        lines.append("No review has been saved for this article yet: every claim is unreviewed.")
    return "\n".join(lines)


def _summary(report: Report) -> str:
    counts = report.counts
    total = len(report.entries)
    lines = [
        "## Summary",
        "",
        f"{report.reviewed} of {total} claims reviewed"
        + (f"; {len(report.orphaned)} orphaned reviews" if report.orphaned else "")
        + ".",
        "",
        "| status | claims |",
        "| --- | ---: |",
    ]
    for verdict in SECTION_ORDER:
        lines.append(f"| {_status(verdict)} | {counts[verdict]} |")
    if report.orphaned:
        lines.append(f"| orphaned reviews | {len(report.orphaned)} |")
    lines.append(f"| **total** | {total} |")
    return "\n".join(lines)


# -- the claim table -------------------------------------------------------------------------


def _table(report: Report) -> str:
    if not report.entries:
        return "## Claims\n\nNo check-worthy claims were found in the article."
    lines = [
        "## Claims",
        "",
        "| # | status | dates | claim | sources |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for entry in report.entries:
        urls = entry.review.urls if entry.review else ()
        sources = ", ".join(
            escape.link(_host(url), url) + (" ✗ failed" if _failed(report, url) else "")
            for url in urls
        )
        lines.append(
            "| "
            + " | ".join(
                (
                    str(entry.number),
                    _status(entry.verdict),
                    escape.cell(", ".join(_date_values(entry.claim.dates))),
                    escape.cell(entry.claim.text),
                    sources or " ",
                )
            )
            + " |"
        )
    return "\n".join(lines)


def _failed(report: Report, url: str) -> bool:
    """Whether the last fetch of `url` failed (404, refused, timed out...)."""
    page = report.page(url)
    return page is not None and bool(page.error)


def _date_values(dates: Iterable[DateMention]) -> list[str]:
    values = []
    for mention in dates:
        if mention.value is None or mention.granularity == "duration":
            continue
        values.append(mention.display + (" ⚠" if mention.warnings else ""))
    return values


# -- sections ----------------------------------------------------------------------------------


def _claim_section(report: Report, entry: ReportEntry, *, plain_notes: bool) -> str:
    claim = entry.claim
    heading = f"### {_title(entry.verdict)} · claim {entry.number}"
    facts: list[str] = []
    for mention in claim.dates:
        facts.append(f"- **Date:** {_date_fact(mention)}")
    warnings = [w for m in claim.dates for w in m.warnings]
    for warning in warnings:
        facts.append(f"- **Warning:** ⚠ {escape.inline(warning)}")
    if len(claim.occurrences) > 1:
        facts.append(f"- **Appears:** {len(claim.occurrences)}× in the article (folded)")
    review = entry.review
    assert review is not None  # only entries with detail get a section
    if review.changed_since_verdict and review.verdict_text is not None:
        # The sentence judged is not the one the article says now: keep it in view.
        facts.append(f"- **Changed since the verdict:** was “{escape.inline(review.verdict_text)}”")
    return _review_body(report, heading, claim.text, review, facts, plain_notes=plain_notes)


def _orphan_section(report: Report, number: int, review: ClaimReview, *, plain_notes: bool) -> str:
    heading = f"### {_title(review.verdict)} · orphaned review {number}"
    facts = ["- **Sentence:** no longer in the article"]
    return _review_body(report, heading, review.text, review, facts, plain_notes=plain_notes)


def _review_body(
    report: Report,
    heading: str,
    text: str,
    review: ClaimReview,
    facts: list[str],
    *,
    plain_notes: bool,
) -> str:
    parts = [heading, "> " + (escape.inline(text) or "(empty)")]
    facts = [*facts, f"- **Verdict:** {_verdict_fact(review)}"]
    if review.updated_at and review.updated_at != review.reviewed_at:
        facts.append(f"- **Last changed:** {escape.inline(_time(review.updated_at))}")
    parts.append("\n".join(facts))
    if review.note.strip():
        if plain_notes:
            note = "\n".join(escape.inline(line) for line in review.note.splitlines())
        else:
            note = escape.note_markdown(review.note)
        parts.append("**Note**\n\n" + escape.blockquote(note))
    if review.urls:
        claim_id = review.claim_id
        sources = [_source(url, report.page(url), claim_id) for url in review.urls]
        if _unrelated_everywhere(report, review.urls, claim_id):
            sources.append("- no passage on these pages is about this claim")
        parts.append("**Sources**\n\n" + "\n".join(sources))
    return "\n\n".join(parts)


def _verdict_fact(review: ClaimReview) -> str:
    text = _status(review.verdict)
    if review.verdict is Verdict.UNREVIEWED:
        return text + " (a note or source, no verdict yet)"
    who = escape.inline(review.reviewer) if review.reviewer else "unknown reviewer"
    when = f", {escape.inline(_time(review.reviewed_at))}" if review.reviewed_at else ""
    return f"{text}, by {who}{when}"


def _date_fact(mention: DateMention) -> str:
    written = escape.inline(mention.text)
    if mention.value is None:
        return f"“{written}” (not resolved)"
    if mention.granularity == "duration":
        return f"“{written}” (a duration: {escape.inline(mention.value)})"
    flags = [escape.inline(mention.granularity)]
    if mention.relative:
        flags.append("relative")
    if mention.approximate:
        flags.append("approximate")
    return f"“{written}” → {escape.inline(mention.display)} ({', '.join(flags)})"


def _source(url: str, page: SavedPage | None, claim_id: str) -> str:
    """One bullet per reference page, with whatever the evidence module recorded."""
    record = page.record if page is not None else None
    title = record.title if record is not None and record.title else ""
    lines = [f"- {escape.link(title or url, url)}"]
    if page is None or record is None:
        lines.append("  - not fetched yet")
        return "\n".join(lines)
    if title:
        lines.append(f"  - URL: {escape.inline(url)}")
    if record.final_url and record.final_url != url:
        lines.append(f"  - redirected to: {escape.inline(record.final_url)}")
    audit = []
    if record.status is not None:
        audit.append(f"HTTP {escape.inline(str(record.status))}")
    if record.published:
        audit.append(f"published {escape.inline(record.published.isoformat())}")
    if record.fetched_at:
        audit.append(f"fetched {escape.inline(_time(record.fetched_at))}")
    if record.sha256:
        audit.append(f"sha256 {escape.code(record.sha256[:12])}")
    if audit:
        lines.append("  - " + ", ".join(audit))
    if record.error:
        lines.append(f"  - **could not be read:** {escape.inline(record.error)}")
    match = page.match_for(claim_id)
    if match is not None and not match.related:
        lines.append("  - no passage on this page is about this claim")
    elif match is not None:
        for number, passage in enumerate(match.passages, start=1):
            if passage.passage:
                scored = _score(passage.score)
                label = "best passage" if number == 1 else f"passage {number}"
                lines.append(f"  - {label}{scored}: “{escape.inline(passage.passage)}”")
            comparison = passage.comparison
            for items, word in (
                (comparison.agree, "agrees"),
                (comparison.differ, "differs"),
                (comparison.compatible, "compatible"),
            ):
                if items:
                    shown = "; ".join(_alignment_item(item) for item in items)
                    lines.append(f"  - {word}: {shown}")
    return "\n".join(lines)


def _unrelated_everywhere(report: Report, urls: Sequence[str], claim_id: str) -> bool:
    """Whether pages were read for the claim and none has a passage about it."""
    read = [page for url in urls if (page := report.page(url)) is not None and page.error is None]
    return bool(read) and all(
        (match := page.match_for(claim_id)) is None or not match.related for page in read
    )


def _alignment_item(item: Finding) -> str:
    """One agree/differ finding: `number “105” (105 ≠ 106)`."""
    kind = escape.inline(item.kind or "item")
    claim_value, page_value, note = item.claim_text, item.passage_text, item.note
    shown = claim_value or page_value or ""
    if note.startswith(f"{item.kind} "):  # the note names its words: `date “July 27” → ...`
        return escape.inline(note)
    if note:
        return f"{kind} “{escape.inline(shown)}” ({escape.inline(note)})"
    if claim_value and page_value and claim_value != page_value:
        return (
            f"{kind} “{escape.inline(claim_value)}” in the claim, "
            f"“{escape.inline(page_value)}” on the page"
        )
    return f"{kind} “{escape.inline(shown)}”"


def _score(value: Any) -> str:
    """The evidence score as recorded: 0–100 (rapidfuzz) or 0–1."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return f" (score {value:.0f}/100)" if value > 1 else f" (score {value:.2f})"


# -- small helpers -----------------------------------------------------------------------------


def _status(verdict: Verdict) -> str:
    return f"{verdict.symbol} {verdict.label}"


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _title(verdict: Verdict) -> str:
    return f"{verdict.symbol} {verdict.label.capitalize()}"


def _time(value: str | None) -> str:
    return format_time(value)


def _source_name(source: str) -> str:
    return "standard input" if source == "-" else source
