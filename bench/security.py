"""Benchmark: what the security limits cost, beside the work they protect (issue 14).

Two figures, each beside a baseline measured in the same run on the same machine:

- **Hostile lead templates** (the review's payloads: ``{{ "%999999999d" % 1 }}``, chained
  ``|replace``, ...): the time ``render_script`` takes to refuse each one and render the
  shipped script instead, and the peak memory of the process, beside rendering the shipped
  script directly. Target: the fallback within 1 s (it used to take 17-28 s and 4 GB).
- **Sign-in throttling**: one failed sign-in with the production argon2 cost (the
  baseline: what a guess costs), the five failures that lock an id, and a refusal while
  locked (no argon2 at all); with the default policy, the guesses an attacker gets per id
  and day.

    .venv/bin/python bench/security.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import peak_rss_mib, print_table  # noqa: E402

from console.context import ConsoleContext  # noqa: E402
from console.settings import load_settings  # noqa: E402

PAYLOADS = {
    "%999999999d": '{{ "%999999999d" % 1 }}',
    "%.999999999f": '{{ "%.999999999f" % 1 }}',
    "{:>999999999}.format": '{{ "{:>999999999}".format(1) }}',
    "chained |replace": '{{ ("x"*4000)|replace("x","x"*4000)|replace("x","x"*4000) }}',
    "|format(%999999999d)": '{{ "%999999999d"|format(1) }}',
    "~ doubling x30": '{% set ns = namespace(s="x"*4000) %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}'
                      '{% endfor %}{{ ns.s }}',
    "map(center)|list": '{{ range(10000)|map("center", 10000)|list }}',
}
VALUES = {
    "customer": {"name": "陳志明", "id": "C-0001"}, "finding": {"summary": "The SMS said the trial ends."},
    "credit": Decimal(1200), "currency": "TWD", "credited_periods": ["2009-03", "2009-04"], "used_periods": [],
    "unknown_periods": [], "title": "Suspend and credit",
}


def _times_ms(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def templates(runs: int) -> list[tuple[object, ...]]:
    import logging

    from console.script_render import render_script

    logging.getLogger("console.script_render").setLevel(logging.CRITICAL)
    shipped = render_script("generic", "en", VALUES, fallback="PLAIN")
    baseline = statistics.median(_times_ms(lambda: render_script("generic", "en", VALUES, fallback="PLAIN"), runs))
    rows: list[tuple[object, ...]] = [("shipped script (baseline)", "-", f"{baseline:.2f}", "-",
                                       f"{peak_rss_mib():.0f}", "-")]
    for name, body in PAYLOADS.items():
        folder = Path(tempfile.mkdtemp())
        (folder / "en").mkdir()
        (folder / "en" / "generic.j2").write_text(body, encoding="utf-8")
        out: list[str] = []

        def render(f: Path = folder, out: list[str] = out) -> None:
            out.append(render_script("generic", "en", VALUES, templates_dir=f, fallback="PLAIN"))

        first, *rest = _times_ms(render, runs + 1)  # the first one also compiles the template
        ms = statistics.median(rest)
        verdict = "shipped" if set(out) == {shipped} else "WRONG"
        rows.append((name, f"{first:.2f}", f"{ms:.2f}", f"{ms / baseline:.1f}x", f"{peak_rss_mib():.0f}",
                     f"{verdict}, {'ok' if first < 1000 else 'OVER'} (< 1000 ms)"))
    return rows


def signin(runs: int) -> list[tuple[object, ...]]:
    from console import audit
    from console.auth import SignInFailed, add_user, authenticate
    from console.floor_policy import DEFAULT_LOCKOUT_AFTER, DEFAULT_LOCKOUT_MINUTES

    os.environ[audit.KEY_ENV] = "bench"
    folder = Path(tempfile.mkdtemp())
    ctx = ConsoleContext(load_settings(db=f"sqlite:///{folder / 'c.db'}", journal=f"sqlite:///{folder / 'j.db'}",
                                       config=None, agent="B01", env={}))
    add_user(ctx, None, "L01", name="Lead", role="lead", secret="lead-password")
    lead = authenticate(ctx, "L01", "lead-password")
    add_user(ctx, lead, "B01", name="Bench", role="agent", secret="135790")

    def fail(secret: str) -> float:
        start = time.perf_counter()
        try:
            authenticate(ctx, "B01", secret)
        except SignInFailed:
            pass
        return (time.perf_counter() - start) * 1000

    one = statistics.median(fail(f"wrong-{i}") for i in range(min(runs, DEFAULT_LOCKOUT_AFTER - 1)))
    from console.auth import unlock_user

    unlock_user(ctx, lead, "B01")
    start = time.perf_counter()
    for i in range(DEFAULT_LOCKOUT_AFTER):
        fail(f"wrong-{i}")
    to_lock = (time.perf_counter() - start) * 1000
    locked = statistics.median(fail("135790") for _ in range(runs))
    ctx.close()
    per_day = DEFAULT_LOCKOUT_AFTER * 24 * 60 // DEFAULT_LOCKOUT_MINUTES
    years = 10**6 / 2 / per_day / 365
    return [
        ("one failed sign-in, argon2id (baseline)", f"{one:.1f}", "-", f"{1000 / one:.1f} guesses/s/core unthrottled"),
        (f"{DEFAULT_LOCKOUT_AFTER} failures until the id locks", f"{to_lock:.1f}", f"{to_lock / one:.1f}x", "then locked"),
        ("refusal while locked (right PIN)", f"{locked:.1f}", f"{locked / one:.2f}x",
         f"{per_day} guesses/id/day: a 6-digit PIN in {years:.1f} years on average"),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print("Hostile override templates: refuse, then render the shipped script")
    print_table(("template", "first ms", "median ms", "vs baseline", "peak RSS MiB", "result"), templates(args.runs))
    print()
    print("Sign-in throttling (production argon2id parameters)")
    print_table(("step", "median ms", "vs baseline", "note"), signin(args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
