"""Sync worker against a real local HTTP receiver and a jsonl drop: once, in order, retried."""

from __future__ import annotations

import json
import os
import random
import threading
import time
from datetime import timedelta
from email.utils import formatdate
from pathlib import Path

import pytest
from receiver import Receiver
from sqlalchemy import select
from sync_helpers import FakeClock, record_calls

from console import audit
from console.models import AuditEntry, Delivery, OutboxEvent
from console.sync.hookspecs import DELIVERED, hookimpl
from console.sync.registry import BrokenHook, build_hooks, plugin_manager
from console.sync.state import status
from console.sync.worker import Backoff, SyncWorker

SECRET = "s3cret-for-tests"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    monkeypatch.setenv("CRM_SECRET", SECRET)


@pytest.fixture
def receiver():
    with Receiver(SECRET.encode()) as r:
        yield r


def _webhook(url: str, **kw) -> dict:
    return {"name": "crm", "kind": "webhook", "url": url, "secret_env": "CRM_SECRET", "backoff_s": 0, **kw}


def _worker(ctx, clock=None, **kw) -> SyncWorker:
    return SyncWorker(ctx, clock=clock or FakeClock(), rng=random.Random(1), **kw)


def _customer_events(ctx) -> dict[str, list[str]]:
    with ctx.journal.session() as s:
        out: dict[str, list[str]] = {}
        for cid, eid in s.execute(select(OutboxEvent.customer_id, OutboxEvent.id).order_by(OutboxEvent.customer_seq)):
            out.setdefault(cid, []).append(eid)
        return out


def test_webhook_events_arrive_once_signed(ctx, receiver: Receiver) -> None:
    ctx.settings.hooks = [_webhook(receiver.url)]
    record_calls(ctx, ["C1", "C2", "C1"])
    r1 = _worker(ctx).run_once()
    assert r1.ok and r1.delivered == 4  # 3 calls + the audit head
    assert receiver.bad_signatures == 0 and receiver.posts == 4
    types = sorted(e["type"] for e in receiver.events.values())
    assert types == ["audit.head", "call.recorded", "call.recorded", "call.recorded"]
    head = next(e for e in receiver.events.values() if e["type"] == "audit.head")
    assert head["payload"]["seq"] == 3 and head["payload"]["v"] == 1
    assert _worker(ctx).run_once().delivered == 0  # nothing twice; head unchanged, no new event
    assert receiver.posts == 4
    [st] = status(ctx)
    assert (st.delivered, st.pending, st.failing, st.dead) == (4, 0, 0, 0)


def test_wrong_secret_is_refused_and_dead(ctx, receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_SECRET", "not-the-secret")
    ctx.settings.hooks = [_webhook(receiver.url)]
    record_calls(ctx, ["C1"])
    result = _worker(ctx).run_once()
    assert result.hooks[0].dead == 2 and receiver.bad_signatures == 2 and not receiver.events
    [st] = status(ctx)
    assert st.dead == 2 and "401" in st.last_error
    with ctx.journal.session() as s:
        assert "bad signature" in s.scalars(select(Delivery.response)).first()
    assert SECRET not in repr(result) and "not-the-secret" not in json.dumps(st.to_json())


def test_5xx_is_retried_and_keeps_customer_order(ctx, receiver: Receiver) -> None:
    ctx.settings.hooks = [_webhook(receiver.url, backoff_s=1)]
    record_calls(ctx, ["C1", "C1", "C2"])
    receiver.fail_next(1, 503)
    clock = FakeClock()
    first = _worker(ctx, clock).run_once()
    # The first C1 event failed, so the second C1 event was held back; C2 and the head went through.
    assert first.hooks[0].failed == 1 and first.hooks[0].delivered == 2
    c1 = _customer_events(ctx)["C1"]
    assert not set(c1) & set(receiver.events)
    assert status(ctx)[0].failing == 1
    clock.advance(1)
    assert _worker(ctx, clock).run_once().delivered == 2
    assert [e for e in receiver.order if e in c1] == c1
    assert status(ctx)[0].pending == 0


def test_retry_after_as_an_http_date_from_a_real_receiver_is_honoured(ctx, receiver: Receiver) -> None:
    """The HTTP-date form of Retry-After, sent by a real server, read against the real clock."""
    ctx.settings.hooks = [_webhook(receiver.url, backoff_s=1)]
    record_calls(ctx, ["C1"])
    receiver.fail_next(1, 503, headers={"Retry-After": formatdate(time.time() + 120, usegmt=True)})
    clock = FakeClock()
    first = _worker(ctx, clock).run_once()
    assert first.hooks[0].failed == 1 and receiver.posts >= 1
    posts = receiver.posts
    clock.advance(60)  # the backoff alone (1 s) would have retried long ago
    assert _worker(ctx, clock).run_once().delivered == 0 and receiver.posts == posts
    clock.advance(70)  # past the date the server named (with a few seconds of slack for the run)
    assert _worker(ctx, clock).run_once().delivered >= 1
    assert status(ctx)[0].pending == 0 and status(ctx)[0].failing == 0


def test_server_down_then_back(ctx, tmp_path: Path) -> None:
    with Receiver(SECRET.encode()) as r:
        port, url = r.port, r.url
    ctx.settings.hooks = [_webhook(url, backoff_s=1)]
    record_calls(ctx, ["C1", "C2"])
    clock = FakeClock()
    down = _worker(ctx, clock).run_once()
    assert down.delivered == 0 and down.hooks[0].failed >= 1
    st = status(ctx)[0]
    assert st.pending + st.failing == 3 and "cannot reach" in st.last_error
    with Receiver(SECRET.encode(), port=port) as back:
        clock.advance(1)
        assert _worker(ctx, clock).run_once().delivered == 3
        assert len(back.events) == 3 and back.posts == 3


def test_retry_after_is_honoured(ctx, receiver: Receiver) -> None:
    ctx.settings.hooks = [_webhook(receiver.url)]
    record_calls(ctx, ["C1"])
    receiver.fail_next(1, 429, {"Retry-After": "120"})
    clock = FakeClock()
    _worker(ctx, clock).run_once()  # audit head goes, the call waits (or the other way round)
    st = status(ctx)[0]
    assert st.failing == 1 and st.next_attempt_at == clock.now + timedelta(seconds=120)
    clock.advance(60)
    assert _worker(ctx, clock).run_once().delivered == 0
    clock.advance(61)
    assert _worker(ctx, clock).run_once().delivered == 1


def test_other_4xx_is_dead_and_does_not_block_the_customer(ctx, receiver: Receiver) -> None:
    ctx.settings.hooks = [_webhook(receiver.url)]
    ids = record_calls(ctx, ["C1"])
    receiver.fail_next(1, 422, text='{"error": "unknown outcome"}')
    w = _worker(ctx)
    w.run_once()
    record_calls(ctx, ["C1"])
    w.run_once()
    st = status(ctx)[0]
    assert st.dead == 1 and "422" in st.last_error and st.pending == 0
    with ctx.journal.session() as s:
        dead = s.execute(select(Delivery.response, OutboxEvent.call_id).join(OutboxEvent)
                         .where(Delivery.state == "dead")).one()
    assert "unknown outcome" in dead.response and dead.call_id in ids + [None]


def test_failing_hook_never_blocks_others(ctx, tmp_path: Path) -> None:
    with Receiver(SECRET.encode()) as r:
        url = r.url  # stopped: connection refused from now on
    drop = tmp_path / "drop"
    ctx.settings.hooks = [_webhook(url), {"name": "drop", "kind": "jsonl", "dir": str(drop)},
                          {"name": "bad", "kind": "webhook", "url": url, "secret_env": "NOT_SET_ANYWHERE"},
                          {"name": "odd", "kind": "carrier-pigeon"}]
    record_calls(ctx, ["C1", "C2"])
    result = _worker(ctx).run_once()
    runs = {h.name: h for h in result.hooks}
    assert runs["drop"].delivered == 3 and runs["crm"].delivered == 0
    assert "NOT_SET_ANYWHERE" in runs["bad"].error and "carrier-pigeon" in runs["odd"].error
    lines = [json.loads(x) for f in drop.iterdir() for x in f.read_text().splitlines()]
    assert len(lines) == 3 and len({x["id"] for x in lines}) == 3
    st = {h.name: h for h in status(ctx)}
    assert st["drop"].delivered == 3 and st["crm"].delivered == 0 and st["bad"].pending == 3


def test_demo_mode_never_delivers(ctx, tmp_path: Path) -> None:
    ctx.settings.hooks = [{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}]
    ctx.settings.demo = True
    record_calls(ctx, ["C1"])
    assert _worker(ctx).run_once().demo
    assert not (tmp_path / "drop").exists()
    assert status(ctx)[0].pending == 1


def test_lease_keeps_a_second_worker_out_until_it_expires(ctx, tmp_path: Path) -> None:
    ctx.settings.hooks = [{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}]
    record_calls(ctx, ["C1"])
    clock = FakeClock()
    holder = _worker(ctx, clock, holder="window")
    assert holder.lease.acquire(clock())
    other = _worker(ctx, clock, holder="cli").run_once()
    assert other.lease_holder == "window" and other.delivered == 0
    clock.advance(61)  # the window died without releasing: the lease expires
    assert _worker(ctx, clock, holder="cli").run_once().delivered == 2
    # The old holder cannot write delivery state any more.
    assert holder.run_once().lease_holder is None


def test_third_party_plugin_through_pluggy(ctx) -> None:
    seen: list[str] = []

    class Pigeon:
        kind = "pigeon"
        name = "coop"

        def deliver(self, events):
            seen.extend(e.id for e in events)
            return [DELIVERED for _ in events]

        def close(self) -> None:
            pass

    class PigeonPlugin:
        @hookimpl
        def agent_console_sync_hook(self, name, kind, options, journal):
            return Pigeon() if kind == "pigeon" else None

    ctx.settings.hooks = [{"name": "coop", "kind": "pigeon"}]
    hooks = build_hooks(ctx.settings.hooks, ctx.journal, pm=plugin_manager([PigeonPlugin()], entry_points=False))
    assert not any(isinstance(h, BrokenHook) for h in hooks)
    record_calls(ctx, ["C1"])
    assert _worker(ctx, hooks=hooks).run_once().delivered == 2 and len(seen) == 2


def test_watch_loop_stops_and_wakes(ctx, tmp_path: Path) -> None:
    ctx.settings.hooks = [{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}]
    record_calls(ctx, ["C1"])
    stop, results, ran = threading.Event(), [], threading.Event()

    def on_result(r):
        results.append(r)
        ran.set()

    w = _worker(ctx)
    t = threading.Thread(target=w.watch, args=(stop,), kwargs={"interval_s": 3600, "on_result": on_result})
    t.start()
    assert ran.wait(10)
    ran.clear()
    record_calls(ctx, ["C2"])
    w.wake()
    assert ran.wait(10)
    stop.set()
    t.join(10)
    assert not t.is_alive()
    assert sum(r.delivered for r in results) == 4  # two calls, two audit heads


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    b, rng = Backoff(base_s=2, max_s=60, jitter=0.5), random.Random(7)
    for attempt, raw in ((1, 2), (2, 4), (3, 8), (10, 60)):
        d = b.delay(attempt, rng)
        assert raw * 0.5 <= d <= raw
    assert b.delay(3, rng, retry_after=120) == 120


def test_two_workers_at_once_post_each_event_once(ctx, receiver: Receiver) -> None:
    from console.context import ConsoleContext
    from console.settings import load_settings

    record_calls(ctx, [f"C{i % 3}" for i in range(12)])
    barrier, results = threading.Barrier(2), []

    def run() -> None:
        c = ConsoleContext(load_settings(journal=ctx.settings.journal_url, db="sqlite://", agent="A001"))
        c.settings.hooks = [_webhook(receiver.url)]
        with SyncWorker(c, batch_size=3) as w:
            barrier.wait()
            results.append(w.run_once())
        c.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 2
    assert receiver.posts == len(receiver.events) == 13


def test_third_party_hook_from_an_entry_point(ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    dist = site / "pigeon_hook-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: pigeon-hook\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[agent_console.sync_hooks]\npigeon = pigeon_hook\n")
    (site / "pigeon_hook.py").write_text(
        "from console.sync.hookspecs import DELIVERED, hookimpl\n"
        "SENT = []\n"
        "class Hook:\n"
        "    kind = 'pigeon'\n"
        "    def __init__(self, name): self.name = name\n"
        "    def deliver(self, events):\n"
        "        SENT.extend(e.id for e in events)\n"
        "        return [DELIVERED for _ in events]\n"
        "    def close(self): pass\n"
        "@hookimpl\n"
        "def agent_console_sync_hook(name, kind, options, journal):\n"
        "    return Hook(name) if kind == 'pigeon' else None\n"
    )
    monkeypatch.syspath_prepend(str(site))
    ctx.settings.hooks = [{"name": "coop", "kind": "pigeon"}]
    record_calls(ctx, ["C1"])
    assert _worker(ctx).run_once().delivered == 2
    import pigeon_hook

    assert len(pigeon_hook.SENT) == 2


def test_a_killed_local_holder_does_not_block_until_expiry(ctx, tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    from console.sync.lease import holder_is_dead

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = f"{socket.gethostname()}:{done.stdout.strip()}:dead"
    assert holder_is_dead(gone)
    assert not holder_is_dead(f"{socket.gethostname()}:{os.getpid()}:me")
    assert not holder_is_dead(f"another-host:{done.stdout.strip()}:x")
    ctx.settings.hooks = [{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}]
    record_calls(ctx, ["C1"])
    clock = FakeClock()
    assert _worker(ctx, clock, holder=gone).lease.acquire(clock())
    assert _worker(ctx, clock).run_once().delivered == 2


def test_hooks_run_side_by_side(ctx) -> None:
    """A hook that waits for the other one's delivery only gets it if they run at once."""
    b_delivered = threading.Event()

    class Slow:
        kind, name = "slow", "a"

        def deliver(self, events):
            assert b_delivered.wait(10), "the other hook waited for this one"
            return [DELIVERED for _ in events]

        def close(self) -> None:
            pass

    class Quick:
        kind, name = "quick", "b"

        def deliver(self, events):
            b_delivered.set()
            return [DELIVERED for _ in events]

        def close(self) -> None:
            pass

    ctx.settings.hooks = [{"name": "a", "kind": "slow"}, {"name": "b", "kind": "quick"}]
    record_calls(ctx, ["C1", "C2"])
    result = _worker(ctx, hooks=[Slow(), Quick()]).run_once()
    assert [(h.name, h.delivered, h.error) for h in result.hooks] == [("a", 3, None), ("b", 3, None)]


@pytest.mark.parametrize(
    ("option", "value"),
    [("backoff_s", "soon"), ("timeout_s", True), ("max_backoff_s", -1), ("batch_size", 0), ("batch_size", 2.5)],
)
def test_bad_hook_timing_options_are_config_errors(option: str, value: object) -> None:
    from console.settings import ConfigError
    from console.sync.registry import validate_tables

    with pytest.raises(ConfigError, match=option):
        validate_tables([{"name": "crm", "kind": "webhook", option: value}])


def test_dead_letters_are_listed_with_the_answer_and_a_lead_requeues_them(
    ctx, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.auth import Principal
    from console.errors import PermissionDenied
    from console.sync.dead_letters import dead_letters, requeue

    monkeypatch.setenv("CRM_SECRET", "not-the-secret")  # the receiver refuses: 401, dead
    ctx.settings.hooks = [_webhook(receiver.url)]
    record_calls(ctx, ["C1", "C2"])
    assert _worker(ctx).run_once().hooks[0].dead == 3
    letters = dead_letters(ctx, "crm")
    assert len(letters) == 3 and all("bad signature" in (d.response or "") for d in letters)

    agent = Principal("A001", "Agent", "agent", None)
    with pytest.raises(PermissionDenied):
        requeue(ctx, agent, "crm")
    monkeypatch.setenv("CRM_SECRET", SECRET)  # the cause is fixed
    lead = Principal("L001", "Lead", "lead", None)
    assert requeue(ctx, lead, "crm", [letters[0].event_id]) == 1
    assert requeue(ctx, lead, "crm") == 2
    result = _worker(ctx).run_once()
    assert result.ok and len(receiver.events) >= 3 and not dead_letters(ctx)
    with ctx.journal.session() as s:
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "sync.requeue")) == "sync.requeue"


@pytest.mark.parametrize(("personal", "phone", "notes"), [
    (None, "*********678", "call back on *******678, id A1*****789"),  # masked unless asked
    ("full", "+886912345678", "call back on 0912.345.678, id A123456789"),
])
def test_webhook_payloads_mask_personal_data_unless_the_hook_asks(
    ctx, receiver: Receiver, personal: str | None, phone: str, notes: str,
) -> None:
    ctx.settings.hooks = [_webhook(receiver.url, **({"personal_data": personal} if personal else {}))]
    record_calls(ctx, ["C1"], notes="call back on 0912.345.678, id A123456789")
    assert _worker(ctx).run_once().delivered == 2 and receiver.bad_signatures == 0
    (call,) = [e["payload"] for e in receiver.events.values() if e["type"] == "call.recorded"]
    assert call["customer_id"] == "C1" and call["phone"] == phone
    assert call["notes"] == f"{notes} 0"


def test_a_hook_with_an_unknown_personal_data_option_is_refused(ctx, receiver: Receiver) -> None:
    ctx.settings.hooks = [_webhook(receiver.url, personal_data="some")]
    [hook] = build_hooks(ctx.settings.hooks, ctx.journal)
    assert isinstance(hook, BrokenHook) and "personal_data must be one of masked, full" in hook.error
