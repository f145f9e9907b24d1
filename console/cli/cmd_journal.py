"""``agent-console --db NEW journal rebind --from-db OLD``: move a journal to another customer store.

A journal is bound to the customer store whose users sign in to write into it
(console.binding). Moving a floor (the embedded SQLite store to a central PostgreSQL one)
is a lead's action: the same lead signs in to the old store (the one the journal is bound
to) and to the new one (``--db``), with one password read once, and the move is audited.
"""

from __future__ import annotations

import argparse
import dataclasses

from console import binding
from console.auth import authenticate, users_exist
from console.cli.sign_in import read_secret
from console.context import ConsoleContext
from console.errors import PermissionDenied


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("journal", help="the journal's binding to a customer store (leads only)")
    jsub = p.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    rb = jsub.add_parser("rebind", help="bind this journal to the --db store instead of --from-db (audited)")
    rb.add_argument("--from-db", required=True, metavar="URL", help="the customer store the journal is bound to now")
    rb.set_defaults(handler=run_rebind)


def run_rebind(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    old = ConsoleContext(dataclasses.replace(ctx.settings, db_url=args.from_db), clock=ctx.clock)
    try:
        if not users_exist(ctx) or not users_exist(old):
            raise PermissionDenied("both customer stores need a lead who signs in")
        agent_id = ctx.settings.agent_id
        secret = read_secret(args, agent_id)
        old_who = authenticate(old, agent_id, secret)
        who = authenticate(ctx, agent_id, secret)
        before, after = binding.rebind(ctx, who, old, old_who)
    finally:
        old.close()
    print(f"journal bound to customer store {after} (was {before or 'not bound'})")
    return 0
