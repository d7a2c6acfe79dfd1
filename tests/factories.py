"""Hand-built extractions for the report, review and ClaimReview tests.

Building the `Extraction` by hand pins the exact sentences and offsets, whatever the splitter and
the check-worthiness scorer do today, so those tests only move when the code they test does.
Imported as `from factories import build_extraction`, like `conftest` and `hostile_inputs`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from workbench.core.dates import DateMention, ReferenceDate, ReferenceOrigin
from workbench.core.document import Document, SourceKind
from workbench.core.evidence.records import SavedPage
from workbench.core.extraction import Claim, Extraction, claim_id
from workbench.core.spans import Span

TODAY = ReferenceDate(dt.date(2023, 7, 28), ReferenceOrigin.TODAY, "today")
"""A reference date taken from the clock, as when an article has no date of its own."""


def build_extraction(
    texts: Sequence[str],
    *,
    reference: ReferenceDate = TODAY,
    signals: tuple[str, ...] = (),
    dates: Mapping[int, Sequence[DateMention]] | None = None,
    checkworthy: Collection[int] | None = None,
    source: str = "story.txt",
    kind: SourceKind = SourceKind.TEXT,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    sha256: str = "0" * 64,
) -> Extraction:
    """One paragraph and one claim per text, the paragraphs joined by blank lines.

    Claims whose index is in `checkworthy` (all of them when it is None) are listed with a score
    of 0.9, the others unlisted with 0.1; `dates` gives the date mentions of a claim by index.
    The keyword arguments after `checkworthy` are the document's own fields.
    """
    sentences = []
    offset = 0
    for index, sentence in enumerate(texts):
        start, end = offset, offset + len(sentence)
        offset = end + 2
        listed = checkworthy is None or index in checkworthy
        sentences.append(
            Claim(
                id=claim_id(sentence),
                index=index,
                text=sentence,
                start=start,
                end=end,
                occurrences=(Span(start, end),),
                paragraph=Span(start, end),
                paragraph_copies=1,
                score=0.9 if listed else 0.1,
                signals=signals,
                dates=tuple((dates or {}).get(index, ())),
                checkworthy=listed,
            )
        )
    document = Document(
        text="\n\n".join(texts),
        source=source,
        kind=kind,
        title=title,
        published=published,
        url=url,
        sha256=sha256,
    )
    return Extraction(document, reference, tuple(sentences), len(texts), 0)


def saved_page(data: Mapping[str, object], url: str | None = None) -> SavedPage:
    """A review file's `pages` entry, read the way a review file is read."""
    page = SavedPage.from_json(data, url=url or str(data["url"]))
    assert page is not None
    return page
