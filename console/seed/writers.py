"""Bulk writers: the fastest honest way to put millions of generated rows into each backend.

The ORM would spend most of a million-customer load building objects, so rows go straight
to the driver: ``executemany`` on SQLite (with the rollback journal in memory, fsyncs off and a
large page cache while the store is being built; the usual WAL is restored at the end) and
``COPY ... FROM STDIN`` on PostgreSQL. Both write only the synthetic customers (ids
``S0000001``...) and can remove them again without touching scenario customers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine

from console.seed.generate import COLUMNS, INSTANT_COLUMNS, TABLES, Rows

# A synthetic customer: S + 7 digits, created by no scenario file.
SYNTHETIC = "id >= 'S0000000' AND id <= 'S9999999' AND length(id) = 8 AND scenario_id IS NULL"
CHILD_TABLES = ("phones", "contracts", "clauses", "services", "notifications", "usage", "events", "bill_lines")
SQLITE_CACHE_KIB = 256 * 1024  # page cache (and sorter memory) of the loading connection


class Writer(Protocol):
    def synthetic_count(self) -> int: ...
    def clashing_ids(self, last_id: str) -> list[str]: ...
    def other_phones(self) -> frozenset[str]: ...
    def delete_synthetic(self) -> int: ...
    def begin_load(self, expected_customers: int, cache_kib: int = ...) -> None: ...
    def write(self, rows: Rows) -> None: ...
    def finish(self) -> None: ...
    def close(self) -> None: ...


def _clash_sql(last_id: str) -> str:
    """Customers not ours (a scenario's) whose ids fall in S0000001..``last_id``."""
    assert last_id[0] == "S" and last_id[1:].isdigit()  # generated, never user input
    return (
        f"SELECT id FROM customers WHERE id >= 'S0000001' AND id <= '{last_id}' "  # noqa: S608
        "AND length(id) = 8 AND scenario_id IS NOT NULL ORDER BY id LIMIT 3"
    )


def _insert_sql(table: str) -> str:
    cols = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"  # noqa: S608


class SQLiteWriter:
    """executemany into a SQLite file through a private connection (no foreign-key checks)."""

    BIG_LOAD = 20_000  # customers: below this, keeping the indexes is cheaper

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self._indexes: list[tuple[str, str]] = []

    def synthetic_count(self) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM customers WHERE {SYNTHETIC}").fetchone()[0])  # noqa: S608

    def clashing_ids(self, last_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(_clash_sql(last_id))]

    def other_phones(self) -> frozenset[str]:
        rows = self.conn.execute(
            f"SELECT e164 FROM phones WHERE customer_id NOT IN (SELECT id FROM customers WHERE {SYNTHETIC})"  # noqa: S608
        )
        return frozenset(r[0] for r in rows)

    def delete_synthetic(self) -> int:
        count = self.synthetic_count()
        others = self.conn.execute(f"SELECT count(*) FROM customers WHERE NOT ({SYNTHETIC})").fetchone()[0]  # noqa: S608
        self.conn.execute("BEGIN")
        if others == 0:  # only the population is here: empty the tables (fast truncate)
            for table in (*CHILD_TABLES, "bills", "customers"):
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608
        else:
            mine = f"SELECT id FROM customers WHERE {SYNTHETIC}"  # noqa: S608
            for table in (*CHILD_TABLES, "bills"):
                self.conn.execute(f"DELETE FROM {table} WHERE customer_id IN ({mine})")  # noqa: S608
            self.conn.execute(f"DELETE FROM customers WHERE {SYNTHETIC}")  # noqa: S608
        self.conn.execute("COMMIT")
        return count

    def begin_load(self, expected_customers: int, cache_kib: int = SQLITE_CACHE_KIB) -> None:
        c = self.conn
        c.execute("PRAGMA busy_timeout = 0")
        try:
            # No journal file, yet ROLLBACK still works. Leaving WAL needs the file to
            # ourselves; if another program has it open, load in WAL (slower, just as correct).
            c.execute("PRAGMA journal_mode = MEMORY")
        except sqlite3.OperationalError:
            pass
        c.execute("PRAGMA busy_timeout = 10000")
        c.execute("PRAGMA synchronous = OFF")
        c.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        if expected_customers >= self.BIG_LOAD:
            # Rebuilding an index once at the end beats updating it row by row.
            self._indexes = [
                (name, sql)
                for name, table, sql in c.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'")
                if sql is not None and table in TABLES
            ]
            for name, _ in self._indexes:
                c.execute(f'DROP INDEX "{name}"')

    def write(self, rows: Rows) -> None:
        c = self.conn
        c.execute("BEGIN")
        for table in TABLES:
            data = rows.tables[table]
            if data:
                c.executemany(_insert_sql(table), data)
        c.execute("COMMIT")

    def finish(self) -> None:
        for _, sql in self._indexes:
            self.conn.execute(sql)
        self._indexes = []
        self.conn.execute("PRAGMA journal_mode = WAL")

    def close(self) -> None:
        if self.conn.in_transaction:  # interrupted mid-batch: drop the half-written batch
            self.conn.execute("ROLLBACK")
        if self._indexes:  # interrupted: put the indexes back so the store stays usable
            self.finish()
        self.conn.close()


class PostgresWriter:
    """COPY FROM STDIN through psycopg; deletes cascade through the foreign keys."""

    def __init__(self, engine: Engine) -> None:
        self.raw = engine.raw_connection()
        self.conn: Any = self.raw.driver_connection
        self.conn.autocommit = False

    def _scalar(self, sql: str) -> Any:
        with self.conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchone()[0]

    def synthetic_count(self) -> int:
        n = int(self._scalar(f"SELECT count(*) FROM customers WHERE {SYNTHETIC}"))  # noqa: S608
        self.conn.rollback()
        return n

    def clashing_ids(self, last_id: str) -> list[str]:
        with self.conn.cursor() as cur:
            cur.execute(_clash_sql(last_id))
            found = [r[0] for r in cur.fetchall()]
        self.conn.rollback()
        return found

    def other_phones(self) -> frozenset[str]:
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT e164 FROM phones WHERE customer_id NOT IN (SELECT id FROM customers WHERE {SYNTHETIC})")  # noqa: S608
            found = frozenset(r[0] for r in cur.fetchall())
        self.conn.rollback()
        return found

    def delete_synthetic(self) -> int:
        with self.conn.cursor() as cur:
            cur.execute(f"DELETE FROM customers WHERE {SYNTHETIC}")  # noqa: S608
            count = cur.rowcount
        self.conn.commit()
        return int(count)

    def begin_load(self, expected_customers: int, cache_kib: int = 0) -> None:
        pass

    def write(self, rows: Rows) -> None:
        with self.conn.cursor() as cur:
            for table in TABLES:
                data = rows.tables[table]
                if not data:
                    continue
                with cur.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
                    for row in _pg_rows(table, data):
                        copy.write_row(row)
        self.conn.commit()

    def finish(self) -> None:
        with self.conn.cursor() as cur:
            cur.execute("ANALYZE")
        self.conn.commit()

    def close(self) -> None:
        self.raw.close()


def _pg_rows(table: str, data: Sequence[tuple[object, ...]]) -> Iterable[tuple[object, ...]]:
    """Instants are generated naive UTC (SQLite's format); PostgreSQL gets them with +00."""
    cols = INSTANT_COLUMNS.get(table)
    if not cols:
        return data
    positions = [COLUMNS[table].index(c) for c in cols]
    out = []
    for row in data:
        values = list(row)
        for i in positions:
            values[i] = f"{values[i]}+00"
        out.append(tuple(values))
    return out
