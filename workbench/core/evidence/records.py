"""The evidence records: findings, a claim's passage on a page, and a page as the review keeps it.

Typed, frozen, and parsed once: `SavedPage.from_json` reads a review file's `pages` entry (and
drops what is malformed), so the app, the widget and the reports read attributes instead of
re-checking dict keys. `to_json` writes the very shape it reads, so a review file round-trips
byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.core.fetch.page import PageRecord

NOT_IN_PASSAGE = "not in the passage"


@dataclass(frozen=True)
class Finding:
    """One number, date, quotation or name of the claim, and its counterpart in the passage."""

    kind: str
    """`number`, `date`, `quote` or `name`."""
    claim_text: str
    """As written in the claim."""
    claim_start: int
    """Offset in the claim text."""
    claim_end: int
    """End offset in the claim text."""
    passage_text: str | None
    """The counterpart as written in the passage; None when the passage has none."""
    passage_start: int | None
    """Offset in the passage text, when there is a counterpart."""
    passage_end: int | None
    """End offset in the passage text."""
    note: str
    """What was compared, for people: `105 = 105`, `2023-07-28 ≠ 2023-07-27`, ..."""

    def to_json(self) -> dict[str, Any]:
        """JSON form (an item of `agree` or `differ`)."""
        return {
            "kind": self.kind,
            "claim": self.claim_text,
            "claim_start": self.claim_start,
            "claim_end": self.claim_end,
            "passage": self.passage_text,
            "passage_start": self.passage_start,
            "passage_end": self.passage_end,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: object) -> Finding | None:
        """Read one finding; None when it is not one."""
        if not isinstance(data, Mapping):
            return None
        claim_start, claim_end = _int(data.get("claim_start")), _int(data.get("claim_end"))
        return cls(
            kind=_str(data.get("kind")) or "item",
            # `text` is what early review files called the claim's words.
            claim_text=_str(data.get("claim")) or _str(data.get("text")) or "",
            claim_start=claim_start if claim_start is not None else 0,
            claim_end=claim_end if claim_end is not None else 0,
            passage_text=_str(data.get("passage")),
            passage_start=_int(data.get("passage_start")),
            passage_end=_int(data.get("passage_end")),
            note=_str(data.get("note")) or "",
        )


@dataclass(frozen=True)
class Comparison:
    """Everything the claim and the passage agree and differ on, in claim order."""

    agree: tuple[Finding, ...]
    """Items the passage confirms."""
    differ: tuple[Finding, ...]
    """Items the passage states differently, or (for a name, only where the passage names
    someone else in the same role) does not state."""
    compatible: tuple[Finding, ...] = ()
    """Items the passage neither confirms nor contradicts: "July 27" within "July", a year
    and a day inside it, "less than 10" and "7"."""

    @property
    def empty(self) -> bool:
        """Whether nothing was compared."""
        return not (self.agree or self.differ or self.compatible)

    def to_json(self) -> dict[str, Any]:
        """`{"agree": [...], "differ": [...], "compatible": [...]}`."""
        return {
            "agree": [f.to_json() for f in self.agree],
            "differ": [f.to_json() for f in self.differ],
            "compatible": [f.to_json() for f in self.compatible],
        }


NO_COMPARISON = Comparison((), ())
"""What an unrelated passage gets: no findings at all."""


@dataclass(frozen=True)
class PageMatch:
    """A passage of one page for a claim, compared with it when it is about the same thing."""

    url: str
    """The page's URL as attached."""
    passage: str
    """The passage text."""
    start: int
    """Offset of the passage in the page's extracted text."""
    end: int
    """End offset of the passage in the page's extracted text."""
    score: float | None
    """How closely the passage matches the claim, 0–100 (None in a record that had none)."""
    comparison: Comparison
    """What agrees and what differs (offsets into the claim and into `passage`); empty when
    the passage is not related."""
    related: bool = True
    """Whether the passage is about the claim at all (shares its rare words, names,
    quantities or dates). An unrelated passage is kept only to show how near it came."""
    others: tuple[PageMatch, ...] = ()
    """More related passages of the same page, ranked (kept in the review file so the app
    can step through them)."""
    reference: str | None = None
    """The page's reference date its relative dates were resolved against (ISO)."""

    def to_json(self) -> dict[str, Any]:
        """`{"url", "passage", "score", "related", "agree", "differ", ...}` as in PRODUCT.md."""
        data: dict[str, Any] = {
            "url": self.url,
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "related": self.related,
            **self.comparison.to_json(),
        }
        if self.others:
            data["others"] = [other.to_json() for other in self.others]
        if self.reference:
            data["reference_date"] = self.reference
        return data

    @classmethod
    def from_json(cls, data: object, *, url: str = "") -> PageMatch | None:
        """Read a saved match; None when it is not one."""
        if not isinstance(data, Mapping):
            return None
        score = data.get("score")
        related = data.get("related", True)
        raw_others = data.get("others")
        others = (
            tuple(
                m
                for item in raw_others
                if (m := cls.from_json(item, url=url)) is not None and m.related
            )
            if isinstance(raw_others, list)
            else ()
        )
        return cls(
            url=_str(data.get("url")) or url,
            passage=_str(data.get("passage")) or "",
            start=_int(data.get("start")) or 0,
            end=_int(data.get("end")) or 0,
            score=score if isinstance(score, int | float) and not isinstance(score, bool) else None,
            comparison=Comparison(
                _findings(data.get("agree")),
                _findings(data.get("differ")),
                _findings(data.get("compatible")),
            ),
            related=related is not False,
            others=others,
            reference=_str(data.get("reference_date")),
        )

    @property
    def passages(self) -> tuple[PageMatch, ...]:
        """This passage and the page's other related ones, best first."""
        return (self, *self.others) if self.related else ()


@dataclass(frozen=True)
class SavedPage:
    """A fetched reference page as the review file keeps it: its record (without the text,
    which the page store keeps under its hash) and the match of each claim that attached it."""

    record: PageRecord
    """What was fetched, when, and how it went."""
    matches: Mapping[str, PageMatch] = field(default_factory=dict)
    """The page's passage for each claim id that found one."""

    @property
    def url(self) -> str:
        """The URL as attached."""
        return self.record.url

    @property
    def error(self) -> str | None:
        """Why the page could not be read, if it could not."""
        return self.record.error

    def match_for(self, claim_id: str) -> PageMatch | None:
        """The claim's passage on this page, if one was found."""
        return self.matches.get(claim_id)

    def with_matches(self, matches: Mapping[str, PageMatch]) -> SavedPage:
        """A copy with `matches` added to (or replacing) the ones kept."""
        return replace(self, matches={**self.matches, **matches})

    def to_json(self) -> dict[str, Any]:
        """The review file's shape: the page record's fields plus `matches` by claim id."""
        return {
            **self.record.to_json(),
            "matches": {claim_id: m.to_json() for claim_id, m in self.matches.items()},
        }

    @classmethod
    def from_json(cls, data: object, *, url: str) -> SavedPage | None:
        """Read one `pages` entry; None when it is not an object. Malformed matches and
        findings are dropped here, once, so nothing downstream re-checks them."""
        if not isinstance(data, Mapping):
            return None
        fields = {k: v for k, v in data.items() if k != "matches"}
        fields.setdefault("url", url)
        if not isinstance(fields["url"], str):
            fields["url"] = url
        record = PageRecord.from_json(fields)
        raw = data.get("matches")
        matches: dict[str, PageMatch] = {}
        if isinstance(raw, Mapping):
            for claim_id, item in raw.items():
                match = PageMatch.from_json(item, url=record.url)
                if match is not None:
                    matches[str(claim_id)] = match
        return cls(record, matches)


def _findings(items: object) -> tuple[Finding, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(f for item in items if (f := Finding.from_json(item)) is not None)


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
