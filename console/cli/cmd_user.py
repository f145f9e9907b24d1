"""``agent-console user add|disable|list``: the people who may sign in, and CLI sign-in.

Also home of ``signed_in``: lead-only sub-commands (export, approve, user) sign the caller
in with ``--agent ID`` and a secret from ``AGENT_CONSOLE_PASSWORD`` or a terminal prompt,
so the role comes from the user store, never from a ``--role`` flag anyone can type.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from console.auth import (
    Principal,
    add_user,
    authenticate,
    disable_user,
    has_lead,
    list_users,
    parse_credit_limit,
)
from console.context import ConsoleContext
from console.errors import UserError
from console.vocabulary import ROLES

PASSWORD_ENV = "AGENT_CONSOLE_PASSWORD"


def _prompt(text: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(f"no terminal to ask for the password: set {PASSWORD_ENV} or use --password-stdin")
    return getpass.getpass(text)


def signed_in(ctx: ConsoleContext) -> Principal:
    """Sign in the user named by --agent / AGENT_CONSOLE_AGENT."""
    agent_id = ctx.settings.agent_id
    secret = os.environ.get(PASSWORD_ENV)
    if secret is None:
        secret = _prompt(f"Password for {agent_id}: ")
    return authenticate(ctx, agent_id, secret)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="add, disable or list the users who sign in (leads only)")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", help="add a user or reset their password, role and limit")
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", dest="user_role", choices=ROLES, required=True)
    add.add_argument("--credit-limit", metavar="AMOUNT", help="largest credit this user issues without approval")
    add.add_argument("--password-stdin", action="store_true", help="read the new user's password from stdin")
    add.set_defaults(handler=run_add)
    dis = usub.add_parser("disable", help="refuse further sign-ins for a user")
    dis.add_argument("id", metavar="ID")
    dis.set_defaults(handler=run_disable)
    ls = usub.add_parser("list", help="list users, roles, limits and whether they may sign in")
    ls.set_defaults(handler=run_list)


def _new_secret(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = _prompt(f"New password or PIN for {args.id}: ")
    if _prompt("Repeat it: ") != first:
        raise UserError("the two entries differ")
    return first


def run_add(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    limit = parse_credit_limit(args.credit_limit)
    with ctx.customers.session() as cs:
        bootstrap = not has_lead(cs)
    by = None if bootstrap else signed_in(ctx)
    row = add_user(ctx, by, args.id, name=args.name, role=args.user_role, secret=_new_secret(args), credit_limit=limit)
    print(f"user {row.id} ({row.role}) can sign in")
    return 0


def run_disable(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    disable_user(ctx, signed_in(ctx), args.id)
    print(f"user {args.id} disabled")
    return 0


def run_list(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    for u in list_users(ctx, signed_in(ctx)):
        limit = "-" if u.credit_limit is None else str(u.credit_limit)
        state = "active" if u.active else "disabled"
        secret = "" if u.has_secret else "  (no password: cannot sign in)"
        print(f"{u.id:<12} {u.role:<8} {limit:>10}  {state:<8} {u.name}{secret}")
    return 0
