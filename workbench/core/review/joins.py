"""Sentences the checker joined into one claim (`m`): applied to an extraction, kept in the review.

The splitter sometimes cuts one claim in two ("The toll rose to 12. On Friday."). A join names
its sentences by id, in order; applying it replaces them with one claim over the article's
text from the first one's start to the last one's end: true offsets, so the review file, the
reports and `claims` point at the article itself. A join whose sentences are gone (the
article was edited) no longer applies; the review follows the joined text as any review does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.extraction import Claim, Extraction, claim_id
from workbench.core.spans import Span

Join = tuple[str, ...]
"""The ids of the joined sentences, in document order (two or more)."""


def joined_claim(text: str, members: Sequence[Claim]) -> Claim:
    """One claim made of consecutive `members` of the document `text`."""
    first, last = members[0], members[-1]
    start, end = first.start, last.end
    signals: list[str] = []
    for member in members:
        signals += [s for s in member.signals if s not in signals]
    joined_text = text[start:end]
    return Claim(
        id=claim_id(joined_text),
        index=first.index,
        text=joined_text,
        start=start,
        end=end,
        occurrences=(Span(start, end),),
        paragraph=Span(first.paragraph.start, max(m.paragraph.end for m in members)),
        paragraph_copies=first.paragraph_copies,
        score=max(m.score for m in members),
        signals=tuple(signals),
        dates=tuple(d for m in members for d in m.dates),
        checkworthy=any(m.checkworthy for m in members),
    )


def apply_joins(extraction: Extraction, joins: Sequence[Join]) -> Extraction:
    """`extraction` with each join's sentences made one claim (joins that no longer fit are
    left out). One pass over the sentences."""
    if not joins:
        return extraction
    sentences = extraction.sentences
    position = {s.id: n for n, s in enumerate(sentences)}
    starts: dict[int, int] = {}
    taken: set[int] = set()
    for join in joins:
        at = [position.get(member, -1) for member in join]
        first = at[0] if at else -1
        consecutive = len(at) >= 2 and first >= 0 and at == list(range(first, first + len(at)))
        if not consecutive or taken.intersection(at):
            continue  # its sentences are gone or moved apart, or another join has them
        starts[first] = len(at)
        taken.update(at)
    if not starts:
        return extraction
    text = extraction.document.text
    merged: list[Claim] = []
    n = 0
    while n < len(sentences):
        count = starts.get(n)
        if count:
            merged.append(joined_claim(text, sentences[n : n + count]))
            n += count
        else:
            merged.append(sentences[n])
            n += 1
    return replace(extraction, sentences=tuple(merged))


def members_of(extraction: Extraction, claim: Claim) -> Join:
    """The sentence ids a (possibly joined) claim is made of, from the unjoined extraction."""
    return tuple(
        s.id for s in extraction.sentences if claim.start <= s.start and s.end <= claim.end
    )
