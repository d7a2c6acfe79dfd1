"""Review storage: verdicts, notes and reference URLs, saved the moment they change."""
