"""The one error type the user sees: a readable, one-line message instead of a traceback."""


class WorkbenchError(Exception):
    """A problem caused by the user's input or environment, told in one line.

    The CLI prints `str(error)` to stderr and exits 1; the TUI shows it as a notification.
    """


class LoadError(WorkbenchError):
    """The article could not be opened (missing, a folder, empty, binary, unknown type...)."""


class SessionError(WorkbenchError):
    """The review file could not be read or written."""
