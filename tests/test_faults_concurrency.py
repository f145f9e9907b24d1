"""Fault 3, concurrency: the window's saves and sync workers share one SQLite journal.

A thread records calls as the window's wrap-up would, a sync worker runs in the same
process (the window's background thread), and a CLI ``agent-console sync --watch`` runs in
another process, all on the same journal file and delivering to the same file drop, for a
bounded time (5 s by default, 60 s with ``AGENT_CONSOLE_SLOW=1``). No save fails (in
particular no "database is locked" reaches the agent), the CLI prints no traceback, and
no event is written to the drop twice: the lease keeps the two workers from double-sending.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from faults import cli_command, slow
from sqlalchemy import func, select

from console import audit
from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.models import Delivery, OutboxEvent
from console.settings import load_settings
from console.sync.hookspecs import DELIVERED
from console.sync.worker import SyncWorker

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "conc-key")


def _drop_ids(folder: Path) -> list[str]:
    return [json.loads(line)["id"] for f in sorted(folder.glob("*")) for line in f.read_text().splitlines() if line]


def _run(tmp_path: Path, seconds: float) -> dict[str, object]:
    journal = f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    drop = tmp_path / "drop"
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\ninterval_s = 0.05\n[[sync.hooks]]\nname = "drop"\nkind = "jsonl"\ndir = "{drop}"\n')
    settings = load_settings(journal=journal, db="sqlite://", config=str(config), agent="A001")
    window = ConsoleContext(settings)
    record_call(window, WrapUp(customer_id="C0", outcome="resolved", started_at=T0, saved_at=T0))
    cli = subprocess.Popen(
        [*cli_command(), "--journal", journal, "--db", "sqlite://", "--config", str(config),
         "sync", "--watch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, audit.KEY_ENV: "conc-key"})
    # Wait until the CLI worker runs (it delivers the first call): its SIGTERM handler is set by then.
    assert cli.stdout is not None
    first = cli.stdout.readline()
    assert "delivered" in first, first + (cli.stderr.read() if cli.poll() is not None and cli.stderr else "")
    stop = threading.Event()
    errors: list[str] = []
    latencies: list[float] = []

    def save() -> None:
        i = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            t = time.perf_counter()
            try:
                record_call(window, WrapUp(customer_id=f"C{i % 5}", outcome="resolved", phone="+886912345678",
                                           started_at=T0 + timedelta(seconds=i), saved_at=T0 + timedelta(seconds=i + 30),
                                           notes=f"call {i}"))
            except Exception as exc:  # what the agent would see
                errors.append(f"{type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - t)
            i += 1

    results = []
    worker = SyncWorker(window)
    saver = threading.Thread(target=save)
    syncer = threading.Thread(target=worker.watch, args=(stop,), kwargs={"interval_s": 0.05, "on_result": results.append})
    saver.start()
    syncer.start()
    saver.join()
    stop.set()
    syncer.join(30)
    cli.send_signal(signal.SIGTERM)
    out, err = cli.communicate(timeout=30)
    out = first + out
    assert cli.returncode == 0, err
    assert "Traceback" not in err and "locked" not in err and "locked" not in out, err
    assert not errors, errors[:3]
    sync_errors = [h.error for r in results for h in r.hooks if h.error]
    assert not sync_errors, sync_errors[:3]
    # What is left after both stopped, delivered by one last run.
    with SyncWorker(window) as last:
        assert last.run_once().ok
    with window.journal.session() as s:
        local = set(s.scalars(select(OutboxEvent.id)))
        delivered = s.scalar(select(func.count()).select_from(Delivery).where(Delivery.state == "delivered"))
    window.close()
    ids = _drop_ids(drop)
    assert len(ids) == len(set(ids)), f"{len(ids) - len(set(ids))} events written twice"
    assert set(ids) == local and delivered == len(local)
    latencies.sort()
    figures = {"seconds": seconds, "calls": len(latencies), "events": len(local),
               "cli_runs_with_output": out.count("delivered"), "in_app_runs": len(results),
               "save_p99_ms": round(1000 * latencies[int(len(latencies) * 0.99) - 1], 1),
               "save_max_ms": round(1000 * latencies[-1], 1)}
    print(f"\nconcurrency figures: {figures}")
    return figures


def test_saves_and_two_workers_share_the_journal(tmp_path: Path) -> None:
    _run(tmp_path, 5)


@slow
def test_saves_and_two_workers_share_the_journal_60s(tmp_path: Path) -> None:
    _run(tmp_path, 60)


class Counting:
    kind = "counting"

    def __init__(self, name: str, sent: list[str], lock: threading.Lock) -> None:
        self.name, self.sent, self.lock = name, sent, lock

    def deliver(self, events):  # type: ignore[no-untyped-def]
        with self.lock:
            self.sent.extend(e.id for e in events)
        return [DELIVERED for _ in events]

    def close(self) -> None:
        pass


def test_four_workers_racing_never_double_send(tmp_path: Path) -> None:
    """Four workers (own engines, like four processes) released at once, ten rounds each."""
    journal = f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    settings = load_settings(journal=journal, db="sqlite://", agent="A001")
    ctx = ConsoleContext(settings)
    for i in range(60):
        record_call(ctx, WrapUp(customer_id=f"C{i % 4}", outcome="resolved", started_at=T0, saved_at=T0, notes=str(i)))
    sent: list[str] = []
    lock = threading.Lock()
    contexts = [ConsoleContext(load_settings(journal=journal, db="sqlite://", agent="A001")) for _ in range(4)]
    barrier = threading.Barrier(4)
    failures: list[str] = []

    def race(c: ConsoleContext) -> None:
        w = SyncWorker(c, hooks=[Counting("count", sent, lock)], batch_size=3)
        try:
            for _ in range(10):
                barrier.wait()
                w.run_once()
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
        finally:
            w.close()

    threads = [threading.Thread(target=race, args=(c,)) for c in contexts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for c in contexts:
        c.close()
    with ctx.journal.session() as s:
        local = set(s.scalars(select(OutboxEvent.id)))
    ctx.close()
    assert not failures, failures
    assert len(sent) == len(set(sent)) and set(sent) == local
