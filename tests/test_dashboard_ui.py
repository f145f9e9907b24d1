"""The dashboard widget: charts and numbers for a period, readable at 1366x768; a click on a bar
yields the export filter; sync health per hook."""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from export_helpers import AGENT, LEAD, T0, call_row, credit_row, insert_actions, insert_calls
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from qt_helpers import show_exposed
from sqlalchemy import insert

from console.context import ConsoleContext
from console.models import Delivery, OutboxEvent
from console.vocabulary import FINDING_CODES, OUTCOMES, ROOT_CAUSES
from ui.app import application
from ui.chart_parts import nice_step
from ui.dashboard import DashboardWidget
from ui.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english() -> None:
    install_translators(application(), "en")  # plurals come from the en catalogue, as in the app


def _floor(ctx: ConsoleContext) -> None:
    rnd = random.Random(3)
    rows = []
    for i in range(300):
        rows.append(call_row(
            i, started_at=T0 + timedelta(hours=rnd.randrange(13 * 24)), outcome=rnd.choice(OUTCOMES[:5]),
            root_cause=rnd.choice(ROOT_CAUSES[:4] * 2 + ROOT_CAUSES), finding_codes=rnd.sample(FINDING_CODES, 2),
        ))
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, rows)
        insert_actions(s, [credit_row(r, str(rnd.choice((100, 300, 450)))) for r in rows[::4]])


@pytest.fixture
def widget(qtbot, ctx: ConsoleContext):
    ctx.clock = lambda: T0 + timedelta(days=13)
    w = DashboardWidget(ctx, LEAD)
    qtbot.addWidget(w)
    w.resize(1400, 820)
    yield w
    w.shutdown()


def test_dashboard_shows_the_numbers_and_bars_choose_filters(qtbot, ctx, widget, tmp_path: Path) -> None:
    _floor(ctx)
    with qtbot.waitSignal(widget.loaded, timeout=30_000) as got:
        widget.refresh()
    board = got.args[0]
    assert board.total_calls == 300 and board.credits_issued == 75
    assert widget.calls.table.item(widget.calls.table.rowCount() - 1, 1).text() == "300"
    assert "300 calls" in widget.summary.text() and "75 credits issued" in widget.summary.text()
    assert widget.causes.rowCount() == len(board.root_causes)
    assert len(widget.calls.chart.series()[0].barSets()) == len(board.outcomes)

    first_outcome = widget.calls.chart.series()[0].barSets()[0]
    with qtbot.waitSignal(widget.filterChosen) as chosen:
        first_outcome.clicked.emit(2)
    f = chosen.args[0]
    assert f.date_from == f.date_to == date(2026, 3, 4) and f.outcomes == (board.outcomes[0],)

    with qtbot.waitSignal(widget.filterChosen) as chosen:
        widget.causes.cellClicked.emit(0, 0)  # the top row is the most frequent cause
    assert chosen.args[0].root_causes == (board.root_causes[0][0],)
    assert (chosen.args[0].date_from, chosen.args[0].date_to) == (date(2026, 3, 2), date(2026, 3, 15))
    dlg = widget.export_dialog
    assert dlg is not None and dlg.isVisible() and dlg.filters() == chosen.args[0]
    dlg.close()

    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        show_exposed(qtbot, widget)
        widget.grab().save(str(Path(shot) / "dashboard.png"))


def test_dashboard_refused_for_agents(qtbot, ctx) -> None:
    w = DashboardWidget(ctx, AGENT)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.failed, timeout=30_000) as failed:
        w.refresh()
    w.shutdown()
    assert "may not see the floor dashboard" in failed.args[0] and w.summary.text() == failed.args[0]


def test_empty_period(qtbot, widget) -> None:
    with qtbot.waitSignal(widget.loaded, timeout=30_000) as got:
        widget.refresh()
    assert got.args[0].total_calls == 0 and widget.causes.rowCount() == 0
    assert Decimal(0) == got.args[0].credits_amount
    assert widget.summary.text().startswith("0 calls")
    assert widget.sync_note.text() == "No hooks configured: calls stay on this workstation."


def _shown(qtbot, widget: DashboardWidget, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    widget.resize(*size)
    show_exposed(qtbot, widget)
    with qtbot.waitSignal(widget.loaded, timeout=30_000):
        widget.refresh()
    QApplication.processEvents()


@pytest.mark.parametrize("days", [14, 31])
def test_day_labels_are_whole_and_ticks_are_whole_numbers(qtbot, ctx, widget, days: int) -> None:  # type: ignore[no-untyped-def]
    _floor(ctx)
    widget.date_from.setDate(widget.date_to.date().addDays(1 - days))
    _shown(qtbot, widget, (1100, 720))  # the size the Lead menu opens it at, on a 1366x768 screen
    for panel in (widget.calls, widget.credits):
        placed = panel.days.placed()
        fm = QFontMetrics(panel.days.font())
        assert len(placed) >= 4 and all("…" not in text for text, _ in placed)
        for (text, rect), nxt in zip(placed, [*placed[1:], ("", QRect(10**6, 0, 0, 0))], strict=True):
            assert rect.width() >= fm.horizontalAdvance(text)  # drawn whole
            assert rect.right() < nxt[1].left() and 0 <= rect.left() and rect.right() <= panel.days.width()
        assert panel.chart.axes()[0].labelsVisible() is False  # Qt's own "…" labels are off
        assert_whole_ticks(panel)
    assert widget.calls.days.caption in ("Feb 2026 – Mar 2026", "Mar 2026")


def tick_values(axis) -> list[float]:  # type: ignore[no-untyped-def]
    """The values the axis labels, as Qt Charts places them (dynamic interval or a fixed count)."""
    lo, hi = axis.min(), axis.max()
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        n = int((hi - axis.tickAnchor()) // axis.tickInterval())
        return [axis.tickAnchor() + i * axis.tickInterval() for i in range(n + 1)]
    return [lo + i * (hi - lo) / (axis.tickCount() - 1) for i in range(axis.tickCount())]


def assert_whole_ticks(panel) -> None:  # type: ignore[no-untyped-def]
    axis = next(a for a in panel.chart.axes() if isinstance(a, QValueAxis))
    values = tick_values(axis)
    assert len(values) >= 2 and all(v == int(v) for v in values), values  # "0 1 1 2" came from 0.25 steps
    assert len({str(int(v)) for v in values}) == len(values)


def test_nice_steps_are_whole() -> None:
    assert [nice_step(t) for t in (0, 1, 3, 9, 40, 99, 3650)] == [1, 1, 1, 2, 10, 20, 1000]


def test_words_full_amounts_and_singular(qtbot, ctx, widget) -> None:  # type: ignore[no-untyped-def]
    row = call_row(1, started_at=T0 + timedelta(days=3), outcome="resolved_with_credit", root_cause="sales_promise",
                   finding_codes=["notice_contradicts_contract"])
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, [row])
        insert_actions(s, [credit_row(row, "123456")])
    _shown(qtbot, widget, (1100, 720))
    assert_whole_ticks(widget.calls)  # one call: 0 and 1, not 0, 0.25, 0.5...
    assert_whole_ticks(widget.credits)
    assert widget.summary.text().startswith("1 call · 1 credit issued, NT$123,456")
    assert widget.findings.rows() == [("notice_contradicts_contract", "A notice contradicts the contract", "1")]
    assert widget.causes.rows()[0][1] == "Sales promise"
    credits = widget.credits.table
    assert [credits.item(0, c).text() for c in range(3)] == ["3/5/2026", "1", "NT$123,456"]
    fm = QFontMetrics(credits.font())
    for c in range(3):  # every cell wide enough for its text: nothing cut to "NT$12"
        assert credits.columnWidth(c) >= fm.horizontalAdvance(credits.item(0, c).text())
    assert credits.viewport().width() >= sum(credits.columnWidth(c) for c in range(3))
    assert widget.date_from.displayFormat() == "M/d/yyyy"


def test_sync_health_per_hook_in_words(qtbot, ctx, widget, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx.settings.hooks = [{"name": "floor", "kind": "postgres", "url": "postgresql://x"},
                          {"name": "crm", "kind": "webhook", "url": "http://127.0.0.1:9/x"}]
    events = [dict(id=f"e{i}", type="call.recorded", payload={}, customer_id="C001", customer_seq=i, agent_id="A001",
                   workstation="ws-1", created_at=T0) for i in range(4)]
    deliveries = [dict(event_id=f"e{i}", hook="floor", state="delivered", delivered_at=T0) for i in range(4)]
    deliveries += [dict(event_id="e0", hook="crm", state="delivered", delivered_at=T0),
                   dict(event_id="e1", hook="crm", state="dead", last_error="HTTP 400")]
    with ctx.journal.session() as s, s.begin():
        s.execute(insert(OutboxEvent), events)
        s.execute(insert(Delivery), deliveries)
    _shown(qtbot, widget, (1100, 720))
    table = widget.sync
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert rows[0][:6] == ["floor (postgres)", "4", "0", "0", "0", "✓ up to date"]
    assert rows[1][:6] == ["crm (webhook)", "1", "2", "0", "1", "⚠ 1 refused for good: a lead must look"]
    assert rows[0][6] == "3/2/2026 09:00"
    assert table.item(1, 5).toolTip() == "HTTP 400"


def test_the_dashboard_follows_a_language_switch(qtbot, ctx, widget) -> None:  # type: ignore[no-untyped-def]
    _floor(ctx)
    _shown(qtbot, widget, (1100, 720))
    try:
        widget.setProperty("language", "zh_TW")
        install_translators(application(), "zh_TW")
        qtbot.waitUntil(lambda: widget.language == "zh_TW")
        assert widget.calls.title() == "每日通話（依結果）" and widget.summary.text().startswith("300 通通話")
        assert widget.date_from.displayFormat() == "yyyy/M/d"
        assert widget.calls.days.caption == "2026年3月" and widget.causes.rows()[0][1] != "Website rule"
    finally:
        install_translators(application(), "en")
