"""The review records: a verdict per claim, with its note and reference URLs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from workbench.core.evidence.records import SavedPage

SESSION_VERSION = 2
"""The review file format version this code writes (it reads every version up to it).

1: the first format. 2 adds, per review, `verdict_text` (the sentence as it read when the
verdict was given) and `listed` (the checker listed a sentence the extractor did not), and
per file `joins` (sentences joined into one claim).
A version-1 review reads as if its verdict was given on the text it was last saved with.
"""


class Verdict(StrEnum):
    """What the checker concluded about a claim."""

    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    INCONCLUSIVE = "inconclusive"
    NOT_A_CLAIM = "not_a_claim"

    @property
    def label(self) -> str:
        """The verdict in words."""
        return _LABELS[self]

    @property
    def symbol(self) -> str:
        """A mark that tells verdicts apart without colour."""
        return _SYMBOLS[self]


_LABELS = {
    Verdict.UNREVIEWED: "unreviewed",
    Verdict.VERIFIED: "verified",
    Verdict.DISPUTED: "disputed",
    Verdict.INCONCLUSIVE: "inconclusive",
    Verdict.NOT_A_CLAIM: "not a claim",
}
_SYMBOLS = {
    Verdict.UNREVIEWED: "·",
    Verdict.VERIFIED: "✓",
    Verdict.DISPUTED: "✗",
    Verdict.INCONCLUSIVE: "?",
    Verdict.NOT_A_CLAIM: "–",
}


@dataclass(frozen=True)
class ClaimReview:
    """The checker's work on one claim."""

    claim_id: str
    """The claim's id when it was last saved (ids come from the sentence's words)."""
    text: str
    """The claim's text when it was last saved, so the review can follow its sentence."""
    start: int = 0
    """Offset of the claim in the article when last saved (a hint for re-attachment)."""
    end: int = 0
    """End offset of the claim when last saved."""
    verdict: Verdict = Verdict.UNREVIEWED
    """The verdict."""
    note: str = ""
    """The checker's note (Markdown)."""
    urls: tuple[str, ...] = ()
    """Reference pages attached to the claim, in the order attached."""
    reviewer: str | None = None
    """Who set the verdict."""
    reviewed_at: str | None = None
    """When the verdict was set (ISO 8601, UTC)."""
    updated_at: str | None = None
    """When anything in this review last changed (ISO 8601, UTC)."""
    verdict_text: str | None = None
    """The sentence as it read when the verdict was given (None: no verdict)."""
    listed: bool = False
    """The checker listed this sentence themselves (the extractor did not pick it)."""

    @property
    def is_empty(self) -> bool:
        """Whether there is nothing worth saving (no verdict, note, URL or listing choice)."""
        return (
            self.verdict is Verdict.UNREVIEWED
            and not self.note
            and not self.urls
            and not self.listed
        )

    @property
    def changed_since_verdict(self) -> bool:
        """Whether the sentence was edited after the verdict (until it is confirmed)."""
        return (
            self.verdict is not Verdict.UNREVIEWED
            and self.verdict_text is not None
            and self.verdict_text != self.text
        )

    def to_json(self) -> dict[str, Any]:
        """The review file's shape for one claim."""
        return {
            "id": self.claim_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "verdict": self.verdict.value,
            "note": self.note,
            "urls": list(self.urls),
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at,
            "updated_at": self.updated_at,
            "verdict_text": self.verdict_text,
            "listed": self.listed,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClaimReview:
        """Read one claim's review; raises KeyError/ValueError/TypeError on a wrong shape."""
        urls = data.get("urls", [])
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise TypeError("urls must be a list of strings")
        note = data.get("note", "")
        if not isinstance(note, str) or not isinstance(data["text"], str):
            raise TypeError("text and note must be strings")
        verdict = Verdict(data.get("verdict", "unreviewed"))
        verdict_text = data.get("verdict_text", data["text"])  # version 1: the saved text
        if verdict is Verdict.UNREVIEWED or not isinstance(verdict_text, str):
            verdict_text = None
        return cls(
            claim_id=str(data["id"]),
            text=data["text"],
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            verdict=verdict,
            note=note,
            urls=tuple(urls),
            reviewer=_optional_str(data.get("reviewer")),
            reviewed_at=_optional_str(data.get("reviewed_at")),
            updated_at=_optional_str(data.get("updated_at")),
            verdict_text=verdict_text,
            listed=data.get("listed") is True,
        )


@dataclass(frozen=True)
class ViewState:
    """Where the checker was, restored on reopening."""

    cursor: str | None = None
    """Id of the claim under the cursor."""
    status_filter: str = "all"
    """The status filter (`all` or a verdict value)."""
    search: str = ""
    """The search text."""

    def to_json(self) -> dict[str, Any]:
        return {"cursor": self.cursor, "filter": self.status_filter, "search": self.search}

    @classmethod
    def from_json(cls, data: Any) -> ViewState:
        if not isinstance(data, dict):
            return cls()
        return cls(
            cursor=_optional_str(data.get("cursor")),
            status_filter=str(data.get("filter") or "all"),
            search=str(data.get("search") or ""),
        )


@dataclass(frozen=True)
class Session:
    """A whole review: what is saved in the review file."""

    article_source: str
    """What was opened (path as given, URL, or `-`)."""
    article_sha256: str = ""
    """Hash of the article's bytes when last saved: tells that the article changed."""
    article_title: str | None = None
    """The article's title, for reports."""
    reviewer: str | None = None
    """Default reviewer name for new verdicts."""
    reference_date: str | None = None
    """The user's override of the reference date (ISO), if any."""
    reviews: tuple[ClaimReview, ...] = ()
    """Reviews attached to current claims, in document order."""
    orphaned: tuple[ClaimReview, ...] = ()
    """Reviews whose sentence is no longer in the article: kept, never dropped."""
    pages: dict[str, SavedPage] = field(default_factory=dict)
    """Fetched reference pages by URL, with each claim's passage (parsed once, on load)."""
    view: ViewState = ViewState()
    """Cursor, filter and search."""
    joins: tuple[tuple[str, ...], ...] = ()
    """Sentences the checker joined into one claim: each join's sentence ids, in order."""
    created_at: str | None = None
    """When the review was started."""
    updated_at: str | None = None
    """When it last changed."""

    @cached_property
    def _by_claim(self) -> dict[str, ClaimReview]:
        # Sessions are immutable, so the index is built once per session, on first use.
        return {review.claim_id: review for review in self.reviews}

    def review_for(self, claim_id: str) -> ClaimReview | None:
        """The review attached to `claim_id`, if any."""
        return self._by_claim.get(claim_id)

    def with_review(self, review: ClaimReview, order: dict[str, int]) -> Session:
        """A copy with `review` replacing (or added beside) the one for its claim.

        `order` maps claim ids to document positions, keeping the file in document order.
        Empty reviews are dropped: an unreviewed claim without note or URL needs no record.
        """
        others = [r for r in self.reviews if r.claim_id != review.claim_id]
        if not review.is_empty:
            others.append(review)
        others.sort(key=lambda r: (order.get(r.claim_id, len(order)), r.start))
        return replace(self, reviews=tuple(others))

    def to_json(self) -> dict[str, Any]:
        """The review file's content (write with sorted keys for stable diffs)."""
        return {
            "version": SESSION_VERSION,
            "article": {
                "source": self.article_source,
                "sha256": self.article_sha256,
                "title": self.article_title,
            },
            "reviewer": self.reviewer,
            "reference_date": self.reference_date,
            "claims": [r.to_json() for r in self.reviews],
            "orphaned": [r.to_json() for r in self.orphaned],
            "pages": {url: page.to_json() for url, page in self.pages.items()},
            "joins": [list(join) for join in self.joins],
            "view": self.view.to_json(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_json(cls, data: Any) -> Session:
        """Read a review file's content; raises ValueError with a reason on a wrong shape."""
        if not isinstance(data, dict):
            raise ValueError("the file is not a JSON object")
        version = data.get("version")
        if type(version) is not int or version < 1:
            raise ValueError("it has no valid version number")
        if version > SESSION_VERSION:
            raise ValueError(
                f"it was written by a newer workbench (format version {version}; this one "
                f"reads {SESSION_VERSION})"
            )
        article = data.get("article")
        if not isinstance(article, dict):
            raise ValueError("it has no article section")
        claims = data.get("claims", [])
        orphaned = data.get("orphaned", [])
        pages = data.get("pages", {})
        if not isinstance(claims, list) or not isinstance(orphaned, list):
            raise ValueError("its claims are not a list")
        if not isinstance(pages, dict):
            raise ValueError("its pages are not an object")
        joins = data.get("joins", [])
        if not isinstance(joins, list) or not all(
            isinstance(join, list) and all(isinstance(i, str) for i in join) for join in joins
        ):
            raise ValueError("its joins are not lists of claim ids")
        try:
            reviews = tuple(ClaimReview.from_json(c) for c in claims)
            lost = tuple(ClaimReview.from_json(c) for c in orphaned)
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as error:
            raise ValueError(f"a claim in it is malformed ({error})") from error
        return cls(
            article_source=str(article.get("source", "")),
            article_sha256=str(article.get("sha256") or ""),
            article_title=_optional_str(article.get("title")),
            reviewer=_optional_str(data.get("reviewer")),
            reference_date=_optional_str(data.get("reference_date")),
            reviews=reviews,
            orphaned=lost,
            pages={
                str(url): page
                for url, value in pages.items()
                if (page := SavedPage.from_json(value, url=str(url))) is not None
            },
            view=ViewState.from_json(data.get("view")),
            joins=tuple(tuple(join) for join in joins),
            created_at=_optional_str(data.get("created_at")),
            updated_at=_optional_str(data.get("updated_at")),
        )


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
