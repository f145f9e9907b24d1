"""The sync worker: drain the outbox to every hook, in order per customer, once each.

``SyncWorker(ctx).run_once()`` takes the journal's lease, sends the audit chain head as an
``audit.head`` event when it moved, then for each hook delivers every due event in batches
and records the outcome per hook in ``deliveries`` (with the lease re-checked in the same
transaction, so a worker that lost its lease cannot overwrite the new holder's state).
Hooks are independent: a hook that is down only delays itself. Within one hook, an event
that is failing holds back the later events of the SAME customer; dead-lettered events do
not (they wait for a lead while the customer's later events flow).

``watch(stop)`` loops until ``stop`` is set; the window runs it in a QThread or a plain
thread and calls ``wake()`` for "sync now". No Qt here, and no real sleeping in tests:
clock, backoff and jitter are injectable.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console import audit, outbox
from console.context import ConsoleContext, system_clock
from console.models import Delivery, JournalMeta, OutboxEvent
from console.outbox import AUDIT_STREAM, Envelope
from console.sync import lease as lease_mod
from console.sync.hookspecs import Outcome, SyncHook
from console.sync.registry import BrokenHook, build_hooks

log = logging.getLogger("agent_console.sync")
BATCH = 500  # default for hooks that do not say (postgres and jsonl: 2000; webhook: 5)
PAGE = 2000


@dataclass
class HookRun:
    name: str
    delivered: int = 0
    failed: int = 0
    dead: int = 0
    error: str | None = None


@dataclass
class SyncResult:
    hooks: list[HookRun] = field(default_factory=list)
    demo: bool = False
    lease_holder: str | None = None  # set when another worker holds the lease
    lease_lost: bool = False

    @property
    def delivered(self) -> int:
        return sum(h.delivered for h in self.hooks)

    @property
    def ok(self) -> bool:
        return not self.lease_lost and all(h.error is None and not h.failed and not h.dead for h in self.hooks)


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: base * 2**(attempt-1), capped, times U(1-jitter, 1)."""

    base_s: float = 2.0
    max_s: float = 300.0
    jitter: float = 0.5

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), max(self.max_s, retry_after))
        raw = min(self.max_s, self.base_s * (2 ** max(attempt - 1, 0)))
        return raw * (1 - self.jitter * rng.random())


class _LeaseLost(Exception):
    pass


@dataclass
class _Due:
    picked: list[tuple[Envelope, int]]
    floor: int | None
    floor_if_done: int | None


_ENVELOPE = (
    OutboxEvent.position, OutboxEvent.id, OutboxEvent.type, OutboxEvent.version, OutboxEvent.payload,
    OutboxEvent.customer_id, OutboxEvent.customer_seq, OutboxEvent.agent_id, OutboxEvent.workstation,
    OutboxEvent.call_id, OutboxEvent.created_at,
)


class SyncWorker:
    def __init__(
        self,
        ctx: ConsoleContext,
        *,
        hooks: list[SyncHook | BrokenHook] | None = None,
        clock: Callable[[], datetime] = system_clock,
        rng: random.Random | None = None,
        batch_size: int | None = None,
        lease_ttl: timedelta = lease_mod.DEFAULT_TTL,
        holder: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.clock = clock
        self.rng = rng or random.Random()
        self.batch_size = batch_size  # None: each hook's own (``batch_size`` in its table, else the hook's)
        self._hooks = hooks
        self.lease = lease_mod.Lease(ctx.journal, holder, lease_ttl)
        self._wake = threading.Event()
        self._backoff: dict[str, Backoff] = {}

    @property
    def hooks(self) -> list[SyncHook | BrokenHook]:
        if self._hooks is None:
            self._hooks = build_hooks(self.ctx.settings.hooks, self.ctx.journal)
        return self._hooks

    def _backoff_for(self, name: str) -> Backoff:
        if name not in self._backoff:
            table = next((t for t in self.ctx.settings.hooks if t.get("name") == name), {})
            self._backoff[name] = Backoff(float(table.get("backoff_s", 2.0)), float(table.get("max_backoff_s", 300.0)))
        return self._backoff[name]

    # -- one pass ------------------------------------------------------------------------

    def run_once(self) -> SyncResult:
        if self.ctx.settings.demo:
            return SyncResult(demo=True)  # demo mode never delivers to configured hooks
        if not self.lease.acquire(self.clock()):
            return SyncResult(lease_holder=self.lease.current_holder(self.clock()) or "another worker")
        result = SyncResult(hooks=[HookRun(h.name) for h in self.hooks])
        try:
            if self.hooks:
                self._enqueue_audit_head()
            live = [(h, run) for h, run in zip(self.hooks, result.hooks, strict=True) if not isinstance(h, BrokenHook)]
            for h, run in zip(self.hooks, result.hooks, strict=True):
                if isinstance(h, BrokenHook):
                    run.error = h.error
            if len(live) == 1:
                self._drain_safely(*live[0], result)
            elif live:
                # Each hook in its own thread: a slow receiver (timeouts) delays only itself.
                with ThreadPoolExecutor(max_workers=len(live), thread_name_prefix="sync-hook") as pool:
                    for future in [pool.submit(self._drain_safely, h, run, result) for h, run in live]:
                        future.result()
        finally:
            if not result.lease_lost:
                self.lease.release()
        return result

    def _drain_safely(self, hook: SyncHook, run: HookRun, result: SyncResult) -> None:
        try:
            self._drain(hook, run)
        except _LeaseLost:
            result.lease_lost = True
        except Exception as exc:  # one hook's bug never stops the others
            log.exception("sync hook %s failed", hook.name)
            run.error = f"{type(exc).__name__}: {exc}"

    def _drain(self, hook: SyncHook, run: HookRun) -> None:
        while True:
            now = self.clock()
            with self.ctx.journal.session() as s:
                due = self._due(s, hook.name, now, self._batch_for(hook))
            if not due.picked:
                if due.floor is not None:
                    self._commit(hook.name, [], [], due.floor)
                return
            outcomes = _safe_deliver(hook, [ev for ev, _ in due.picked])
            floor = due.floor
            if due.floor_if_done is not None and all(o.state in ("delivered", "dead") for o in outcomes):
                floor = due.floor_if_done
            self._commit(hook.name, due.picked, outcomes, floor)
            for o in outcomes:
                run.delivered += o.state == "delivered"
                run.failed += o.state == "retry"
                run.dead += o.state == "dead"
            if all(o.state != "delivered" for o in outcomes):
                return  # nothing moved: wait for the backoff rather than spin

    def _batch_for(self, hook: SyncHook) -> int:
        if self.batch_size is not None:
            return self.batch_size
        table = next((t for t in self.ctx.settings.hooks if t.get("name") == hook.name), {})
        return max(1, int(table.get("batch_size") or getattr(hook, "batch_size", BATCH)))

    def _due(self, s: Session, hook: str, now: datetime, size: int = BATCH) -> _Due:
        """Up to one batch of due events in outbox order, and how far the low-water mark may move.

        ``floor``: every event at or below it is finished (delivered or dead) already.
        ``floor_if_done``: the same once this batch is finished, when no open event was
        skipped on the way (blocked behind a failing one, or waiting for its backoff).
        """
        floor = _get_floor(s, hook)
        blocked: set[str] = set()
        picked: list[tuple[Envelope, int]] = []
        first_open: int | None = None
        skipped_open = False
        last = floor
        while len(picked) < size:
            rows = s.execute(
                select(*_ENVELOPE, Delivery.state, Delivery.attempts, Delivery.next_attempt_at)
                .outerjoin(Delivery, and_(Delivery.event_id == OutboxEvent.id, Delivery.hook == hook))
                .where(OutboxEvent.position > last)
                .order_by(OutboxEvent.position)
                .limit(PAGE)
            ).all()
            if not rows:
                break
            for row in rows:
                position, customer = row[0], row[5]
                state, attempts, next_at = row[-3:]
                last = position
                if state in ("delivered", "dead"):
                    continue
                if first_open is None:
                    first_open = position
                if customer in blocked or (next_at is not None and next_at > now):
                    blocked.add(customer)
                    skipped_open = True
                    continue
                picked.append((Envelope(*row[:-3]), attempts or 0))
                if len(picked) >= size:
                    break
        new_floor = (first_open - 1) if first_open is not None else last
        if_done = None if skipped_open else last
        if s.get_bind().dialect.name != "sqlite":
            # On PostgreSQL, positions can commit out of order: only settle old events.
            settled = _settled_floor(s, now - timedelta(minutes=5), floor)
            new_floor = min(new_floor, settled)
            if_done = min(if_done, settled) if if_done is not None else None
        return _Due(picked, new_floor if new_floor > floor else None, if_done if if_done and if_done > floor else None)

    def _commit(self, hook: str, batch: list[tuple[Envelope, int]], outcomes: list[Outcome], floor: int | None) -> None:
        now = self.clock()
        backoff = self._backoff_for(hook)
        rows: list[dict[str, Any]] = []
        for (ev, attempts), o in zip(batch, outcomes, strict=True):
            if o.state == "held":
                continue
            n = attempts + 1
            row: dict[str, Any] = {"event_id": ev.id, "hook": hook, "attempts": n, "last_error": o.error,
                                   "response": o.response, "next_attempt_at": None, "delivered_at": None}
            if o.state == "delivered":
                row.update(state="delivered", delivered_at=now, last_error=None)
            elif o.state == "dead":
                row.update(state="dead")
            else:
                delay = backoff.delay(n, self.rng, o.retry_after)
                row.update(state="failing", next_attempt_at=now + timedelta(seconds=delay))
            rows.append(row)
        with self.ctx.journal.session() as s, s.begin():
            if not lease_mod.take(s, self.lease.holder, now, self.lease.ttl):
                raise _LeaseLost()
            if rows:
                ins = (pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert)(Delivery)
                cols = ("state", "attempts", "last_error", "response", "next_attempt_at", "delivered_at")
                s.connection().execute(ins.on_conflict_do_update(  # Core executemany, not ORM bulk
                    index_elements=["event_id", "hook"], set_={c: ins.excluded[c] for c in cols}), rows)
            if floor is not None:
                _set_floor(s, hook, floor)

    def _enqueue_audit_head(self) -> None:
        """Send the audit chain head when it moved, so a truncated chain is caught centrally."""
        with self.ctx.journal.session() as s, s.begin():
            head = audit.head(s)
            if head is None:
                return
            seq, digest, entry_id = head
            last = s.scalar(
                select(OutboxEvent.payload).where(OutboxEvent.customer_id == AUDIT_STREAM,
                                                  OutboxEvent.workstation == self.ctx.settings.workstation)
                .order_by(OutboxEvent.customer_seq.desc()).limit(1)
            )
            if last and last.get("seq") == seq and last.get("hash") == digest:
                return
            st = self.ctx.settings
            outbox.enqueue(s, type="audit.head", customer_id=AUDIT_STREAM, agent_id=st.agent_id,
                           workstation=st.workstation, created_at=self.clock(),
                           payload={"seq": seq, "hash": digest, "entry_id": entry_id,
                                    "workstation": st.workstation, "entries": audit.count(s)})

    # -- the loop ------------------------------------------------------------------------

    def wake(self) -> None:
        """Ask a running ``watch`` loop to run now ("sync now")."""
        self._wake.set()

    def watch(self, stop: threading.Event, *, interval_s: float | None = None,
              on_result: Callable[[SyncResult], None] | None = None, max_runs: int | None = None) -> None:
        interval = self.ctx.settings.sync_interval_s if interval_s is None else interval_s
        runs = 0
        while not stop.is_set():
            try:
                result = self.run_once()
            except Exception as exc:  # e.g. the journal is locked for too long: try again later
                log.exception("sync run failed")
                result = SyncResult(hooks=[HookRun("*", error=f"{type(exc).__name__}: {exc}")])
            if on_result is not None:
                on_result(result)
            runs += 1
            if max_runs is not None and runs >= max_runs:
                break
            self._wake.clear()
            # Wake on stop, on "sync now", or after the interval, whichever comes first.
            waited = 0.0
            while not stop.is_set() and not self._wake.is_set() and waited < interval:
                step = min(0.25, interval - waited)
                stop.wait(step)
                waited += step
        self.close()

    def __enter__(self) -> SyncWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for hook in self._hooks or ():
            if not isinstance(hook, BrokenHook):
                try:
                    hook.close()
                except Exception:  # closing must not hide the real outcome
                    log.exception("closing sync hook %s", hook.name)


def _safe_deliver(hook: SyncHook, events: list[Envelope]) -> list[Outcome]:
    try:
        outcomes = list(hook.deliver(events))
    except Exception as exc:
        log.exception("sync hook %s raised", hook.name)
        return [Outcome("retry", error=f"{type(exc).__name__}: {exc}") for _ in events]
    if len(outcomes) != len(events):
        return [Outcome("retry", error=f"hook returned {len(outcomes)} outcomes for {len(events)} events")
                for _ in events]
    return outcomes


def _floor_key(hook: str) -> str:
    return f"sync.floor.{hook}"


def _get_floor(s: Session, hook: str) -> int:
    value = s.scalar(select(JournalMeta.value).where(JournalMeta.key == _floor_key(hook)))
    return int(value) if value else 0


def _set_floor(s: Session, hook: str, floor: int) -> None:
    meta = s.get(JournalMeta, _floor_key(hook))
    if meta is None:
        s.add(JournalMeta(key=_floor_key(hook), value=str(floor)))
    elif int(meta.value) < floor:
        meta.value = str(floor)


def _settled_floor(s: Session, settle: datetime, floor: int) -> int:
    """Below the first event newer than ``settle``: older positions can no longer appear."""
    recent = s.scalar(
        select(OutboxEvent.position).where(OutboxEvent.position > floor, OutboxEvent.created_at > settle)
        .order_by(OutboxEvent.position).limit(1)
    )
    return recent - 1 if recent is not None else 1 << 62
