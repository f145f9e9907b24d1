"""Benchmark: memory and paint time of scrolling a 10,000-row notification history.

    .venv/bin/python bench/scroll_history.py [--rows 10000] [--json PATH]

A caller who was sent thousands of notifications must not make the window's memory grow
with every page scrolled: the notifications pane is a model/view table, so only the
visible rows should ever be drawn. This builds a throw-away customer store holding one
such caller (and, as the baseline, a caller with 10 notifications), pops the small caller,
then the big one, then scrolls the notifications table page by page to the bottom,
painting every page. It reports the window's resident memory (RSS) at each step and the
time to paint one page. Runs offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import percentile  # noqa: E402

from console.context import ConsoleContext  # noqa: E402
from console.db import open_store  # noqa: E402
from console.models import Customer, Notification, Phone  # noqa: E402
from console.settings import load_settings  # noqa: E402

SMALL, BIG = "0912000010", "0912000020"
SAYS = ("payment_due", "ends_at_trial_end", "price_change", "service_started")


def build(url: str, rows: int) -> None:
    store = open_store(url, "customer")
    t0 = datetime(2020, 1, 1, tzinfo=UTC)
    with store.session() as s, s.begin():
        for cid, phone in (("C-SMALL", SMALL), ("C-BIG", BIG)):
            s.add(Customer(id=cid, name=f"客戶 {cid}", language="zh_TW"))
            s.flush()
            s.add(Phone(e164="+886" + phone[1:], customer_id=cid, raw=phone))
        s.flush()
        for cid, n in (("C-SMALL", 10), ("C-BIG", rows)):
            s.add_all(Notification(id=f"{cid}-{i}", customer_id=cid, sent_at=t0 + timedelta(hours=7 * i),
                                   channel=("sms", "email", "app")[i % 3], says=SAYS[i % len(SAYS)],
                                   text=f"通知 {i}: 您的帳單已出帳，請於期限前繳費。Notice {i} about your bill.")
                      for i in range(n))
    store.dispose()


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024**2


def measure(rows: int) -> dict[str, object]:
    from PySide6.QtCore import QCoreApplication

    from ui.app import make_window, wait_for_pop

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'customers.sqlite3'}"
    build(url, rows)
    ctx = ConsoleContext(load_settings(db=url, journal=f"sqlite:///{tmp / 'journal.sqlite3'}"))
    window = make_window(ctx, "en", remember=False)
    window.resize(1366, 768)
    window.show()
    QCoreApplication.processEvents()
    rss = {"window_shown": rss_mib()}
    window.pop(SMALL)
    if not wait_for_pop(window):
        raise SystemExit("the small caller did not pop")
    rss["small_caller"] = rss_mib()
    start = time.perf_counter()
    window.pop(BIG)
    if not wait_for_pop(window):
        raise SystemExit("the big caller did not pop")
    pop_ms = (time.perf_counter() - start) * 1000
    rss["big_caller"] = rss_mib()
    if len(window.result.view.notifications) != rows:
        raise SystemExit(f"the caller has {len(window.result.view.notifications)} notifications, not {rows}")
    view = window.notifications.first_view()  # fetches rows in batches as it scrolls (canFetchMore)
    bar = view.verticalScrollBar()
    pages: list[float] = []
    bar.setValue(0)
    while bar.value() < bar.maximum():
        t = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        view.viewport().repaint()
        QCoreApplication.processEvents()
        pages.append((time.perf_counter() - t) * 1000)
    rss["scrolled_to_bottom"] = rss_mib()
    if view.model().rowCount() != rows:
        raise SystemExit(f"scrolled to the bottom but the table holds {view.model().rowCount()} rows, not {rows}")
    window.close()
    ctx.close()
    shutil.rmtree(tmp, ignore_errors=True)
    out = {"rows": rows, "pages": len(pages), "pop_ms": pop_ms, "rss_mib": rss,
           "page_ms": {"p50": percentile(pages, 50), "p95": percentile(pages, 95), "max": max(pages)}}
    print(f"{rows:,} notifications: pop {pop_ms:.0f} ms; scrolled {len(pages)} pages, one page p50 "
          f"{out['page_ms']['p50']:.1f} ms, p95 {out['page_ms']['p95']:.1f} ms")
    print("RSS (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in rss.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file (bench/run_all.py)")
    args = ap.parse_args(argv)
    figures = measure(args.rows)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
