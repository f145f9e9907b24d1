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
import os
import sys
from collections.abc import Callable, Sequence

from console import __version__
from console.context import ConsoleContext
from console.errors import UserError
from console.settings import load_settings

# Sub-command -> (module, one-line help). Only the module of the command being run is
# imported, so ``--version``, ``--help`` and opening the window stay fast; a module's
# ``register(subparsers)`` adds its full parser.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("console.cli.cmd_demo", "open the console on the demo database (trainer mode; nothing is delivered)"),
    "import": ("console.cli.cmd_import", "load scenario files (YAML files or folders) into the customer store"),
    "scenario": ("console.cli.cmd_scenario", "work with scenario files (see 'scenario check')"),
    "seed": ("console.cli.cmd_seed", "generate a synthetic population (zh_TW names, Faker)"),
    "lookup": ("console.cli.cmd_lookup", "show a caller's contracts, notifications, bills, usage and events"),
    "suggest": ("console.cli.cmd_suggest", "name what went wrong for a caller and what to do about it"),
    "call": ("console.cli.cmd_call", "record a call's outcome (prints the new call id)"),
    "sync": ("console.cli.cmd_sync", "deliver recorded outcomes to the configured hooks, or show their status"),
    "export": ("console.cli.cmd_export", "export call logs for a period (leads only; see docs/export.md)"),
    "approve": ("console.cli.cmd_approve", "credits waiting for a lead: list, accept or reject (leads only)"),
    "user": ("console.cli.cmd_user", "add, disable, unlock or list the users who sign in (leads only)"),
    "policy": ("console.cli.cmd_policy", "the floor's credit limit and sign-in lockout (set: leads only)"),
    "journal": ("console.cli.cmd_journal", "the journal's binding to a customer store (leads only)"),
    "audit": ("console.cli.cmd_audit", "check the audit trail's hash chain"),
    "training": ("console.cli.cmd_training", "score training calls and write session reports (on the demo database)"),
}
COMMAND_MODULES = tuple(module for module, _ in COMMANDS.values())
# Global options that take a value: skipped when looking for the sub-command in argv.
_VALUED = {"--db", "--journal", "--config", "--agent", "--role", "--caller", "--screenshot"}
PASSWORD_ENV = "AGENT_CONSOLE_PASSWORD"

GuiRunner = Callable[[ConsoleContext, argparse.Namespace], int]
log = logging.getLogger("agent_console")


def command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (after the global options), if any."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _VALUED:
            skip = True
        elif token.startswith("-"):
            continue
        else:
            return token if token in COMMANDS else None
    return None


def build_parser(only: str | None = "*") -> argparse.ArgumentParser:
    """The whole parser (``only="*"``), or one whose only full sub-command is ``only``."""
    parser = argparse.ArgumentParser(
        prog="agent-console",
        description="Agent Console: the caller's contract, notifications and bill side by side.",
        epilog="Without a sub-command, opens the console window. Once the customer store has users, "
        "every command that shows customer data, records, changes data or money, or exports signs in "
        f"the user named by --agent (password from --password-stdin, {PASSWORD_ENV} or a prompt); "
        "the role and credit limit then come only from the user record: --role, AGENT_CONSOLE_ROLE and "
        "the config file grant nothing (they apply only before the first user exists, and in demo mode).",
    )
    parser.add_argument("--version", action="version", version=f"agent-console {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check this installation on a demo scenario in a temporary database, then exit")
    parser.add_argument("--db", metavar="URL", help="customer data (SQLAlchemy URL) [AGENT_CONSOLE_DB]")
    parser.add_argument("--journal", metavar="URL", help="journal of recorded calls [AGENT_CONSOLE_JOURNAL]")
    parser.add_argument("--config", metavar="PATH", help="TOML configuration [AGENT_CONSOLE_CONFIG]")
    parser.add_argument("--agent", metavar="ID", help="your user id: who signs in [AGENT_CONSOLE_AGENT]")
    parser.add_argument("--role", choices=("agent", "lead", "trainer"),
                        help="role before the store has users, and in demo mode; grants nothing once users "
                        "exist [AGENT_CONSOLE_ROLE]")
    parser.add_argument("--password-stdin", action="store_true",
                        help=f"read the sign-in password from the first line of stdin (else {PASSWORD_ENV} or a prompt)")
    add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if only == "*" or only == name:
            importlib.import_module(module).register(sub)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
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


def _window_auth(args: argparse.Namespace) -> str | None:
    """The window signs in through its dialog; a ``--screenshot`` has no one to ask, so it
    signs in like a command (the self-test uses a temporary store of its own)."""
    if getattr(args, "self_test", False) or getattr(args, "demo_mode", False):
        return None
    return "user" if getattr(args, "screenshot", None) else None


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=command_in(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        args.auth = _window_auth
    # Every file the console creates (stores and their -wal/-shm, journals, exports, drop
    # files, reports, caches) is private to this OS user, whatever the session's umask.
    umask = os.umask(0o077)
    from console.masking import install_log_masking

    install_log_masking()  # phones and ids never reach stderr or a log in clear
    try:
        with context_from_args(args) as ctx:
            check = getattr(args, "check", None)
            if check is not None:  # bad input is told before anyone is asked for a password
                check(args)
            if getattr(args, "auth", None) is not None:
                from console.cli.sign_in import sign_in_for_command  # argon2 loads only when needed

                sign_in_for_command(ctx, args)
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
    finally:
        os.umask(umask)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
