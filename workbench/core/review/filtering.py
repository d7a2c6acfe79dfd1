"""The claim list as the checker sees it: filtered by status and search text.

An immutable, chainable view (`ClaimFilter(...).with_status(...).containing(...)`), so the TUI
only renders what this computes and the rules are unit-tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass

from workbench.core.extraction import Claim
from workbench.core.review.model import Verdict

STATUS_FILTERS: tuple[str, ...] = (
    "all",
    Verdict.UNREVIEWED.value,
    Verdict.VERIFIED.value,
    Verdict.DISPUTED.value,
    Verdict.INCONCLUSIVE.value,
    Verdict.NOT_A_CLAIM.value,
)
"""The order `s` cycles through."""


def listed_claims(sentences: Sequence[Claim], reviewed: Container[str]) -> tuple[Claim, ...]:
    """The claims a review lists: every check-worthy sentence, and any sentence the checker
    reviewed even though it scores below the threshold (their work is never hidden)."""
    return tuple(s for s in sentences if s.checkworthy or s.id in reviewed)


def next_status_filter(current: str) -> str:
    """The filter after `current` in the cycle."""
    try:
        index = STATUS_FILTERS.index(current)
    except ValueError:
        return STATUS_FILTERS[0]
    return STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)]


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to show."""

    status: str = "all"
    """`all` or a verdict value."""
    search: str = ""
    """Case-insensitive words that must all appear in the claim (or its note)."""

    def with_status(self, status: str) -> ClaimFilter:
        return ClaimFilter(status if status in STATUS_FILTERS else "all", self.search)

    def containing(self, search: str) -> ClaimFilter:
        return ClaimFilter(self.status, search)

    @property
    def is_active(self) -> bool:
        """Whether anything is hidden."""
        return self.status != "all" or bool(self.search.strip())

    def apply(
        self,
        claims: Sequence[Claim],
        verdict_of: Callable[[str], Verdict],
        note_of: Callable[[str], str] = lambda _id: "",
    ) -> list[Claim]:
        """The claims that pass, in document order."""
        words = self.search.casefold().split()
        shown = []
        for claim in claims:
            if self.status != "all" and verdict_of(claim.id).value != self.status:
                continue
            if words:
                haystack = (claim.text + "\n" + note_of(claim.id)).casefold()
                if not all(word in haystack for word in words):
                    continue
            shown.append(claim)
        return shown
