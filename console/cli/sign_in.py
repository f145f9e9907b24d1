"""Signing in from the command line, for every command that needs it, in one place.

Each sub-command declares how much sign-in it needs (``auth`` in its parser defaults):

- ``"user"``: signs in once the customer store has users (lookup, suggest, call, import,
  seed, audit, the window's ``--screenshot``...); before the first user exists, the
  settings' ``--agent``/``--role`` stand in (the bootstrap of a fresh install);
- ``"lead"``: always signs in (export, approve, user management, policy); the service then
  refuses any role but the one it needs;
- absent: no sign-in (demo, training, scenario check, sync delivery and status).

The secret comes from ``--password-stdin`` (the first line of stdin), else
``AGENT_CONSOLE_PASSWORD``, else a terminal prompt that does not echo. ``main`` runs this
before the handler, so a handler only reads ``console.principal.acting(ctx)``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from console.auth import Principal, sign_in, users_exist
from console.cli import PASSWORD_ENV
from console.context import ConsoleContext
from console.errors import PermissionDenied, UserError

NO_TERMINAL = (f"no terminal to ask for the password: set {PASSWORD_ENV}, "
               "or give --password-stdin before the command")


def prompt(text: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(NO_TERMINAL)
    return getpass.getpass(text)


def read_secret(args: argparse.Namespace, agent_id: str) -> str:
    """The sign-in secret: first line of stdin (--password-stdin), the environment, or a prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UserError("--password-stdin: nothing to read on stdin")
        return line.rstrip("\r\n")
    secret = os.environ.get(PASSWORD_ENV)
    if secret is not None:
        return secret
    return prompt(f"Password for {agent_id}: ")


def auth_level(args: argparse.Namespace) -> str | None:
    level = getattr(args, "auth", None)
    return level(args) if callable(level) else level


def sign_in_for_command(ctx: ConsoleContext, args: argparse.Namespace) -> Principal | None:
    """Sign the user in as the command needs; None while the store has no users (bootstrap)."""
    level = auth_level(args)
    if level is None:
        return None
    if not users_exist(ctx):
        if level == "lead":
            raise PermissionDenied("no users yet: add the first lead with "
                                   "'agent-console user add ID --name NAME --role lead'")
        return None
    return sign_in(ctx, ctx.settings.agent_id, read_secret(args, ctx.settings.agent_id))
