"""The ``agent-console`` entry point: the command line, plus the window when one is asked for.

Lives in ``ui`` because opening the window needs Qt, and ``console`` must never import it;
PySide6 is imported only when a window is actually opened, so CLI sub-commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from console.cli import main as cli_main
from console.context import ConsoleContext


def _run_window(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from ui.self_test import run_self_test

        return run_self_test()
    from ui.app import run_window

    return run_window(ctx, args)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, gui=_run_window)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
