"""The claim memory: a local library of fact-checks, published ones and the user's own verdicts.

`open_library` gives the store (SQLite today, behind the `FactCheckStore` protocol so a shared
server database can be one more module); `search` ranks its fact-checks against a claim;
`import_sources` reads ClaimReview JSON-LD and review files into it.
"""

from workbench.core.library.errors import LibraryError, LibraryUnavailableError
from workbench.core.library.location import default_library_path, library_path
from workbench.core.library.model import FactCheck, Match
from workbench.core.library.search import CHECKED_BEFORE_THRESHOLD, checked_before, search
from workbench.core.library.store import FactCheckStore, open_library

__all__ = [
    "CHECKED_BEFORE_THRESHOLD",
    "FactCheck",
    "FactCheckStore",
    "LibraryError",
    "LibraryUnavailableError",
    "Match",
    "checked_before",
    "default_library_path",
    "library_path",
    "open_library",
    "search",
]
