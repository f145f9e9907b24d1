"""Every focusable control of the lead's and trainer's views has a name a screen reader says.

Walked through ``QAccessible`` on the live widgets (``a11y_helpers``): the approvals queue,
the dashboard with its charts and tables, the trainer panel and the brief window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_helpers import heard_name, unnamed_controls
from export_helpers import LEAD, T0
from test_approvals_ui import queue_rows
from ui_assist_helpers import make_ctx, scenarios_template_fixture  # noqa: F401 - fixtures

from ui.app import application
from ui.approvals import ApprovalsWidget
from ui.brief_window import BriefWindow
from ui.dashboard import DashboardWidget
from ui.trainer_panel import TrainerPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def sctx(scenarios_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    yield ctx
    ctx.close()


def _show(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)


def test_approvals_queue(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    queue_rows(sctx)
    w = ApprovalsWidget(sctx, LEAD)
    _show(qtbot, w)
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.refresh()
    assert unnamed_controls(w) == []
    assert heard_name(w.table) == "Credits waiting for approval" and heard_name(w.reason) == "Reason"
    w.shutdown()


def test_dashboard(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    sctx.clock = lambda: T0
    w = DashboardWidget(sctx, LEAD)
    _show(qtbot, w)
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.refresh()
    assert unnamed_controls(w) == []
    assert heard_name(w.calls.view) == "Chart: calls per day by outcome"
    assert heard_name(w.date_from) == "First day" and heard_name(w.sync) == "Sync health per hook"
    w.shutdown()


def test_trainer_panel_and_brief(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    application()
    panel = TrainerPanel(sctx, "en")
    _show(qtbot, panel)
    panel.show_brief.click()
    assert unnamed_controls(panel) == []
    assert heard_name(panel.trainee) == "Trainee's name" and heard_name(panel.list) == "Training scenarios"
    brief = BriefWindow()
    _show(qtbot, brief)
    assert unnamed_controls(brief) == []
