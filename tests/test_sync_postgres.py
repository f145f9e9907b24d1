"""The postgres hook against the REAL PostgreSQL: replicated once, idempotent, crash-safe.

A worker killed with SIGKILL in the middle of a batch (inside the PostgreSQL transaction, or
after it committed but before the journal recorded it) loses nothing and duplicates nothing
after a restart; two workers started at once never send an event twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from console import audit
from console.actions import ActionSpec
from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.db import open_store
from console.models import Action, Call, Callback, Case, Delivery, JournalMeta, OutboxEvent
from console.settings import load_settings
from console.sync.postgres import PostgresHook
from console.sync.worker import SyncWorker

pytestmark = pytest.mark.postgres
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


def _record(ctx: ConsoleContext, n: int, *, with_actions: bool = False) -> None:
    for i in range(n):
        specs = []
        if with_actions:
            specs = [
                ActionSpec("issue_credit", "MPRO", Decimal(100), periods=("2026-02",), suggestion_id=f"s{i}"),
                ActionSpec("open_case", params={"summary": "notice vs contract"}, suggestion_id=f"s{i}"),
                ActionSpec("schedule_callback", params={"due_at": "2026-03-05T10:00:00+08:00"}, suggestion_id=f"s{i}"),
            ]
        record_call(ctx, WrapUp(
            customer_id=f"C{i % 7}", outcome="resolved_with_credit" if with_actions else "resolved",
            root_cause="contract_notice_mismatch", started_at=T0 + timedelta(minutes=i),
            saved_at=T0 + timedelta(minutes=i, seconds=40), actions=specs, notes=f"call {i}",
        ))


def _central_counts(pg_url: str) -> dict[str, int]:
    store = open_store(pg_url, "journal")
    try:
        with store.session() as s:
            out = {t.__tablename__: s.scalar(select(func.count()).select_from(t))
                   for t in (Call, Action, Case, Callback, OutboxEvent)}
            out["distinct_events"] = s.scalar(select(func.count(func.distinct(OutboxEvent.id))))
            return out
    finally:
        store.dispose()


def _local_counts(ctx: ConsoleContext) -> dict[str, int]:
    with ctx.journal.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t))
                for t in (Call, Action, Case, Callback, OutboxEvent)}


def test_replicates_calls_and_events_once_and_idempotently(ctx, pg_url: str) -> None:
    ctx.settings.hooks = [{"name": "floor", "kind": "postgres", "url": pg_url}]
    _record(ctx, 5, with_actions=True)
    with SyncWorker(ctx, batch_size=7) as w:
        result = w.run_once()
    local = _local_counts(ctx)
    assert result.ok and result.delivered == local["outbox_events"] == 5 * 4 + 1
    central = _central_counts(pg_url)
    assert {k: central[k] for k in local} == local and central["distinct_events"] == local["outbox_events"]

    # Forget every delivery and send it all again: nothing changes centrally.
    with ctx.journal.session() as s, s.begin():
        s.execute(delete(Delivery))
        s.execute(delete(JournalMeta).where(JournalMeta.key.like("sync.%")))
    with SyncWorker(ctx) as w:
        assert w.run_once().delivered == local["outbox_events"]
    assert _central_counts(pg_url) == central

    # A lead reads the floor's journal like any journal: the same rows, value for value.
    def snapshot(session) -> dict:
        calls = {c.id: (c.started_at, c.saved_at, c.duration_s, c.acw_s, c.notes, c.finding_codes, c.credit_total,
                        c.demo, c.follow_up_on, c.outcome) for c in session.scalars(select(Call))}
        actions = {a.id: (a.call_id, a.kind, a.amount, a.periods, a.params, a.status, a.created_at)
                   for a in session.scalars(select(Action))}
        cases = {c.id: (c.call_id, c.summary, c.due_on, c.opened_at) for c in session.scalars(select(Case))}
        events = {e.id: (e.type, e.payload, e.customer_seq, e.created_at) for e in session.scalars(select(OutboxEvent))}
        return {"calls": calls, "actions": actions, "cases": cases, "events": events}

    store = open_store(pg_url, "journal")
    try:
        with store.session() as s, ctx.journal.session() as local:
            assert s.scalar(select(func.sum(Call.credit_total))) == Decimal(500)
            assert snapshot(s) == snapshot(local)
    finally:
        store.dispose()


def test_postgres_down_is_retried(ctx, tmp_path: Path) -> None:
    ctx.settings.hooks = [{"name": "floor", "kind": "postgres", "backoff_s": 0,
                           "url": "postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2"}]
    _record(ctx, 2)
    with SyncWorker(ctx) as w:
        r = w.run_once()
    assert r.delivered == 0 and r.hooks[0].failed == 3
    with ctx.journal.session() as s:
        assert {d.state for d in s.scalars(select(Delivery))} == {"failing"}


CHILD = textwrap.dedent('''
    import sys
    from sqlalchemy import event
    from console.context import ConsoleContext
    from console.settings import load_settings
    from console.sync import postgres
    from console.sync.worker import SyncWorker

    journal, pg, block_at, when = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    settings = load_settings(journal=journal, db="sqlite://", agent="A001")
    settings.hooks = [{"name": "floor", "kind": "postgres", "url": pg}]
    ctx = ConsoleContext(settings)
    state = {"batches": 0}

    def block():
        print("BLOCKED", flush=True)
        sys.stdin.readline()  # until SIGKILL

    real_open = postgres.open_store

    def open_store(url, kind):
        store = real_open(url, kind)

        @event.listens_for(store.engine, "commit")
        def before_commit(conn):
            if when == "before" and state["batches"] + 1 == block_at:
                block()
        return store

    postgres.open_store = open_store
    real_deliver = postgres.PostgresHook.deliver

    def deliver(self, events):
        out = real_deliver(self, events)
        state["batches"] += 1
        if when == "after" and state["batches"] == block_at:
            block()
        return out

    postgres.PostgresHook.deliver = deliver
    SyncWorker(ctx, batch_size=10).run_once()
    print("DONE", flush=True)
''')


@pytest.mark.parametrize("when", ["before", "after"])
def test_sigkill_mid_batch_then_restart_loses_and_duplicates_nothing(ctx, pg_url: str, tmp_path: Path, when: str) -> None:
    _record(ctx, 40)
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "AGENT_CONSOLE_AUDIT_KEY": "test-key"}
    with subprocess.Popen([sys.executable, str(script), ctx.settings.journal_url, pg_url, "3", when],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout.readline().strip() == "BLOCKED"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(30)
    with ctx.journal.session() as s:
        recorded = s.scalar(select(func.count()).select_from(Delivery).where(Delivery.state == "delivered"))
    central = _central_counts(pg_url)
    assert recorded == 20  # two batches recorded locally before the kill
    assert central["outbox_events"] == (20 if when == "before" else 30)

    # Restart at once: the killed worker's lease names a process that no longer exists.
    ctx.settings.hooks = [{"name": "floor", "kind": "postgres", "url": pg_url}]
    with SyncWorker(ctx) as w:
        result = w.run_once()
    assert result.ok, result
    total = _local_counts(ctx)["outbox_events"]
    central = _central_counts(pg_url)
    assert central["outbox_events"] == central["distinct_events"] == total == 41
    assert central["calls"] == 40


class Counting(PostgresHook):
    sent: list[str] = []
    lock = threading.Lock()

    def deliver(self, events):
        with self.lock:
            self.sent.extend(e.id for e in events)
        return super().deliver(events)


def test_two_workers_at_once_never_send_twice(ctx, pg_url: str) -> None:
    _record(ctx, 30)
    Counting.sent = []
    contexts = [ConsoleContext(load_settings(journal=ctx.settings.journal_url, db="sqlite://", agent="A001"))
                for _ in range(2)]
    barrier = threading.Barrier(2)
    results = []

    def run(c: ConsoleContext) -> None:
        c.settings.hooks = [{"name": "floor", "kind": "postgres", "url": pg_url}]
        w = SyncWorker(c, hooks=[Counting("floor", pg_url, c.journal)], batch_size=5)
        barrier.wait()
        results.append(w.run_once())
        w.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in contexts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for c in contexts:
        c.close()
    assert len(results) == 2 and all(r.ok or r.lease_holder for r in results)
    assert len(Counting.sent) == len(set(Counting.sent)) == 31
    central = _central_counts(pg_url)
    assert central["outbox_events"] == central["distinct_events"] == 31


def test_a_postgresql_journal_drains_too(pg_url: str, tmp_path: Path) -> None:
    settings = load_settings(journal=pg_url, db="sqlite://", agent="A001")
    settings.hooks = [{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}]
    with ConsoleContext(settings) as ctx:
        _record(ctx, 3, with_actions=True)
        with SyncWorker(ctx) as w:
            assert w.run_once().delivered == 3 * 4 + 1
        _record(ctx, 1)
        with SyncWorker(ctx) as w:
            assert w.run_once().delivered == 2  # the new call and the moved audit head
    lines = [line for f in (tmp_path / "drop").iterdir() for line in f.read_text().splitlines()]
    assert len(lines) == 15
