"""The date engine: every date expression in the article, resolved against its reference date.

INTERFACE (stable; used by extraction, the TUI, evidence comparison and reports):
- `DateMention`: one expression found in the text, with offsets, ISO value and granularity.
- `ReferenceDate` and `resolve_reference_date(...)`: the date relative expressions resolve
  against, and where it came from.
- `find_dates(text, spans, reference)`: the mentions inside each span.
"""

from workbench.core.dates.model import DateMention, ReferenceDate, ReferenceOrigin
from workbench.core.dates.engine import find_dates, resolve_reference_date

__all__ = [
    "DateMention",
    "ReferenceDate",
    "ReferenceOrigin",
    "find_dates",
    "resolve_reference_date",
]
