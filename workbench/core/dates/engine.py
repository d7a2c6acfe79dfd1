"""Finding and resolving the dates of a document: the entry points of the date engine.

`find_dates` scans each sentence for candidate expressions (`scan`), resolves each with the
resolver of its shape (`shapes`) against the reference date, and hands back the mentions per
sentence. `resolve_reference_date` lives in `reference`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.dates.context import Context
from workbench.core.dates.model import DateMention, ReferenceDate
from workbench.core.dates.reference import resolve_reference_date
from workbench.core.dates.scan import candidates, scan_spans
from workbench.core.dates.shapes import resolver, shape_match
from workbench.core.spans import Span

__all__ = ["find_dates", "find_dates_in", "resolve_reference_date"]


def _is_anchor(mention: DateMention) -> bool:
    """Whether "two days later" after this mention counts from it: a named calendar day."""
    return (
        mention.value is not None
        and mention.granularity == "day"
        and "anchor" not in mention.extra
        and not mention.text.casefold().endswith(("ago", "later", "earlier", "before", "after"))
    )


def find_dates(
    text: str, spans: Sequence[Span], reference: ReferenceDate
) -> list[list[DateMention]]:
    """The date mentions inside each span (one list per span, in text order).

    Offsets are into `text`. Spans are read in document order so that "two years later" can
    lean on the last explicit date before it.
    """
    starts = [s.start for s in spans]
    order = sorted(range(len(spans)), key=starts.__getitem__)  # a C-level key
    scanned = scan_spans(text, [(s.start, s.end) for s in spans])
    found: list[list[DateMention]] = [[] for _ in spans]
    anchor: DateMention | None = None
    for index in order:
        span = spans[index]
        mentions = _resolve_all(text, span, scanned[index], reference, anchor)
        for mention in mentions:
            if _is_anchor(mention):
                anchor = mention
        found[index] = mentions
    return found


def find_dates_in(
    text: str,
    start: int,
    end: int,
    reference: ReferenceDate,
    *,
    anchor: DateMention | None = None,
) -> list[DateMention]:
    """The date mentions in `text[start:end]`, one sentence (offsets into `text`)."""
    matches = list(candidates(text, start, end))
    return _resolve_all(text, Span(start, end), matches, reference, anchor)


def _resolve_all(
    text: str,
    span: Span,
    matches: list[re.Match[str]],
    reference: ReferenceDate,
    anchor: DateMention | None,
) -> list[DateMention]:
    if not matches:  # most sentences: no context to build
        return []
    context = Context(
        text=text,
        sentence_start=span.start,
        sentence_end=span.end,
        reference=reference.value,
        anchor=anchor,
    )
    mentions: list[DateMention] = []
    for match in matches:
        found = shape_match(match)
        if found is None:
            continue
        for mention in resolver(found.shape)(found, context):
            mentions.append(mention)
            if _is_anchor(mention):
                context.anchor = mention
            elif _is_year_anchor(mention):
                context.year_anchor = mention
    return mentions


def _is_year_anchor(mention: DateMention) -> bool:
    """Whether "two years later" later in the sentence counts from this mention: a year told
    as such ("in 1911"), not a relative one ("last year")."""
    return (
        mention.value is not None
        and mention.granularity == "year"
        and not mention.relative
        and "anchor" not in mention.extra
    )
