"""The date engine: every date expression in the article, resolved against its reference date.

INTERFACE (stable; used by extraction, the TUI, evidence comparison and reports):
- `DateMention`: one expression found in the text, with offsets, ISO value and granularity.
- `ReferenceDate` and `resolve_reference_date(...)`: the date relative expressions resolve
  against, and where it came from.
- `find_dates(text, spans, reference)`: the mentions inside each span.

Layout: `patterns` (the candidate shapes), `scan` (finding them fast), `resolve` (calendar rules
per shape), `tense`, `periods` (calendar arithmetic and ISO values), `reference`, `engine`
(the entry points). Every shape found is resolved with calendar arithmetic; dateparser is not
imported at all (see `resolve`).
"""

from workbench.core.dates.engine import find_dates, find_dates_in, resolve_reference_date
from workbench.core.dates.model import DateMention, ReferenceDate, ReferenceOrigin

__all__ = [
    "DateMention",
    "ReferenceDate",
    "ReferenceOrigin",
    "find_dates",
    "find_dates_in",
    "resolve_reference_date",
]
