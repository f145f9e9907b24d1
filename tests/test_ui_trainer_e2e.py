"""End to end in the window, demo mode, reference case: ring scenario 01, accept, record, 100%.

Also the window on the floor (not demo): the panel beside the panes lights up the evidence on
the pop, F9 opens the wrap-up measured from the pop, the sync status is in the status bar.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from qt_helpers import show_exposed
from sqlalchemy import func, select
from ui_assist_helpers import (  # noqa: F401 - fixtures
    PHONE_01,
    SCENARIO_01,
    make_ctx,
    scenarios_template_fixture,
)

from console.models import Call, OutboxEvent, TrainingAttempt
from ui.app import make_window
from ui.call_assist import install
from ui.i18n import install_translators
from ui.suggestion_models import EVIDENCE_ROLE

pytestmark = pytest.mark.gui


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    window = make_window(ctx, "en", remember=False)
    qtbot.addWidget(window)
    assist = install(window)
    window.resize(1366, 768)
    show_exposed(qtbot, window)
    return window, assist


def test_ring_accept_record_scores_100_in_demo(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True, hooks=[{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "drop")}])
    try:
        window, assist = _window(qtbot, ctx)
        trainer = assist.trainer
        assert trainer is not None and "DEMO" in window.windowTitle()
        assert assist.banner.isVisible() and assist.watermark.isVisible()
        assert assist.sync.label.text() == "Sync: demo: delivery off"
        assert trainer.select(SCENARIO_01)
        with qtbot.waitSignal(window.popped, timeout=15000):
            window.findChild(type(window.act_wrap_up), "ringScenario").trigger()
        # The suggestions are there and the first finding's evidence is lit in the panes.
        assert assist.panel.findings_model.rowCount() == 1
        assert window.timeline.highlighted()
        assert window.act_wrap_up.isEnabled()
        window.findChild(type(window.act_wrap_up), "acceptAllSuggested").trigger()
        assert [a.kind for a in assist.panel.accepted_actions()] == ["suspend_service", "issue_credit", "open_case"]
        window.act_wrap_up.trigger()  # F9
        dialog = assist.wrap_up
        assert dialog is not None and dialog.isVisible()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("resolved_with_credit"))
        dialog.root_cause.setCurrentIndex(dialog.root_cause.findData("contract_notice_mismatch"))
        with qtbot.waitSignal(trainer.scored) as scored, qtbot.waitSignal(window.popped, timeout=15000):
            dialog.save_action.trigger()
        card = scored.args[0]
        assert card.percent == 100 and card.perfect
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert trainer.score_title.text().endswith("(100%)")
        # After the save the caller is popped again: the credit is now pending, nothing more to suggest.
        assert assist.panel.findings_model.rowCount() == 0
        with ctx.journal.session() as s:
            call = s.scalar(select(Call))
            assert call.demo and call.scenario_id == SCENARIO_01
            assert s.scalar(select(func.count()).select_from(TrainingAttempt)) == 1
            assert s.scalar(select(func.count()).select_from(OutboxEvent)) >= 4  # kept locally
        assert not (tmp_path / "drop").exists()  # demo: no hook receives anything
    finally:
        ctx.close()


def test_hide_hints_hides_the_panel_and_the_highlights(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    try:
        window, assist = _window(qtbot, ctx)
        window.findChild(type(window.act_wrap_up), "hideHints").trigger()
        assert assist.hints_hidden and not assist.panel_dock.isVisible()
        assert assist.trainer.select(SCENARIO_01)
        with qtbot.waitSignal(window.popped, timeout=15000):
            assist.trainer.ring()
        assert not window.timeline.highlighted()  # no give-away
        window.act_wrap_up.trigger()
        dialog = assist.wrap_up
        assert dialog.findings.count() == 6 and dialog.finding_codes() == [] and dialog.actions() == []
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("resolved"))
        with qtbot.waitSignal(assist.trainer.scored) as scored:
            dialog.save()
        card = scored.args[0]
        assert card.hints_hidden and card.percent == 0
        texts = [assist.trainer.score.item(i).text() for i in range(assist.trainer.score.count())]
        assert any(t.startswith("Hints were hidden. What you missed:") for t in texts)
    finally:
        ctx.close()


def test_floor_window_has_panel_wrap_up_and_sync(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path)
    try:
        window, assist = _window(qtbot, ctx)
        assert assist.trainer is None and assist.banner is None and "DEMO" not in window.windowTitle()
        assert "no hooks configured" in assist.sync.label.text()
        with qtbot.waitSignal(window.popped, timeout=15000):
            window.pop(PHONE_01)
        refs = assist.panel.findings_model.index(0, 0).data(EVIDENCE_ROLE)
        assert "notification:SMS-20090216-01" in refs
        found = window.highlight_evidence(refs)
        assert sum(v for k, v in found.items() if k != "timeline") >= 3
        names = {a.objectName() for a in window.actions() if a.shortcuts()}
        assert {"focusSuggestions", "acceptAllSuggested", "copyScript", "syncNow", "wrapUp"} <= names
        dialog = window.show_keyboard_help()
        rows = dict((text, keys) for keys, text in dialog.rows())
        assert "F9" in rows["Wrap up the call…"] and "Ctrl+Shift+A" in rows["Accept all actions of the suggestion"]
        dialog.close()
    finally:
        ctx.close()


def test_reset_demo_from_the_menu_restores_pristine_and_keeps_working(qtbot) -> None:  # type: ignore[no-untyped-def]
    from console.context import ConsoleContext
    from console.demo import ensure_demo
    from console.settings import load_settings

    ensure_demo()  # in this test's private data folder
    ctx = ConsoleContext(load_settings(demo=True, agent="trainee"))
    try:
        window, assist = _window(qtbot, ctx)
        assert assist.trainer.select(SCENARIO_01)
        with qtbot.waitSignal(window.popped, timeout=15000):
            assist.trainer.ring()
        assist.panel.accept_all()
        window.act_wrap_up.trigger()
        dialog = assist.wrap_up
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("resolved_with_credit"))
        dialog.root_cause.setCurrentIndex(dialog.root_cause.findData("contract_notice_mismatch"))
        with qtbot.waitSignal(window.popped, timeout=15000):
            assert dialog.save() is not None
        with ctx.journal.session() as s:
            assert s.scalar(select(func.count()).select_from(Call)) == 1
        reset = window.findChild(type(window.act_wrap_up), "resetDemo")
        reset.trigger()
        box = assist.trainer_menu.confirm
        assert box is not None and box.isVisible() and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        assert "1 attempt and its scorecard" in box.text() and "every call recorded in demo" in box.text()
        box.defaultButton().click()  # Enter on the question keeps everything
        with ctx.journal.session() as s:
            assert s.scalar(select(func.count()).select_from(Call)) == 1
        assert window.result is not None
        reset.trigger()
        box = assist.trainer_menu.confirm
        reset_button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        cpu = time.process_time()
        with qtbot.waitSignal(assist.trainer.reset_done) as done:
            reset_button.click()
        assert time.process_time() - cpu < 3.0  # restored from the pristine copy, not rebuilt
        assert done.args[0] > 0
        with ctx.journal.session() as s:
            assert s.scalar(select(func.count()).select_from(Call)) == 0
        assert assist.panel.findings_model.rowCount() == 0 and assist.trainer.model.rowCount() >= 10
        # No caller from before the reset on screen: name, panes, history and timeline are empty.
        assert window.result is None and window.caller_bar.name.text() == "No caller"
        assert window.caller_bar.number.text() == "" and window.bill.model.rowCount() == 0
        assert window.contract.services.rowCount() == 0 and window.notifications.model.rowCount() == 0
        assert window.history.history.rowCount() == 0 and not window.act_wrap_up.isEnabled()
        assert "no caller on screen" in window.statusBar().currentMessage()
        with qtbot.waitSignal(window.popped, timeout=15000):  # the window still looks callers up
            assist.trainer.ring()
        assert assist.panel.findings_model.rowCount() == 1  # pristine again: the finding is back
    finally:
        ctx.close()


def test_the_trainer_menu_keeps_reset_apart_and_shows_states(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    try:
        window, assist = _window(qtbot, ctx)
        menu = assist.trainer_menu.menu
        names = [a.objectName() or "-" for a in menu.actions()]
        assert names[-2:] == ["-", "resetDemo"] and menu.actions()[-1].text() == "Reset demo…"  # alone, at the end
        assert names.index("exportReport") < names.index("resetDemo") - 1  # not next to an everyday item
        hints = window.findChild(QAction, "hideHints")
        assert hints.isCheckable() and not hints.isChecked()
        hints.trigger()
        assert hints.isChecked() and assist.trainer.hide_hints.isChecked() and not assist.panel_dock.isVisible()
        assist.trainer.hide_hints.setChecked(False)  # the panel's box and the menu item show one state
        assert not hints.isChecked() and assist.panel_dock.isVisible()
        brief = window.findChild(QAction, "showBriefMenu")
        brief.trigger()
        assert brief.isChecked() and assist.trainer.show_brief.text() == "Hide the brie&f"
        window.activateWindow()
        window.findChild(QAction, "focusScenarios").trigger()  # the scenario list by keyboard (Alt+6)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is assist.trainer.list)
        assert window.findChild(QAction, "focusScenarios").shortcut().toString() == "Alt+6"
    finally:
        ctx.close()


def test_closing_the_window_with_a_wrap_up_open_keeps_a_draft(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from console.calls import load_draft

    ctx = make_ctx(scenarios_template, tmp_path)
    try:
        window, assist = _window(qtbot, ctx)
        with qtbot.waitSignal(window.popped, timeout=15000):
            window.pop(PHONE_01)
        window.act_wrap_up.trigger()
        assist.wrap_up.notes.setPlainText("customer will send the SMS screenshot")
        window.close()
        found = load_draft(ctx, customer_id="C-0001")
        assert found is not None and found[1]["notes"] == "customer will send the SMS screenshot"
        assert assist.sync.runner is None or not assist.sync.runner.running
    finally:
        ctx.close()


def _mnemonics(window) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QLabel

    keys = []
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    texts += [lab.text() for lab in window.findChildren(QLabel) if lab.buddy() is not None and lab.isVisibleTo(window)]
    for text in texts:
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        if m:
            keys.append((m.group(1).lower(), text))
    return keys


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_no_two_controls_share_an_alt_key(qtbot, scenarios_template: Path, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    try:
        window = make_window(ctx, language, remember=False)
        qtbot.addWidget(window)
        install(window)
        window.show()
        with qtbot.waitSignal(window.popped, timeout=15000):
            window.pop(PHONE_01)
        keys = _mnemonics(window)
        assert len(keys) >= 15
        seen: dict[str, str] = {}
        clashes = []
        for key, text in keys:
            if key in seen:
                clashes.append((key, seen[key], text))
            seen[key] = text
        assert not clashes, clashes
    finally:
        ctx.close()
        install_translators(QApplication.instance(), "en")  # the catalogue is process-wide: do not leak zh_TW


def test_helpers_installed_after_the_window_is_shown_still_mark_it_demo(qtbot, scenarios_template: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    try:
        window = make_window(ctx, "en", remember=False)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        show_exposed(qtbot, window)  # as run_window does: first frame, then the helpers
        assist = install(window)
        assert assist.watermark.isVisible() and assist.banner.isVisible()
        qtbot.waitUntil(assist.trainer.isVisible)  # docks added to a shown window appear on the next turn
        assert assist.watermark.geometry() == window.rect()
        image = window.grab().toImage()
        tinted = sum(1 for x in range(300, 1000, 7) for y in range(250, 600, 7)
                     if (c := QColor(image.pixel(x, y))).red() > c.blue() + 10)
        assert tinted > 20
    finally:
        ctx.close()
