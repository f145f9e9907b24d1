"""``agent-console approve list|accept ID|reject ID --reason TEXT``: the lead's approval queue."""

from __future__ import annotations

import argparse

from console.approvals import approval_queue, decide
from console.context import ConsoleContext
from console.principal import acting


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("approve", help="credits waiting for a lead: list, accept or reject (leads only)")
    p.set_defaults(auth="lead")
    asub = p.add_subparsers(dest="approve_command", metavar="ACTION", required=True)
    ls = asub.add_parser("list", help="credits waiting for approval, oldest first")
    ls.set_defaults(handler=run_list)
    for name, helptext in (("accept", "approve a credit"), ("reject", "reject a credit (a reason is required)")):
        a = asub.add_parser(name, help=helptext)
        a.add_argument("action_id", metavar="ID", help="the credit's action id (from 'approve list')")
        a.add_argument("--reason", default="", help="why; shown to the agent and kept in the audit trail")
        a.set_defaults(handler=run_decide, approve=(name == "accept"))


def run_list(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    rows = approval_queue(ctx, acting(ctx))
    if not rows:
        print("no credits waiting for approval")
    for r in rows:
        print(f"{r.action_id}  {r.created_at:%Y-%m-%d %H:%M}Z  agent {r.agent_id:<8} customer {r.customer_id:<10} "
              f"{r.amount} {r.currency}  {r.service_code or '-'}  {','.join(r.periods)}")
    return 0


def run_decide(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    who = acting(ctx)
    with ctx.journal.session() as s, s.begin():
        d = decide(s, args.action_id, who, approve=args.approve, reason=args.reason, now=ctx.now(),
                   workstation=ctx.settings.workstation)
    print(f"credit {d.action_id} {d.status} by {d.decided_by}")
    return 0
