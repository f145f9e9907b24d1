"""Accessibility: every reachable control has a name, evidence and severity are not colour
only, colours meet WCAG AA, and keyboard focus shows as a 2 px ring.

The walk goes through ``QAccessible`` (``a11y_helpers``) over the main window in agent
and demo mode and every dialog it opens, and over the lead's and trainer's own windows (the
dashboard, the export dialog, the approvals queue, the supervisor sign-in, the brief window;
``test_lead_trainer_a11y`` walks them again with data loaded, and the trainer's panel).
"""

from __future__ import annotations

import pytest
from a11y_helpers import unnamed_controls
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from qt_helpers import show_exposed, wait_exposed
from ui_assist_helpers import make_ctx
from ui_floor_helpers import (  # noqa: F401 - fixtures
    fctx_fixture,
    floor_window_fixture,
    open_window,
    pop,
    scenarios_template_fixture,
)

from console.principal import Principal
from ui.focus_ring import FocusTracker
from ui.models.table import EVIDENCE_MARK, EVIDENCE_ROLE, HIGHLIGHT, HIGHLIGHT_TEXT
from ui.suggestion_models import _REJECTED_FG
from ui.theme import FOCUS_COLOUR, FOCUS_WIDTH

pytestmark = pytest.mark.gui


def _ready(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    QApplication.processEvents()


def _dialogs(qtbot, w):  # type: ignore[no-untyped-def]
    """Every dialog the agent's window opens, each shown, then closed."""
    panel = w.assist.panel
    panel.accept_all()
    wrap = w.assist.open_wrap_up(w.result)
    yield wrap
    manual = wrap.add_action()
    yield manual
    manual.reject()
    wrap.reject()
    credit_row = next(r for r in range(panel.actions_model.rowCount())
                      if panel.actions_model.decision(r).suggested.kind == "issue_credit")
    panel.actions.selectRow(credit_row)
    edit = panel.edit_current()
    yield edit
    edit.reject()
    keys = w.show_keyboard_help()
    yield keys
    keys.close()


@pytest.mark.parametrize("demo", [False, True], ids=["agent", "demo"])
def test_every_reachable_control_has_a_name(qtbot, scenarios_template, tmp_path, demo: bool) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ctx = make_ctx(scenarios_template, tmp_path, demo=demo)
    try:
        w = open_window(qtbot, ctx)
        _ready(qtbot, w)
        unnamed = unnamed_controls(w)
        for dialog in _dialogs(qtbot, w):
            wait_exposed(qtbot, dialog)
            unnamed += unnamed_controls(dialog)
        assert unnamed == []
    finally:
        ctx.close()


def test_lead_and_trainer_windows_name_their_controls(qtbot, fctx) -> None:  # type: ignore[no-untyped-def]
    from ui.approvals import ApprovalsWidget, SupervisorOverrideDialog
    from ui.brief_window import BriefWindow
    from ui.dashboard import DashboardWidget
    from ui.export_dialog import ExportDialog

    w = open_window(qtbot, fctx)
    lead = Principal("L1", "Lin", "lead", None)
    unnamed = []
    for make in (lambda: DashboardWidget(fctx, lead, w), lambda: ExportDialog(fctx, lead, w),
                 lambda: ApprovalsWidget(fctx, lead, w), lambda: SupervisorOverrideDialog(fctx, w),
                 lambda: BriefWindow(w)):
        view = make()
        view.setWindowFlag(Qt.WindowType.Window, True)
        show_exposed(qtbot, view)
        unnamed += unnamed_controls(view)
        view.close()
    assert unnamed == []


def test_evidence_is_a_marker_and_words_not_only_a_colour(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    _ready(qtbot, w)  # the first finding is selected: its evidence is lit
    view = w.notifications.first_view()
    index = view.model().index(0, 0)
    assert index.data(EVIDENCE_ROLE) is True
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Evidence for the selected finding"
    assert index.data().startswith(EVIDENCE_MARK)  # shown as "▶ 2/16/2009 10:00"
    bill_rows = [w.bill.proxy.index(r, 0) for r in range(w.bill.proxy.rowCount())]
    assert any(i.data(EVIDENCE_ROLE) for i in bill_rows)
    w.highlight_evidence(())
    assert not view.model().index(0, 0).data().startswith(EVIDENCE_MARK)


def test_flag_severity_is_a_marker_and_a_word(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    chips = [c for c in w.caller_bar.flag_labels if not c.isHidden()]
    warn = [c for c in chips if c.property("severity") == "warn"]
    assert warn and all(c.text().startswith("⚠") and c.accessibleName().startswith("Warning: ") for c in warn)


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    pal = QApplication.palette()
    role = QPalette.ColorRole
    white = QColor("#ffffff")
    pairs = {
        "text on the panes": (pal.color(role.Text), pal.color(role.Base), 4.5),
        "placeholder and lane labels": (pal.color(role.PlaceholderText), pal.color(role.Base), 4.5),
        "placeholder on the window grey": (pal.color(role.PlaceholderText), pal.color(role.Window), 4.5),
        "evidence rows": (HIGHLIGHT_TEXT.color(), HIGHLIGHT.color(), 4.5),
        "evidence against the white rows": (HIGHLIGHT.color(), white, 1.2),  # told apart by the marker too
        "rejected actions": (_REJECTED_FG.color(), white, 4.5),
        "selected rows": (pal.color(role.HighlightedText), pal.color(role.Highlight), 4.5),
        "focus ring on white": (FOCUS_COLOUR, white, 3.0),
        "focus ring on the window grey": (FOCUS_COLOUR, pal.color(role.Window), 3.0),
    }
    low = {name: round(contrast(a, b), 2) for name, (a, b, need) in pairs.items() if contrast(a, b) < need}
    assert low == {}


def test_keyboard_focus_shows_a_2px_ring(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    _ready(qtbot, w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    tracker = QApplication.instance().findChild(FocusTracker, "focusTracker")
    assert tracker is not None and FOCUS_WIDTH == 2
    for target in (w.assist.panel.accept_all_btn, w.contract.first_view(), w.caller_bar.number):
        target.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(target.hasFocus, timeout=5000)
        ring = tracker.ring_for(w)
        assert ring.isVisible()
        area = target.rect().translated(target.mapTo(w, target.rect().topLeft()))
        assert ring.geometry().contains(area) and ring.geometry() != area  # around it, just outside
        image = ring.grab().toImage()
        edge = QColor(image.pixel(image.width() // 2, 1))
        assert contrast(edge, QColor("#ffffff")) >= 3.0  # drawn, in the focus colour

