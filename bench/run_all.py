"""One command for every performance figure: ``bench/run [--quick]``.

Each benchmark script in ``bench/`` measures its figure beside a baseline in the same run;
this runs them one after the other (each in its own process, so memory figures are that
process's own and Qt starts fresh), keeps their full output in ``bench/.cache/logs/`` and
prints ONE table: figure, baseline, ratio, target, pass/miss, and the load average when the
figure was taken (the box is shared, so a figure without the load beside it means little).

Full: the cached 1,000,000-customer store (built by ``bench/seed_lookup.py`` on first use,
~8 GB, ~8 min), 100,000 events, 1,000,000 calls. ``--quick``: 20,000 customers, 20,000
events, 100,000 calls, in its own cache files, under 2 minutes once seeded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, print_table  # noqa: E402
from seed_lookup import ensure_population  # noqa: E402

BENCH = ROOT / "bench"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SIZES = {  # customers, events, calls, record_calls, cold_runs, cold variants, suggest filler
    "full": dict(customers=1_000_000, events=100_000, calls=1_000_000, record=500, cold=5, variants="all", filler=2000),
    "quick": dict(customers=20_000, events=20_000, calls=100_000, record=300, cold=3, variants="main", filler=300),
}
STEPS = ("pop", "scroll", "suggest", "judge", "sync", "export", "tmf")


def machine() -> list[str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem_gib = int(mem.split()[1]) / 1024**2
    except (OSError, StopIteration):
        mem_gib = 0.0
    la = os.getloadavg()
    return [f"when      {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC",
            f"machine   {os.cpu_count()} cores, {model}, {mem_gib:.1f} GiB RAM, {platform.platform()}",
            f"load avg  {la[0]:.2f} {la[1]:.2f} {la[2]:.2f} (1/5/15 min) at start - shared box",
            f"software  Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"Qt platform {os.environ.get('QT_QPA_PLATFORM') or ('offscreen' if not os.environ.get('DISPLAY') else 'xcb')}"]


def run_step(name: str, argv: list[str], logs: Path, mode: str) -> dict | None:  # type: ignore[type-arg]
    """Run one benchmark script with ``--json``; its output goes to a log, its figures come back."""
    out = logs / f"{mode}-{name}.json"
    log = logs / f"{mode}-{name}.log"
    out.unlink(missing_ok=True)
    load = os.getloadavg()[0]
    print(f"  {name:<8} running (load {load:.2f}) ...", end="", flush=True, file=sys.stderr)
    start = time.perf_counter()
    with log.open("w") as fh:
        proc = subprocess.run([sys.executable, str(BENCH / argv[0]), *argv[1:], "--json", str(out)],
                              stdout=fh, stderr=subprocess.STDOUT, check=False, cwd=ROOT)
    took = time.perf_counter() - start
    ok = out.exists()
    print(f" {took:.0f} s{'' if ok else f' FAILED (exit {proc.returncode}), see {log}'}", file=sys.stderr)
    if not ok:
        return None
    figures = json.loads(out.read_text())
    figures["_load"], figures["_seconds"] = load, took
    return figures


def verdict(ok: bool | None) -> str:
    return "report" if ok is None else ("pass" if ok else "MISS")


def rows_for(f: dict, mode: str, sizes: dict) -> list[tuple]:  # type: ignore[type-arg]
    """The table rows: figure, value, baseline, ratio, target, verdict, load."""
    rows: list[tuple] = []
    n = f"{sizes['customers']:,}"
    if (pop := f.get("pop")) is not None:
        c = pop["cold"]
        app, bare = c["empty"][0], c["bare"][0]
        rows.append(("cold start -> painted window (s)", f"{app:.2f}", f"{bare:.2f} bare PySide6",
                     f"+{app - bare:.2f} s", "<= +1 s", verdict(app - bare <= 1), pop["load_cold"]))
        if "caller" in c:
            rows.append(("  ... with --caller N (s)", f"{c['caller'][0]:.2f}", f"{bare:.2f} bare PySide6",
                         f"+{c['caller'][0] - bare:.2f} s", "", verdict(None), pop["load_cold"]))
        p = pop["pop"]
        for q, target in (("p50", None), ("p95", 100.0)):
            rows.append((f"screen pop {q}, {n} customers (ms)", f"{p['pop'][q]:.1f}", f"{p['raw'][q]:.1f} raw SQL",
                         f"{p['pop'][q] / p['raw'][q]:.0f}x", "< 100 ms" if target else "",
                         verdict(None if target is None else p["pop"][q] < target), pop["load_pop"]))
        rows.append(("  ... -> suggestions shown too p95 (ms)", f"{p['done']['p95']:.1f}",
                     f"{p['lookup']['p95']:.1f} lookup()", f"{p['done']['p95'] / p['lookup']['p95']:.0f}x", "",
                     verdict(None), pop["load_pop"]))
        r = p["rss_mib"]
        rows.append((f"memory: window after {r['pops']} pops (MiB RSS)", f"{r['after_all_pops']:.0f}",
                     f"{r['after_first_pop']:.0f} after 1 pop", f"+{r['after_all_pops'] - r['after_first_pop']:.0f}",
                     "report", verdict(None), pop["load_pop"]))
    if (s := f.get("scroll")) is not None:
        r = s["rss_mib"]
        rows.append((f"memory: scrolled {s['rows']:,}-row notifications (MiB RSS)", f"{r['scrolled_to_bottom']:.0f}",
                     f"{r['small_caller']:.0f} 10-row caller", f"+{r['scrolled_to_bottom'] - r['small_caller']:.0f}",
                     "report", verdict(None), s["_load"]))
        rows.append(("  ... paint one page while scrolling p95 (ms)", f"{s['page_ms']['p95']:.1f}", "", "", "report",
                     verdict(None), s["_load"]))
    if (g := f.get("suggest")) is not None:
        rows.append(("suggestions p95, 24-month caller (ms)", f"{g['suggest']['p95']:.2f}",
                     f"{g['lookup']['p95']:.2f} lookup()", f"{g['suggest']['p95'] / g['lookup']['p95']:.2f}x", "<= 3 ms",
                     verdict(g["suggest"]["p95"] <= 3), g["_load"]))
    if (j := f.get("judge")) is not None:
        rows.append((f"judgement recall, {j['planted']} planted in {j['customers']:,}", f"{j['recall']:.1%}",
                     f"{j['found']} found", "", "100%", verdict(j["recall"] == 1.0), j["_load"]))
        rows.append((f"  ... false alarms among {j['ordinary']:,} ordinary", f"{j['false_alarm_rate']:.2%}",
                     f"{j['false_alarms']} customers", "", "0", verdict(j["false_alarms"] == 0), j["_load"]))
    if (y := f.get("sync")) is not None:
        rec = y["record"]
        rows.append((f"record one call p99, synchronous={rec['sync_mode']} (ms)", f"{rec['p99']:.1f}",
                     f"{rec['bare_p99']:.1f} bare commit", f"{rec['p99'] / rec['bare_p99']:.1f}x", "< 50 ms",
                     verdict(rec["p99"] < 50), y["load_record"]))
        if (d := y.get("drain")) is not None:
            rows.append((f"sync {d['events']:,} events to PostgreSQL (events/s)", f"{d['rate']:,.0f}",
                         f"{d['copy_rate']:,.0f} raw COPY", f"{d['rate'] / d['copy_rate']:.2f}x", ">= 5,000/s",
                         verdict(d["rate"] >= 5000), y["load_drain"]))
        else:
            why = y.get("drain_error", "no PostgreSQL")[:60]
            rows.append(("sync events to PostgreSQL", "FAILED", why, "", ">= 5,000/s", "FAILED", ""))
    if (e := f.get("export")) is not None:
        csv, same = e["csv"], e["sqlite3_same_s"]
        rows.append((f"CSV export of {e['calls']:,} calls (s)", f"{csv['seconds']:.1f}", f"{same:.1f} sqlite3 -csv",
                     f"{same / csv['seconds']:.2f}x", ">= 0.5x", verdict(same / csv["seconds"] >= 0.5), e["load_csv"]))
        rows.append(("  ... vs sqlite3 on the raw calls columns (s)", f"{csv['seconds']:.1f}",
                     f"{e['sqlite3_bare_s']:.1f} sqlite3 -csv", f"{e['sqlite3_bare_s'] / csv['seconds']:.2f}x", "",
                     verdict(None), e["load_csv"]))
        if (x := e.get("xlsx")) is not None:
            rows.append((f"XLSX export of {e['calls']:,} calls (s)", f"{x['seconds']:.1f}", f"{same:.1f} sqlite3 -csv",
                         f"{same / x['seconds']:.2f}x", "report", verdict(None), e["load_xlsx"]))
    if (t := f.get("tmf")) is not None:
        w, base = t["tmf_window"], t["sql_window"]
        rows.append((f"screen pop through TMF, {t['latency_ms']:.0f} ms/request, p95 (ms)", f"{w['p95']:.1f}",
                     f"{base['p95']:.1f} through SQL", f"{w['p95'] / base['p95']:.1f}x", "< 150 ms",
                     verdict(w["p95"] < 150), t["_load"]))
        rows.append(("  ... source.find alone p95 (ms)", f"{t['tmf_find']['p95']:.1f}",
                     f"{t['sql_find']['p95']:.1f} through SQL", f"{t['tmf_find']['p95'] / t['sql_find']['p95']:.0f}x", "",
                     verdict(None), t["_load"]))
    return [(*row[:-1], f"{row[-1]:.2f}" if isinstance(row[-1], float) else row[-1]) for row in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="20,000 customers, 20,000 events, 100,000 calls")
    ap.add_argument("--only", nargs="+", choices=STEPS, help="run only these steps")
    ap.add_argument("--skip", nargs="+", choices=STEPS, default=(), help="leave these steps out")
    ap.add_argument("--skip-xlsx", action="store_true", help="CSV export only")
    ap.add_argument("--pg", default=os.environ.get("AGENT_CONSOLE_TEST_PG", DEFAULT_PG),
                    help="admin URL of a PostgreSQL server; a scratch database is created and dropped")
    ap.add_argument("--cache", type=Path, default=BENCH / ".cache")
    args = ap.parse_args(argv)
    mode = "quick" if args.quick else "full"
    sizes = SIZES[mode]
    steps = [s for s in (args.only or STEPS) if s not in args.skip]
    logs = args.cache / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    head = machine()
    print("\n".join(head), flush=True)
    seed_args = argparse.Namespace(customers=sizes["customers"], cache=args.cache, seed=1, jobs=None, rebuild=False)
    found = ensure_population(seed_args)
    if found is None:
        return 1
    db, info, origin = found
    print(f"store     {db.name}: {sizes['customers']:,} customers ({origin})", flush=True)
    plans: dict[str, Callable[[], list[str]]] = {
        "pop": lambda: ["screen_pop.py", "--db", str(db), "--samples", "200", "--cold-runs", str(sizes["cold"]),
                        "--cold-variants", sizes["variants"]],
        "scroll": lambda: ["scroll_history.py", "--rows", "10000"],
        "suggest": lambda: ["suggest.py", "--filler", str(sizes["filler"]), "--runs", "300"],
        "judge": lambda: ["judgement.py", "--customers", "3000" if args.quick else "10000"],
        "sync": lambda: ["sync_record.py", "--events", str(sizes["events"]), "--calls", str(sizes["record"]),
                         "--pg", args.pg],
        "export": lambda: ["export.py", "--calls", str(sizes["calls"]), *(["--skip-xlsx"] if args.skip_xlsx else [])],
        "tmf": lambda: ["tmf_pop.py", "--samples", "200", "--latency-ms", "20"],
    }
    figures = {name: run_step(name, plans[name](), logs, mode) for name in steps}
    rows = rows_for({k: v for k, v in figures.items() if v is not None}, mode, sizes)
    failed = [k for k, v in figures.items() if v is None]
    took = time.perf_counter() - started
    la = os.getloadavg()
    print(f"\n== bench/run{' --quick' if args.quick else ''}: {took:.0f} s in all, load avg at the end "
          f"{la[0]:.2f} {la[1]:.2f} {la[2]:.2f}; logs in {logs}")
    print_table(("figure", "value", "baseline (same run)", "ratio", "target", "verdict", "load 1m"), rows)
    if (pop := figures.get("pop")) and (trail := pop["pop"]["rss_mib"].get("every_20_pops")):
        print(f"window RSS every 20 pops (MiB): {', '.join(f'{x:.0f}' for x in trail)}")
    if failed:
        print(f"FAILED steps (no figures): {', '.join(failed)} - see {logs}/{mode}-<step>.log")
    record = {"mode": mode, "machine": head, "seconds": took, "figures": figures, "rows": rows}
    (logs / f"{mode}-latest.json").write_text(json.dumps(record, indent=2, default=str))
    return 1 if failed or any(r[5] in ("MISS", "FAILED") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
