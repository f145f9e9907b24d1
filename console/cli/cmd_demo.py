"""``agent-console demo``: being built (see the issue tracker); registered so --help is complete."""

from __future__ import annotations

import argparse

from console.context import ConsoleContext
from console.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="(in progress)")
    p.set_defaults(handler=run)


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    raise UserError("'demo' is not available in this build yet")
