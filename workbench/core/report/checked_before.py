"""The report's "Checked before" lines: what the library held about each listed claim.

A reviewed claim carries its matches in its own section (`checked_before_block`); the claims
not reviewed yet are listed in one section, each with its number and text. One bullet per
fact-check: the claim
that was checked, its rating, who checked it and when, and the link. Everything from the
library is outside text: escaped like the article's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.core.library.model import Match
from workbench.core.report import escape
from workbench.core.report.common import ReportEntry


def checked_before_section(
    entries: Sequence[ReportEntry], matches: Mapping[str, Sequence[Match]]
) -> str | None:
    """The section, or None when no listed claim was checked before."""
    blocks = []
    for entry in entries:
        found = matches.get(entry.claim.id)
        if not found:
            continue
        lines = [f"**Claim {entry.number}** · " + escape.inline(entry.claim.text)]
        lines += [_match_line(match) for match in found]
        blocks.append("\n".join(lines))
    if not blocks:
        return None
    intro = (
        "## Checked before\n\n"
        "Fact-checks in the library (published ones and earlier verdicts) that match a claim "
        "not reviewed yet. A reviewed claim shows its matches in its own section above."
    )
    return "\n\n".join([intro, *blocks])


def checked_before_block(found: Sequence[Match]) -> str:
    """The matches of one claim, for its own section of the report."""
    return "**Checked before**\n\n" + "\n".join(_match_line(match) for match in found)


def _match_line(match: Match) -> str:
    check = match.fact_check
    who = " · ".join(escape.inline(p) for p in (check.publisher, check.reviewer) if p)
    parts = [
        f"- “{escape.inline(check.claim)}”",
        f"**{escape.inline(check.rating)}**" if check.rating else "no rating",
        who or "unknown checker",
    ]
    if check.date:
        parts.append(escape.inline(check.date))
    if check.url:
        parts.append(escape.link(check.url, check.url))
    parts.append(f"match {match.score:.2f}")
    return " — ".join(parts)
