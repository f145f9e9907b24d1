"""``agent-console demo [--reset]``: the console on the trainer's demo database.

The handler prepares the demo store (building it on first run, or restoring it with
``--reset``); the window itself is opened by the launcher in ``ui``.
"""

from __future__ import annotations

import argparse
import sys

from console.cli import add_window_options
from console.context import ConsoleContext
from console.demo import ensure_demo, reset_demo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="open the console on the demo database (trainer mode; nothing is delivered)")
    p.add_argument("--reset", action="store_true", help="restore the demo database to pristine first")
    p.add_argument("--no-window", action="store_true", help="prepare (or reset) the demo database and exit")
    add_window_options(p, sub=True)
    p.set_defaults(handler=run, demo_mode=True, opens_window=True)


def _progress(text: str) -> None:
    print(f"demo: {text} ...", file=sys.stderr, flush=True)


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    if args.reset:
        seconds = reset_demo(_progress)
        print(f"demo: reset to pristine in {seconds:.2f} s", file=sys.stderr)
    else:
        ensure_demo(_progress)
    if args.no_window:
        args.opens_window = False
    return 0
