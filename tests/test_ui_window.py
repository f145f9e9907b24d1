"""The console window on reference case 1: screen pop, caller bar, timeline, evidence, errors, keys."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QAction, QImage
from qt_helpers import show_active, show_exposed
from sqlite_lock import locked_by_another_program, wait_briefly_when_busy
from test_ui_support import (  # noqa: F401 - case_one_template is a fixture
    CALL_AT,
    CLAUSE_ID,
    MPRO_LINES,
    PHONE,
    SMS_ID,
    case_one_template,
    copy_case_one,
)

from console.context import ConsoleContext
from console.settings import load_settings
from ui.app import make_window
from ui.models.table import REF_ROLE
from ui.worker import PopFailure, screen_pop

pytestmark = pytest.mark.gui


@pytest.fixture
def case_ctx(customer_url: str, journal_url: str, case_one_template: Path) -> Iterator[ConsoleContext]:  # noqa: F811
    copy_case_one(case_one_template, customer_url)
    settings = load_settings(db=customer_url, journal=journal_url, agent="A001")
    context = ConsoleContext(settings, clock=lambda: CALL_AT)
    yield context
    context.close()


@pytest.fixture
def window(qtbot, case_ctx: ConsoleContext):  # type: ignore[no-untyped-def]
    w = make_window(case_ctx, "en")
    qtbot.addWidget(w)
    show_active(qtbot, w)  # the tests read keyboard focus: only the active window has it
    return w


def pop(qtbot, w, phone: str = PHONE):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.popped, timeout=15000) as blocker:
        w.pop(phone)
    return blocker.args[0]


def test_screen_pop_fills_bar_panes_and_timeline(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    result = pop(qtbot, window, "+886 912 345 678")
    assert result.view.customer.id == "C-0001"
    bar = window.caller_bar
    assert bar.name.text() == "陳志明"
    assert bar.name.textFormat() == Qt.TextFormat.PlainText
    assert "A1*****789" in bar.details.text() and "A123456789" not in bar.details.text()
    flags = bar.flag_texts()
    assert any("mPro basic: free trial ended 2 months ago" in f for f in flags), flags
    assert any("cancellation refused" in f for f in flags), flags
    assert window.contract.services.rowCount() == 2
    assert window.contract.clauses.rowCount() == 2
    assert window.notifications.model.index(0, 0).data(REF_ROLE) == f"notification:{SMS_ID}"
    assert window.bill.model.rowCount() == 4
    newest = window.bill.proxy.index(0, 0)
    assert window.bill.view.isExpanded(newest)  # the latest periods are open
    assert window.history.events.rowCount() == 1
    assert window.history.empty.isVisibleTo(window)  # nothing in the journal yet
    kinds = {m.kind for m in window.timeline.marks()}
    assert {"contract", "trial_end", "term_end", "notification", "bill", "cancel"} <= kinds
    # Customer data with markup stays plain text, never HTML.
    clause_texts = [window.contract.clauses.index(r, 3).data() for r in range(2)]
    assert "<b>本合約</b>期間 24 個月。" in clause_texts


@pytest.mark.parametrize("bad", ["12", "not a number", "0987-654-321"])
def test_invalid_or_unknown_number_changes_nothing_else(qtbot, window, bad: str) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, window)
    with qtbot.waitSignal(window.pop_failed, timeout=15000) as blocker:
        window.caller_bar.number.setText(bad)
        qtbot.keyClick(window.caller_bar.number, Qt.Key.Key_Return)
    failure = blocker.args[0]
    assert isinstance(failure, PopFailure) and not failure.retryable
    # Typed by the agent (not rung in): a message in the UI language under the field, with what to do.
    assert window.caller_bar.message.isVisible() and window.caller_bar.message.text() == window.failure_text(failure)
    assert window.caller_bar.name.text() == "陳志明"  # the caller on screen stays
    assert window.notifications.model.rowCount() == 1
    assert not window.banner.isVisible()


def test_empty_number_is_an_inline_message(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.caller_bar.number.clear()
    qtbot.keyClick(window.caller_bar.number, Qt.Key.Key_Return)
    assert window.caller_bar.message.text() == "Type the caller's number, name or customer id"


def test_highlight_evidence_marks_panes_and_timeline(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, window)
    refs = [f"clause:{CLAUSE_ID}", f"notification:{SMS_ID}", *(f"bill_line:{x}" for x in MPRO_LINES), "event:1", "usage:MPRO:2009-03"]
    found = window.highlight_evidence(refs)
    assert found["contract"] == 1 and found["notifications"] == 1 and found["bill"] == 2 and found["history"] == 1
    assert found["timeline"] >= 5
    clauses = window.contract.clauses
    hot = [clauses.index(r, 0).data(REF_ROLE) for r in range(clauses.rowCount())
           if clauses.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert hot == [f"clause:{CLAUSE_ID}"]
    assert window.notifications.detail.text().startswith("您的 mPro 服務即將到期")
    marked = {m.ref for m in window.timeline.highlighted()}
    assert f"notification:{SMS_ID}" in marked and "bill:BILL-200903" in marked and "service:MPRO:trial" in marked
    window.highlight_evidence(())
    assert window.timeline.highlighted() == []


def test_clicking_a_timeline_mark_selects_it_in_its_pane(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, window)
    timeline = window.timeline
    i = next(i for i, m in enumerate(timeline.marks()) if m.ref == f"notification:{SMS_ID}")
    with qtbot.waitSignal(timeline.activated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.mark_pos(i).toPoint())
    assert blocker.args[0].ref == f"notification:{SMS_ID}"
    view = window.notifications.first_view()
    assert view.currentIndex().data(REF_ROLE) == f"notification:{SMS_ID}"
    assert view.hasFocus()
    assert "mPro" in timeline.tooltip_for(blocker.args[0])
    # A bill mark opens its period in the bill tree.
    j = next(i for i, m in enumerate(timeline.marks()) if m.ref == "bill:BILL-200901")
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.mark_pos(j).toPoint())
    assert window.bill.view.currentIndex().data(REF_ROLE) == "bill:BILL-200901"
    # Keyboard: Right moves between marks, Enter shows the item.
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    first = timeline.selected()
    assert first is not None
    with qtbot.waitSignal(timeline.activated):
        qtbot.keyClick(timeline, Qt.Key.Key_Return)


def test_clicking_empty_timeline_space_selects_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, window)
    with qtbot.assertNotEmitted(window.timeline.activated):
        qtbot.mouseClick(window.timeline, Qt.MouseButton.LeftButton, pos=QPointF(5, 5).toPoint())


def test_store_errors_show_a_retry_banner(qtbot, window, case_ctx, customer_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wait_briefly_when_busy(case_ctx, monkeypatch)
    with locked_by_another_program(customer_url):
        with qtbot.waitSignal(window.pop_failed, timeout=15000) as blocker:
            window.pop(PHONE)
        assert blocker.args[0].retryable
        assert window.banner.isVisible() and "busy" in window.banner.text.text(), window.banner.text.text()
    with qtbot.waitSignal(window.popped, timeout=15000):
        qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    assert window.caller_bar.name.text() == "陳志明"


def test_a_newer_lookup_supersedes_an_older_one(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    gate, started = threading.Event(), threading.Event()
    asked: list[str] = []

    def slow_then_real(ctx, phone):  # type: ignore[no-untyped-def]
        asked.append(phone)
        if phone == "slow":
            started.set()
            gate.wait(10)
            return PopFailure(phone, "stale answer", retryable=False)
        return screen_pop(ctx, phone)

    window.lookups.fn = slow_then_real
    window.pop("slow")
    qtbot.waitUntil(started.is_set)  # the worker is busy with the slow lookup
    window.pop("0911-111-111")  # superseded before it starts: never reaches the database
    with qtbot.waitSignal(window.popped, timeout=15000):
        window.pop(PHONE)
        gate.set()
    assert asked == ["slow", PHONE]
    assert window.caller_bar.message.text() == ""


def test_keyboard_actions_and_help(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, window)
    actions = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}
    keys = {name: [s.toString() for s in a.shortcuts()] for name, a in actions.items()}
    assert keys["focusNumber"] == ["Ctrl+L", "F6"]
    assert "F8" in keys["nextPane"] and "F7" in keys["previousPane"]
    assert keys["toggleBill"] == ["Ctrl+E"] and keys["keyboardHelp"][0] == "F1"
    actions["nextPane"].trigger()
    actions["focusNumber"].trigger()
    assert window.caller_bar.number.hasFocus()
    actions["nextPane"].trigger()
    assert window.timeline.hasFocus()
    actions["nextPane"].trigger()
    assert window.contract.first_view().hasFocus()
    actions["previousPane"].trigger()
    actions["previousPane"].trigger()
    assert window.caller_bar.number.hasFocus()
    actions["focusBill"].trigger()
    assert window.bill.view.hasFocus()
    window.bill.view.setCurrentIndex(window.bill.proxy.index(3, 0))
    before = window.bill.view.isExpanded(window.bill.proxy.index(3, 0))
    actions["toggleBill"].trigger()
    assert window.bill.view.isExpanded(window.bill.proxy.index(3, 0)) != before
    dialog = window.show_keyboard_help()
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert "Ctrl+L, F6" in rows and rows["Ctrl+L, F6"] == "Go to the number field"
    dialog.close()
    for widget in (window.caller_bar.number, window.timeline, window.notifications.first_view()):
        assert widget.accessibleName()


def test_window_speaks_zh_tw(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    w = make_window(case_ctx, "zh_TW")
    qtbot.addWidget(w)
    w.show()
    try:
        pop(qtbot, w)
        assert w.contract.title.text() == "合約"
        assert w.notifications.model.headerData(0, Qt.Orientation.Horizontal) == "發送時間"
        assert w.notifications.model.index(0, 2).data() == "簡訊"
        assert w.bill.model.index(0, 2, QModelIndex()).data() == "NT$449"
        assert any("免費期已於" in f for f in w.caller_bar.flag_texts())
    finally:
        w.close()
        make_window(case_ctx, "en").deleteLater()  # put the English catalogue back for other tests


def test_geometry_and_splitters_are_remembered(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    w = make_window(case_ctx, "en")
    qtbot.addWidget(w)
    # Smaller than any screen it may run on (offscreen is 800x600), which restoreGeometry
    # would otherwise shrink it to fit, and not the default size.
    free = w.screen().availableGeometry()
    width, height = min(760, free.width() - 80), min(560, free.height() - 80)
    w.resize(width, height)
    show_exposed(qtbot, w)
    size = w.size()  # what it became on this screen (its minimum height may be more)
    assert size.width() == width
    w.panes_split.setSizes([400, 150, 150])
    sizes = w.panes_split.sizes()
    w.close()
    again = make_window(case_ctx, "en")
    qtbot.addWidget(again)
    show_exposed(qtbot, again)
    assert again.size() == size
    assert again.panes_split.sizes() == sizes


def test_screenshot_command_writes_a_png(qtbot, customer_url: str, journal_url: str, tmp_path: Path, case_one_template: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from ui.launcher import main

    copy_case_one(case_one_template, customer_url)
    out = tmp_path / "pop.png"
    code = main(["--db", customer_url, "--journal", journal_url, "--caller", PHONE, "--screenshot", str(out)])
    assert code == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 1366 * 0.99


def test_wrap_up_and_panel_hooks(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    seen: list[object] = []
    window.set_wrap_up_handler(seen.append)
    assert not window.act_wrap_up.isEnabled()  # no caller yet
    result = pop(qtbot, window)
    assert window.act_wrap_up.isEnabled()
    window.act_wrap_up.trigger()
    assert seen == [result]
    dock = window.add_panel(QLabel("suggestions"), "Suggestions", "suggestionsDock")
    assert dock.widget().text() == "suggestions" and window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_thousands_of_notifications_stay_smooth(qtbot, customer_url: str, journal_url: str) -> None:  # type: ignore[no-untyped-def]
    from test_ui_support import build_case_one

    build_case_one(customer_url, extra_notifications=5000)
    ctx = ConsoleContext(load_settings(db=customer_url, journal=journal_url), clock=lambda: CALL_AT)
    try:
        w = make_window(ctx, "en", remember=False)
        qtbot.addWidget(w)
        w.show()
        pop(qtbot, w)
        model = w.notifications.model
        assert model.rowCount() == model.BATCH  # the view has only one batch
        found = w.highlight_evidence(["notification:N-04990"])  # loads up to it, scrolls there
        assert found["notifications"] == 1 and model.rowCount() > 4990
        assert len(w.timeline.marks()) > 5000
        w.timeline.repaint()
        w.repaint()
    finally:
        ctx.close()


def test_history_with_us_shows_the_journal(qtbot, window, case_ctx) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta
    from decimal import Decimal

    from console.models import Call, Case

    earlier = CALL_AT - timedelta(days=3)
    with case_ctx.journal.session() as s, s.begin():
        s.add(Call(id="call-1", customer_id="C-0001", phone_e164="+886912345678", agent_id="A007", workstation="ws",
                   started_at=earlier, saved_at=earlier, outcome="escalated", root_cause="contract_notice_mismatch",
                   notes="customer forwards the SMS", credit_total=Decimal(0)))
        s.flush()
        s.add(Case(id="case-1", customer_id="C-0001", call_id="call-1", owner="A007", status="open",
                   summary="mPro billed after the SMS", opened_at=earlier))
    pop(qtbot, window)
    history = window.history
    assert not history.empty.isVisibleTo(window) and history.history_view.isVisibleTo(window)
    texts = [history.history.index(r, 1).data() for r in range(history.history.rowCount())]
    assert texts == ["Call: Escalated", "    ↳ Open case CASE1"]  # the call first, what it did under it
    assert "customer forwards the SMS" in history.history.index(0, 3).data()
    assert "⚠ Open cases: 1" in window.caller_bar.flag_texts()  # severity as a marker, not only a colour
