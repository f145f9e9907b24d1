"""``agent-console seed --customers N``: fill the customer store with a synthetic population.

Thin on purpose: options in, ``console.seed.seed_population`` does the work, a summary out
(counts per table, complaint cases planted, time, rows per second, file size).
"""

from __future__ import annotations

import argparse
from datetime import date

from console.context import ConsoleContext
from console.data_load import seed_customers
from console.errors import UserError
from console.seed import SeedOptions, SeedReport
from console.seed.progress import ProgressPrinter


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "seed",
        help="generate a synthetic population (zh_TW names, Faker) into the customer store",
        description="Generate synthetic customers S0000001... with phones, services, contracts, "
        "bills, notices and usage; a few percent carry a complaint pattern for the rules to find.",
    )
    p.add_argument("--customers", type=int, required=True, metavar="N", help="how many customers")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed: same seed, same rows (default 1)")
    p.add_argument("--months", type=int, metavar="M", help="months of bills per customer (12-24; default random 12-24)")
    p.add_argument("--complaints", type=float, default=0.03, metavar="SHARE", help="share of customers with a complaint pattern (default 0.03)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="bills run up to this day (default today); fix it for identical rows on another day")
    p.add_argument("--jobs", type=int, metavar="J", help="SQLite, 20,000+ customers: generate in J worker processes (default 2 on 2+ cores)")
    p.add_argument("--replace", action="store_true", help="replace an existing synthetic population (scenario customers are kept)")
    p.set_defaults(handler=run, auth="user")


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise UserError(f"--as-of must be a date like 2026-11-27, not {args.as_of!r}") from None
    options = SeedOptions(
        customers=args.customers,
        seed=args.seed,
        months=args.months,
        complaint_rate=args.complaints,
        replace=args.replace,
        as_of=as_of,
        **({"jobs": args.jobs} if args.jobs is not None else {}),
    )
    report = seed_customers(ctx, options, progress=ProgressPrinter())
    print(render_report(report))
    return 0


def render_report(report: SeedReport) -> str:
    out = []
    if report.replaced:
        out.append(f"replaced {report.replaced:,} synthetic customers")
    out.append(f"seeded {report.customers:,} customers, {report.total_rows:,} rows:")
    out.extend(f"  {table:<14} {n:>12,}" for table, n in report.rows.items())
    planted = sum(report.patterns.values())
    out.append(f"complaint patterns planted in {planted:,} customers ({planted / report.customers:.1%}):")
    out.extend(f"  {name:<30} {n:>8,}" for name, n in report.patterns.items())
    rate = report.total_rows / report.elapsed_s if report.elapsed_s else 0.0
    workers = f" in {report.workers} processes" if report.workers > 1 else ""
    merge = f", merge {report.merge_s:,.1f}s" if report.merge_s else ""
    out.append(
        f"elapsed {report.elapsed_s:,.1f}s (generate {report.generate_s:,.1f}s and write {report.write_s:,.1f}s{workers}"
        f"{merge}, indexes {report.index_s:,.1f}s), {rate:,.0f} rows/s"
    )
    if report.size_bytes is not None:
        out.append(f"file size {report.size_bytes / 1024**2:,.1f} MiB")
    return "\n".join(out)
