"""The ``postgres`` hook: replicate this journal into the floor's central journal.

The central PostgreSQL holds the SAME journal tables (opened with ``open_store(url,
"journal")``, so Alembic creates and upgrades them). Each batch is ONE PostgreSQL
transaction that upserts the rows the events describe (calls, actions, cases, callbacks,
read from the local journal as they are now) and inserts the events themselves with
``ON CONFLICT (id) DO NOTHING``. A batch that is re-sent after a crash therefore changes
nothing, and a lead can query and export the whole floor with ``--journal postgresql://``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from console.db import Store, open_store
from console.errors import StoreError
from console.models import Action, Call, Callback, Case, OutboxEvent
from console.outbox import Envelope
from console.settings import ConfigError
from console.sync.hookspecs import DELIVERED, Outcome, hookimpl

_CALLS: Table = Call.__table__  # type: ignore[assignment]
_ACTIONS: Table = Action.__table__  # type: ignore[assignment]
_CASES: Table = Case.__table__  # type: ignore[assignment]
_CALLBACKS: Table = Callback.__table__  # type: ignore[assignment]
_EVENTS: Table = OutboxEvent.__table__  # type: ignore[assignment]
_CHUNK = 2000


class PostgresHook:
    kind = "postgres"

    def __init__(self, name: str, url: str, journal: Store) -> None:
        self.name = name
        self.url = url
        self.journal = journal
        self._central: Store | None = None

    @property
    def central(self) -> Store:
        # Opened on first use: a server that is down at start-up is a retry, not a crash.
        if self._central is None:
            self._central = open_store(self.url, "journal")
        return self._central

    def deliver(self, events: Sequence[Envelope]) -> list[Outcome]:
        try:
            self._replicate(events)
        except (StoreError, OperationalError) as exc:
            return [Outcome("retry", error=_one_line(exc)) for _ in events]
        except (IntegrityError, DBAPIError) as exc:
            if len(events) == 1:
                return [Outcome("dead", error=_one_line(exc))]
            # Find the event that cannot be stored without holding back the rest of the floor.
            return [self.deliver([ev])[0] for ev in events]
        return [DELIVERED for _ in events]

    def _replicate(self, events: Sequence[Envelope]) -> None:
        rows = self._rows(events)
        with self.central.engine.begin() as conn:
            for table, values in rows:
                for chunk in _chunks(values):
                    stmt = pg_insert(table).values(chunk)
                    pk = [c.name for c in table.primary_key.columns]
                    stmt = stmt.on_conflict_do_update(
                        index_elements=pk,
                        set_={c.name: stmt.excluded[c.name] for c in table.columns if c.name not in pk},
                    )
                    conn.execute(stmt)
            for chunk in _chunks([_event_row(ev) for ev in events]):
                conn.execute(pg_insert(_EVENTS).values(chunk).on_conflict_do_nothing(index_elements=["id"]))

    def _rows(self, events: Sequence[Envelope]) -> list[tuple[Table, list[dict[str, Any]]]]:
        """The current local state of everything the batch's events describe, parents first."""
        call_ids = {ev.call_id for ev in events if ev.call_id}
        action_ids = {ev.payload.get("action_id") for ev in events} - {None}
        case_ids = {ev.payload.get("case_id") for ev in events} - {None}
        callback_ids = {ev.payload.get("callback_id") for ev in events} - {None}
        out: list[tuple[Table, list[dict[str, Any]]]] = []
        with self.journal.engine.connect() as conn:
            def fetch(table: Table, ids: Iterable[Any], by_call: bool = True) -> list[dict[str, Any]]:
                found: dict[str, dict[str, Any]] = {}
                for column, keys in (("id", list(ids)), ("call_id", list(call_ids) if by_call else [])):
                    for chunk in _chunks(keys, 900):
                        for r in conn.execute(select(table).where(table.c[column].in_(chunk))):
                            found[r.id] = dict(r._mapping)
                return list(found.values())

            calls = fetch(_CALLS, call_ids, by_call=False)
            # Actions, cases and callbacks may belong to calls not in this batch (approvals).
            out.append((_CALLS, calls))
            for table, ids in ((_CASES, case_ids), (_ACTIONS, action_ids), (_CALLBACKS, callback_ids)):
                out.append((table, fetch(table, ids)))
        missing_calls = {r["call_id"] for _, rows in out[1:] for r in rows if r.get("call_id")} - {c["id"] for c in calls}
        if missing_calls:
            with self.journal.engine.connect() as conn:
                extra = [dict(r._mapping) for r in conn.execute(select(_CALLS).where(_CALLS.c.id.in_(list(missing_calls))))]
            out[0] = (_CALLS, calls + extra)
        return [(t, rows) for t, rows in out if rows]

    def close(self) -> None:
        if self._central is not None:
            self._central.dispose()
            self._central = None


def _event_row(ev: Envelope) -> dict[str, Any]:
    return {
        "id": ev.id, "type": ev.type, "version": ev.version, "payload": ev.payload, "customer_id": ev.customer_id,
        "customer_seq": ev.customer_seq, "agent_id": ev.agent_id, "workstation": ev.workstation,
        "call_id": ev.call_id, "created_at": ev.created_at,
    }


def _chunks(values: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _one_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


class PostgresPlugin:
    @hookimpl
    def agent_console_sync_hook(self, name: str, kind: str, options: dict[str, Any], journal: Store) -> PostgresHook | None:
        if kind != "postgres":
            return None
        url = options.get("url")
        if not isinstance(url, str) or not url.startswith("postgresql"):
            raise ConfigError(f"sync hook {name!r}: a postgres hook needs url = \"postgresql+psycopg://...\"")
        if url == journal.url:
            raise ConfigError(f"sync hook {name!r}: cannot replicate a journal into itself")
        return PostgresHook(name, url, journal)

