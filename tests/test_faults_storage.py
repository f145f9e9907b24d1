"""Fault 6, damaged storage: a clear message, no data overwritten, no writing into a broken file.

A journal that is truncated, has garbage in its header or in its pages, sits in a read-only
file or folder, fills the disk (SQLite ``max_page_count``), or was written by a newer
console. Each time the agent gets one line naming the problem (a ``StoreError``), the file's
bytes are exactly what they were, and the save that failed left no trace. Tests run as root
drop to ``nobody`` for the read-only cases (root ignores file modes).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from console import audit
from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.errors import NewerDatabaseError, StoreError, UserError
from console.migrate import version_table
from console.models import Call, OutboxEvent
from console.settings import load_settings

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "storage-key")


def _ctx(path: Path) -> ConsoleContext:
    return ConsoleContext(load_settings(journal=f"sqlite:///{path}", db="sqlite://", agent="A001"))


def _wrapup(i: int) -> WrapUp:
    return WrapUp(customer_id=f"C{i % 3}", outcome="resolved", started_at=T0 + timedelta(minutes=i),
                  saved_at=T0 + timedelta(minutes=i, seconds=30), notes=f"call {i} " + "x" * 200)


def _journal_with_calls(path: Path, n: int = 40) -> None:
    ctx = _ctx(path)
    for i in range(n):
        record_call(ctx, _wrapup(i))
    ctx.close()  # the last connection checkpoints the WAL into the file
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(exc: BaseException) -> None:
    assert str(exc) and "\n" not in str(exc) and "Traceback" not in str(exc), str(exc)


def _use(path: Path) -> None:
    """What the console does with a journal: open it, read, then save a call."""
    ctx = _ctx(path)
    try:
        with ctx.journal.session() as s:
            s.scalar(select(func.count()).select_from(Call))
            s.scalar(select(func.count()).select_from(OutboxEvent))
        record_call(ctx, _wrapup(999))
    finally:
        ctx.close()


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2 + 100]
    elif how == "header":
        data[0:16] = b"NOT A SQLITE DB\x00"
    elif how == "pages":
        page = 4096
        for p in range(1, len(data) // page):
            data[p * page + 8: p * page + 200] = bytes(range(192))
    elif how == "zeroed_tail":
        data[len(data) // 3:] = bytes(len(data) - len(data) // 3)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "header", "pages", "zeroed_tail"])
def test_damaged_journal_is_refused_and_left_untouched(tmp_path: Path, how: str) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_calls(path)
    _damage(path, how)
    before = _digest(path)
    with pytest.raises(UserError) as info:
        _use(path)
    one_line(info.value)
    assert isinstance(info.value, StoreError)
    assert _digest(path) == before, "the console wrote into a damaged journal"


def test_newer_journal_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_calls(path, 3)
    con = sqlite3.connect(path)
    con.execute(f"UPDATE {version_table('journal')} SET version_num = 'j9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(NewerDatabaseError) as info:
        _use(path)
    one_line(info.value)
    assert "newer" in str(info.value)
    assert _digest(path) == before


def test_full_disk_refuses_the_save_whole_and_keeps_earlier_calls(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_calls(path, 5)
    ctx = _ctx(path)

    @event.listens_for(ctx.journal.engine, "connect")
    def _limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    ctx.journal.engine.dispose()  # new connections get the limit
    saved = 5
    error: BaseException | None = None
    for i in range(5, 400):
        try:
            record_call(ctx, WrapUp(customer_id="C1", outcome="resolved", started_at=T0, saved_at=T0,
                                    notes=f"call {i} " + "y" * 5000))
            saved += 1
        except Exception as exc:  # what the window would catch
            error = exc
            break
    assert error is not None, "the limit was never reached"
    assert isinstance(error, UserError), f"{type(error).__name__}: {error}"
    one_line(error)
    assert "full" in str(error)
    with ctx.journal.session() as s:
        calls = s.scalar(select(func.count()).select_from(Call))
        events = s.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.call_id.is_not(None)))
    ctx.close()
    assert calls == events == saved  # the failed save left nothing behind, earlier ones intact
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Root ignores file modes: act as ``nobody`` for the duration (effective uid only)."""
    if os.geteuid() != 0:
        yield
        return
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root without a 'nobody' user: cannot test file modes")
    os.setegid(nobody.pw_gid)
    os.seteuid(nobody.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="ac-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_journal_gives_one_line_and_no_change(shared_dir: Path, what: str) -> None:
    path = shared_dir / "journal.sqlite3"
    _journal_with_calls(path, 3)
    for p in shared_dir.iterdir():
        p.chmod(0o644 if what == "folder" else 0o444)
    if what == "folder":
        shared_dir.chmod(0o555)
    before = _digest(path)
    with _unprivileged():
        with pytest.raises(UserError) as info:
            _use(path)
    one_line(info.value)
    assert _digest(path) == before
    assert sorted(p.name for p in shared_dir.iterdir()) == ["journal.sqlite3"]


def test_corrupt_customer_store_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "customers.sqlite3"
    path.write_bytes(b"\x00" * 100 + os.urandom(5000))
    before = _digest(path)
    ctx = ConsoleContext(load_settings(db=f"sqlite:///{path}", journal=f"sqlite:///{tmp_path / 'j.sqlite3'}"))
    try:
        with pytest.raises(StoreError) as info:
            with ctx.customers.session() as s:
                s.execute(text("SELECT 1"))
    finally:
        ctx.close()
    one_line(info.value)
    assert _digest(path) == before
