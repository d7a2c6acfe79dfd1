"""workbench: a terminal fact-checking workbench.

The package is split in two: `workbench.core` is the domain (loading, sentences, folding,
check-worthiness, dates, evidence, review storage, reports) and never imports Textual;
`workbench.tui` shows and edits what the core computes. `workbench.cli` holds the commands.
"""

__version__ = "0.1.0"
