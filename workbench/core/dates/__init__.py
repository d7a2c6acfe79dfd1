"""The date engine: every date expression in the article, resolved against its reference date.

INTERFACE (stable; used by extraction, the TUI, evidence comparison and reports):
- `DateMention`: one expression found in the text, with offsets, ISO value and granularity.
- `ReferenceDate` and `resolve_reference_date(...)`: the date relative expressions resolve
  against, and where it came from.
- `find_dates(text, spans, reference)`: the mentions inside each span.

Layout: `lexicon` (every word list, month and weekday names included), `patterns` (the regular
expression of each shape), `shapes` (each shape's name, pattern and resolver side by side),
`scan` (finding candidates fast), `context` (what a resolver reads), `absolute` (calendar dates:
"July 28", "in May", "Christmas"), `longer_periods` (years, quarters, seasons, decades),
`relative` ("three years ago", "last week", "Friday", durations), `tense`, `periods` (calendar
arithmetic, ISO values and their bounds), `holidays`, `reference`, `engine` (the entry points).
Every shape found is resolved with calendar arithmetic; dateparser is not imported at all: it
costs 0.5-1 s of start-up for a leftover phrase, drops the granularity written, and resolved
"three days from today" to today.
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
