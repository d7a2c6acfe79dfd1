"""The claim memory: a local library of fact-checks, published ones and the user's own verdicts.

`open_library` gives the store (SQLite today, behind the `FactCheckStore` protocol so a shared
server database can be one more module); `search` ranks its fact-checks against a claim;
`import_sources` reads ClaimReview JSON-LD and review files into it.

The package itself gives the light part: where the library is, its errors, the store and its
records. Ranking (`search`: `search`, `checked_before`) is imported from its module by those
who rank, so that `workbench claims` with no library imports none of it (~10 ms of a run).
"""

from workbench.core.library.errors import LibraryError, LibraryUnavailableError
from workbench.core.library.location import default_library_path, library_path
from workbench.core.library.model import FactCheck, Match
from workbench.core.library.store import FactCheckStore, open_library

__all__ = [
    "FactCheck",
    "FactCheckStore",
    "LibraryError",
    "LibraryUnavailableError",
    "Match",
    "default_library_path",
    "library_path",
    "open_library",
]
