"""Keyboard on the floor: the timeline's focus frame, the credit edit dialog, Ctrl+Q, Tab, Alt+5, F1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
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
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog,
                    timeout=5000)
    assert QApplication.focusWidget() is dialog.amount
    # The agent types over the suggested amount and presses Enter, as in the review (J6 s3).
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClicks(QApplication.focusWidget(), "60")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    decision = panel.actions_model.decision(credit_row)
    assert decision.spec.amount == 60 and decision.edited
