"""``agent-console audit verify``: walk the journal's hash chain, name the first broken entry."""

from __future__ import annotations

import argparse
import sys

from console import audit
from console.context import ConsoleContext
from console.errors import UserError


class AuditBroken(UserError):
    exit_code = 6


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="check the audit trail's hash chain")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="verify the chain; exit 6 naming the first broken entry")
    v.set_defaults(handler=run_verify, auth="user")


def run_verify(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    result = audit.verify_trail(ctx)
    if not result.ok:
        raise AuditBroken(result.message())
    print(result.message(), file=sys.stdout)
    return 0
