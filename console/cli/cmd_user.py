"""``agent-console user add|disable|unlock|list``: the people who may sign in.

Signing in itself happens before the handler (``console.cli.sign_in``): ``user add`` signs
in once the store has users (before that, it adds the first lead: the bootstrap), the
others always sign in, and the services refuse anyone but a lead.
"""

from __future__ import annotations

import argparse
import sys

from console.auth import add_user, disable_user, list_users, parse_credit_limit, unlock_user
from console.context import ConsoleContext
from console.errors import UserError
from console.principal import acting
from console.vocabulary import ROLES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="add, disable, unlock or list the users who sign in (leads only)")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", help="add a user or reset their password, role and limit",
                          description="The first user of a store that never had one is added without signing "
                          "in and must be a lead; after that a lead signs in to add users.")
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", dest="user_role", choices=ROLES, required=True)
    add.add_argument("--credit-limit", metavar="AMOUNT", help="largest credit this user issues without approval")
    add.add_argument("--password-stdin", dest="new_password_stdin", action="store_true",
                     help="read the NEW user's password from stdin (after the sign-in line, if the global "
                     "--password-stdin is given too)")
    add.set_defaults(handler=run_add, auth="user")
    dis = usub.add_parser("disable", help="refuse further sign-ins for a user")
    dis.add_argument("id", metavar="ID")
    dis.set_defaults(handler=run_disable, auth="lead")
    unlock = usub.add_parser("unlock", help="lift the lock after too many failed sign-ins")
    unlock.add_argument("id", metavar="ID")
    unlock.set_defaults(handler=run_unlock, auth="lead")
    ls = usub.add_parser("list", help="list users, roles, limits and whether they may sign in")
    ls.set_defaults(handler=run_list, auth="lead")


def _new_secret(args: argparse.Namespace) -> str:
    from console.cli.sign_in import prompt

    if args.new_password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UserError("--password-stdin: no new password on stdin")
        return line.rstrip("\r\n")
    first = prompt(f"New password or PIN for {args.id}: ")
    if prompt("Repeat it: ") != first:
        raise UserError("the two entries differ")
    return first


def run_add(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    limit = parse_credit_limit(args.credit_limit)
    # Signed in by main once the store has users; None only on a store that never had one.
    row = add_user(ctx, ctx.principal, args.id, name=args.name, role=args.user_role, secret=_new_secret(args),
                   credit_limit=limit)
    print(f"user {row.id} ({row.role}) can sign in")
    return 0


def run_disable(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    disable_user(ctx, acting(ctx), args.id)
    print(f"user {args.id} disabled")
    return 0


def run_unlock(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    was_locked = unlock_user(ctx, acting(ctx), args.id)
    print(f"user {args.id} {'unlocked' if was_locked else 'was not locked (failure count reset)'}")
    return 0


def run_list(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    for u in list_users(ctx, acting(ctx)):
        limit = "-" if u.credit_limit is None else str(u.credit_limit)
        state = "locked" if u.locked else "active" if u.active else "disabled"
        secret = "" if u.has_secret else "  (no password: cannot sign in)"
        print(f"{u.id:<12} {u.role:<8} {limit:>10}  {state:<8} {u.name}{secret}")
    return 0
