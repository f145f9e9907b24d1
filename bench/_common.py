"""Small helpers shared by the benchmarks: timing, percentiles, peak memory, a table printer.

Benchmarks print figures beside a baseline measured in the same run on the same machine,
so every bench needs the same few tools; they live here rather than in a dependency.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes (perf_counter)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation between closest ranks."""
    if not samples:
        raise ValueError("no samples")
    data = sorted(samples)
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident set size of this process (or of its waited-for children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    kib = resource.getrusage(who).ru_maxrss  # KiB on Linux
    return kib / 1024


@dataclass
class ChildRun:
    returncode: int
    elapsed_s: float
    peak_rss_mib: float  # the largest single process of the tree (getrusage)
    peak_tree_rss_mib: float  # the largest sum over the whole process tree (sampled /proc)
    cpu_s: float  # user + system CPU time: what the run costs on an idle machine


def tree_rss_mib(root: int) -> float:
    """Resident memory of ``root`` and all its descendants now, in MiB (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in tree) / 1024**2


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(argv: Sequence[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run a subprocess (output passes through) and measure its wall time and peak RSS.

    ``RUSAGE_CHILDREN`` reports the largest child waited for so far, so call this before
    starting any other subprocess whose memory should not be mistaken for this one's.
    """
    cpu_before = children_cpu_s()
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), env={**os.environ, **(env or {})})
    peak_tree = 0.0
    while proc.poll() is None:
        peak_tree = max(peak_tree, tree_rss_mib(proc.pid))
        try:
            proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
    elapsed = time.perf_counter() - start
    return ChildRun(proc.returncode, elapsed, peak_rss_mib(children=True), peak_tree, children_cpu_s() - cpu_before)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    """A plain aligned table: first column left, the others right."""
    cells = [[str(h) for h in headers]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        line = "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row))
        print(line.rstrip(), file=out)
        if n == 0:
            print("  ".join("-" * w for w in widths), file=out)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
