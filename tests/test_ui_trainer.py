"""Trainer mode widgets: scenario list, ring (clock + pop request), load, brief, scorecard, reset, DEMO marks."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from qt_helpers import show_exposed
from ui_assist_helpers import (  # noqa: F401 - fixtures
    PHONE_01,
    SCENARIO_01,
    make_ctx,
    scenarios_template_fixture,
    view_of,
)

from console.assist import suggestions_for_call
from console.calls import WrapUp, record_call
from console.resources import resource_path
from console.trainer import DemoClock
from ui.app import application
from ui.demo_banner import DemoBanner, Watermark
from ui.trainer_panel import TrainerPanel

pytestmark = pytest.mark.gui


@pytest.fixture(name="dctx")
def dctx_fixture(scenarios_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    ctx.settings.role = "trainer"  # what `agent-console demo` gives: loading scenarios is a trainer's (or lead's)
    yield ctx
    ctx.close()


@pytest.fixture
def panel(qtbot, dctx):  # type: ignore[no-untyped-def]
    from ui.i18n import install_translators

    install_translators(application(), "en")  # plurals come from the en catalogue, as in the app
    p = TrainerPanel(dctx, "en")
    qtbot.addWidget(p)
    p.resize(360, 700)
    p.show()
    yield p
    p.close_brief_window()


def _record(ctx, accept: bool, hints_findings: bool = True) -> str:  # type: ignore[no-untyped-def]
    view = view_of(ctx)
    started = ctx.now()
    report = suggestions_for_call(ctx, view, started)
    actions = [a for s in report.suggestions for a in s.actions] if accept else []
    codes = [f.code for f in report.findings] if hints_findings else []
    return record_call(ctx, WrapUp(customer_id=view.customer.id, outcome="resolved_with_credit" if accept else "resolved",
                                   root_cause="contract_notice_mismatch" if accept else None, started_at=started,
                                   actions=actions, finding_codes=codes, scenario_id=view.customer.scenario_id,
                                   ended_at=started + timedelta(minutes=3), saved_at=started + timedelta(minutes=4)),
                       view=view)


def test_scenario_list_model(qtmodeltester, panel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 10
    assert panel.model.index(0, 0).data() == "mPro billed after the free year despite the SMS"


def test_ring_sets_the_clock_and_asks_for_a_pop(qtbot, panel, dctx) -> None:  # type: ignore[no-untyped-def]
    ticks = [1000.0]
    dctx.clock = DemoClock(monotonic=lambda: ticks[0])  # the app's clock, with time moved by hand
    panel.clock = dctx.clock
    assert panel.select(SCENARIO_01)
    assert "SMS" in panel.brief.toPlainText()
    assert not panel.brief.isVisibleTo(panel)  # the trainee may be looking at this screen
    panel.show_brief.click()
    assert panel.brief.isVisibleTo(panel)
    with qtbot.waitSignal(panel.ring_requested) as blocker:
        qtbot.mouseClick(panel.ring_btn, Qt.MouseButton.LeftButton)
    s = blocker.args[0]
    assert s.id == SCENARIO_01 and s.phone == "+886912345678"
    assert dctx.now() == s.call_at  # the call rings at the scenario's own moment
    ticks[0] += 42
    assert dctx.now() == s.call_at + timedelta(seconds=42)  # and time runs on from there
    assert "Ringing" in panel.message.text()


def test_demo_clock_runs_on_from_call_at() -> None:
    from datetime import UTC, datetime

    ticks = [100.0]
    today = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    clock = DemoClock(base=lambda: today, monotonic=lambda: ticks[0])
    assert clock() == today and not clock.running
    at = datetime(2009, 5, 12, 6, 30, tzinfo=UTC)
    clock.start(at)
    ticks[0] += 75
    assert clock() == at + timedelta(seconds=75)
    clock.stop()
    assert clock() == today  # back to the clock underneath


def test_accepting_the_suggestions_scores_100(qtbot, panel, dctx) -> None:  # type: ignore[no-untyped-def]
    call_id = _record(dctx, accept=True)
    with qtbot.waitSignal(panel.scored) as blocker:
        panel.show_score(call_id)
    card = blocker.args[0]
    assert card.percent == 100
    assert panel.score_title.text() == f"Score: {card.points} of {card.max_points} points (100%)"
    texts = [panel.score.item(i).text() for i in range(panel.score.count())]
    assert any(t.startswith("✓ Spotted") for t in texts) and any("Time to resolution: 3:00" in t for t in texts)
    assert not any(t.startswith("✗") for t in texts)


def test_hidden_hints_scorecard_says_what_was_missed(qtbot, panel, dctx) -> None:  # type: ignore[no-untyped-def]
    hidden: list[bool] = []
    panel.hints_toggled.connect(hidden.append)
    panel.hide_hints.setChecked(True)
    assert hidden == [True]
    card = panel.show_score(_record(dctx, accept=False, hints_findings=False))
    assert card is not None and card.percent == 0 and card.hints_hidden
    texts = [panel.score.item(i).text() for i in range(panel.score.count())]
    assert any(t.startswith("✗ Missing: Suspend service") for t in texts)
    last = next(t for t in texts if t.startswith("Hints were hidden"))
    assert "A notice contradicts the contract" in last and "Credit · MPRO · NT$100" in last


def test_load_scenario_validates_and_imports_without_restart(panel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: 1\nid: Bad Id\n", encoding="utf-8")
    result = panel.load_paths([bad])
    assert result is not None and not result.ok and len(result.errors) == 1
    assert "\n" not in result.errors[0] and "bad.yaml" in panel.message.text()
    good = resource_path("demo") / "01-mpro-trial-billed-after-notice.yaml"
    result = panel.load_paths([good])
    assert result is not None and result.imported == (SCENARIO_01,)
    assert panel.selected().id == SCENARIO_01 and "Loaded" in panel.message.text()


def _two_screens(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [primary, primary]))


def test_brief_window_and_session_report(panel, dctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _two_screens(monkeypatch)
    panel.select(SCENARIO_01)
    window = panel.open_brief_window()
    assert window is not None and window.isVisible() and "SMS" in window.text.toPlainText()
    assert "DEMO" in window.windowTitle() and panel.message.text() == "The brief is on the second screen."
    panel.trainee.setText("Ana Lin")
    panel.show_score(_record(dctx, accept=True))
    out = tmp_path / "report.csv"
    assert panel.export_report(out) == 1
    assert panel.message.text() == f"Session report written: {out} (1 attempt)"
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[3][:4] == ["When", "Trainee", "Scenario", "Score (%)"]
    assert rows[4][1:4] == ["Ana Lin", "mPro billed after the free year despite the SMS", "100"]


def test_show_the_brief_toggles_its_label(panel) -> None:  # type: ignore[no-untyped-def]
    assert panel.show_brief.text() == "Show the brie&f" and not panel.brief.isVisibleTo(panel)
    panel.show_brief.click()
    assert panel.show_brief.text() == "Hide the brie&f" and panel.brief.isVisibleTo(panel)
    panel.show_brief.click()
    assert panel.show_brief.text() == "Show the brie&f" and not panel.brief.isVisibleTo(panel)


def test_one_screen_says_the_brief_is_not_on_a_second_one(panel, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [QGuiApplication.primaryScreen()]))
    panel.select(SCENARIO_01)
    assert not panel.brief.isVisibleTo(panel)
    assert panel.open_brief_window() is None and panel.brief_window is None  # no window over the trainee's view
    assert panel.message.text().startswith("There is only one screen") and panel.brief.isVisibleTo(panel)
    assert panel.show_brief.text() == "Hide the brie&f"


def test_the_trainee_named_in_the_panel_is_scored(panel, dctx) -> None:  # type: ignore[no-untyped-def]
    assert panel.trainee.text() == "A001"  # the id the console runs as, until the trainer types a name
    assert panel.trainee.accessibleName() == "Trainee's name" and panel.trainee_label.buddy() is panel.trainee
    panel.trainee.setText("  王 小明 ")
    panel.show_score(_record(dctx, accept=True))
    from console.training.report import session_report

    assert [a.trainee for a in session_report(dctx).attempts] == ["王 小明"]


def test_the_report_goes_to_the_documents_folder_by_default(panel, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr("ui.trainer_panel.user_documents_path", lambda: docs)
    path = panel.default_report_path()
    assert path.parent == docs and path.name.startswith("training-report-") and path.suffix == ".html"


def test_the_panel_follows_a_language_switch(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators

    panel.select(SCENARIO_01)
    panel.ring()
    assert panel.export_btn.text() == "E&xport session report…" and panel.message.text().startswith("Ringing: mPro")
    try:
        panel.setProperty("language", "zh_TW")
        install_translators(QApplication.instance(), "zh_TW")  # Qt sends LanguageChange to every widget
        qtbot.waitUntil(lambda: panel.language == "zh_TW")
        assert panel.export_btn.text() != "E&xport session report…" and "(&X)" in panel.export_btn.text()
        assert panel.model.index(0, 0).data() == "mPro 試用期滿仍續收費"
        assert "mPro 試用期滿仍續收費" in panel.message.text() and "2009/5/12" in panel.message.text()
        assert panel.selected() is not None and panel.selected().id == SCENARIO_01  # the selection stays
    finally:
        panel.setProperty("language", "en")
        install_translators(QApplication.instance(), "en")
        qtbot.waitUntil(lambda: panel.language == "en")


def test_reset_closes_the_stores_and_reloads(qtbot, panel, dctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The panel's part of a reset: close the stores, let the files be replaced, read them anew.

    The real file restore (console.demo.reset_demo) runs in test_ui_trainer_e2e.py; here a
    stand-in replaces the customer file with a "pristine" copy that has one scenario fewer,
    as the restore replaces files, and records whether the stores were closed by then.
    """
    db = Path(dctx.settings.db_url.removeprefix("sqlite:///"))
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copyfile(db, pristine)
    with closing(sqlite3.connect(pristine)) as con, con:
        con.execute("DELETE FROM scenarios WHERE id = (SELECT max(id) FROM scenarios)")
    closed_when_reset: list[bool] = []

    def restore() -> float:
        closed_when_reset.append(dctx._customers is None and dctx._journal is None)
        os.replace(pristine, db)
        return 0.4

    panel._reset = restore
    panel.ring()
    assert panel.clock.running
    with qtbot.waitSignal(panel.reset_done) as blocker:
        panel.reset_demo()
    assert blocker.args == [0.4] and closed_when_reset == [True]
    assert not panel.clock.running
    assert panel.model.rowCount() == 9  # read from the replaced file, not a connection to the old one
    assert panel.message.text() == "Demo database reset to pristine in 0.4 s"


def test_banner_and_watermark_are_on_the_grab(qtbot) -> None:  # type: ignore[no-untyped-def]
    application()
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 500)
    QLabel("content", host)
    banner = DemoBanner(host)
    mark = Watermark(host)
    show_exposed(qtbot, host)
    assert "DEMO" in banner.label.text()
    assert mark.geometry() == host.rect()
    host.resize(900, 600)
    qtbot.waitUntil(lambda: mark.geometry() == host.rect())
    image: QImage = host.grab().toImage()
    # Somewhere in the middle the watermark's red tint shows.
    reds = sum(1 for x in range(0, 900, 6) for y in range(150, 450, 6)
               if (c := QColor(image.pixel(x, y))).red() > c.blue() + 10)
    assert reds > 20
