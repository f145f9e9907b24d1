"""Opening the two stores: engines, per-connection pragmas, and schema migrations.

Every SQLite connection gets foreign keys, WAL and a busy timeout; the journal also gets
``synchronous=FULL`` so a saved outcome survives a power cut, and ``BEGIN IMMEDIATE`` so two
writers queue instead of failing half-way with "database is locked". A store is upgraded
through its own Alembic history when opened; a store written by a newer version of the
console is refused rather than guessed at.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from console import paths
from console.errors import NewerDatabaseError, StoreError

StoreKind = Literal["customer", "journal"]
BUSY_TIMEOUT_MS = 10_000


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700: a store's folder holds personal data."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {folder}: {exc.strerror}") from exc
    _tighten(folder, 0o700, only_own_data=True)


def make_private_file(path: Path) -> None:
    """Create a SQLite file 0600 in a 0700 folder before SQLite opens it (its -wal and -shm
    files get the same mode from SQLite), and take group and other access away from one
    that an older version left readable. Windows keeps the user's profile ACLs (docs)."""
    make_private_folder(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        for suffix in ("", "-wal", "-shm"):
            _tighten(Path(f"{path}{suffix}"), 0o600)
    except OSError:
        pass  # a read-only folder and the like: SQLite's own message follows, in one line


def _tighten(path: Path, mode: int, *, only_own_data: bool = False) -> None:
    """chmod to ``mode`` a file or folder this user owns that others can read (never
    someone else's; a folder only when it is the console's own data folder)."""
    if os.name != "posix":
        return
    if only_own_data and not path.resolve().is_relative_to(paths.data_dir().resolve()):
        return
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(st.st_mode) & mode)
    except OSError:
        pass


def create_store_engine(url: str, kind: StoreKind) -> Engine:
    """Create the engine for one store, with the pragmas that make SQLite safe to share."""
    try:
        u = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    backend = u.get_backend_name()
    if "\x00" in url:
        raise StoreError(f"not a database URL (it contains a NUL character): {url!r}")
    if backend == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            make_private_file(path)
        # hide_parameters: an error message never echoes a phone number or a note.
        if path is None:  # in memory (tests): one database for every thread, not one each
            engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                                   poolclass=StaticPool, hide_parameters=True)
        else:
            engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        _sqlite_pragmas(engine, kind)
        translate_sqlite_errors(engine, kind, path)
        return engine
    try:
        return create_engine(u, pool_pre_ping=True, hide_parameters=True)
    except Exception as exc:  # missing driver, bad options
        raise StoreError(f"cannot use {u.render_as_string(hide_password=True)}: {exc}") from exc


def _sqlite_pragmas(engine: Engine, kind: StoreKind) -> None:
    synchronous = "FULL" if kind == "journal" else "NORMAL"
    begin = "BEGIN IMMEDIATE" if kind == "journal" else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transaction control from the driver so BEGIN is explicit (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            # A read-only folder cannot hold the -wal file; say so rather than misbehave.
            cur.close()
            raise sqlite3.OperationalError(f"cannot switch to WAL (journal_mode={mode[0]})")
        cur.execute(f"PRAGMA synchronous = {synchronous}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql(begin)


# SQLite failures a user can act on (matched in the driver's message) -> what to tell them.
_SQLITE_PROBLEMS = (
    ("database or disk is full", "the disk is full; free some space and try again (nothing was saved)"),
    ("attempt to write a readonly database", "it is read-only; check the file's and its folder's permissions"),
    ("readonly database", "it is read-only; check the file's and its folder's permissions"),
    ("database disk image is malformed", "the file is damaged; restore it from a backup (it was not changed)"),
    ("file is not a database", "the file is not a database or is damaged (it was not changed)"),
    ("disk i/o error", "the disk reported an error; check the disk (nothing was saved)"),
    ("unable to open database file", "it cannot be opened; check the folder exists and is writable"),
    ("database is locked", "it is busy (another program is writing to it); try again"),
)


class StorageProblem(StoreError):
    """SQLite refused for a reason in the environment (full, read-only, damaged, busy)."""

    def __init__(self, kind: str, where: str, advice: str) -> None:
        self.advice = advice
        super().__init__(f"the {kind} database ({where}): {advice}")


def translate_sqlite_errors(engine: Engine, kind: StoreKind, path: Path | None) -> None:
    """Turn SQLite's environmental failures into one-line StoreErrors instead of tracebacks."""
    where = str(path) if path is not None else "in memory"

    @event.listens_for(engine, "handle_error")
    def _translate(context) -> None:  # type: ignore[no-untyped-def]
        text = str(context.original_exception).lower()
        for needle, advice in _SQLITE_PROBLEMS:
            if needle in text:
                raise StorageProblem(kind, where, advice) from context.original_exception


@dataclass
class Store:
    """One opened store: its engine and a session factory."""

    kind: StoreKind
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, kind: StoreKind, *, migrate: bool = True) -> Store:
    """Open a store, bringing its schema up to date (or refusing a newer one)."""
    engine = create_store_engine(url, kind)
    try:
        if migrate:
            from console.migrate import upgrade_store

            upgrade_store(engine, kind)
        else:
            with engine.connect() as conn:
                inspect(conn).get_table_names()
    except NewerDatabaseError:
        engine.dispose()
        raise
    except StorageProblem as exc:
        engine.dispose()
        raise StoreError(f"cannot open the {kind} database {_safe(url)}: {exc.advice}") from exc
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise StoreError(f"cannot open the {kind} database {_safe(url)}: {_reason(exc)}") from exc
    return Store(kind, url, engine, sessionmaker(engine, expire_on_commit=False))


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return text
