"""The command line: the scripting and testing surface over the same services as the window.

Global options come before the sub-command (``agent-console --db URL lookup ...``). Each
sub-command lives in its own module with ``register(subparsers)``; its handler takes the
``ConsoleContext`` and the parsed arguments and returns the exit code. A ``UserError``
becomes one line on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from console import __version__
from console.context import ConsoleContext
from console.errors import UserError
from console.settings import load_settings

COMMAND_MODULES = (
    "console.cli.cmd_import",
    "console.cli.cmd_scenario",
    "console.cli.cmd_seed",
    "console.cli.cmd_lookup",
    "console.cli.cmd_suggest",
    "console.cli.cmd_demo",
    "console.cli.cmd_audit",
    "console.cli.cmd_call",
    "console.cli.cmd_sync",
    "console.cli.cmd_user",
    "console.cli.cmd_export",
    "console.cli.cmd_approve",
    "console.cli.cmd_training",
)

GuiRunner = Callable[[ConsoleContext, argparse.Namespace], int]
log = logging.getLogger("agent_console")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-console",
        description="Agent Console: the caller's contract, notifications and bill side by side.",
        epilog="Without a sub-command, opens the console window.",
    )
    parser.add_argument("--version", action="version", version=f"agent-console {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check this installation on a demo scenario in a temporary database, then exit")
    parser.add_argument("--db", metavar="URL", help="customer data (SQLAlchemy URL) [AGENT_CONSOLE_DB]")
    parser.add_argument("--journal", metavar="URL", help="journal of recorded calls [AGENT_CONSOLE_JOURNAL]")
    parser.add_argument("--config", metavar="PATH", help="TOML configuration [AGENT_CONSOLE_CONFIG]")
    parser.add_argument("--agent", metavar="ID", help="who is at the keyboard [AGENT_CONSOLE_AGENT]")
    parser.add_argument("--role", choices=("agent", "lead", "trainer"), help="[AGENT_CONSOLE_ROLE]")
    add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def add_window_options(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    # On a sub-command the options must not reset what was given before it.
    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--caller", metavar="PHONE", default=default, help="open the window on this caller (screen pop)")
    parser.add_argument("--screenshot", metavar="PATH", default=default, help="save the window as PNG after the screen pop, then exit")


def context_from_args(args: argparse.Namespace) -> ConsoleContext:
    if getattr(args, "demo_mode", False):
        from console.demo import refuse_foreign_stores

        refuse_foreign_stores(args.db, args.journal)
    settings = load_settings(
        db=args.db,
        journal=args.journal,
        config=args.config,
        agent=args.agent,
        role=args.role,
        demo=bool(getattr(args, "demo_mode", False)),
    )
    return ConsoleContext(settings)


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        with context_from_args(args) as ctx:
            if handler is None or getattr(args, "opens_window", False):
                if gui is None and not getattr(args, "no_window", False):
                    raise UserError("the window needs PySide6; use a sub-command (see --help)")
                if handler is not None:
                    code = handler(ctx, args)
                    if code or not getattr(args, "opens_window", False):
                        return code
                return gui(ctx, args)
            return handler(ctx, args)
    except UserError as exc:
        print(f"agent-console: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("agent-console: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
