"""Approvals: the queue of credits above a limit, decided by a lead with a reason, audited."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from export_helpers import AGENT, LEAD, T0, call_row, credit_row, insert_actions, insert_calls
from sqlalchemy import select

from console import audit
from console.approvals import (
    AlreadyDecided,
    decide,
    decisions_for,
    pending_credits,
    recent_decisions,
)
from console.errors import NotFound, PermissionDenied, UserError
from console.models import Action, AuditEntry, Call, OutboxEvent


@pytest.fixture(autouse=True)
def _audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


@pytest.fixture
def queued(ctx) -> list[dict]:
    calls = [call_row(i, credit_total=Decimal(100)) for i in range(3)]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, calls)
        insert_actions(s, [
            credit_row(calls[0], "100"),
            credit_row(calls[0], "1200", "pending_approval", 1),
            credit_row(calls[1], "800", "pending_approval"),
        ])
    return calls


def test_pending_credits_oldest_first(ctx, queued) -> None:
    with ctx.journal.session() as s:
        rows = pending_credits(s)
        assert [(r.call_id, r.amount) for r in rows] == [("call-000000", Decimal("1200.00")),
                                                         ("call-000001", Decimal("800.00"))]
        assert [r.call_id for r in pending_credits(s, agent_id="A002")] == ["call-000001"]


def test_approve_issues_the_credit_and_is_audited(ctx, queued) -> None:
    now = T0 + timedelta(hours=1)
    with ctx.journal.session() as s, s.begin():
        d = decide(s, "act-call-000000-1", LEAD, approve=True, reason="contract says so", now=now, workstation="ws-L")
    assert d.approved and d.status == "approved" and len(d.event_ids) == 2
    with ctx.journal.session() as s:
        action = s.get(Action, "act-call-000000-1")
        assert (action.status, action.decided_by, action.decided_at, action.decision_reason) == (
            "approved", "L001", now, "contract says so")
        assert s.get(Call, "call-000000").credit_total == Decimal("1300.00")
        events = s.scalars(select(OutboxEvent).order_by(OutboxEvent.position)).all()
        assert [e.type for e in events] == ["credit.issued", "credit.decided"]
        assert events[0].payload["amount"] == "1200.00" and events[0].payload["status"] == "approved"
        assert events[0].agent_id == "L001" and events[0].call_id == "call-000000"
        entry = s.scalars(select(AuditEntry)).one()
        assert (entry.action, entry.actor, entry.subject) == ("credit.approved", "L001", "act-call-000000-1")
        assert entry.details["reason"] == "contract says so" and entry.details["amount"] == "1200.00"
        assert audit.verify(s).ok
        assert [x.action_id for x in pending_credits(s)] == ["act-call-000001-0"]
        assert [(x.approved, x.reason) for x in decisions_for(s, "call-000000")] == [(True, "contract says so")]
        assert [x.action_id for x in recent_decisions(s, "A001", now)] == ["act-call-000000-1"]
        assert recent_decisions(s, "A001", now + timedelta(seconds=1)) == []
        assert recent_decisions(s, "A002", T0) == []


def test_reject_needs_a_reason_and_issues_nothing(ctx, queued) -> None:
    with ctx.journal.session() as s, s.begin():
        with pytest.raises(UserError, match="needs a reason"):
            decide(s, "act-call-000001-0", LEAD, approve=False, reason="  ", now=T0, workstation="ws")
        d = decide(s, "act-call-000001-0", LEAD, approve=False, reason="usage shows it was used", now=T0,
                   workstation="ws")
    assert d.status == "rejected"
    with ctx.journal.session() as s:
        assert [e.type for e in s.scalars(select(OutboxEvent))] == ["credit.decided"]
        assert s.get(Call, "call-000001").credit_total == Decimal("100.00")
        assert [e.action for e in s.scalars(select(AuditEntry))] == ["credit.rejected"]


def test_only_leads_decide_and_only_once(ctx, queued) -> None:
    with ctx.journal.session() as s, s.begin():
        with pytest.raises(PermissionDenied):
            decide(s, "act-call-000001-0", AGENT, approve=True, reason="", now=T0, workstation="ws")
        with pytest.raises(NotFound):
            decide(s, "nope", LEAD, approve=True, reason="", now=T0, workstation="ws")
        with pytest.raises(AlreadyDecided, match="it is applied"):
            decide(s, "act-call-000000-0", LEAD, approve=True, reason="", now=T0, workstation="ws")
        decide(s, "act-call-000001-0", LEAD, approve=True, reason="", now=T0, workstation="ws")
        with pytest.raises(AlreadyDecided, match="approved by L001"):
            decide(s, "act-call-000001-0", LEAD, approve=False, reason="changed my mind", now=T0, workstation="ws")


def test_approve_cli(ctx, queued, customer_url: str, journal_url: str, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    from argon2 import PasswordHasher

    from console.auth import add_user
    from ui.launcher import main

    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    monkeypatch.setenv("AGENT_CONSOLE_PASSWORD", "lead-password")
    base = ["--db", customer_url, "--journal", journal_url, "--agent", "L001", "approve"]
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert "act-call-000000-1" in out and "1200.00 TWD" in out
    assert main([*base, "reject", "act-call-000000-1"]) == 2
    assert "needs a reason" in capsys.readouterr().err
    assert main([*base, "reject", "act-call-000000-1", "--reason", "used"]) == 0
    assert main([*base, "accept", "act-call-000001-0"]) == 0
    assert "approved by L001" in capsys.readouterr().out
    assert main([*base, "list"]) == 0
    assert "no credits waiting" in capsys.readouterr().out
