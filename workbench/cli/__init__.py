"""The command line: `workbench ARTICLE` opens the TUI; `claims`, `report`, `evidence` are
headless and use the same core."""
