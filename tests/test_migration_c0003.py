"""Customer store c0001 -> c0003: record ids become unique per customer, and nothing is lost.

A store written before c0003 holds bills whose lines know only their bill; after the
upgrade every line carries its customer, the keys are ``(customer_id, id)``, a second
customer may reuse a record id, and deleting a customer still takes all it owned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from console.db import create_store_engine
from console.migrate import alembic_config, current_revision, upgrade_store

ROWS = [
    "INSERT INTO customers (id, name, language) VALUES ('C1', 'a', 'en')",
    "INSERT INTO contracts (id, customer_id, signed_on) VALUES ('K', 'C1', '2025-01-01')",
    "INSERT INTO clauses (id, contract_id, customer_id, kind, text) VALUES ('K/1', 'K', 'C1', 'other', 't')",
    "INSERT INTO notifications (id, customer_id, sent_at, channel, says, text) "
    "VALUES ('N', 'C1', '2025-01-02 00:00:00', 'sms', 'informational', 't')",
    "INSERT INTO bills (id, customer_id, period, currency) VALUES ('B-202509', 'C1', '2025-09', 'TWD')",
    "INSERT INTO bill_lines (id, bill_id, service_code, text, amount) VALUES ('B-202509-1', 'B-202509', 'X', 'x', 19900)",
]
AGAIN = [  # the same record ids for another customer: refused before c0003, fine after
    "INSERT INTO customers (id, name, language) VALUES ('C2', 'b', 'en')",
    "INSERT INTO contracts (id, customer_id, signed_on) VALUES ('K', 'C2', '2025-01-01')",
    "INSERT INTO clauses (id, contract_id, customer_id, kind, text) VALUES ('K/1', 'K', 'C2', 'other', 't')",
    "INSERT INTO bills (id, customer_id, period, currency) VALUES ('B-202509', 'C2', '2025-09', 'TWD')",
    "INSERT INTO bill_lines (id, customer_id, bill_id, service_code, text, amount) "
    "VALUES ('B-202509-1', 'C2', 'B-202509', 'X', 'x', 100)",
]


def _upgrade_from_c0001(url: str) -> None:
    engine = create_store_engine(url, "customer")
    try:
        cfg = alembic_config("customer")
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "c0001")
        with engine.begin() as conn:
            for sql in ROWS:
                conn.execute(text(sql))
        upgrade_store(engine, "customer")
        assert current_revision(engine, "customer") == "c0003"
        with engine.begin() as conn:
            assert conn.execute(text("SELECT customer_id, amount FROM bill_lines")).all() == [("C1", 19900)]
            for sql in AGAIN:
                conn.execute(text(sql))
            assert conn.execute(text("SELECT count(*) FROM bill_lines WHERE id = 'B-202509-1'")).scalar() == 2
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text("PRAGMA foreign_keys = ON"))
            conn.execute(text("DELETE FROM customers WHERE id = 'C1'"))
            left = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()  # noqa: S608
                    for t in ("contracts", "clauses", "notifications", "bills", "bill_lines")}
        assert left == {"contracts": 1, "clauses": 1, "notifications": 0, "bills": 1, "bill_lines": 1}
    finally:
        engine.dispose()


def test_upgrade_on_sqlite_keeps_the_rows_and_scopes_the_ids(tmp_path: Path) -> None:
    _upgrade_from_c0001(f"sqlite:///{tmp_path / 'old.sqlite3'}")


@pytest.mark.postgres
def test_upgrade_on_postgresql(pg_url: str) -> None:
    _upgrade_from_c0001(pg_url)
