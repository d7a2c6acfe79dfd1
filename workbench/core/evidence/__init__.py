"""Evidence: split reference pages into passages, find each claim's best passage, and compare
the numbers, dates, quotations and names of the claim with it."""

from workbench.core.evidence.align import Match, PassageIndex
from workbench.core.evidence.compare import Comparison, Finding, compare
from workbench.core.evidence.find import ClaimEvidence, PageMatch, find_evidence
from workbench.core.evidence.passages import Passage, split_passages

__all__ = [
    "ClaimEvidence",
    "Comparison",
    "Finding",
    "Match",
    "PageMatch",
    "Passage",
    "PassageIndex",
    "compare",
    "find_evidence",
    "split_passages",
]
