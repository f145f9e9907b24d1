"""The audit hash chain: verify names the first broken entry after edit, delete or reorder."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from console import audit
from console.cli import main
from console.models import AuditEntry

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _chain(ctx, n: int = 5, key: bytes = b"k") -> None:
    with ctx.journal.session() as s, s.begin():
        for i in range(n):
            audit.append(s, actor="A001", workstation="ws", action="call.recorded", at=T0 + timedelta(seconds=i),
                         subject=f"call-{i}", details={"i": i, "amount": "100.00"}, key=key)


def test_intact_chain_verifies(ctx) -> None:
    _chain(ctx)
    with ctx.journal.session() as s:
        r = audit.verify(s, key=b"k")
        assert r.ok and r.checked == 5 and r.head_seq == 5
        assert audit.head(s)[0] == 5
        assert not audit.verify(s, key=b"other").ok


def _broken(ctx) -> int | None:
    with ctx.journal.session() as s:
        return audit.verify(s, key=b"k").broken_seq


def test_edit_is_caught(ctx) -> None:
    _chain(ctx)
    with ctx.journal.session() as s, s.begin():
        s.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(details={"i": 3, "amount": "9999.00"}))
    assert _broken(ctx) == 3


def test_delete_is_caught(ctx) -> None:
    _chain(ctx)
    with ctx.journal.session() as s, s.begin():
        s.execute(delete(AuditEntry).where(AuditEntry.seq == 2))
    assert _broken(ctx) == 3
    with ctx.journal.session() as s, s.begin():
        s.execute(delete(AuditEntry).where(AuditEntry.seq == 1))
    assert _broken(ctx) == 3


def test_reorder_is_caught(ctx) -> None:
    _chain(ctx)
    with ctx.journal.session() as s, s.begin():
        s.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(seq=-2))
        s.execute(update(AuditEntry).where(AuditEntry.seq == 4).values(seq=2))
        s.execute(update(AuditEntry).where(AuditEntry.seq == -2).values(seq=4))
    assert _broken(ctx) == 2


def test_key_file_is_private_and_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(audit.KEY_ENV, raising=False)
    k1 = audit.audit_key()
    assert stat.S_IMODE(os.stat(audit.key_path()).st_mode) == 0o600
    assert audit.audit_key() == k1 and len(k1) == 64


def test_cli_audit_verify(ctx, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "k")
    _chain(ctx)
    args = ["--journal", ctx.settings.journal_url, "--role", "lead", "audit", "verify"]  # leads only (no users yet)
    assert main(args) == 0
    assert "intact: 5 entries" in capsys.readouterr().out
    with ctx.journal.session() as s, s.begin():
        s.execute(update(AuditEntry).where(AuditEntry.seq == 4).values(actor="A999"))
    assert main(args) == 6
    err = capsys.readouterr().err
    assert "broken at entry #4" in err
    with ctx.journal.session() as s:
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.seq == 4)) == "A999"
