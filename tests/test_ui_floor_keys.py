"""Keyboard on the floor: the timeline's focus frame, the credit edit dialog, Ctrl+Q, Tab, Alt+5, F1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from qt_helpers import wait_exposed
from ui_floor_helpers import (  # noqa: F401 - fixtures
    fctx_fixture,
    floor_window_fixture,
    pop,
    scenarios_template_fixture,
)

pytestmark = pytest.mark.gui


def _activate(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)


def test_focused_timeline_draws_a_frame_not_a_block(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    _activate(qtbot, w)
    w.caller_bar.number.setFocus()
    plain = w.timeline.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w.timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(w.timeline.hasFocus, timeout=5000)
    framed = w.timeline.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert plain.size() == framed.size()
    border, inside = 0, 0
    for y in range(framed.height()):
        for x in range(framed.width()):
            if plain.pixel(x, y) != framed.pixel(x, y):
                edge = min(x, y, framed.width() - 1 - x, framed.height() - 1 - y)
                if edge <= 4:
                    border += 1
                else:
                    inside += 1
    assert border > framed.width()  # a frame all round
    assert inside == 0  # and nothing painted over the marks and lanes


def test_credit_edit_opens_in_the_amount_and_enter_takes_what_was_typed(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    _activate(qtbot, w)
    panel = w.assist.panel
    credit_row = next(r for r in range(panel.actions_model.rowCount())
                      if panel.actions_model.decision(r).suggested.kind == "issue_credit")
    panel.actions.selectRow(credit_row)
    dialog = panel.edit_current()
    wait_exposed(qtbot, dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog,
                    timeout=5000)
    assert QApplication.focusWidget() is dialog.amount
    # The agent types over the suggested amount and presses Enter, as in the review (J6 s3).
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClicks(QApplication.focusWidget(), "60")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    decision = panel.actions_model.decision(credit_row)
    assert decision.spec.amount == 60 and decision.edited


def _tab_walk(qtbot, w, steps: int) -> list[str]:  # type: ignore[no-untyped-def]
    seen = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        seen.append(focus.objectName() or type(focus).__name__)
    return seen


def test_tab_moves_between_panes_and_arrows_inside_a_table(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    _activate(qtbot, w)
    w.focus_number()
    walk = _tab_walk(qtbot, w, 24)
    panes = ["timeline", "servicesView", "clausesView", "notificationsView", "billView", "qt_tabwidget_tabbar",
             "findingsList", "actionsTable", "script"]
    positions = [walk.index(name) for name in panes]
    assert positions == sorted(positions), walk  # the panes in reading order, then the suggestions
    for name in panes:
        i = walk.index(name)
        assert walk[i + 1] != name, walk  # one Tab leaves the table: it never walks its cells
    # Inside a table the arrows move between rows.
    w.notifications.first_view().setFocus()
    services = w.contract.first_view()
    services.setFocus()
    services.setCurrentIndex(services.model().index(0, 0))
    qtbot.keyClick(services, Qt.Key.Key_Down)
    assert services.currentIndex().row() == 1 and services.hasFocus()


def test_ctrl_q_quits(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    _activate(qtbot, w)
    quit_action = w.findChild(type(w.act_focus), "quit")
    assert [k.toString() for k in quit_action.shortcuts()] == ["Ctrl+Q"]
    keys = [k.toString() for a in w.actions() if a.isEnabled() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)  # no key bound twice
    qtbot.keyClick(w.caller_bar.number, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=5000)


def test_suggestions_are_one_key_away_and_the_key_is_on_screen(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    _activate(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    assert "Alt+5" in w.assist.panel_dock.windowTitle()
    w.focus_number()
    qtbot.keyClick(w.caller_bar.number, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert w.assist.panel.findings.hasFocus()


def test_keyboard_map_is_grouped_by_menu_without_lead_keys_for_an_agent(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    from ui.lead_menu import install as install_people

    w = floor_window
    install_people(w, interactive=False)  # an agent, as the settings say
    dialog = w.show_keyboard_help()
    qtbot.addWidget(dialog)
    groups = dict(dialog.groups)
    assert {"Caller", "View", "Call", "Suggestions", "Help", "Inside the panes"} <= set(groups)
    assert ("Ctrl+Q", "Quit") in groups["Caller"] and ("Alt+5", "Go to the suggestions") in groups["Suggestions"]
    keys = {k for rows in groups.values() for k, _text in rows}
    assert not keys & {"Ctrl+Shift+D", "Ctrl+Shift+X", "Ctrl+Shift+P"}  # the lead's keys do nothing here
    assert sum(tree.topLevelItemCount() for tree in dialog.trees) == len(groups)
    # Tall enough to show every line without scrolling (two columns when one would not fit).
    wait_exposed(qtbot, dialog)
    for tree in dialog.trees:
        last_group = tree.topLevelItem(tree.topLevelItemCount() - 1)
        last = last_group.child(last_group.childCount() - 1)
        assert tree.visualItemRect(last).bottom() <= tree.viewport().height()
    dialog.close()
