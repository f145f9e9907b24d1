"""``agent-console export``: a lead's call-log export to CSV, XLSX or JSONL.

Reads the journal named by the global ``--journal`` (the local file, or the floor's
PostgreSQL for the whole floor). The lead signs in (``--agent`` plus the password from
``AGENT_CONSOLE_PASSWORD`` or a prompt); the service refuses other roles.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.context import ConsoleContext
from console.export import FORMATS, ExportFilters, ExportRequest, parse_day, run_export
from console.export.query import DEFAULT_TZ
from console.principal import acting


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="export call logs for a period (leads only; see docs/export.md)")
    p.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
    p.add_argument("--out", metavar="PATH", required=True,
                   help="file to write (appears only when complete; never one of the console's own stores)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-03-01 (local time)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, included")
    p.add_argument("--agent", dest="agents", metavar="ID", action="append", default=[],
                   help="only calls taken by this agent (repeatable)")
    p.add_argument("--outcome", dest="outcomes", metavar="CODE", action="append", default=[])
    p.add_argument("--root-cause", dest="root_causes", metavar="TAG", action="append", default=[])
    p.add_argument("--finding", dest="findings", metavar="CODE", action="append", default=[])
    p.add_argument("--tz", default=DEFAULT_TZ, help=f"time zone of the days and times (default {DEFAULT_TZ})")
    p.add_argument("--unmasked", action="store_true", help="include full phone numbers and ids (audited)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(handler=run, auth="lead", check=_filters)


def _filters(args: argparse.Namespace) -> ExportFilters:
    filters = ExportFilters(
        date_from=parse_day(args.date_from, "--from"), date_to=parse_day(args.date_to, "--to"),
        agents=tuple(args.agents), outcomes=tuple(args.outcomes), root_causes=tuple(args.root_causes),
        findings=tuple(args.findings), tz=args.tz,
    )
    filters.validate()
    return filters


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    filters = _filters(args)
    who = acting(ctx)
    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} calls", end="", file=sys.stderr, flush=True)

    result = run_export(ctx, who, ExportRequest(args.fmt, Path(args.out), filters, args.unmasked, overwrite=args.force),
                        progress=progress if show else None)
    if show:
        print(file=sys.stderr)
    print(f"{result.rows} calls written to {result.path}{'' if result.masked else ' (UNMASKED)'}")
    return 0
