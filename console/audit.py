"""The audit trail: an append-only hash chain of who did what, that edits cannot hide.

Every entry carries the hash of the entry before it, and its own hash is an HMAC-SHA256
over its content and that previous hash, keyed with a secret that is NOT in the database
(``AGENT_CONSOLE_AUDIT_KEY``, else a 0600 key file in the user's data folder). Someone who
can edit the journal file but not read the key cannot rewrite an entry, delete one, or
swap two without ``verify`` naming the first broken link. Cutting the tail off is caught
centrally: the chain head goes out through the sync hooks as an ``audit.head`` event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import paths
from console.errors import UserError
from console.models import AuditEntry

if TYPE_CHECKING:
    from console.context import ConsoleContext

KEY_ENV = "AGENT_CONSOLE_AUDIT_KEY"
GENESIS = "0" * 64


class AuditKeyError(UserError):
    pass


def key_path() -> Path:
    return paths.data_dir() / "audit.key"


def audit_key(env: dict[str, str] | None = None) -> bytes:
    """The chain's secret: from the environment, else the key file (created on first use)."""
    env = os.environ if env is None else env
    if env.get(KEY_ENV):
        return env[KEY_ENV].encode()
    path = key_path()
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise AuditKeyError(f"cannot read the audit key {path}: {exc.strerror}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it a moment ago
        return path.read_bytes().strip()
    except OSError as exc:
        raise AuditKeyError(f"cannot create the audit key {path}: {exc.strerror}") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(secrets.token_hex(32).encode())
        fh.flush()
        os.fsync(fh.fileno())
    return path.read_bytes().strip()


def _digest(key: bytes, seq: int, entry_id: str, at: datetime, actor: str, workstation: str,
            action: str, subject: str | None, details: Any, prev_hash: str) -> str:
    body = json.dumps(
        [seq, entry_id, at.isoformat(), actor, workstation, action, subject, details, prev_hash],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
    )
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    workstation: str,
    action: str,
    at: datetime,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
    key: bytes | None = None,
    after: AuditEntry | None = None,
    flush: bool = True,
) -> AuditEntry:
    """Add one link to the chain in the caller's transaction (not committed here).

    The journal begins its transactions with ``BEGIN IMMEDIATE`` on SQLite, so reading the
    head and writing the next entry cannot interleave with another writer. A caller adding
    several entries in one transaction passes the previous one as ``after`` (and may skip
    the flush), which spares reading the head again.
    """
    key = audit_key() if key is None else key
    if after is not None:
        seq, prev = after.seq + 1, after.hash
    else:
        head = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
        seq, prev = (head.seq + 1, head.hash) if head else (1, GENESIS)
    # Round-trip details through JSON so the hash covers exactly what is stored.
    details = json.loads(json.dumps(details, default=str)) if details is not None else None
    entry_id = str(uuid.uuid4())
    entry = AuditEntry(
        seq=seq, id=entry_id, at=at, actor=actor, workstation=workstation, action=action,
        subject=subject, details=details, prev_hash=prev,
        hash=_digest(key, seq, entry_id, _utc(at), actor, workstation, action, subject, details, prev),
    )
    session.add(entry)
    if flush:
        session.flush()
    return entry


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    head_seq: int | None
    head_hash: str | None
    broken_seq: int | None = None
    broken_id: str | None = None
    reason: str | None = None

    def message(self) -> str:
        if self.ok:
            return f"audit chain intact: {self.checked} entries, head #{self.head_seq} {self.head_hash}"
        return f"audit chain broken at entry #{self.broken_seq} ({self.broken_id}): {self.reason}"


def verify(session: Session, key: bytes | None = None) -> VerifyResult:
    """Walk the chain in order; name the first entry that was edited, removed or moved."""
    key = audit_key() if key is None else key
    prev, expected_seq, count, last = GENESIS, 1, 0, None
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
        count += 1
        if e.prev_hash != prev:
            if e.seq != expected_seq:
                why = f"entries #{expected_seq}..#{e.seq - 1} are missing"
            elif count == 1:
                why = "the first entry does not start the chain"
            else:
                why = "the entry before it was edited, replaced or moved"
            return VerifyResult(False, count, last.seq if last else None, last.hash if last else None, e.seq, e.id,
                                f"its link to the previous entry does not match ({why})")
        digest = _digest(key, e.seq, e.id, _utc(e.at), e.actor, e.workstation, e.action, e.subject, e.details, e.prev_hash)
        if not hmac.compare_digest(digest, e.hash):
            return VerifyResult(False, count, last.seq if last else None, last.hash if last else None, e.seq, e.id,
                                "its content does not match its hash (edited, moved, or a different audit key)")
        prev, expected_seq, last = e.hash, e.seq + 1, e
    return VerifyResult(True, count, last.seq if last else None, last.hash if last else None)


def verify_trail(ctx: ConsoleContext) -> VerifyResult:
    """``audit verify`` for the acting principal: the matrix gives it to leads only."""
    from console.permissions import require
    from console.principal import acting

    require(acting(ctx), "audit.verify")
    with ctx.journal.session() as session:
        return verify(session)


def head(session: Session) -> tuple[int, str, str] | None:
    """(seq, hash, entry id) of the newest entry, or None for an empty chain."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash, AuditEntry.id).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.hash, row.id) if row else None


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _utc(at: datetime) -> datetime:
    """The instant as the database gives it back: UTC, aware."""
    from datetime import UTC

    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC)
