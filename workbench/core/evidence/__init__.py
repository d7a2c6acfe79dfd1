"""Evidence: split reference pages into passages, find each claim's best passage, and compare
the numbers, dates, quotations and names of the claim with it.

Import from the modules: `records` (the typed records a review keeps; light, no numpy),
`find` (`find_evidence`), `align`, `compare`, `passages`. The package itself imports nothing,
so reading a review file does not load the matching machinery.
"""
