"""Benchmark: recall and false alarms of the judgement over a seeded population.

``agent-console seed`` plants a complaint pattern in a few percent of the customers (3% by
default; ``console.seed.patterns``, which also plants the classes the expected-charge model
added: a contract that ends by itself, a cancel request never carried out, a resumed
suspension). Every customer is judged as of the seed's day, as an agent would see them:

* recall: planted customers whose planted finding the console reports;
* false alarms: ordinary customers (the other ~97%) with any finding at all;
* extra findings on planted customers (a second, unplanted finding).

Timing is printed beside its baseline in the same run: judging a caller (``evaluate``:
the ledger and the six rules) against reading that caller from the store (``load_caller``).

    .venv/bin/python bench/judgement.py [--customers 10000] [--rate 0.03] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import percentile  # noqa: E402

from console.db import open_store  # noqa: E402
from console.lookup import load_caller  # noqa: E402
from console.rules import evaluate  # noqa: E402
from console.seed import PATTERNS, SeedOptions, seed_population  # noqa: E402

TW = ZoneInfo("Asia/Taipei")
AS_OF = date(2026, 11, 27)


def measure(customers: int, rate: float, seed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'customers.sqlite3'}"
        report = seed_population(url, SeedOptions(customers=customers, seed=seed, as_of=AS_OF, complaint_rate=rate, jobs=1))
        planted: dict[str, str] = report.planted
        at = datetime(AS_OF.year, AS_OF.month, AS_OF.day, 14, tzinfo=TW)
        store = open_store(url, "customer")
        found: dict[str, set[str]] = {}
        shapes: Counter[str] = Counter()
        loads: list[float] = []
        judges: list[float] = []
        try:
            with store.session() as session:
                for i in range(1, customers + 1):
                    cid = f"S{i:07d}"
                    t0 = time.perf_counter()
                    view = load_caller(session, cid)
                    t1 = time.perf_counter()
                    ctx, hits = evaluate(view, at, "zh_TW")
                    t2 = time.perf_counter()
                    loads.append((t1 - t0) * 1000)
                    judges.append((t2 - t1) * 1000)
                    found[cid] = {f.code for _, f in hits}
                    if cid in planted:
                        shapes[_shape(ctx, planted[cid])] += 1
        finally:
            store.dispose()
    per = {p: {"planted": 0, "found": 0} for p in PATTERNS}
    extra = 0
    for cid, pattern in planted.items():
        per[pattern]["planted"] += 1
        per[pattern]["found"] += pattern in found[cid]
        extra += bool(found[cid] - {pattern})
    ordinary = [cid for cid in found if cid not in planted]
    alarms = Counter(code for cid in ordinary for code in found[cid])
    flagged = sum(1 for cid in ordinary if found[cid])
    hit = sum(v["found"] for v in per.values())
    return {
        "customers": customers, "rate": rate, "planted": len(planted), "found": hit,
        "recall": hit / len(planted) if planted else 1.0, "per_pattern": per,
        "ordinary": len(ordinary), "false_alarms": flagged,
        "false_alarm_rate": flagged / len(ordinary) if ordinary else 0.0, "false_alarm_codes": dict(alarms),
        "extra_on_planted": extra, "shapes": dict(shapes),
        "judge_ms": {"p50": percentile(judges, 50), "p95": percentile(judges, 95)},
        "load_ms": {"p50": percentile(loads, 50), "p95": percentile(loads, 95)},
    }


SHAPES = {
    "notice_stops": "told by a notice it ends", "contract_ends": "contract says it ends by itself",
    "cancel_refused": "cancel refused", "cancel_requested": "cancel asked, never carried out",
    "suspended": "suspended", "cancelled": "cancelled",
}


def _shape(ctx: object, pattern: str) -> str:
    """Which shape of the pattern the ledger saw: the deciding fact of its months (and resumed)."""
    for m in ctx.ledger:  # type: ignore[attr-defined]
        if m.cause == pattern and m.stop is not None:
            resumed = ", resumed" if m.stop.until is not None else ""
            return f"{pattern}: {SHAPES.get(m.why, m.why)}{resumed}"
    return pattern


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=10_000)
    ap.add_argument("--rate", type=float, default=0.03, help="share of customers with a planted pattern (seed default)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file (bench/run_all.py)")
    args = ap.parse_args(argv)
    f = measure(args.customers, args.rate, args.seed)
    print(f"population: {f['customers']:,} customers, {args.rate:.1%} asked for, {f['planted']} planted, seed {args.seed}")
    print(f"{'pattern':32}{'planted':>9}{'found':>7}{'recall':>9}")
    for pattern, v in f["per_pattern"].items():  # type: ignore[attr-defined]
        share = v["found"] / v["planted"] if v["planted"] else 1.0
        print(f"{pattern:32}{v['planted']:9}{v['found']:7}{share:9.1%}")
    print(f"{'all':32}{f['planted']:9}{f['found']:7}{f['recall']:9.1%}")
    for shape, n in sorted(f["shapes"].items()):  # type: ignore[attr-defined]
        if ":" in shape:
            print(f"  {shape} x{n}")
    print(f"false alarms: {f['false_alarms']} of {f['ordinary']:,} ordinary customers "
          f"({f['false_alarm_rate']:.2%}) {f['false_alarm_codes'] or ''}")
    print(f"extra findings on planted customers: {f['extra_on_planted']}")
    j, ld = f["judge_ms"], f["load_ms"]
    print(f"judge one caller p50 {j['p50']:.2f} ms, p95 {j['p95']:.2f} ms "  # type: ignore[index]
          f"vs load_caller p50 {ld['p50']:.2f} ms, p95 {ld['p95']:.2f} ms (baseline, same run)")  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(f, indent=2))
    return 0 if f["recall"] == 1.0 and f["false_alarms"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
