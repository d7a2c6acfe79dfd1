"""The text of a claim-list row, column by column (plain strings; no Textual here)."""

from __future__ import annotations

from workbench.core.extraction import Claim
from workbench.core.sanitize import visible

DATES_WIDTH = 12
"""Cells for the dates column: `2023-07-28`, `~2019 +1`."""


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
