"""Benchmark: export 1,000,000 calls to CSV and XLSX, beside the sqlite3 tool's own CSV.

The journal is built once with a raw ``executemany`` (cached under ``bench/.cache/``, in
exactly the storage format the ORM writes, checked by reading a row back through it).
Each export runs in a child process so its peak memory is its own. The baseline is the
``sqlite3`` command-line tool printing the same rows and columns as CSV in the same run:
the very statement the CSV export runs on SQLite (which formats the rows itself, see
``console/export/sqlite_fast.py``), and for reference the raw columns with the actions and
cases folded in by correlated subqueries, and the bare calls columns.

    .venv/bin/python bench/export.py [--calls 1000000] [--skip-xlsx]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = ROOT / "bench" / ".cache"
T0 = datetime(2025, 1, 1, tzinfo=UTC)
OUTCOMES = ("resolved", "resolved_with_credit", "escalated", "callback_scheduled", "no_action_needed",
            "transferred", "dropped")
CAUSES = ("contract_notice_mismatch", "website_rule", "sales_promise", "billing_error",
          "customer_misunderstanding", "other", None)
CODES = ("notice_contradicts_contract", "promo_not_applied", "charged_after_cancel_attempt",
         "charged_while_suspended", "duplicate_charge", "unused_paid_service")
NOTES = (None, None, "客戶表示已收到簡訊說明試用期結束後不再收費，同意退款。", "Customer says the promo was promised in the shop.",
         "回撥 0912-345-678，身分證 A123456789", "=HYPERLINK(\"http://x\",\"y\")", "已開立申訴案件，請帳務部確認。")


def _ts(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DATETIME storage format


def build(path: Path, n: int) -> None:
    from console.db import open_store

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    open_store(f"sqlite:///{tmp}", "journal").dispose()  # schema through Alembic
    rnd = random.Random(7)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA synchronous=OFF")
    calls, actions, cases = [], [], []
    start = time.perf_counter()
    for i in range(n):
        at = T0 + timedelta(seconds=i * 31)
        cid, cust = f"{i:08x}-0000-4000-8000-{i:012x}", f"C{rnd.randrange(200_000):06d}"
        credit = 0
        if rnd.random() < 0.35:
            credit = rnd.choice((9900, 19900, 30000, 59800, 120000))
            status = "applied" if credit <= 50000 else rnd.choice(("approved", "pending_approval", "rejected"))
            actions.append((f"a{i:07d}", cid, cust, "issue_credit", "VOD", credit, "TWD", "credit-1", status,
                            f"A{i % 200:03d}", _ts(at)))
            if status in ("pending_approval", "rejected"):
                credit = 0
        if rnd.random() < 0.1:
            actions.append((f"k{i:07d}", cid, cust, "open_case", None, None, "TWD", "case-1", "applied",
                            f"A{i % 200:03d}", _ts(at)))
            cases.append((f"case{i:07d}", cust, cid, f"A{i % 200:03d}", "open", _ts(at)))
        k = rnd.choice((0, 0, 1, 1, 2))
        codes = json.dumps(rnd.sample(CODES, k)) if k else None
        calls.append((cid, cust, f"+8869{rnd.randrange(10**8):08d}", f"A{i % 200:03d}", "ws-01", _ts(at),
                      _ts(at + timedelta(seconds=240)), _ts(at + timedelta(seconds=300)), 240, 60,
                      rnd.choice(OUTCOMES), rnd.choice(CAUSES), rnd.choice(NOTES), codes, credit, "TWD", 0))
        if len(calls) >= 50_000 or i == n - 1:
            with con:
                con.executemany(
                    "INSERT INTO calls (id, customer_id, phone_e164, agent_id, workstation, started_at, ended_at,"
                    " saved_at, duration_s, acw_s, outcome, root_cause, notes, finding_codes, credit_total, currency,"
                    " demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", calls)
                con.executemany(
                    "INSERT INTO actions (id, call_id, customer_id, kind, service_code, amount, currency,"
                    " idempotency_key, status, agent_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", actions)
                con.executemany(
                    "INSERT INTO cases (id, customer_id, call_id, owner, status, opened_at) VALUES (?,?,?,?,?,?)",
                    cases)
            calls, actions, cases = [], [], []
    con.execute("ANALYZE")
    con.close()
    tmp.rename(path)
    print(f"built {n:,} calls in {time.perf_counter() - start:.1f}s -> {path}")


def check_orm(path: Path) -> None:
    """The raw rows read back through the ORM as the console would see them."""
    from sqlalchemy import select

    from console.db import open_store
    from console.models import Call

    store = open_store(f"sqlite:///{path}", "journal")
    with store.session() as s:
        call = s.scalars(select(Call).limit(1)).one()
        assert call.started_at.tzinfo is not None and call.started_at.year == 2025
    store.dispose()


def baseline_sql(url_path: Path, with_children: bool) -> str:
    from sqlalchemy import create_engine

    from console.export.query import ExportFilters, calls_select

    engine = create_engine(f"sqlite:///{url_path}")
    sql = str(calls_select(ExportFilters()).compile(engine, compile_kwargs={"literal_binds": True}))
    engine.dispose()
    if not with_children:
        return sql
    head, rest = sql.split("\nFROM calls", 1)
    return (head + ",\n (SELECT group_concat(kind || ' ' || coalesce(service_code, '') || ' ' || coalesce(amount, '')"
            " || ' ' || status, '; ') FROM actions WHERE actions.call_id = calls.id) AS actions,\n"
            " (SELECT group_concat(cases.id, '; ') FROM cases WHERE cases.customer_id = calls.customer_id"
            " AND cases.call_id = calls.id) AS case_id\nFROM calls" + rest)


def exporter_sql(db: Path) -> str:
    """The exact statement the CSV export runs on SQLite; the two Python functions it calls
    (note masking, odd phone forms) replaced by the raw column, as the CLI cannot call them."""
    from sqlalchemy import create_engine

    from console.export.query import ExportFilters
    from console.export.sqlite_fast import csv_select

    engine = create_engine(f"sqlite:///{db}")
    sql = str(csv_select(ExportFilters(), 480, masked=True).compile(engine, compile_kwargs={"literal_binds": True}))
    engine.dispose()
    return sql.replace("ac_note(calls.notes)", "calls.notes").replace("ac_mask_phone(calls.phone_e164)",
                                                                        "calls.phone_e164")


def sqlite3_cli(db: Path, sql: str, out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as fh:
        subprocess.run(["sqlite3", "-readonly", "-csv", "-header", str(db), sql], stdout=fh, check=True)
    return time.perf_counter() - start


def child(fmt: str, db: Path, out: Path) -> None:
    """Run one export in this process and print its figures as JSON."""
    from console.auth import Principal
    from console.context import ConsoleContext
    from console.export import ExportRequest, run_export
    from console.settings import load_settings

    ctx = ConsoleContext(load_settings(db=f"sqlite:///{CACHE / 'customers.sqlite3'}", journal=f"sqlite:///{db}"))
    ctx.journal  # noqa: B018  (open and check the schema outside the timing)
    start = time.perf_counter()
    result = run_export(ctx, Principal("bench", "bench", "lead", None), ExportRequest(fmt, out, overwrite=True))  # the last run's file is replaced
    elapsed = time.perf_counter() - start
    ctx.close()
    print(json.dumps({"rows": result.rows, "seconds": elapsed,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_child(fmt: str, db: Path, out: Path) -> dict[str, float]:
    # The export's audit entries go to the bench journal with a bench key, never the user's.
    env = {**os.environ, "AGENT_CONSOLE_AUDIT_KEY": "bench-only", "XDG_DATA_HOME": str(CACHE / "xdg-data"),
           "XDG_CONFIG_HOME": str(CACHE / "xdg-config")}
    proc = subprocess.run([sys.executable, __file__, "--child", fmt, str(db), str(out)], capture_output=True,
                          text=True, check=False, env=env)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=1_000_000)
    ap.add_argument("--skip-xlsx", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file (bench/run_all.py)")
    ap.add_argument("--child", nargs=3, metavar=("FORMAT", "DB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"journal-{args.calls}.sqlite3"
    if not db.exists():
        build(db, args.calls)
    check_orm(db)
    out_dir = CACHE / "out"
    out_dir.mkdir(exist_ok=True)
    n = args.calls
    t_same = sqlite3_cli(db, exporter_sql(db), out_dir / "sqlite3-same.csv")
    t_full = sqlite3_cli(db, baseline_sql(db, True), out_dir / "sqlite3-full.csv")
    t_bare = sqlite3_cli(db, baseline_sql(db, False), out_dir / "sqlite3-bare.csv")
    csv = run_child("csv", db, out_dir / "export.csv")
    w = 52
    print(f"{'what (' + format(n, ',') + ' calls)':<{w}} {'seconds':>8} {'rows/s':>10} {'peak MiB':>9}")
    print(f"{'sqlite3 -csv, the exporter statement itself':<{w}} {t_same:>8.2f} {n / t_same:>10,.0f}")
    print(f"{'sqlite3 -csv, raw columns + actions/cases subqueries':<{w}} {t_full:>8.2f} {n / t_full:>10,.0f}")
    print(f"{'sqlite3 -csv, raw calls columns only':<{w}} {t_bare:>8.2f} {n / t_bare:>10,.0f}")
    print(f"{'agent-console export --format csv':<{w}} {csv['seconds']:>8.2f} {csv['rows'] / csv['seconds']:>10,.0f}"
          f" {csv['peak_mib']:>9.0f}")
    print(f"csv speed: {t_same / csv['seconds']:.2f}x the sqlite3 tool on the same statement (target >= 0.5x);"
          f" {t_full / csv['seconds']:.2f}x on raw columns + subqueries; {t_bare / csv['seconds']:.2f}x on raw"
          f" calls only; peak memory {csv['peak_mib']:.0f} MiB (target < 300)")
    figures: dict[str, object] = {"calls": n, "sqlite3_same_s": t_same, "sqlite3_full_s": t_full,
                                  "sqlite3_bare_s": t_bare, "csv": csv, "load_csv": os.getloadavg()[0]}
    if not args.skip_xlsx:
        x = run_child("xlsx", db, out_dir / "export.xlsx")
        figures["xlsx"], figures["load_xlsx"] = x, os.getloadavg()[0]
        print(f"{'agent-console export --format xlsx':<{w}} {x['seconds']:>8.2f} {x['rows'] / x['seconds']:>10,.0f}"
              f" {x['peak_mib']:>9.0f}")
        print(f"xlsx speed: {t_same / x['seconds']:.2f}x the sqlite3 tool's csv of the same statement;"
              f" peak memory {x['peak_mib']:.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
