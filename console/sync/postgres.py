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

import psycopg
from psycopg.types.json import Json
from sqlalchemy import JSON, Table, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from console.db import Store, open_store
from console.errors import StoreError
from console.models import Action, Call, Callback, Case, OutboxEvent
from console.models.types import Money
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
    batch_size = 2000  # one transaction per batch

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
        except (StoreError, OperationalError, psycopg.OperationalError) as exc:
            return [Outcome("retry", error=_one_line(exc)) for _ in events]
        except (IntegrityError, DBAPIError, psycopg.Error) as exc:
            if len(events) == 1:
                return [Outcome("dead", error=_one_line(exc))]
            # Find the event that cannot be stored without holding back the rest of the floor.
            return [self.deliver([ev])[0] for ev in events]
        return [DELIVERED for _ in events]

    def _replicate(self, events: Sequence[Envelope]) -> None:
        rows = self._rows(events)
        with self.central.engine.begin() as conn:
            # COPY into session-local staging tables, then one INSERT ... SELECT ... ON CONFLICT
            # per table: close to the speed of a bare COPY, and still idempotent.
            cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cur.execute("SET LOCAL TIME ZONE 'UTC'")  # raw SQLite times are naive UTC
                for table, values, raw in rows:
                    _stage(cur, table, values, raw)
                    cur.execute(_UPSERTS[table.name])
                _stage(cur, _EVENTS, [_event_row(ev) for ev in events], False)
                cur.execute(_INSERT_EVENTS)
            finally:
                cur.close()

    def _rows(self, events: Sequence[Envelope]) -> list[tuple[Table, list[Sequence[Any]], bool]]:
        """The current local state of everything the batch's events describe, parents first.

        From a SQLite journal the rows are read raw (cents, JSON text, naive UTC times), which
        PostgreSQL's COPY accepts as they are; from any other journal through the models' types.
        """
        call_ids = {ev.call_id for ev in events if ev.call_id}
        action_ids = {ev.payload.get("action_id") for ev in events} - {None}
        case_ids = {ev.payload.get("case_id") for ev in events} - {None}
        callback_ids = {ev.payload.get("callback_id") for ev in events} - {None}
        raw = self.journal.engine.dialect.name == "sqlite"
        with self.journal.engine.connect() as conn:
            def fetch(table: Table, column: str, keys: Iterable[Any]) -> dict[str, Sequence[Any]]:
                cols = _columns(table)
                found: dict[str, Sequence[Any]] = {}
                for chunk in _chunks(list(keys), 900):
                    if raw:
                        marks = ",".join("?" * len(chunk))
                        sql = f'SELECT {", ".join(cols)} FROM "{table.name}" WHERE {column} IN ({marks})'  # noqa: S608
                        result: Any = conn.exec_driver_sql(sql, tuple(chunk))
                    else:
                        result = conn.execute(select(*(table.c[c] for c in cols)).where(table.c[column].in_(chunk)))
                    for r in result:
                        found[r[0]] = tuple(r)  # id is the first column of these tables
                return found

            # Actions, cases and callbacks of the batch's calls, and those named by events
            # about older calls (a lead's approval), with those calls as parents.
            children = []
            for table, ids in ((_CASES, case_ids), (_ACTIONS, action_ids), (_CALLBACKS, callback_ids)):
                rows = fetch(table, "id", ids) | fetch(table, "call_id", call_ids)
                children.append((table, rows))
            parent_ids = set(call_ids)
            for table, rows in children:
                at = _columns(table).index("call_id")
                parent_ids.update(r[at] for r in rows.values() if r[at])
            calls = fetch(_CALLS, "id", parent_ids)
        out = [(_CALLS, list(calls.values()), raw)]
        out += [(table, list(rows.values()), raw) for table, rows in children]
        return [item for item in out if item[1]]

    def close(self) -> None:
        if self._central is not None:
            self._central.dispose()
            self._central = None


def _columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if not (table is _EVENTS and c.name == "position")]


def _stage(cur: Any, table: Table, values: list[Sequence[Any]], raw: bool) -> None:
    """COPY rows into the staging table for ``table``, created once per connection.

    It is empty at the start of every transaction: ON COMMIT DELETE ROWS empties it at
    commit, and a rollback takes back what this transaction copied in.
    """
    cols = _columns(table)
    cur.execute(
        f'CREATE TEMP TABLE IF NOT EXISTS "_in_{table.name}" (LIKE "{table.name}" INCLUDING DEFAULTS) '
        "ON COMMIT DELETE ROWS"
    )
    with cur.copy(f'COPY "_in_{table.name}" ({", ".join(cols)}) FROM STDIN') as copy:
        if raw:
            for row in values:
                copy.write_row(row)
        else:
            convert = [_converter(table.c[name]) for name in cols]
            for row in values:
                copy.write_row([f(v) for f, v in zip(convert, row, strict=True)])


def _converter(column: Any) -> Any:
    """Python value -> what PostgreSQL stores (cents for money, JSON text for JSON)."""
    if isinstance(column.type, Money):
        bind = column.type.process_bind_param
        return lambda v: bind(v, None)
    if isinstance(column.type, JSON):
        return lambda v: None if v is None else Json(v)
    return lambda v: v


def _upsert_sql(table: Table) -> str:
    """Latest local state wins: INSERT ... SELECT ... ON CONFLICT (pk) DO UPDATE every other column."""
    cols = _columns(table)
    pk = [c.name for c in table.primary_key.columns]
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c not in pk)
    return (f'INSERT INTO "{table.name}" ({", ".join(cols)}) SELECT {", ".join(cols)} FROM "_in_{table.name}" '  # noqa: S608
            f'ON CONFLICT ({", ".join(pk)}) DO UPDATE SET {updates}')


_UPSERTS = {t.name: _upsert_sql(t) for t in (_CALLS, _ACTIONS, _CASES, _CALLBACKS)}
assert _columns(_EVENTS) == ["id", "type", "version", "payload", "customer_id", "customer_seq", "agent_id",
                             "workstation", "call_id", "created_at"]
_INSERT_EVENTS = (
    f'INSERT INTO outbox_events ({", ".join(_columns(_EVENTS))}) '  # noqa: S608
    f'SELECT {", ".join(_columns(_EVENTS))} FROM "_in_outbox_events" '
    "ORDER BY created_at, workstation, customer_id, customer_seq ON CONFLICT (id) DO NOTHING"
)


def _event_row(ev: Envelope) -> tuple[Any, ...]:
    """An event in the column order of ``_columns(_EVENTS)``."""
    return (ev.id, ev.type, ev.version, ev.payload, ev.customer_id, ev.customer_seq, ev.agent_id,
            ev.workstation, ev.call_id, ev.created_at)


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

