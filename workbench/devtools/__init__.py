"""Project tooling run by CI (not part of the user-facing product)."""
