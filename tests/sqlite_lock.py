"""A real "database is locked": another program holding a SQLite file exclusively.

Cheaper than it sounds and truer than a stub raising ``OperationalError``: the console's
own connection waits its busy timeout, SQLite answers SQLITE_BUSY, and the console's
translation of that error (``console.db``) is what the test sees. The holder uses
``locking_mode=EXCLUSIVE``, as a backup tool or the ``sqlite3`` shell can, so even readers
of a WAL database are shut out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from console import db
from console.context import ConsoleContext


@contextmanager
def locked_by_another_program(path: Path | str) -> Iterator[None]:
    holder = sqlite3.connect(str(path).removeprefix("sqlite:///"), isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        holder.close()


def wait_briefly_when_busy(ctx: ConsoleContext, monkeypatch: pytest.MonkeyPatch, ms: int = 200) -> None:
    """Reopen ``ctx``'s stores with a short busy timeout (10 s in the product) to keep tests fast."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", ms)
    ctx.close()
