"""Both stores: Alembic from the first table, upgrade of older files, refusal of newer ones,
the SQLite pragmas every connection must have, and the same models on PostgreSQL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from console.db import open_store
from console.errors import NewerDatabaseError, StoreError
from console.migrate import alembic_config, current_revision, head_revision
from console.models import Bill, BillLine, Customer, Notification


@pytest.mark.parametrize("kind", ["customer", "journal"])
def test_new_store_is_migrated_to_head(tmp_path: Path, kind: str) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.sqlite3'}", kind)
    assert current_revision(store.engine, kind) == head_revision(kind)
    store.dispose()


@pytest.mark.parametrize("kind", ["customer", "journal"])
def test_older_store_is_upgraded_on_open(tmp_path: Path, kind: str) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    store = open_store(url, kind)
    cfg = alembic_config(kind)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(store.engine, kind) is None
    store.dispose()
    reopened = open_store(url, kind)
    assert current_revision(reopened.engine, kind) == head_revision(kind)
    reopened.dispose()


@pytest.mark.parametrize("kind", ["customer", "journal"])
def test_newer_store_is_refused_and_left_alone(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "newer.sqlite3"
    open_store(f"sqlite:///{path}", kind).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE alembic_version_{kind} SET version_num = 'zz9999'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer Agent Console"):
        open_store(f"sqlite:///{path}", kind)
    assert path.read_bytes() == before


def test_sqlite_pragmas_on_every_connection(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'j.sqlite3'}", "journal")
    for _ in range(2):
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        store.engine.dispose()
    store.dispose()


def test_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the customer database"):
        open_store(f"sqlite:///{path}", "customer")


def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("no such thing://", "customer")


def _roundtrip(url: str) -> None:
    store = open_store(url, "customer")
    taipei = timezone(timedelta(hours=8))
    with store.session() as s, s.begin():
        s.add(Customer(id="C-1", name="陳志明", language="zh_TW"))
        s.flush()
        s.add(Bill(id="B-1", customer_id="C-1", period="2009-03", issued_on=date(2009, 4, 5), currency="TWD"))
        s.flush()
        s.add(BillLine(id="B-1-1", customer_id="C-1", bill_id="B-1", service_code="MPRO", text="mPro", amount=Decimal("50")))
        s.add(BillLine(id="B-1-2", customer_id="C-1", bill_id="B-1", service_code="X", text="x", amount=Decimal("12.34")))
        s.add(Notification(id="N-1", customer_id="C-1", sent_at=datetime(2009, 2, 16, 10, tzinfo=taipei), channel="sms", says="ends_at_trial_end", text="簡訊"))
    with store.session() as s:
        amounts = s.scalars(select(BillLine.amount).order_by(BillLine.id)).all()
        assert amounts == [Decimal("50.00"), Decimal("12.34")]
        assert all(isinstance(a, Decimal) for a in amounts)
        sent = s.scalar(select(Notification.sent_at))
        assert sent == datetime(2009, 2, 16, 2, tzinfo=UTC)
        assert sent.tzinfo is not None
        # deleting the customer cascades to everything it owns
    with store.session() as s, s.begin():
        s.execute(text("DELETE FROM customers WHERE id = 'C-1'"))
    with store.session() as s:
        assert s.scalar(text("SELECT count(*) FROM bill_lines")) == 0
    store.dispose()


def test_money_and_time_roundtrip_sqlite(customer_url: str) -> None:
    _roundtrip(customer_url)


@pytest.mark.postgres
def test_same_models_on_postgresql(pg_url: str) -> None:
    _roundtrip(pg_url)
    journal = open_store(pg_url, "journal")
    assert current_revision(journal.engine, "journal") == head_revision("journal")
    journal.dispose()


@pytest.mark.parametrize(("amount", "error", "message"), [
    (1.5, TypeError, "never float"),
    (0.1 + 0.2, TypeError, "never float"),
    (Decimal("0.001"), ValueError, "fraction of a cent"),
    (Decimal("12.345"), ValueError, "fraction of a cent"),
])
def test_money_refuses_float_and_fractions_of_a_cent(customer_url: str, amount: object, error: type, message: str) -> None:
    store = open_store(customer_url, "customer")
    with store.session() as s, s.begin():
        s.add(Customer(id="C-2", name="x", language="en"))
        s.flush()  # no ORM relationship orders the two inserts
        s.add(Bill(id="B-2", customer_id="C-2", period="2009-03", currency="TWD"))
    with store.session() as s, pytest.raises(StatementError) as caught:
        with s.begin():
            s.add(BillLine(id="L", customer_id="C-2", bill_id="B-2", text="x", amount=amount))
    assert isinstance(caught.value.orig, error) and message in str(caught.value.orig)
    with store.session() as s, s.begin():
        assert s.get(BillLine, ("C-2", "L")) is None  # nothing written
        s.add(BillLine(id="L", customer_id="C-2", bill_id="B-2", text="x", amount=Decimal("12.34")))
    with store.session() as s:
        assert s.get(BillLine, ("C-2", "L")).amount == Decimal("12.34")  # whole cents are kept exactly
    store.dispose()


@pytest.mark.parametrize("kind", ["customer", "journal"])
def test_migrations_match_the_models(tmp_path: Path, kind: str) -> None:
    """A model change without its Alembic revision fails here, not on a user's machine."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from console.models import CustomerBase, JournalBase

    base = CustomerBase if kind == "customer" else JournalBase
    store = open_store(f"sqlite:///{tmp_path / 'm.sqlite3'}", kind)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), base.metadata)
    store.dispose()
    assert [d for d in diff if "alembic_version" not in str(d)] == []
