"""Every focusable control of the lead's and trainer's views has a name a screen reader says.

Walked through ``QAccessible`` on the live widgets (``a11y_helpers``) with their data loaded:
the approvals queue, the dashboard with its charts and tables, the trainer panel and the brief
window. A detail area that holds nothing is hidden, not announced as an empty box.
"""

from __future__ import annotations

import pytest
from a11y_helpers import heard_name, unnamed_controls
from export_helpers import LEAD, T0
from qt_helpers import show_exposed
from test_approvals_ui import queue_rows
from test_ui_trainer import dctx_fixture  # noqa: F401 - the demo stores with the shipped scenarios
from ui_assist_helpers import scenarios_template_fixture  # noqa: F401 - fixtures

from ui.app import application
from ui.approvals import ApprovalsWidget
from ui.brief_window import BriefWindow
from ui.dashboard import DashboardWidget
from ui.i18n import install_translators
from ui.trainer_panel import TrainerPanel

pytestmark = pytest.mark.gui


def _show(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(1100, 700)
    show_exposed(qtbot, w)


def test_approvals_queue(qtbot, dctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(dctx)
    w = ApprovalsWidget(dctx, LEAD)
    _show(qtbot, w)
    assert w.detail.isHidden()  # nothing selected yet: no empty box
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.refresh()
    assert unnamed_controls(w) == []
    assert heard_name(w.table) == "Credits waiting for approval" and heard_name(w.reason) == "Reason"
    assert w.detail.isVisible() and heard_name(w.detail) == "Selected credit"
    assert "林美玲 (C-0002)" in w.detail.accessibleDescription()  # what it holds, said after its name
    w.table.clearSelection()
    w.table.setCurrentIndex(w.table.model().index(-1, -1))
    assert w.detail.isHidden() and unnamed_controls(w) == []
    w.shutdown()


def test_dashboard(qtbot, dctx) -> None:  # type: ignore[no-untyped-def]
    dctx.clock = lambda: T0
    w = DashboardWidget(dctx, LEAD)
    _show(qtbot, w)
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.refresh()
    assert unnamed_controls(w) == []
    assert heard_name(w.calls.view) == "Chart: calls per day by outcome"
    assert heard_name(w.date_from) == "First day" and heard_name(w.sync) == "Sync health per hook"
    w.shutdown()


def test_trainer_panel_and_brief(qtbot, dctx) -> None:  # type: ignore[no-untyped-def]
    application()
    panel = TrainerPanel(dctx, "en")
    _show(qtbot, panel)
    panel.show_brief.click()
    assert unnamed_controls(panel) == []
    assert heard_name(panel.trainee) == "Trainee's name" and heard_name(panel.list) == "Training scenarios"
    assert heard_name(panel.second_btn) == "Brief on a second screen"
    brief = BriefWindow()
    _show(qtbot, brief)
    assert unnamed_controls(brief) == []
    assert brief.title.isHidden()  # no scenario yet: no empty title line
    assert heard_name(brief.text) == "Caller's brief" and brief.text.accessibleDescription()
    brief.show_brief("Promo not applied", "I was promised NT$999 a month.")
    assert brief.title.isVisible() and unnamed_controls(brief) == []


def test_names_follow_a_language_switch(qtbot, dctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(dctx)
    w = ApprovalsWidget(dctx, LEAD)
    _show(qtbot, w)
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.refresh()
    try:
        w.setProperty("language", "zh_TW")
        install_translators(application(), "zh_TW")
        qtbot.waitUntil(lambda: w.language == "zh_TW")
        assert heard_name(w.table) == "等待核准的折抵" and heard_name(w.detail) == "所選折抵"
        assert w.table.accessibleDescription() == "按 Enter 開啟此客戶；核准與退回前都會先確認。"
        assert unnamed_controls(w) == []
    finally:
        install_translators(application(), "en")
        w.shutdown()
