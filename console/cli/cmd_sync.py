"""``agent-console sync [--once | --watch]`` and ``agent-console sync status [--json]``.

The CLI face of the sync worker: deliver the outbox once (for cron or a test), keep
delivering until interrupted, or show per hook what is delivered, pending, failing and dead.
The window's background thread uses the same ``SyncWorker``; the journal's lease keeps the
two from sending at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import signal
import sys
import threading
from typing import Any

from console.context import ConsoleContext
from console.errors import UserError
from console.masking import mask_url_secrets
from console.principal import acting
from console.sync.dead_letters import dead_letters, requeue
from console.sync.state import HookStatus, status
from console.sync.worker import SyncResult, SyncWorker

EXIT_UNDELIVERED = 7


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="deliver recorded outcomes to the configured hooks, or show their status")
    p.add_argument("action", nargs="?", choices=("status", "dead", "requeue"),
                   help="status: per hook delivered/pending/failing/dead; dead: the refused events with the "
                   "receiver's answer; requeue: send a hook's dead events again (leads)")
    p.add_argument("--hook", metavar="NAME", help="dead/requeue: only this hook (requeue needs it)")
    p.add_argument("--event", action="append", metavar="ID", help="requeue: only this event (repeatable; default all dead)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="deliver what is due, then exit (the default)")
    mode.add_argument("--watch", action="store_true", help="keep delivering until interrupted")
    p.add_argument("--json", action="store_true", help="status as JSON")
    p.set_defaults(handler=run, auth=_auth)


def _auth(args: argparse.Namespace) -> str | None:
    """Delivery and status show no customer data and run unattended (cron, the window's
    thread); the dead letters carry the receivers' answers, and a requeue is a lead's."""
    return {"dead": "user", "requeue": "lead"}.get(args.action or "")


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    if args.action == "dead":
        acting(ctx)  # refuses when the store has users and nobody signed in
        letters = dead_letters(ctx, args.hook)
        for d in letters:
            print(f"{d.hook}  {d.event_id}  {d.type}  customer {d.customer_id}  {d.created_at:%Y-%m-%d %H:%M}Z  "
                  f"attempts {d.attempts}  {mask_url_secrets((d.last_error or '').strip())}  "
                  f"{(d.response or '').strip()[:200]}")
        if not letters:
            print("no dead events")
        return 0
    if args.action == "requeue":
        if not args.hook:
            raise UserError("requeue needs --hook NAME")
        count = requeue(ctx, acting(ctx), args.hook, args.event)
        print(f"{count} events of {args.hook} will be sent again")
        return 0
    if args.action == "status":
        rows = [dataclasses.replace(r, last_error=mask_url_secrets(r.last_error)) if r.last_error else r
                for r in status(ctx)]
        if args.json:
            print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        else:
            print(render_status(rows))
        return 0
    if not ctx.settings.hooks:
        print("agent-console: no sync hooks configured ([[sync.hooks]] in the config file)", file=sys.stderr)
        return 0
    worker = SyncWorker(ctx)
    if args.watch:
        return _watch(worker)
    result = worker.run_once()
    worker.close()
    print(render_result(result))
    return 0 if result.ok or result.lease_holder or result.demo else EXIT_UNDELIVERED


def _watch(worker: SyncWorker) -> int:
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)

    def on_result(result: SyncResult) -> None:
        if result.delivered or not result.ok:
            print(render_result(result), flush=True)

    worker.watch(stop, on_result=on_result)
    return 0


def render_result(r: SyncResult) -> str:
    if r.demo:
        return "demo mode: nothing is delivered to the configured hooks"
    if r.lease_holder:
        return f"another worker is delivering from this journal ({r.lease_holder}); nothing to do"
    lines = []
    for h in r.hooks:
        line = f"{h.name}: delivered {h.delivered}, failing {h.failed}, dead {h.dead}"
        lines.append(line + (f"  ({h.error})" if h.error else ""))
    if r.lease_lost:
        lines.append("lost the lease to another worker; stopped")
    return "\n".join(lines) or "no hooks"


def render_status(rows: list[HookStatus]) -> str:
    if not rows:
        return "no sync hooks configured"
    head = ("hook", "kind", "delivered", "pending", "failing", "dead", "last success", "last error")
    table = [head] + [
        (r.name, r.kind, str(r.delivered), str(r.pending), str(r.failing), str(r.dead),
         f"{r.last_success:%Y-%m-%d %H:%M:%S}Z" if r.last_success else "-", (r.last_error or "-")[:80])
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(head) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row[:-1], widths, strict=True)))
        + "  " + row[-1]
        for row in table
    )
