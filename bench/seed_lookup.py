"""Benchmark: seed a large synthetic population, then time screen-pop lookups on it.

    .venv/bin/python bench/seed_lookup.py [--customers 1000000] [--cache bench/.cache]

Builds (or reuses, when a complete one is cached) an N-customer SQLite store with 12 months
of history through ``agent-console seed`` in a subprocess, reporting its wall time and peak
RSS; then looks up 1,000 random callers, written in varying forms, through
``console.lookup.lookup`` and, as the baseline in the same run on the same file, through
hand-written indexed ``sqlite3`` queries that fetch the same rows. Targets: seeding 1M
customers under 15 minutes and 1 GB; a screen pop well under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, percentile, print_table, run_child  # noqa: E402

from console.db import open_store  # noqa: E402
from console.lookup import lookup  # noqa: E402
from console.phones import normalise  # noqa: E402
from console.seed.population import default_jobs  # noqa: E402

CLI = "import sys; from console.cli import main; sys.exit(main(sys.argv[1:]))"
WARMUP = 50

RAW_QUERIES = (
    "SELECT id, name, language, national_id, address, scenario_id FROM customers WHERE id = ?",
    "SELECT e164 FROM phones WHERE customer_id = ? ORDER BY e164",
    "SELECT id, contract_id, kind, service_code, text, params FROM clauses WHERE customer_id = ? ORDER BY id",
    "SELECT id, signed_on, plan FROM contracts WHERE customer_id = ? ORDER BY signed_on, id",
    "SELECT code, name_zh, name_en, contract_id, fee_amount, fee_per, started_on, trial_until, term_until, status "
    "FROM services WHERE customer_id = ? ORDER BY id",
    "SELECT id, sent_at, channel, service_code, says, text FROM notifications WHERE customer_id = ? ORDER BY sent_at DESC, id",
    "SELECT l.id, l.bill_id, l.service_code, l.text, l.amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
    "WHERE b.customer_id = ? ORDER BY l.bill_id, l.id",
    "SELECT id, period, issued_on, currency FROM bills WHERE customer_id = ? ORDER BY period, id",
    "SELECT service_code, period, units FROM usage WHERE customer_id = ? ORDER BY period, service_code",
    "SELECT id, at, channel, kind, service_code, text, params FROM events WHERE customer_id = ? ORDER BY at, id",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples", type=int, default=1000)
    ap.add_argument("--jobs", type=int, help="passed to seed --jobs (default: seed's own default)")
    ap.add_argument("--rebuild", action="store_true", help="seed again even if a complete cache exists")
    args = ap.parse_args(argv)

    found = ensure_population(args)
    if found is None:
        return 1
    db, info, origin = found
    url = f"sqlite:///{db}"
    size = db.stat().st_size
    print(f"\n== seed: {args.customers:,} customers, 12 months ({origin})")
    print_table(
        ("figure", "value", "target"),
        [
            ("seed wall time (s)", info["seed_s"], "< 900"),
            ("seed CPU time, user+sys (s)", info.get("seed_cpu_s", "?"), ""),
            ("load average (1 min) at the end", info.get("load_avg_1m", "?"), "2 cores"),
            ("seed peak RSS, largest process (MiB)", info["peak_rss_mib"], "< 1024"),
            ("seed peak RSS, whole process tree (MiB)", info.get("peak_tree_rss_mib", "?"), "< 1024"),
            ("seed worker processes (--jobs)", info.get("jobs", 1), ""),
            ("file size (MiB)", size / 1024**2, ""),
        ],
    )
    _bench_lookups(db, url, args)
    return 0


def ensure_population(args: argparse.Namespace) -> tuple[Path, dict, str] | None:  # type: ignore[type-arg]
    """The cached store for ``args.customers`` (built first when missing or ``args.rebuild``):
    (file, the marker's facts, where it came from); None when seeding failed.
    ``args`` needs customers, cache, seed, jobs and rebuild (bench/run_all.py calls this too)."""
    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.cache / f"seed-{args.customers}-m12-s{args.seed}.sqlite3"
    marker = db.with_suffix(".json")
    info = None if args.rebuild else _cached(db, marker, args)
    if info is not None:
        return db, info, f"cached, built {info['built_at']}"
    info = _build(db, marker, f"sqlite:///{db}", args)
    return None if info is None else (db, info, "built now")


def _cached(db: Path, marker: Path, args: argparse.Namespace) -> dict | None:  # type: ignore[type-arg]
    if not (db.exists() and marker.exists()):
        return None
    info = json.loads(marker.read_text())
    if info.get("complete") and info.get("customers") == args.customers:
        return info
    return None


def _build(db: Path, marker: Path, url: str, args: argparse.Namespace) -> dict | None:  # type: ignore[type-arg]
    for stale in (db, marker, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    print(f"seeding {args.customers:,} customers into {db} ...", flush=True)
    # Its own journal: the user's default one may be bound to another customer store (exit 5).
    journal = f"sqlite:///{db.with_name(db.stem + '-journal.sqlite3')}"
    Path(journal.removeprefix("sqlite:///")).unlink(missing_ok=True)
    argv = [sys.executable, "-c", CLI, "--db", url, "--journal", journal, "--role", "trainer", "seed",
            "--customers", str(args.customers),
            "--months", "12", "--seed", str(args.seed)] + (["--jobs", str(args.jobs)] if args.jobs else [])
    run = run_child(argv)
    if run.returncode != 0:
        print(f"seeding failed with exit code {run.returncode}", file=sys.stderr)
        return None
    info = {
        "complete": True, "customers": args.customers, "seed": args.seed, "months": 12,
        "seed_s": round(run.elapsed_s, 1), "seed_cpu_s": round(run.cpu_s, 1),
        "peak_rss_mib": round(run.peak_rss_mib, 1), "peak_tree_rss_mib": round(run.peak_tree_rss_mib, 1),
        "jobs": args.jobs or default_jobs(), "load_avg_1m": round(os.getloadavg()[0], 2),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    marker.write_text(json.dumps(info, indent=2))
    return info


def _written_forms(e164: str, raw: str | None, rng: random.Random) -> str:
    national = "0" + e164[4:]
    forms = [raw or national, national, e164, "+886 " + e164[4:], national.translate(_FULLWIDTH)]
    if e164.startswith("+8869"):
        forms += [f"{national[:4]} {national[4:7]} {national[7:]}", f"+886-{e164[4:7]}-{e164[7:10]}-{e164[10:]}"]
    else:
        forms += [f"{national[:2]}-{national[2:6]}-{national[6:]}", f"({national[:2]}){national[2:]}"]
    return rng.choice(forms)


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _bench_lookups(db: Path, url: str, args: argparse.Namespace) -> None:
    rng = random.Random(20261127)
    raw_conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    numbers: list[str] = []
    while len(numbers) < args.samples + WARMUP:
        cid = f"S{rng.randrange(args.customers) + 1:07d}"
        phones = raw_conn.execute("SELECT e164, raw FROM phones WHERE customer_id = ?", (cid,)).fetchall()
        e164, raw = rng.choice(phones)
        numbers.append(_written_forms(e164, raw, rng))
    store = open_store(url, "customer")

    def via_lookup(number: str) -> int:
        with store.session() as session:
            view = lookup(session, number)
        return sum(len(b.lines) for b in view.bills)

    def via_sqlite(number: str) -> int:
        e164 = normalise(number)
        row = raw_conn.execute("SELECT customer_id FROM phones WHERE e164 = ?", (e164,)).fetchone()
        results = [raw_conn.execute(q, (row[0],)).fetchall() for q in RAW_QUERIES]
        return len(results[6])

    t_lookup: list[float] = []
    t_raw: list[float] = []
    for n, number in enumerate(numbers):
        first, second = (via_lookup, via_sqlite) if n % 2 else (via_sqlite, via_lookup)
        times = {}
        lines = {}
        for fn in (first, second):
            start = time.perf_counter()
            lines[fn] = fn(number)
            times[fn] = (time.perf_counter() - start) * 1000
        if lines[via_lookup] != lines[via_sqlite]:
            raise SystemExit(f"lookup and raw query disagree for {number!r}")
        if n >= WARMUP:
            t_lookup.append(times[via_lookup])
            t_raw.append(times[via_sqlite])
    store.dispose()
    raw_conn.close()

    print(f"\n== lookup latency over {args.samples:,} random callers (ms; varying written forms)")
    rows = []
    for name, samples in (("console.lookup.lookup", t_lookup), ("raw sqlite3 (baseline)", t_raw)):
        rows.append((name, percentile(samples, 50), percentile(samples, 95), percentile(samples, 99), max(samples)))
    rows.append((
        "ratio lookup / raw", percentile(t_lookup, 50) / percentile(t_raw, 50),
        percentile(t_lookup, 95) / percentile(t_raw, 95), percentile(t_lookup, 99) / percentile(t_raw, 99),
        max(t_lookup) / max(t_raw),
    ))
    print_table(("path", "p50", "p95", "p99", "max"), rows)


if __name__ == "__main__":
    sys.exit(main())
