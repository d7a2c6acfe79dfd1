"""An open review: the article's claims, the saved session, and every edit saved at once.

The TUI calls these methods and only shows the result; the same class serves tests and any
headless tool. Sessions are immutable, so undo is a stack of earlier sessions.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.errors import SessionError, WorkbenchError
from workbench.core.evidence.records import SavedPage
from workbench.core.extraction import Claim, Extraction
from workbench.core.review.filtering import listed_claims
from workbench.core.review.joins import apply_joins, joined_claim, members_of
from workbench.core.review.model import ClaimReview, Session, Verdict, ViewState
from workbench.core.review.reattach import reattach
from workbench.core.review.store import load_session, save_session
from workbench.core.timestamps import utc_now

UNDO_DEPTH = 200
"""How many changes ctrl+z can take back."""


def os_user_name() -> str:
    """The reviewer name by default: `WORKBENCH_REVIEWER`, else the OS login name."""
    override = os.environ.get("WORKBENCH_REVIEWER")
    if override:
        return override
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True)
class Change:
    """One undoable change: the review before it, what it was, which claim it touched."""

    session: Session
    """The whole review before the change (after it, on the redo stack)."""
    what: str
    """The change in words: "disputed", "note", "attach URL", ..."""
    claim_id: str | None
    """The claim it touched (None: an orphaned review was dropped)."""


@dataclass(frozen=True)
class Progress:
    """How far the review is."""

    total: int
    """Claims listed."""
    reviewed: int
    """Claims with a verdict other than unreviewed."""
    counts: dict[Verdict, int]
    """Claims per verdict."""

    @property
    def summary(self) -> str:
        """E.g. "12 of 31 reviewed · 2 disputed"."""
        parts = [f"{self.reviewed} of {self.total} reviewed"]
        for verdict in (Verdict.DISPUTED, Verdict.INCONCLUSIVE):
            if self.counts.get(verdict):
                parts.append(f"{self.counts[verdict]} {verdict.label}")
        return " · ".join(parts)


class ReviewWorkspace:
    """The claims of one article and the review of them, saved on every change."""

    def __init__(
        self,
        extraction: Extraction,
        session: Session,
        path: Path,
        *,
        reviewer: str | None = None,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self.base_extraction = extraction
        """The article's sentences as the extractor split them (before any join)."""
        self.path = path
        self._clock = clock
        self._session = session
        self._reviewer = reviewer or session.reviewer or os_user_name()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._listed_ids: frozenset[str] = frozenset()
        self._index()
        self.moved_on_open = 0

    def _index(self) -> None:
        """(Re)build the claims from the article and the session's joins."""
        self.extraction = apply_joins(self.base_extraction, self._session.joins)
        """The article's claims, joined sentences made one (what the review lists and shows)."""
        self._order = {s.id: s.index for s in self.extraction.sentences}
        self._by_id = {s.id: s for s in self.extraction.sentences}
        self._claims = self._listed_claims()

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        extraction: Extraction,
        path: Path,
        *,
        reviewer: str | None = None,
        clock: Callable[[], str] = utc_now,
    ) -> ReviewWorkspace:
        """Open the review at `path` (a new one when there is none).

        Raises `DamagedSessionError` when the file exists but cannot be read: the caller asks
        the user before starting a new review elsewhere.
        """
        document = extraction.document
        saved = load_session(path)
        if saved is None:
            session = Session(
                article_source=document.source,
                article_sha256=document.sha256,
                article_title=document.title,
                reviewer=reviewer,
                created_at=clock(),
            )
            return cls(extraction, session, path, reviewer=reviewer, clock=clock)
        joined = apply_joins(extraction, saved.joins)
        result = reattach(saved.reviews + saved.orphaned, joined.sentences)
        order = {s.id: s.index for s in joined.sentences}
        session = replace(
            saved,
            reviews=tuple(
                sorted(result.attached, key=lambda r: (order.get(r.claim_id, len(order)), r.start))
            ),
            orphaned=result.orphaned,
            article_sha256=document.sha256,
            article_title=document.title or saved.article_title,
            reviewer=reviewer or saved.reviewer,
        )
        workspace = cls(extraction, session, path, reviewer=reviewer, clock=clock)
        workspace.moved_on_open = result.moved
        if replace(session, reviewer=saved.reviewer) != saved:
            # The article changed: persist where each review now is (orphans included).
            workspace._write(session)
        return workspace

    # -- reading ------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The review as saved."""
        return self._session

    @property
    def reviewer(self) -> str:
        """The name put on new verdicts."""
        return self._reviewer

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims listed for review: check-worthy sentences and any reviewed sentence."""
        return self._claims

    def is_listed(self, claim_id: str) -> bool:
        """Whether the review lists this sentence (see `claims`)."""
        return claim_id in self._listed_ids

    def claim(self, claim_id: str) -> Claim | None:
        """The sentence with this id."""
        return self._by_id.get(claim_id)

    def review_of(self, claim_id: str) -> ClaimReview:
        """The review of a claim (an empty one when it has none)."""
        found = self._session.review_for(claim_id)
        if found is not None:
            return found
        claim = self._by_id.get(claim_id)
        if claim is None:
            return ClaimReview(claim_id=claim_id, text="")
        return ClaimReview(claim_id=claim.id, text=claim.text, start=claim.start, end=claim.end)

    def verdict_of(self, claim_id: str) -> Verdict:
        """Shortcut for the verdict of a claim."""
        found = self._session.review_for(claim_id)
        return found.verdict if found else Verdict.UNREVIEWED

    def progress(self) -> Progress:
        """Counts per verdict over the listed claims."""
        counts = dict.fromkeys(Verdict, 0)
        for claim in self._claims:
            counts[self.verdict_of(claim.id)] += 1
        total = len(self._claims)
        return Progress(total, total - counts[Verdict.UNREVIEWED], counts)

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to take back."""
        return bool(self._undo)

    # -- editing (each call saves at once) -----------------------------------------------

    def set_verdict(self, claim_id: str, verdict: Verdict) -> ClaimReview:
        """Mark a claim; records who and when."""
        review = self.review_of(claim_id)
        now = self._clock()
        reviewed = verdict is not Verdict.UNREVIEWED
        # Giving a verdict again confirms it on the sentence as it reads now.
        updated = replace(
            review,
            verdict=verdict,
            reviewer=self._reviewer if reviewed else None,
            reviewed_at=now if reviewed else None,
            updated_at=now,
            verdict_text=review.text if reviewed else None,
        )
        return self._commit(updated, f"{verdict.label}")

    def set_note(self, claim_id: str, note: str) -> ClaimReview:
        """Replace the note of a claim."""
        review = self.review_of(claim_id)
        return self._commit(replace(review, note=note, updated_at=self._clock()), "note")

    def add_url(self, claim_id: str, url: str) -> ClaimReview:
        """Attach a reference URL (validated: http/https with a host). Raises WorkbenchError."""
        url = validate_url(url)
        review = self.review_of(claim_id)
        if url in review.urls:
            raise WorkbenchError(f"{url} is already attached to this claim")
        updated = replace(review, urls=(*review.urls, url), updated_at=self._clock())
        return self._commit(updated, "attach URL")

    def remove_url(self, claim_id: str, url: str) -> ClaimReview:
        """Detach a reference URL."""
        review = self.review_of(claim_id)
        urls = tuple(u for u in review.urls if u != url)
        return self._commit(replace(review, urls=urls, updated_at=self._clock()), "detach URL")

    def move_orphan(self, index: int, claim_id: str) -> ClaimReview:
        """Put orphaned review `index` on the sentence `claim_id` (which has no review yet).

        The verdict keeps the text it was given on, so the claim shows as changed since
        the verdict until the checker confirms it.
        """
        orphans = self._session.orphaned
        if not 0 <= index < len(orphans):
            raise WorkbenchError("that orphaned review is gone")
        sentence = self._by_id.get(claim_id)
        if sentence is None:
            raise WorkbenchError("that claim is no longer in the article")
        if self._session.review_for(claim_id) is not None:
            raise WorkbenchError(
                "that claim has a review of its own; take it back (u) before moving one onto it"
            )
        orphan = orphans[index]
        moved = replace(
            orphan,
            claim_id=sentence.id,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            listed=orphan.listed or not sentence.checkworthy,
            updated_at=self._clock(),
        )
        rest = orphans[:index] + orphans[index + 1 :]
        after = replace(self._session.with_review(moved, self._order), orphaned=rest)
        self._change(
            replace(after, updated_at=self._clock()), "move orphaned review", moved.claim_id
        )
        return moved

    def drop_orphan(self, index: int) -> ClaimReview:
        """Delete orphaned review `index` (undoable)."""
        orphans = self._session.orphaned
        if not 0 <= index < len(orphans):
            raise WorkbenchError("that orphaned review is gone")
        dropped = orphans[index]
        after = replace(
            self._session,
            orphaned=orphans[:index] + orphans[index + 1 :],
            updated_at=self._clock(),
        )
        self._change(after, "drop orphaned review", None)
        return dropped

    def join_next(self, claim_id: str) -> Claim:
        """Make one claim of `claim_id` and the sentence after it (undoable); the new claim.

        The claim's review goes with it; a verdict keeps the text it was given on, so the
        joined claim shows as changed since the verdict until it is confirmed.
        """
        sentences = self.extraction.sentences
        claim = self._by_id.get(claim_id)
        if claim is None:
            raise WorkbenchError("that claim is no longer in the article")
        at = sentences.index(claim)
        if at + 1 >= len(sentences):
            raise WorkbenchError("this is the article's last sentence: nothing to join it with")
        following = sentences[at + 1]
        if self._session.review_for(following.id) is not None:
            raise WorkbenchError(
                "the next sentence has a review of its own; take it back (u) before joining"
            )
        base = self.base_extraction
        members = members_of(base, claim) + members_of(base, following)
        joins = tuple(j for j in self._session.joins if not set(j) & set(members))
        joins += (members,)
        new = joined_claim(base.document.text, [claim, following])
        after = replace(self._session, joins=joins, updated_at=self._clock())
        review = self._session.review_for(claim_id)
        if review is not None:
            moved = replace(review, claim_id=new.id, text=new.text, start=new.start, end=new.end)
            order = {**self._order, new.id: new.index}
            after = after.with_review(moved, order)
            after = replace(
                after, reviews=tuple(r for r in after.reviews if r.claim_id != claim_id)
            )
        self._change(after, "join with the next sentence", new.id)
        return self._by_id[new.id]

    def set_page(self, url: str, record: SavedPage) -> None:
        """Keep a fetched page's record (not undoable: it is a fact, not an edit)."""
        pages = dict(self._session.pages)
        pages[url] = record
        self._write(replace(self._session, pages=pages, updated_at=self._clock()))

    def set_view(self, view: ViewState) -> None:
        """Remember cursor, filter and search (not undoable, saved quietly)."""
        if view != self._session.view:
            # The view is a convenience: a failed save of it is not worth interrupting anyone;
            # the next real change reports the problem.
            with contextlib.suppress(SessionError):
                self._write(replace(self._session, view=view))

    def undo(self) -> Change | None:
        """Take back the last change; returns what was undone (None: nothing to undo).

        The returned change names the claim it touched, so a screen can show it.
        """
        return self._step(self._undo, self._redo)

    def redo(self) -> Change | None:
        """Make again the change undo took back last (None: nothing to redo)."""
        return self._step(self._redo, self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone change to make again."""
        return bool(self._redo)

    def _step(self, source: list[Change], target: list[Change]) -> Change | None:
        if not source:
            return None
        change = source[-1]
        current = self._session
        # Pages and the view are facts and conveniences, not edits: they stay as they are.
        self._write(replace(change.session, view=current.view, pages=current.pages))
        source.pop()
        target.append(Change(current, change.what, change.claim_id))
        self._claims = self._listed_claims()
        return change

    # -- internals -----------------------------------------------------------------------

    def _commit(self, review: ClaimReview, what: str) -> ClaimReview:
        sentence = self._by_id.get(review.claim_id)
        if sentence is None:
            raise WorkbenchError("that claim is no longer in the article")
        if not sentence.checkworthy and not review.listed:
            # Work on a sentence the extractor did not list lists it, for good.
            review = replace(review, listed=True)
        before = self._session
        after = replace(before.with_review(review, self._order), updated_at=self._clock())
        self._change(after, what, review.claim_id)
        return review

    def _change(self, after: Session, what: str, claim_id: str | None) -> None:
        """Save an undoable change; `claim_id` is the claim it changed, if any."""
        before = self._session
        self._write(after)  # raises SessionError and leaves the old state on failure
        self._undo.append(Change(before, what, claim_id))
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        self._claims = self._listed_claims()

    def _write(self, session: Session) -> None:
        save_session(self.path, session)
        rejoin = session.joins != self._session.joins
        self._session = session
        if rejoin:
            self._index()

    def _listed_claims(self) -> tuple[Claim, ...]:
        reviewed = {r.claim_id for r in self._session.reviews}
        listed = listed_claims(self.extraction.sentences, reviewed)
        self._listed_ids = frozenset(claim.id for claim in listed)
        return listed


def validate_url(url: str) -> str:
    """A reference URL as typed, checked: http or https, with a host. Raises WorkbenchError."""
    from urllib.parse import urlsplit

    url = url.strip()
    if not url:
        raise WorkbenchError("no URL given")
    if any(c.isspace() or ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in url):
        raise WorkbenchError("a URL cannot contain spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise WorkbenchError(f"{url} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "no scheme"
        raise WorkbenchError(f"only http and https URLs can be attached (got {shown})")
    if not host:
        raise WorkbenchError(f"{url} has no host name")
    return url
