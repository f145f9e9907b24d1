"""The approval queue widget and the supervisor override sign-in."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from export_helpers import AGENT, LEAD, call_row, credit_row, insert_actions, insert_calls
from qt_helpers import show_exposed
from sqlalchemy import select

from console import audit, formatting
from console.auth import add_user
from console.models import Action, AuditEntry
from ui.approvals import ApprovalsWidget, PendingModel, SupervisorOverrideDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def queue(ctx) -> None:
    calls = [call_row(i) for i in range(3)]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, calls)
        insert_actions(s, [credit_row(calls[0], "1200", "pending_approval"),
                           credit_row(calls[1], "800", "pending_approval"), credit_row(calls[2], "100")])


def _widget(qtbot, ctx, who) -> ApprovalsWidget:
    w = ApprovalsWidget(ctx, who)
    qtbot.addWidget(w)
    return w


def test_lead_rejects_with_reason_and_approves(qtbot, qtmodeltester, ctx, queue, tmp_path: Path) -> None:
    w = _widget(qtbot, ctx, LEAD)
    with qtbot.waitSignal(w.loaded, timeout=30_000) as loaded:
        w.refresh()
    assert loaded.args == [2] and w.model.rowCount() == 2
    qtmodeltester.check(w.model)
    assert w.model.index(0, 3).data() == formatting.money(Decimal("1200"), "TWD")
    assert w.model.index(1, 1).data() == "A002"
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        w.resize(900, 320)
        show_exposed(qtbot, w)
        w.grab().save(str(Path(shot) / "approvals.png"))

    with qtbot.waitSignal(w.failed, timeout=30_000) as failed:
        w.reject_button.click()  # no reason
    assert "needs a reason" in failed.args[0] and "needs a reason" in w.status.text()

    w.reason.setText("usage shows the service was used")
    with qtbot.waitSignal(w.decided, timeout=30_000) as decided:
        w.reject_button.click()
    assert decided.args[0].status == "rejected"
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=30_000)
    with qtbot.waitSignal(w.decided, timeout=30_000) as decided:
        w.approve_button.click()
    assert decided.args[0].approved
    qtbot.waitUntil(lambda: w.model.rowCount() == 0, timeout=30_000)
    w.shutdown()
    with ctx.journal.session() as s:
        assert {a.status for a in s.scalars(select(Action))} == {"applied", "approved", "rejected"}
        assert [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))] == [
            "credit.rejected", "credit.approved"]


def test_agent_sees_the_refusal(qtbot, ctx, queue) -> None:
    w = _widget(qtbot, ctx, AGENT)
    with qtbot.waitSignal(w.failed, timeout=30_000) as failed:
        w.refresh()
    w.shutdown()
    assert "may not see the queue" in failed.args[0] and w.model.rowCount() == 0


def test_model_is_a_valid_item_model(qtmodeltester) -> None:
    qtmodeltester.check(PendingModel())


def test_supervisor_override(qtbot, ctx) -> None:
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    from console.auth import authenticate

    lead = authenticate(ctx, "L001", "lead-password")
    add_user(ctx, lead, "A001", name="Amy", role="agent", secret="agent-password")
    dlg = SupervisorOverrideDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.user.setText("A001")
    dlg.secret.setText("agent-password")
    dlg.sign_in()
    assert dlg.principal is None and "not a lead" in dlg.message.text() and dlg.secret.text() == ""
    dlg.user.setText("L001")
    dlg.secret.setText("wrong")
    dlg.sign_in()
    assert dlg.principal is None and "wrong password" in dlg.message.text()
    dlg.secret.setText("lead-password")
    dlg.sign_in()
    assert dlg.principal == lead and dlg.result() == SupervisorOverrideDialog.DialogCode.Accepted
    with ctx.journal.session() as s:
        overrides = [(e.action, e.details.get("purpose")) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
                     if e.details and e.details.get("purpose") == "override"]
    assert overrides == [("signin.ok", "override"), ("signin.failed", "override"), ("signin.ok", "override")]
