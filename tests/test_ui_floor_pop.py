"""An unknown number rung in from the softphone clears the previous customer; a typo does not.

The review's J7: with 陳志明 on screen, ``--caller 0921-000-000`` left her account, script
and flags on screen for the new caller. Now a number that rings in (softphone hand-over,
``--caller``, a trainer's ring) and matches nobody takes everything of the previous
customer off the screen and says, in the UI language, what to do next; a number the agent
mistyped keeps the screen and the text in the field. A name or a customer id typed in the
field finds the customer through ``console.search`` over ``ctx.source``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_floor_helpers import (  # noqa: F401 - fixtures
    fctx_fixture,
    floor_window_fixture,
    pop,
    scenarios_template_fixture,
)

from console.search import find_customers
from ui.worker import UNKNOWN, PopChoices

pytestmark = pytest.mark.gui

UNKNOWN_PHONE = "0921-000-000"


def _ring(qtbot, w, phone: str, incoming: bool = True):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.pop_failed, timeout=15000) as blocker:
        w.pop(phone, incoming=incoming)
    return blocker.args[0]


def _on_screen(w) -> dict[str, object]:  # type: ignore[no-untyped-def]
    panel = w.assist.panel
    return {
        "name": w.caller_bar.name.text(), "details": w.caller_bar.details.text(), "flags": w.caller_bar.flag_texts(),
        "services": w.contract.services.rowCount(), "clauses": w.contract.clauses.rowCount(),
        "notifications": w.notifications.model.rowCount(), "bills": w.bill.model.rowCount(),
        "events": w.history.events.rowCount(), "history": w.history.history.rowCount(),
        "marks": len(w.timeline.marks()), "findings": panel.findings_model.rowCount(),
        "script": panel.script.toPlainText(), "clause detail": w.contract.detail.text(),
        "sms detail": w.notifications.detail.text(), "bill detail": w.bill.detail.text(),
        "contract of": w.contract.contract_of.text() if w.contract.contract_of.isVisible() else "",
    }


def test_unknown_number_rung_in_clears_the_previous_customer(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    before = _on_screen(w)
    assert before["name"] == "陳志明" and before["script"] and before["flags"]
    w.history.setCurrentIndex(1)
    failure = _ring(qtbot, w, UNKNOWN_PHONE)
    assert failure.kind == UNKNOWN and not failure.retryable
    after = _on_screen(w)
    assert after["name"] == "No caller" and "陳志明" not in str(after)
    assert after["flags"] == [] and after["script"] == "" and after["details"] == ""
    assert all(after[k] == 0 for k in ("services", "clauses", "notifications", "bills", "events", "history", "marks", "findings"))
    assert before["contract of"].startswith("CT-2008-0301")  # the one contract, beside the pane's title
    assert after["clause detail"] == "" and after["sms detail"] == "" and after["bill detail"] == ""
    assert after["contract of"] == ""  # never the previous caller's contract
    assert w.result is None and not w.act_wrap_up.isEnabled()
    assert w.history.currentIndex() == 0
    # The number stays in the field, and the message says what to do next, under the field.
    assert w.caller_bar.number.text() == "0921 000 000"
    message = w.caller_bar.message.text()
    assert "0921 000 000" in message and "name or customer id" in message
    assert w.caller_bar.message.isVisible()


def test_a_number_the_agent_mistyped_keeps_the_screen(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    w.caller_bar.number.setText(UNKNOWN_PHONE)
    with qtbot.waitSignal(w.pop_failed, timeout=15000):
        qtbot.keyClick(w.caller_bar.number, Qt.Key.Key_Return)
    assert w.caller_bar.name.text() == "陳志明" and w.assist.panel.findings_model.rowCount() > 0
    assert w.caller_bar.number.text() == UNKNOWN_PHONE  # kept as typed, to correct
    assert "No customer has the number 0921 000 000" in w.caller_bar.message.text()


def test_service_messages_are_in_the_ui_language(qtbot, fctx) -> None:  # type: ignore[no-untyped-def]
    from ui_floor_helpers import open_window

    w = open_window(qtbot, fctx, language="zh_TW")
    failure = _ring(qtbot, w, UNKNOWN_PHONE)
    message = w.caller_bar.message.text()
    assert failure.message.startswith("no customer has the number")  # the service's own line, English
    assert "0921 000 000" in message and "no customer" not in message.lower()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_a_new_customer_starts_on_their_history(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w, "0955 123 456")
    w.history.setCurrentIndex(1)  # the agent looked at the customer events
    pop(qtbot, w)
    assert w.history.currentIndex() == 0
    w.history.setCurrentIndex(1)
    pop(qtbot, w)  # the same customer again (after a save): the agent's tab stays
    assert w.history.currentIndex() == 1


def test_name_or_customer_id_in_the_field_finds_the_customer(qtbot, floor_window, fctx) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    result = pop(qtbot, w, "C-0001")
    assert result.view.customer.name == "陳志明"
    assert w.caller_bar.number.text() == "0912 345 678"  # the customer's number, ready to copy
    matches = find_customers(fctx, "陳")
    assert len(matches) >= 1 and all("陳" in m.name for m in matches)
    if len(matches) > 1:
        with qtbot.waitSignal(w.choices_offered, timeout=15000) as blocker:
            w.pop("陳")
        assert isinstance(blocker.args[0], PopChoices)
        menu = w.choices_menu
        assert menu is not None and len(menu.actions()) == len(matches)
        with qtbot.waitSignal(w.popped, timeout=15000):
            menu.actions()[0].trigger()
    failure = _ring(qtbot, w, "Nobody Such", incoming=False)
    assert failure.kind == "no_match" and "Nobody Such" in w.caller_bar.message.text()
