"""Benchmark: drain the outbox into PostgreSQL, and the time to record one call.

Figures are printed beside a baseline measured in the same run on the same machine:

1. Drain N events (default 100,000 ``call.recorded`` events with their calls) from a local
   SQLite journal into PostgreSQL through the ``postgres`` sync hook (the whole worker:
   lease, batching, per-hook delivery state, upserts), versus a raw psycopg ``COPY`` of the
   same rows (read from the same SQLite file, COPY into the same tables). Target: at least
   5,000 events/s.
2. Record one call (``record_call`` with a credit and a case: call + actions + case +
   outbox events + audit entries, one transaction, ``synchronous=FULL``) p50/p99, versus a
   bare one-row SQLite commit with the same pragmas. Target: p99 under 50 ms.

    AGENT_CONSOLE_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432/test \
        .venv/bin/python bench/sync_record.py [--events 100000] [--calls 500]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from console.actions import ActionSpec
from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.db import open_store
from console.models import Call, OutboxEvent
from console.outbox import new_id
from console.settings import load_settings
from console.sync.worker import SyncWorker

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def fill_journal(ctx: ConsoleContext, n: int) -> None:
    """n calls and their call.recorded events, written in bulk (not what we measure)."""
    engine = ctx.journal.engine
    with engine.begin() as conn:
        for start in range(0, n, 10_000):
            calls, events = [], []
            for i in range(start, min(n, start + 10_000)):
                cid, at = new_id(), T0 + timedelta(seconds=i)
                customer = f"C{i % 5000:05d}"
                calls.append(dict(id=cid, customer_id=customer, phone_e164="+886912345678", agent_id="A001",
                                  workstation="bench", started_at=at, ended_at=at + timedelta(seconds=200),
                                  saved_at=at + timedelta(seconds=260), duration_s=200, acw_s=60, outcome="resolved",
                                  root_cause="billing_error", notes=f"bench call {i}", follow_up_on=None,
                                  finding_codes=["duplicate_charge"], credit_total=Decimal(0), currency="TWD",
                                  demo=False, scenario_id=None))
                events.append(dict(id=new_id(), type="call.recorded", version=1,
                                   payload={"v": 1, "call_id": cid, "customer_id": customer, "outcome": "resolved",
                                            "notes": f"bench call {i}", "credit_total": "0"},
                                   customer_id=customer, customer_seq=i // 5000 + 1, agent_id="A001",
                                   workstation="bench", call_id=cid, created_at=at + timedelta(seconds=260)))
            conn.execute(insert(Call), calls)
            conn.execute(insert(OutboxEvent), events)


def fresh_pg(admin: str) -> tuple[str, str]:
    name = f"ac_bench_{uuid.uuid4().hex[:10]}"
    eng = create_engine(admin, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return name, make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_pg(admin: str, name: str) -> None:
    eng = create_engine(admin, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    eng.dispose()


def libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


CALL_COLS = ("id", "customer_id", "phone_e164", "agent_id", "workstation", "started_at", "ended_at", "saved_at",
             "duration_s", "acw_s", "outcome", "root_cause", "notes", "follow_up_on", "finding_codes",
             "credit_total", "currency", "demo", "scenario_id")
EVENT_COLS = ("id", "type", "version", "payload", "customer_id", "customer_seq", "agent_id", "workstation",
              "call_id", "created_at")


def copy_baseline(journal_file: Path, pg_url: str) -> tuple[float, float]:
    """Read the same rows from SQLite and COPY them into the same tables: the floor of what is possible."""
    open_store(pg_url, "journal").dispose()  # same schema, created by Alembic
    t, c = time.perf_counter(), time.process_time()
    src = sqlite3.connect(journal_file)
    with psycopg.connect(libpq(pg_url)) as pg, pg.cursor() as cur:
        for table, cols in (("calls", CALL_COLS), ("outbox_events", EVENT_COLS)):
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}"):  # noqa: S608 (fixed names)
                    row = list(row)
                    if table == "calls":
                        row[17] = bool(row[17])
                    copy.write_row(row)
        pg.commit()
    src.close()
    return time.perf_counter() - t, time.process_time() - c


def bench_drain(tmp: Path, admin: str, n: int) -> dict[str, float]:
    os.environ.setdefault("AGENT_CONSOLE_AUDIT_KEY", "bench")
    journal = tmp / "journal.sqlite3"
    ctx = ConsoleContext(load_settings(journal=f"sqlite:///{journal}", db="sqlite://", agent="A001"))
    t = time.perf_counter()
    fill_journal(ctx, n)
    print(f"filled a journal with {n:,} events in {time.perf_counter() - t:.1f} s (setup, not measured)")
    made: list[str] = []  # scratch databases to drop, even when the second one cannot be created
    try:
        hook_db, hook_url = fresh_pg(admin)
        made.append(hook_db)
        copy_db, copy_url = fresh_pg(admin)
        made.append(copy_db)
        open_store(hook_url, "journal").dispose()  # schema creation is not part of the drain
        ctx.settings.hooks = [{"name": "floor", "kind": "postgres", "url": hook_url}]
        with SyncWorker(ctx) as worker:
            t, c = time.perf_counter(), time.process_time()
            result = worker.run_once()
            drain_s, drain_cpu = time.perf_counter() - t, time.process_time() - c
        assert result.ok and result.delivered == n + 0, result
        with psycopg.connect(libpq(hook_url)) as pg:
            got = pg.execute("SELECT count(*), count(DISTINCT id) FROM outbox_events").fetchone()
        assert got == (n, n), got
        copy_s, copy_cpu = copy_baseline(journal, copy_url)
    finally:
        ctx.close()
        for name in made:
            drop_pg(admin, name)
    rate, copy_rate = n / drain_s, n / copy_s
    print(f"sync drain into PostgreSQL : {n:,} events in {drain_s:6.2f} s = {rate:8,.0f} events/s "
          f"(target >= 5,000) {'OK' if rate >= 5000 else 'MISSED'}")
    print(f"raw psycopg COPY baseline  : {n:,} events + their {n:,} calls in {copy_s:6.2f} s = {copy_rate:8,.0f} events/s")
    print(f"ratio sync/COPY            : {rate / copy_rate:.2f} (COPY is {copy_rate / rate:.1f}x faster; "
          "the sync path also upserts, records per-event delivery state and fsyncs the journal)")
    print(f"client CPU                 : sync {drain_cpu:.1f} s ({n / drain_cpu:,.0f} events per CPU-second), "
          f"COPY {copy_cpu:.1f} s; the rest of the wall time is PostgreSQL, fsync and waiting for a CPU")
    return {"events": n, "drain_s": drain_s, "drain_cpu_s": drain_cpu, "rate": rate,
            "copy_s": copy_s, "copy_cpu_s": copy_cpu, "copy_rate": copy_rate}


def bench_record(tmp: Path, calls: int) -> dict[str, object]:
    os.environ.setdefault("AGENT_CONSOLE_AUDIT_KEY", "bench")
    ctx = ConsoleContext(load_settings(journal=f"sqlite:///{tmp / 'record.sqlite3'}", db="sqlite://", agent="A001"))
    with ctx.journal.engine.connect() as conn:
        sync_mode = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[conn.exec_driver_sql("PRAGMA synchronous").scalar()]
    times = []
    for i in range(-5, calls):  # the first five warm the caches up and are not counted
        at = T0 + timedelta(minutes=i)
        w = WrapUp(customer_id=f"C{i + 5}", outcome="resolved_with_credit", root_cause="billing_error",
                   started_at=at, ended_at=at + timedelta(minutes=3), saved_at=at + timedelta(minutes=4),
                   notes="客戶說簡訊寫試用期結束 " * 5, finding_codes=["notice_contradicts_contract"],
                   actions=[ActionSpec("issue_credit", "MPRO", Decimal(149), periods=("2026-02",), suggestion_id="s"),
                            ActionSpec("open_case", params={"summary": "notice vs contract"}, suggestion_id="s")])
        t = time.perf_counter()
        record_call(ctx, w)
        if i >= 0:
            times.append(time.perf_counter() - t)
    ctx.close()

    raw = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT)")
    bare = []
    for i in range(calls):
        t = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t VALUES (?, ?)", (str(uuid.uuid4()), json.dumps({"i": i})))
        raw.execute("COMMIT")
        bare.append(time.perf_counter() - t)
    raw.close()

    def pct(xs: list[float], p: float) -> float:
        return sorted(xs)[min(len(xs) - 1, int(len(xs) * p))] * 1000

    p99 = pct(times, 0.99)
    print(f"record one call (synchronous={sync_mode}, 2 actions, {calls} calls): p50 {pct(times, 0.5):5.1f} ms, "
          f"p99 {p99:5.1f} ms, mean {statistics.mean(times) * 1000:5.1f} ms (target p99 < 50 ms) "
          f"{'OK' if p99 < 50 else 'MISSED'}")
    print(f"bare SQLite commit baseline (WAL, synchronous=FULL): p50 {pct(bare, 0.5):5.1f} ms, p99 {pct(bare, 0.99):5.1f} ms")
    return {"calls": calls, "sync_mode": sync_mode, "p50": pct(times, 0.5), "p99": p99,
            "bare_p50": pct(bare, 0.5), "bare_p99": pct(bare, 0.99)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--pg", default=os.environ.get("AGENT_CONSOLE_TEST_PG"), help="admin URL of a PostgreSQL server")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file (bench/run_all.py)")
    args = ap.parse_args()
    # Both figures and their baselines come from the same run; the load says how busy the box was.
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at start")
    figures: dict[str, object] = {"load_record": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as d:
        figures["record"] = bench_record(Path(d), args.calls)
        if not args.pg:
            print("no PostgreSQL (--pg or AGENT_CONSOLE_TEST_PG): drain benchmark skipped", file=sys.stderr)
        else:
            figures["load_drain"] = os.getloadavg()[0]
            try:
                figures["drain"] = bench_drain(Path(d), args.pg, args.events)
            except Exception as exc:  # noqa: BLE001 - keep the record figures, say why the drain has none
                figures["drain_error"] = str(exc).strip().splitlines()[0]
                print(f"drain benchmark failed: {figures['drain_error']}", file=sys.stderr)
                if not args.json:
                    raise
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
