"""The ``agent-console`` entry point: the command line, plus the window when one is asked for.

Lives in ``ui`` because opening the window needs Qt, and ``console`` must never import it;
PySide6 is imported only when a window is actually opened, so CLI sub-commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.context import ConsoleContext


def _run_window(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from ui.self_test import run_self_test

        return run_self_test()
    from ui.display import display_problem, render_offscreen_if_headless

    if getattr(args, "screenshot", None):
        render_offscreen_if_headless()
    elif (problem := display_problem()) is not None:
        # Before Qt starts: its xcb plugin aborts the process when no X server answers.
        print(f"agent-console: {problem}", file=sys.stderr)
        return 4
    from ui.app import run_window

    return run_window(ctx, args)


def _hand_over_fast(argv: Sequence[str] | None) -> int | None:
    """Screen pop into a running console before loading the whole command line.

    A softphone runs ``agent-console --caller N`` on every ring; importing every
    sub-command takes seconds, the hand-over a few milliseconds. Only the plain window
    form qualifies (global options and ``--caller``, no sub-command); anything else, or no
    console running, falls through to the full command line.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not any(a == "--caller" or a.startswith("--caller=") for a in args):
        return None
    quick = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for option in ("--db", "--journal", "--config", "--agent", "--role", "--caller"):
        quick.add_argument(option)
    try:
        known, rest = quick.parse_known_args(args)
    except SystemExit:
        return None
    if rest or not known.caller:
        return None
    from ui.single_instance import hand_over

    if hand_over(known.caller):
        print(f"agent-console: handed {known.caller} to the running console", file=sys.stderr)
        return 0
    return None


def _no_display_for(argv: Sequence[str]) -> str | None:
    """Why the window asked for by ``argv`` cannot open, said before any work is done
    (building the demo database takes seconds), or None."""
    from console.cli import command_in

    if command_in(argv) not in (None, "demo"):
        return None
    early_exits = {"-h", "--help", "--version", "--self-test", "--no-window", "--screenshot"}
    if any(a.split("=", 1)[0] in early_exits for a in argv):
        return None
    from ui.display import display_problem

    return display_problem()


def main(argv: Sequence[str] | None = None) -> int:
    handed = _hand_over_fast(argv)
    if handed is not None:
        return handed
    problem = _no_display_for(list(sys.argv[1:] if argv is None else argv))
    if problem is not None:
        print(f"agent-console: {problem}", file=sys.stderr)
        return 4
    from console.cli import main as cli_main

    return cli_main(argv, gui=_run_window)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
