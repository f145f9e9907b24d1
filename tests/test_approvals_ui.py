"""The approval queue widget as a lead judges a credit, and the supervisor override sign-in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from export_helpers import AGENT, LEAD, call_row, credit_row, insert_actions, insert_calls
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from qt_helpers import show_exposed, wait_exposed
from sqlalchemy import select
from ui_assist_helpers import make_ctx, scenarios_template_fixture  # noqa: F401 - fixtures

from console import audit
from console.auth import add_user
from console.models import Action, AuditEntry
from ui.approvals import ApprovalsWidget, PendingModel, SupervisorOverrideDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def lctx(scenarios_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The shipped scenarios' customers (陳志明 C-0001, 林美玲 C-0002) in the customer store."""
    ctx = make_ctx(scenarios_template, tmp_path)
    yield ctx
    ctx.close()


def queue_rows(ctx) -> list[dict]:  # type: ignore[no-untyped-def]
    """Two credits waiting (C-0002 over the limit, C-0001), one applied, one for an unknown customer."""
    calls = [
        call_row(0, customer_id="C-0002", phone_e164="+886928765432", agent_id="A001",
                 notes="Customer read the promo flyer to me\nsays the neighbours pay NT$999",
                 finding_codes=["promo_not_applied"]),
        call_row(1, customer_id="C-0001", phone_e164="+886912345678", agent_id="A002", notes=None,
                 finding_codes=["notice_contradicts_contract"]),
        call_row(2, customer_id="C-0001"),
        call_row(3, customer_id="C-9999", phone_e164=None, notes="walk-in"),
    ]
    credits = [credit_row(calls[0], "1200", "pending_approval"), credit_row(calls[1], "100", "pending_approval"),
               credit_row(calls[2], "100"), credit_row(calls[3], "50", "pending_approval")]
    credits[0].update(service_code="FIBMOD", periods=["2009-02", "2009-03", "2009-04"],
                      suggestion_id="promo_not_applied:FIBMOD")
    credits[1].update(service_code="MPRO", periods=["2009-03", "2009-04"])
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, calls)
        insert_actions(s, credits)
    return credits


def _widget(qtbot, ctx, who, language: str = "en") -> ApprovalsWidget:  # type: ignore[no-untyped-def]
    w = ApprovalsWidget(ctx, who, language=language)
    qtbot.addWidget(w)
    w.resize(1100, 420)
    w.show()
    return w


def _load(qtbot, w: ApprovalsWidget) -> int:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.loaded, timeout=30_000) as loaded:
        w.refresh()
    return loaded.args[0]


def test_queue_shows_name_finding_months_and_notes(qtbot, qtmodeltester, lctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(lctx)
    w = _widget(qtbot, lctx, LEAD)
    assert _load(qtbot, w) == 3
    qtmodeltester.check(w.model)
    headers = [w.model.headerData(i, Qt.Orientation.Horizontal) for i in range(w.model.columnCount())]
    assert headers == ["Waiting since", "Customer", "Amount", "Service", "Months", "Finding", "Agent", "Agent's notes"]
    first = [w.model.index(0, c).data() for c in range(w.model.columnCount())]
    assert first[1:] == ["林美玲 (C-0002)", "NT$1,200", "Fibre 100M + MOD community bundle (FIBMOD)",
                         "Feb 2009, Mar 2009, Apr 2009", "Promotion not applied", "A001",
                         "Customer read the promo flyer to me"]
    assert first[0] == "3/2/2026 09:05"  # the English date format, Taipei time
    second = [w.model.index(1, c).data() for c in range(w.model.columnCount())]
    assert second[1] == "陳志明 (C-0001)" and second[5] == "A notice contradicts the contract"  # from the call
    assert w.model.index(2, 1).data() == "C-9999 (name not found)"
    # The notes' second line is in the detail under the table (nothing the lead needs is cut).
    assert "says the neighbours pay NT$999" in w.detail.text() and "0928 765 432" in w.detail.text()
    assert not any(len(c) == 36 and c.count("-") == 4 for c in first)  # no UUID anywhere
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        show_exposed(qtbot, w)
        w.grab().save(str(Path(shot) / "approvals.png"))
    w.shutdown()


def test_zh_tw_queue_uses_the_zh_tw_date_and_month_format(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(lctx)
    w = _widget(qtbot, lctx, LEAD, language="zh_TW")
    _load(qtbot, w)
    assert w.model.index(0, 0).data() == "2026/3/2 09:05"
    assert w.model.index(0, 4).data() == "2009年2月, 2009年3月, 2009年4月"
    assert w.model.index(0, 3).data() == "光纖 100M + MOD 社區方案 (FIBMOD)"
    w.shutdown()


def _box(qtbot, w: ApprovalsWidget) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.confirm is not None and w.confirm.isVisible())
    assert w.confirm is not None
    return w.confirm


def _status(ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with ctx.journal.session() as s:
        return {a.customer_id: a.status for a in s.scalars(select(Action).where(Action.status != "applied"))}


def test_approve_asks_first_naming_customer_and_amount(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    credits = queue_rows(lctx)
    w = _widget(qtbot, lctx, LEAD)
    _load(qtbot, w)
    w.approve_button.click()
    box = _box(qtbot, w)
    assert "NT$1,200" in box.text() and "林美玲 (C-0002)" in box.text() and "Apr 2009" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _status(lctx)["C-0002"] == "pending_approval" and "Nothing decided" in w.status.text()

    w.approve_button.click()
    box = _box(qtbot, w)
    with qtbot.waitSignal(w.decided, timeout=30_000) as decided:
        box.defaultButton().click()
    assert decided.args[0].approved and decided.args[0].customer_id == "C-0002"
    assert w.status.text() == "Approved NT$1,200 for 林美玲 (C-0002)."
    assert str(credits[0]["id"]) not in w.status.text()
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=30_000)
    assert _status(lctx)["C-0002"] == "approved"
    w.shutdown()


def test_reject_needs_a_reason_then_asks(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(lctx)
    w = _widget(qtbot, lctx, LEAD)
    _load(qtbot, w)
    with qtbot.waitSignal(w.failed, timeout=30_000) as failed:
        w.reject_button.click()  # no reason: the service says why, nothing is asked
    assert "needs a reason" in failed.args[0] and "needs a reason" in w.status.text() and w.confirm is None
    w.reason.setText("usage shows the service was used")
    w.reject_button.click()
    box = _box(qtbot, w)
    assert "Reject the credit of NT$1,200 for 林美玲" in box.text()
    with qtbot.waitSignal(w.decided, timeout=30_000) as decided:
        box.defaultButton().click()
    assert decided.args[0].status == "rejected" and w.status.text().startswith("Rejected NT$1,200 for 林美玲")
    w.shutdown()
    with lctx.journal.session() as s:
        assert [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))] == ["credit.rejected"]


def test_empty_queue_says_nothing_is_waiting(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    w = _widget(qtbot, lctx, LEAD)
    assert _load(qtbot, w) == 0
    assert w.empty.isVisible() and w.empty.text() == "Nothing is waiting for approval."
    assert not w.table.isVisible()
    assert not w.approve_button.isEnabled() and not w.reject_button.isEnabled() and w.refresh_button.isEnabled()
    w.shutdown()


def test_double_click_or_enter_asks_to_open_the_caller(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(lctx)
    w = _widget(qtbot, lctx, LEAD)
    _load(qtbot, w)
    wait_exposed(qtbot, w)
    rect = w.table.visualRect(w.model.index(1, 1))
    opened: list[str] = []
    w.open_caller.connect(opened.append)
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["+886912345678"]  # once: one pop per double-click
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    assert opened == ["+886912345678"] * 2
    w.shutdown()


def test_agent_sees_the_refusal(qtbot, lctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(lctx)
    w = _widget(qtbot, lctx, AGENT)
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
