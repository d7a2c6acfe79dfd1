"""Every key of the app as data: one place gives the footer, the help screen and remapping ids.

Each binding has an `id` (so `App.set_keymap` can remap it) and a tooltip. Vim keys are hidden
aliases so the footer stays short; the help screen (`?`) lists everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

LIST_BINDINGS: list[BindingType] = [
    Binding("up,k", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous claim"),
    Binding("down,j", "cursor_down", "Down", show=False, id="list.down", tooltip="Next claim"),
    Binding("home,g", "first", "First", show=False, id="list.first", tooltip="First claim"),
    Binding("end,G,shift+g", "last", "Last", show=False, id="list.last", tooltip="Last claim"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up", tooltip="One page up"),
    Binding(
        "pagedown",
        "page_down",
        "Page down",
        show=False,
        id="list.page_down",
        tooltip="One page down",
    ),
    Binding(
        "enter",
        "open_detail",
        "Detail",
        show=False,
        id="list.detail",
        tooltip="Move the focus to the detail pane (tab comes back)",
    ),
]
"""Moving in the claim list (active when the list has the focus)."""

REVIEW_BINDINGS: list[BindingType] = [
    Binding(
        "v",
        "verdict('verified')",
        "verified",
        id="verdict.verified",
        tooltip="Mark the claim verified",
    ),
    Binding(
        "d",
        "verdict('disputed')",
        "disputed",
        id="verdict.disputed",
        tooltip="Mark the claim disputed",
    ),
    Binding(
        "i",
        "verdict('inconclusive')",
        "? inconclusive",
        show=False,
        id="verdict.inconclusive",
        tooltip="Mark the claim inconclusive",
    ),
    Binding(
        "x",
        "verdict('not_a_claim')",
        "– not a claim",
        show=False,
        id="verdict.not_a_claim",
        tooltip="Mark the sentence as not a claim",
    ),
    Binding(
        "u",
        "verdict('unreviewed')",
        "· unreviewed",
        show=False,
        id="verdict.unreviewed",
        tooltip="Take the verdict back",
    ),
    Binding(
        # A terminal sends "V"; with the kitty keyboard protocol it may arrive as shift+v.
        "V,shift+v",
        "verdict_note('verified')",
        "verified + note",
        show=False,
        id="verdict_note.verified",
        tooltip="Mark the claim verified, then write its note",
    ),
    Binding(
        # A terminal sends "D"; with the kitty keyboard protocol it may arrive as shift+d.
        "D,shift+d",
        "verdict_note('disputed')",
        "disputed + note",
        show=False,
        id="verdict_note.disputed",
        tooltip="Mark the claim disputed, then write its note",
    ),
    Binding(
        # A terminal sends "I"; with the kitty keyboard protocol it may arrive as shift+i.
        "I,shift+i",
        "verdict_note('inconclusive')",
        "inconclusive + note",
        show=False,
        id="verdict_note.inconclusive",
        tooltip="Mark the claim inconclusive, then write its note",
    ),
    Binding(
        # A terminal sends "X"; with the kitty keyboard protocol it may arrive as shift+x.
        "X,shift+x",
        "verdict_note('not_a_claim')",
        "not a claim + note",
        show=False,
        id="verdict_note.not_a_claim",
        tooltip="Mark the claim not a claim, then write its note",
    ),
    Binding("n", "note", "Note", id="review.note", tooltip="Edit the claim's note"),
    Binding(
        "a",
        "attach_url",
        "URL",
        id="review.attach_url",
        tooltip="Attach a reference URL to the claim",
    ),
    Binding(
        "delete",
        "remove_url",
        "Remove URL",
        show=False,
        id="review.remove_url",
        tooltip="Remove a reference URL from the claim",
    ),
    Binding(
        "c",
        "adopt_match",
        "Adopt",
        show=False,
        id="library.adopt",
        tooltip="Add the link of a fact-check that checked this claim before as a source",
    ),
    Binding(
        "f",
        "fetch",
        "Fetch",
        show=False,
        id="evidence.fetch",
        tooltip="Fetch the reference pages of this claim",
    ),
    Binding(
        "r",
        "refetch",
        "Refetch",
        show=False,
        id="evidence.refetch",
        tooltip="Fetch this claim's reference pages again, ignoring the cache",
    ),
    Binding(
        "w",
        "next_passage",
        "Passage",
        show=False,
        id="evidence.next_passage",
        tooltip="Cycle through the claim's related passages (up to three over its pages)",
    ),
    Binding(
        # A terminal sends "F"; with the kitty keyboard protocol it may arrive as shift+f.
        "F,shift+f",
        "fetch_all",
        "Fetch all",
        show=False,
        id="evidence.fetch_all",
        tooltip="Fetch the reference pages of every claim",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        key_display="/",
        id="view.search",
        tooltip="Search the claims (esc clears)",
    ),
    Binding(
        "escape",
        "clear_search",
        "Clear search",
        show=False,
        id="view.clear_search",
        tooltip="Clear the search (in the list too)",
    ),
    Binding(
        "s",
        "cycle_filter",
        "Filter",
        show=False,
        id="view.filter",
        tooltip="Cycle the status filter: all, unreviewed, verified, ...",
    ),
    Binding(
        "e",
        "export",
        "Export",
        id="report.export",
        tooltip="Preview the Markdown report and write it beside the article",
    ),
    Binding(
        "ctrl+z", "undo", "Undo", show=False, id="review.undo", tooltip="Take back the last change"
    ),
    Binding(
        "ctrl+y",
        "redo",
        "Redo",
        show=False,
        id="review.redo",
        tooltip="Make again the change undo took back",
    ),
    Binding(
        "A,shift+a",
        "all_sentences",
        "All",
        show=False,
        id="view.all_sentences",
        tooltip="Show every sentence (unlisted ones dimmed) or only the listed claims",
    ),
    Binding(
        "m",
        "join_next",
        "Join",
        show=False,
        id="review.join",
        tooltip="Join the claim with the next sentence (one claim of two; ctrl+z splits it)",
    ),
    Binding(
        "t",
        "timeline",
        "Timeline",
        show=False,
        id="view.timeline",
        tooltip="The article's dated claims on a time axis (enter goes to one)",
    ),
    Binding(
        "p",
        "toggle_detail",
        "Pane",
        show=False,
        id="view.detail_pane",
        tooltip="Fold the detail pane away or bring it back (folded below 80x24)",
    ),
    Binding(
        "o",
        "orphans",
        "Orphans",
        show=False,
        id="review.orphans",
        tooltip="Show the reviews whose sentence is gone from the article",
    ),
    Binding(
        "question_mark", "help", "Keys", key_display="?", id="app.help", tooltip="Show every key"
    ),
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (everything is already saved)"),
]
"""Reviewing (active anywhere on the review screen, unless a text field has the focus)."""

DETAIL_BINDINGS: list[BindingType] = [
    Binding(
        "tab,escape",
        "back_to_list",
        "List",
        show=False,
        id="detail.back",
        tooltip="Back to the claim list",
    ),
]
"""In the detail pane."""

EXTRA_KEYS: list[tuple[str, str]] = [
    ("ctrl+p", "Command palette: every action, the status filters, export, settings"),
    ("ctrl+s", "In the note editor: keep the note (esc cancels)"),
]
"""Keys handled elsewhere (palette, dialogs), shown in the help screen."""


def key_label(binding: Binding) -> str:
    """How the help screen shows a binding's keys: `up / k`."""
    return keys_label(key.strip() for key in binding.key.split(","))


def keys_label(keys: Iterable[str]) -> str:
    """Key names as a reader knows them: `up / k`, `/`, `F` (not `shift+f` as well)."""
    names = {"slash": "/", "question_mark": "?", "pageup": "PgUp", "pagedown": "PgDn"}
    listed = list(dict.fromkeys(keys))
    # "shift+f" is how some terminals send "F": one key for the reader, listed once.
    listed = [k for k in listed if not (k.startswith("shift+") and k[6:].upper() in listed)]
    return " / ".join(names.get(key, key) for key in listed)
