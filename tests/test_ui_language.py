"""Language: switched in the window without a restart; one date format per language; plurals; title.

View > Language re-sets every text of the live widgets on ``QEvent.LanguageChange`` and shows
the caller again in the new language (dates and money by Babel); the choice is remembered
for the next start. Dates in the panes, the history and the wrap-up's follow-up edit are
written one way per language; counts take the right plural; the title names the app once.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from ui_floor_helpers import (  # noqa: F401 - fixtures
    fctx_fixture,
    floor_window_fixture,
    open_window,
    pop,
    scenarios_template_fixture,
)

from console import formatting as fmt
from ui import window_state
from ui.app import make_window
from ui.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):  # type: ignore[no-untyped-def]
    yield
    install_translators(qapp, "en")  # the translators are the application's: leave it as found


def test_switching_language_retranslates_the_live_window(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    assert w.caller_bar.go.text() == "Look up"
    sent = w.notifications.model.index(0, 0).data()
    w.language_actions["zh_TW"].trigger()
    assert w.language == "zh_TW"
    # Every kind of text: menus, buttons, pane titles, table headers, tabs, dock titles, status bar.
    assert w.caller_bar.go.text() == "查詢"
    assert w.findChild(type(w._menus["caller"]), "callerMenu").title() == "來電(&C)"
    assert w.contract.title.text() == "合約"
    assert w.history.tabText(0) == "往來紀錄"
    assert w.notifications.model.headerData(0, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) == "發送時間"
    assert w.assist.panel_dock.windowTitle().startswith("建議")
    assert w.assist.panel.accept_all_btn.text() == "全部採用(&L)"
    assert w.windowTitle() == "客服工作台"
    assert "份合約" in w.statusBar().currentMessage()
    # The caller is shown again in the new language: dates by Babel, zh order.
    zh_sent = w.notifications.model.index(0, 0).data()
    assert zh_sent != sent and zh_sent.endswith("2009/2/16 10:00")  # ("▶ " marks it as evidence)
    assert w.assist.panel.findings_model.rowCount() > 0  # the call goes on: nothing was re-popped
    w.language_actions["en"].trigger()
    assert w.caller_bar.go.text() == "Look up" and w.notifications.model.index(0, 0).data() == sent


def test_the_choice_is_remembered_for_the_next_start(qtbot, fctx) -> None:  # type: ignore[no-untyped-def]
    w = make_window(fctx, remember=True)
    qtbot.addWidget(w)
    w.set_language("zh_TW" if w.language == "en" else "en")
    chosen = w.language
    assert window_state.remembered_language() == chosen
    again = make_window(fctx, remember=True)
    qtbot.addWidget(again)
    assert again.language == chosen


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_the_follow_up_date_is_written_like_the_panes(qtbot, floor_window, language: str) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    w.set_language(language)
    pop(qtbot, w)
    qtbot.waitUntil(lambda: w.assist.panel.findings_model.rowCount() > 0, timeout=5000)
    w.act_wrap_up.trigger()
    dialog = w.assist.wrap_up
    dialog.follow_up.setDate(QDate(2009, 5, 19))
    assert dialog.follow_up.text() == fmt.day(date(2009, 5, 19), language)  # 5/19/2009, 2009/5/19
    dialog.reject()


def test_counts_take_the_right_plural() -> None:
    forms = {"one": "{n} call", "other": "{n} calls"}
    assert fmt.counted(1, forms, "en") == "1 call"
    assert fmt.counted(2, forms, "en") == "2 calls"
    assert fmt.counted(1200, forms, "en") == "1,200 calls"
    assert fmt.counted(1, {"other": "{n} 通"}, "zh_TW") == "1 通"
    assert fmt.plural_category(1, "zh_TW") == "other"


def test_status_bar_counts_and_a_title_that_names_the_app_once(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    w = floor_window
    pop(qtbot, w)
    assert w.statusBar().currentMessage() == "陳志明 · 1 contract · 1 notification · 2 bills"
    name = QGuiApplication.applicationDisplayName()
    # Qt appends the display name unless the title ends with it: so it must, exactly once.
    assert w.windowTitle().endswith(name) and w.windowTitle().count(name) == 1


def test_demo_title_names_the_app_once(qtbot, scenarios_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui_assist_helpers import make_ctx

    ctx = make_ctx(scenarios_template, tmp_path, demo=True)
    try:
        w = open_window(qtbot, ctx)
        title, name = w.windowTitle(), QGuiApplication.applicationDisplayName()
        assert title.startswith("DEMO") and title.endswith(name) and title.count("Agent Console") == 1
    finally:
        ctx.close()


def test_findings_speak_the_agents_language_and_the_script_the_customers(qtbot, floor_window) -> None:  # type: ignore[no-untyped-def]
    """The reference customer speaks Chinese; the agent works in English: the finding and the
    suggestion's title are English, the script Chinese. A switch to zh_TW mid-call words the
    finding again in Chinese and keeps the agent's decisions and the script's language."""
    w = floor_window
    pop(qtbot, w)
    panel = w.assist.panel
    qtbot.waitUntil(lambda: panel.findings_model.rowCount() > 0, timeout=5000)
    cjk = lambda text: any("\u4e00" <= ch <= "\u9fff" for ch in text)  # noqa: E731
    finding = panel.findings_model.index(0, 0).data()
    assert not cjk(finding) and not cjk(panel.title.text()), (finding, panel.title.text())
    assert cjk(panel.script.toPlainText())
    panel.accept_all()
    decided = [d.status for d in panel.decisions[panel.current.id]]
    script = panel.script.toPlainText()
    w.language_actions["zh_TW"].trigger()
    assert cjk(panel.findings_model.index(0, 0).data()) and cjk(panel.title.text())
    assert [d.status for d in panel.decisions[panel.current.id]] == decided == ["accepted"] * len(decided)
    assert panel.script.toPlainText() == script  # the customer hears the same words
    from ui.models.bill import EXPECTED

    april = w.bill.model.index(0, 0)
    assert w.bill.model.index(0, EXPECTED).data() == "NT$399", "the bill lost its expected charges"
    from ui.columns import elided_cells

    assert elided_cells(w.bill.view) == []  # measured and laid out again, not "NT$…"
    assert "簡訊" in "".join(w.bill.model.index(r, EXPECTED + 1, april).data() for r in range(w.bill.model.rowCount(april)))
    w.language_actions["en"].trigger()
    assert not cjk(panel.findings_model.index(0, 0).data())
