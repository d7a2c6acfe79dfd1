"""Check that the domain core never imports Textual, even indirectly.

Imports every module under `workbench.core` and `workbench.cli` (except the TUI launcher) in a
fresh interpreter and fails if `textual` ended up in `sys.modules`. The headless commands must
stay fast and usable without the UI, and the core must be testable without a screen.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import workbench.core


def main() -> int:
    names = [
        info.name
        for info in pkgutil.walk_packages(workbench.core.__path__, prefix="workbench.core.")
    ]
    names += [
        "workbench.cli.main",
        "workbench.cli.claims_command",
        "workbench.cli.report_command",
        "workbench.cli.evidence_command",
    ]
    for name in names:
        importlib.import_module(name)
    leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
    if leaked:
        print(f"the core imports Textual: {', '.join(leaked[:5])}", file=sys.stderr)
        return 1
    print(f"ok: {len(names)} core and command modules import without Textual")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
