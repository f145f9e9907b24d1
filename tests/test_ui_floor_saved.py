"""Saving a call says what was recorded, until the next caller; the history shows the call first.

The review's J2/J3: "Call recorded" was overwritten by the re-lookup within 0.4 s, "Not sent
yet" never said why, the call was the 5th history row under its own actions, the outcome was
not pre-selected after accepting a credit, and actions left "Proposed" were silently dropped.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ui_floor_helpers import (  # noqa: F401 - fixtures
    fctx_fixture,
    floor_window_fixture,
    pop,
    scenarios_template_fixture,
)

from console import formatting as fmt

pytestmark = pytest.mark.gui
MONTHS = fmt.periods(["2009-03", "2009-04"], "en")  # "Mar – Apr 2009", with Babel's thin spaces


def _wrap_up(qtbot, w):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    w.act_wrap_up.trigger()  # F9
    dialog = w.assist.wrap_up
    assert dialog is not None and dialog.isVisible()
    return dialog


def _save(qtbot, w, dialog):  # type: ignore[no-untyped-def]
    dialog.root_cause.setCurrentIndex(dialog.root_cause.findData("contract_notice_mismatch"))
    with qtbot.waitSignal(w.popped, timeout=15000):  # saved, then the caller is looked up again
        assert dialog.save() is not None


def test_saved_call_is_confirmed_until_the_next_caller(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    w.assist.panel.accept_all()
    dialog = _wrap_up(qtbot, w)
    assert dialog.outcome.currentData() == "resolved_with_credit"  # a credit was accepted: pre-selected
    assert not dialog.proposed_note.isVisibleTo(dialog)  # nothing left "Proposed"
    _save(qtbot, w, dialog)
    notice = w.saved.label.text()
    assert w.saved.isVisible()
    assert notice.startswith("Saved ") and "Resolved with a credit" in notice
    assert f"Credit mPro basic NT$100 ({MONTHS}): applied" in notice
    assert "Suspend service mPro basic: recorded" in notice
    case_line = next(part for part in notice.replace("\n", " · ").split(" · ") if part.startswith("Case "))
    assert case_line.endswith("opened") and len(case_line.split()[1]) == 8  # a short reference, no UUID
    assert "kept on this workstation: no sync hooks configured" in notice
    # The history: the call first, what it did under it, each saying why it is not sent.
    history = w.history.history
    rows = [(history.index(r, 1).data(), history.index(r, 2).data()) for r in range(history.rowCount())]
    assert rows[0][0] == "Call: Resolved with a credit"
    assert all(what.startswith("    ↳ ") for what, _who in rows[1:])
    credit = next(who for what, who in rows if "Credit" in what)
    assert credit == "Kept here: no sync hooks configured"
    # It stays through the re-lookup of the same caller, and goes with the next caller.
    pop(qtbot, w)
    assert w.saved.isVisible()
    pop(qtbot, w, "0955 123 456")
    assert not w.saved.isVisible()


def test_credit_above_the_limit_is_confirmed_as_waiting(qtbot, floor_window, fctx) -> None:  # type: ignore[no-untyped-def]
    fctx.settings.credit_limit = Decimal(50)
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    w.assist.panel.accept_all()
    _save(qtbot, w, _wrap_up(qtbot, w))
    notice = w.saved.label.text()
    assert f"NT$100 ({MONTHS}): waiting for a lead's approval" in notice
    assert "Do not promise the waiting credit yet" in notice
    bill_states = [w.bill.model.index(r, 0, w.bill.model.index(0, 0)).data() for r in range(w.bill.model.rowCount(w.bill.model.index(0, 0)))]
    assert "Waiting for a lead" in bill_states


def test_wrap_up_warns_about_actions_left_proposed(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    panel = w.assist.panel
    panel.actions.selectRow(0)
    panel.accept_current()  # the suspension only: the credit and the case stay "Proposed"
    dialog = _wrap_up(qtbot, w)
    assert dialog.proposed_note.isVisibleTo(dialog)
    assert dialog.proposed_note.text().startswith("⚠ 2 suggested actions are still “Proposed”")
    assert dialog.outcome.currentData() is None  # no credit accepted: the agent chooses
    dialog.reject()
    panel.actions.selectRow(2)
    panel.reject_current()
    dialog = _wrap_up(qtbot, w)
    assert dialog.proposed_note.text().startswith("⚠ 1 suggested action is still “Proposed”")
    dialog.reject()
