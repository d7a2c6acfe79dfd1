"""The library's errors: each one line for the user."""

from __future__ import annotations

from workbench.core.errors import WorkbenchError


class LibraryError(WorkbenchError):
    """A user-facing problem with the library or with a file imported into it."""


class LibraryUnavailableError(LibraryError):
    """The library file cannot be used (damaged, locked, read-only, missing folder...)."""
