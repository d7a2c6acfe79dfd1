"""The text of a claim-list row, column by column (plain strings; no Textual here)."""

from __future__ import annotations

from typing import NamedTuple

from workbench.core.extraction import Claim
from workbench.core.review.model import Verdict
from workbench.core.sanitize import visible

CHANGED_MARK = "Δ"
"""Beside the verdict: the sentence was edited after the verdict was given."""


class RowState(NamedTuple):
    """What a row shows besides the claim itself (a key of the row cache, hence a tuple)."""

    verdict: Verdict
    """The claim's verdict."""
    changed: bool = False
    """The sentence changed since the verdict."""
    unlisted: bool = False
    """A sentence the review does not list (shown dimmed, in the all-sentences view)."""


def number_label(claim: Claim) -> str:
    """The claim's number, the same in the app, the `claims` table and the reports."""
    return str(claim.index + 1)


def short_dates(claim: Claim) -> str:
    """The first resolved date, and how many more there are: `2023-07-28 +1`."""
    resolved = [d for d in claim.dates if d.value is not None and d.granularity != "duration"]
    if not resolved:
        return ""
    first = visible(resolved[0].display, single_line=True)
    more = f" +{len(resolved) - 1}" if len(resolved) > 1 else ""
    warned = "!" if any(d.warnings for d in resolved) else ""
    return f"{first}{warned}{more}"


def occurrences_label(claim: Claim) -> str:
    """`2×` when the sentence appears more than once (folded copies)."""
    count = len(claim.occurrences)
    return f"{count}×" if count > 1 else ""


def score_label(claim: Claim) -> str:
    """The check-worthiness score, two decimals."""
    return f"{claim.score:.2f}"


def one_line(claim: Claim) -> str:
    """The claim on one line, control characters made visible."""
    return visible(claim.text, single_line=True)
