"""One worker per journal: an expiring lease row in ``sync_leases``.

The window's background thread and a CLI ``agent-console sync`` may run at the same time
on one workstation; only the holder of the lease delivers, so an event is never sent twice
in parallel. Taking the lease is one conditional UPDATE (or the first INSERT) inside a
journal transaction, atomic on SQLite (``BEGIN IMMEDIATE``) and PostgreSQL alike. The lease
expires, so a worker that was killed frees it by itself; a live one renews it per batch.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.db import Store
from console.models import SyncLease

LEASE_NAME = "sync"
DEFAULT_TTL = timedelta(seconds=60)


def new_holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def take(session: Session, holder: str, now: datetime, ttl: timedelta = DEFAULT_TTL, name: str = LEASE_NAME) -> bool:
    """Take or renew the lease in the caller's transaction; False if someone else holds it."""
    result = session.execute(
        update(SyncLease)
        .where(SyncLease.name == name, (SyncLease.holder == holder) | (SyncLease.expires_at < now))
        .values(holder=holder, expires_at=now + ttl)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:
        return True
    if session.get(SyncLease, name) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(SyncLease(name=name, holder=holder, expires_at=now + ttl))
    except IntegrityError:
        return False
    return True


def holder_is_dead(holder: str) -> bool:
    """A holder on this machine whose process is gone (killed, crashed) holds nothing."""
    rest = holder.split(":")
    if len(rest) < 3:
        return False
    host, pid_text = ":".join(rest[:-2]), rest[-2]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists but not ours (EPERM)
        return False
    return False


class Lease:
    def __init__(self, journal: Store, holder: str | None = None, ttl: timedelta = DEFAULT_TTL) -> None:
        self.journal = journal
        self.holder = holder or new_holder_id()
        self.ttl = ttl

    def acquire(self, now: datetime) -> bool:
        with self.journal.session() as s, s.begin():
            if take(s, self.holder, now, self.ttl):
                return True
            # Do not wait a whole lease for a worker on this machine that was killed.
            current = s.get(SyncLease, LEASE_NAME)
            if current is None or not holder_is_dead(current.holder):
                return False
            current.holder, current.expires_at = self.holder, now + self.ttl
            return True

    def release(self) -> None:
        with self.journal.session() as s, s.begin():
            s.execute(delete(SyncLease).where(SyncLease.name == LEASE_NAME, SyncLease.holder == self.holder))

    def current_holder(self, now: datetime) -> str | None:
        with self.journal.session() as s:
            row = s.execute(select(SyncLease.holder, SyncLease.expires_at).where(SyncLease.name == LEASE_NAME)).first()
        return row.holder if row and row.expires_at >= now else None
