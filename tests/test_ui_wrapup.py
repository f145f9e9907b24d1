"""The wrap-up form: required fields beside their fields, saving, drafts kept on failure, keyboard."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog
from qt_helpers import show_active
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlite_lock import locked_by_another_program, wait_briefly_when_busy
from ui_assist_helpers import scenarios_template_fixture, sctx_fixture, view_of  # noqa: F401 - fixtures

from console import calls
from console.assist import suggestions_for_call
from console.models import Action, Call, Draft
from ui.app import application
from ui.wrapup import WrapUpDialog

pytestmark = pytest.mark.gui


def _dialog(qtbot, ctx, accept: bool = True, **kw):  # type: ignore[no-untyped-def]
    application()
    view = view_of(ctx)
    report = suggestions_for_call(ctx, view, ctx.now())
    actions = list(report.suggestions[0].actions) if accept else []
    d = WrapUpDialog(ctx, view, ctx.now() - timedelta(minutes=4), actions=actions,
                     findings_offered=[f.code for f in report.findings],
                     findings_ticked=[f.code for f in report.findings] if accept else [], **kw)
    qtbot.addWidget(d)
    show_active(qtbot, d)
    return d


def test_required_fields_are_marked_next_to_the_field(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx, accept=False)
    d.notes.setFocus()  # the agent was typing the notes
    assert d.save() is None
    assert d.errors["outcome"].isVisibleTo(d) and d.errors["outcome"].text() == "Choose an outcome."
    assert d.isActiveWindow() and d.outcome.hasFocus()  # the keyboard moves to the first missing field
    d.outcome.setCurrentIndex(d.outcome.findData("resolved_with_credit"))
    assert d.save() is None
    assert not d.errors["outcome"].isVisibleTo(d)
    assert d.root_cause.hasFocus()
    assert d.errors["root_cause"].isVisibleTo(d) and d.errors["actions"].isVisibleTo(d)
    with sctx.journal.session() as s:
        assert s.scalar(select(Call)) is None


def test_saving_records_the_call_with_its_actions(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx)
    assert d.actions_list.count() == 3
    assert d.finding_codes() == ["notice_contradicts_contract"]
    assert d.timing.text().startswith("Call 4:00")
    d.outcome.setCurrentIndex(d.outcome.findData("resolved_with_credit"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("contract_notice_mismatch"))
    d.notes.setPlainText("客戶同意，已退款")
    d.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(d.notes, " OK")
    with qtbot.waitSignal(d.recorded) as blocker:
        assert QKeySequence("Ctrl+Return") in d.save_action.shortcuts()
        d.save_action.trigger()
    call_id = blocker.args[0]
    assert d.result() == QDialog.DialogCode.Accepted
    with sctx.journal.session() as s:
        call = s.get(Call, call_id)
        assert call.outcome == "resolved_with_credit" and call.notes == "客戶同意，已退款 OK"
        assert call.duration_s == 240 and call.credit_total == Decimal(100)
        assert call.finding_codes == ["notice_contradicts_contract"]
        kinds = sorted(a.kind for a in s.scalars(select(Action).where(Action.call_id == call_id)))
    assert kinds == ["issue_credit", "open_case", "suspend_service"]


def test_failed_save_keeps_the_form_and_a_draft_that_reopens(qtbot, sctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx)
    d.outcome.setCurrentIndex(d.outcome.findData("escalated"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("billing_error"))
    d.notes.setPlainText("needs billing team")
    d.follow_check.setChecked(True)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(calls, "record_call", broken)
    assert d.save() is None
    general = d.errors["general"]
    assert general.isVisibleTo(d) and "database is locked" in general.text() and "a draft is kept" in general.text()
    assert d.notes.toPlainText() == "needs billing team" and d.outcome.currentData() == "escalated"
    assert d.draft_id is not None
    monkeypatch.undo()
    d.reject()

    again = _dialog(qtbot, sctx, accept=False)
    assert again.restored.isVisibleTo(again)
    assert again.outcome.currentData() == "escalated" and again.root_cause.currentData() == "billing_error"
    assert again.notes.toPlainText() == "needs billing team" and again.follow_check.isChecked()
    assert len(again.actions()) == 3  # the draft's actions come back when none are accepted now
    assert again.finding_codes() == ["notice_contradicts_contract"]
    assert again.save() is not None  # saved: the draft goes in the same transaction
    with sctx.journal.session() as s:
        assert s.scalar(select(Draft)) is None


def test_journal_locked_by_another_program_keeps_the_form(qtbot, sctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A real lock (not a stub): the save waits, SQLite says busy, the console says so and keeps the form."""
    d = _dialog(qtbot, sctx)
    d.outcome.setCurrentIndex(d.outcome.findData("resolved_with_credit"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("contract_notice_mismatch"))
    d.notes.setPlainText("locked out")
    wait_briefly_when_busy(sctx, monkeypatch)
    with locked_by_another_program(sctx.settings.journal_url):
        assert d.save() is None
        general = d.errors["general"].text()
        # The draft goes to the same locked journal, so it cannot be kept either: said, not hidden.
        assert "busy" in general and "the draft could not be kept either" in general, general
        assert d.notes.toPlainText() == "locked out" and d.result() != QDialog.DialogCode.Accepted
    assert d.save() is not None  # the lock is gone: the same form saves
    with sctx.journal.session() as s:
        assert [c.notes for c in s.scalars(select(Call))] == ["locked out"]


def test_closing_with_content_keeps_a_draft(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx, accept=False)
    d.notes.setPlainText("half typed")
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected
    found = calls.load_draft(sctx, customer_id="C-0001")
    assert found is not None and found[1]["notes"] == "half typed"


def test_manual_action_is_checked_against_the_bills(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx, accept=False)
    dialog = d.add_action()
    dialog.kind.setCurrentIndex(dialog.kind.findData("issue_credit"))
    dialog.service.setCurrentIndex(dialog.service.findData("MPRO"))
    dialog.amount.setText("500")
    dialog.months.setText("2009-03, 2009-04")
    assert not dialog.try_accept() and "more than the 100 billed" in dialog.error.text()
    dialog.amount.setText("100")
    assert dialog.try_accept()
    assert [a.kind for a in d.actions()] == ["issue_credit"] and d.actions()[0].amount == Decimal(100)
    d.actions_list.setCurrentRow(0)
    d.remove_action()
    assert d.actions() == []


def test_keyboard_only_tab_order_reaches_every_field(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, sctx)
    chain = [d.outcome]
    w = d.outcome
    for _ in range(12):
        w = w.nextInFocusChain()
        while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisibleTo(d) or not w.isEnabled():
            w = w.nextInFocusChain()
        chain.append(w)
    for widget in (d.root_cause, d.findings, d.actions_list, d.notes, d.follow_check, d.save_btn):
        assert widget in chain, widget.objectName()


def test_the_limit_announced_is_the_signed_in_users_not_the_config_files(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    """A signed-in agent's limit comes from their user record: a config file saying 5,000
    neither hides the note nor names a limit the save will not apply."""
    from console.principal import Principal

    sctx.settings.credit_limit = Decimal(5000)
    sctx.principal = Principal("A042", "Agent 42", "agent", Decimal(80))
    try:
        d = _dialog(qtbot, sctx)
        assert d.limit_note.isVisibleTo(d) and "NT$80" in d.limit_note.text() and "5,000" not in d.limit_note.text()
        sctx.principal = Principal("L001", "Lead", "lead", None)
        d.set_actions(d.actions())
        assert not d.limit_note.isVisibleTo(d)  # leads have no limit
    finally:
        sctx.principal = None


def test_credit_above_the_limit_is_announced_and_waits_for_a_lead(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    sctx.settings.credit_limit = Decimal(50)
    d = _dialog(qtbot, sctx)
    note = d.limit_note
    assert note.isVisibleTo(d) and "NT$100" in note.text() and "NT$50" in note.text()
    sctx.settings.role = "lead"
    d.set_actions(d.actions())
    assert not note.isVisibleTo(d)  # leads have no limit
    sctx.settings.role = "agent"
    d.set_actions(d.actions())
    d.outcome.setCurrentIndex(d.outcome.findData("resolved_with_credit"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("contract_notice_mismatch"))
    call_id = d.save()
    with sctx.journal.session() as s:
        credit = s.scalar(select(Action).where(Action.call_id == call_id, Action.kind == "issue_credit"))
        assert credit.status == "pending_approval"
