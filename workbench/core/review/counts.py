"""Counts per verdict over the listed claims, kept up to date one verdict at a time.

`ReviewWorkspace.progress()` walks every claim; at 10,000 claims that is too slow for each
key press, so the screen counts once when it (re)loads and then moves one claim from one
verdict to another on each change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.core.extraction import Claim
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import Progress


@dataclass
class VerdictCounts:
    """How many listed claims have each verdict."""

    counts: dict[Verdict, int]
    """Claims per verdict (every verdict present, zero included)."""
    total: int
    """Claims listed."""

    @classmethod
    def of(cls, claims: Sequence[Claim], verdict_of: Callable[[str], Verdict]) -> VerdictCounts:
        """Count `claims` (one pass)."""
        counts = dict.fromkeys(Verdict, 0)
        for claim in claims:
            counts[verdict_of(claim.id)] += 1
        return cls(counts, len(claims))

    def moved(self, old: Verdict, new: Verdict) -> None:
        """One claim went from `old` to `new`."""
        self.counts[old] -= 1
        self.counts[new] += 1

    def progress(self) -> Progress:
        """The same numbers as `ReviewWorkspace.progress`."""
        reviewed = self.total - self.counts[Verdict.UNREVIEWED]
        return Progress(self.total, reviewed, dict(self.counts))
