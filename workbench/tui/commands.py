"""The command palette's entries for the review screen, built from the key bindings.

Each review binding gives one entry (its tooltip as the title, its keys as the hint), so a
remapped key (`App.set_keymap`) shows its new key here too; the status filters and the
auto-advance setting, which have no key of their own, are added after.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding

from workbench.core.review.filtering import STATUS_FILTERS
from workbench.tui.bindings import REVIEW_BINDINGS, keys_label

if TYPE_CHECKING:
    from workbench.tui.screens.review import ReviewScreen

NOT_IN_PALETTE = frozenset({"app.quit"})
"""Bindings the palette already offers as a system command of its own."""


def bound_keys(screen: ReviewScreen) -> dict[str, list[str]]:
    """The keys bound now to each binding id (after any keymap)."""
    keys: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        if active.binding.id:
            keys.setdefault(active.binding.id, []).append(key)
    return keys


def review_commands(screen: ReviewScreen) -> Iterable[SystemCommand]:
    """What the palette offers on the review screen."""
    keys = bound_keys(screen)
    for binding in REVIEW_BINDINGS:
        if not isinstance(binding, Binding) or binding.id in NOT_IN_PALETTE:
            continue
        title = binding.tooltip or binding.description
        bound = keys.get(binding.id or "", [])
        hint = f"key: {keys_label(bound)}" if bound else "no key bound"
        yield SystemCommand(title, hint, partial(screen.run_action, binding.action))
    for status in STATUS_FILTERS:
        label = "all claims" if status == "all" else f"{status.replace('_', ' ')} claims"
        yield SystemCommand(
            f"Show {label}", "Status filter", partial(screen.set_status_filter, status)
        )
    state = "on" if screen.auto_advance else "off"
    yield SystemCommand(
        f"Toggle auto-advance (now {state})",
        "After a verdict, move to the next unreviewed claim",
        screen.toggle_auto_advance,
    )
