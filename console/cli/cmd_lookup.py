"""``agent-console lookup PHONE [--json]``: the caller's world, for scripts and support."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from console.caller_json import caller_to_json
from console.caller_view import CallerView
from console.context import ConsoleContext
from console.formatting import day, moment
from console.formatting import money as fmt_money
from console.permissions import require
from console.principal import acting


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("lookup", help="show a caller's contracts, notifications, bills, usage and events")
    p.add_argument("phone", metavar="PHONE", help="any written form: 0912-345-678, +886 912 345 678, (02) 2345-6789")
    p.add_argument("--json", action="store_true", help="print JSON (keys documented in the README)")
    p.set_defaults(handler=run, auth="user")


def warn_if_cached(view: CallerView) -> None:
    """On stderr: the source did not answer and this is the caller's last copy (see docs/integration.md)."""
    if view.cached is not None:
        age = int((datetime.now(UTC) - view.cached.saved_at).total_seconds() // 60)
        print(f"agent-console: {view.cached.reason}: showing the copy of this caller read "
              f"{moment(view.cached.saved_at, 'en')} ({age} min ago); it may be out of date", file=sys.stderr)


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    require(acting(ctx), "customer.view")
    view = ctx.source.find(args.phone)
    warn_if_cached(view)
    if args.json:
        print(json.dumps(caller_to_json(view), ensure_ascii=False, indent=2))
    else:
        print(render_text(view))
    return 0


def render_text(view: CallerView) -> str:
    """Plain text for a terminal: amounts and times as the agent reads them (en, Taipei time)."""
    c = view.customer

    def m(amount):  # type: ignore[no-untyped-def]
        return fmt_money(amount, view.currency, "en")

    def t(value):  # type: ignore[no-untyped-def]
        return moment(value, "en")

    out = [f"{c.name}  ({c.id}, {c.language})  phones: {', '.join(c.phones)}  ID: {c.national_id_masked or '-'}"]
    for k in view.contracts:
        out.append(f"Contract {k.id}  signed {k.signed_on}  plan {k.plan or '-'}")
        for cl in k.clauses:
            out.append(f"  clause {cl.id} [{cl.kind}] {cl.service_code or ''}: {cl.text}")
    out.append("Services:")
    for s in view.services:
        dates = " ".join(f"{label} {day(d, 'en')}" for label, d in (("trial until", s.trial_until), ("term until", s.term_until)) if d)
        out.append(f"  {s.code:<8} {s.name(c.language)}  {m(s.fee_amount)}/{s.fee_per}  {s.status}  {dates}")
    out.append("Notifications (newest first):")
    for n in view.notifications:
        out.append(f"  {t(n.sent_at)}  {n.channel:<6} {n.service_code or '-':<8} [{n.says}] {n.text}")
    out.append("Bills:")
    for b in view.bills:
        out.append(f"  {b.period} {b.id}  total {m(b.total)}")
        for ln in b.lines:
            out.append(f"      {ln.id:<20} {ln.service_code or '-':<8} {m(ln.amount):>10}  {ln.text}")
    if view.usage:
        out.append("Usage: " + ", ".join(f"{u.service_code} {u.period}: {u.units}" for u in view.usage))
    if view.events:
        out.append("Events:")
        for e in view.events:
            out.append(f"  {t(e.at)}  {e.channel:<6} {e.kind:<16} {e.service_code or '-':<8} {e.text or ''}")
    return "\n".join(out)
