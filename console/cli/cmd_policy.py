"""``agent-console policy show|set KEY VALUE``: the floor's rules kept in the customer store.

The default credit limit and the sign-in lockout are not in the workstation's config file
(whoever sits there can write it) but in the customer store, changed by a signed-in lead
(``config.change``) and audited. ``show`` also names the store and the store this
journal is bound to.
"""

from __future__ import annotations

import argparse

from console import binding, floor_policy
from console.context import ConsoleContext
from console.principal import acting


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("policy", help="the floor's credit limit and sign-in lockout (set: leads only)")
    psub = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = psub.add_parser("show", help="the current values, this store's id and the journal's binding")
    show.set_defaults(handler=run_show, auth="user")
    put = psub.add_parser("set", help="change one value (audited)",
                          description="; ".join(f"{s.key}: {s.meaning} (default {s.default})"
                                                for s in floor_policy.SETTINGS.values()))
    put.add_argument("key", choices=tuple(floor_policy.SETTINGS), metavar="KEY", help=", ".join(floor_policy.SETTINGS))
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(handler=run_set, auth="lead")


def run_show(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    acting(ctx)  # refuses when the store has users and nobody signed in
    with ctx.customers.session() as cs, cs.begin():
        values = floor_policy.current(cs)
        sid = floor_policy.store_id(cs)
    for key, setting in floor_policy.SETTINGS.items():
        print(f"{key:<16} {values[key]!s:>10}  {setting.meaning}")
    print(f"{'store':<16} {sid}")
    print(f"{'journal bound to':<16} {binding.bound_to(ctx) or '(not yet)'}")
    return 0


def run_set(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    new = floor_policy.set_policy(ctx, acting(ctx), args.key, args.value)
    print(f"{args.key} = {new}")
    return 0
