"""The claim a dialog acts on, in full, with its number and current verdict.

The note editor and the URL prompt show it so the checker sees which claim their text will
go to (after a verdict moved the cursor on, the claim under it is not the one just judged).
"""

from __future__ import annotations

from textual.content import Content

from workbench.core.extraction import Claim
from workbench.core.review.model import Verdict
from workbench.core.sanitize import visible

VERDICT_STYLES = {
    Verdict.UNREVIEWED: "dim",
    Verdict.VERIFIED: "bold green",
    Verdict.DISPUTED: "bold red",
    Verdict.INCONCLUSIVE: "bold yellow",
    Verdict.NOT_A_CLAIM: "bold dim",
}
"""Colours of the verdicts (the symbol tells them apart without colour)."""


def claim_number(claim: Claim) -> str:
    """The number a claim has everywhere (app, `claims` table, reports): its sentence's."""
    return f"#{claim.index + 1}"


def claim_heading(claim: Claim, verdict: Verdict) -> Content:
    """`claim #4 · ✗ disputed`, then the whole sentence (literal, wrapped, never cut)."""
    return Content.assemble(
        (f"claim {claim_number(claim)}", "bold"),
        " · ",
        (f"{verdict.symbol} {verdict.label}", VERDICT_STYLES[verdict]),
        "\n",
        (visible(claim.text), "bold"),
    )
