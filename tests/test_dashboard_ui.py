"""The dashboard widget: charts and numbers for a period; a click on a bar yields the export filter."""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from export_helpers import AGENT, LEAD, T0, call_row, credit_row, insert_actions, insert_calls

from console.context import ConsoleContext
from console.vocabulary import FINDING_CODES, OUTCOMES, ROOT_CAUSES
from ui.dashboard import DashboardWidget

pytestmark = pytest.mark.gui


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
    assert widget.causes.table.rowCount() == len(board.root_causes)
    assert len(widget.calls.chart.series()[0].barSets()) == len(board.outcomes)

    first_outcome = widget.calls.chart.series()[0].barSets()[0]
    with qtbot.waitSignal(widget.filterChosen) as chosen:
        first_outcome.clicked.emit(2)
    f = chosen.args[0]
    assert f.date_from == f.date_to == date(2026, 3, 4) and f.outcomes == (board.outcomes[0],)

    causes = widget.causes.chart.series()[0].barSets()[0]
    with qtbot.waitSignal(widget.filterChosen) as chosen:
        causes.clicked.emit(causes.count() - 1)  # the top bar is the most frequent cause
    assert chosen.args[0].root_causes == (board.root_causes[0][0],)
    assert (chosen.args[0].date_from, chosen.args[0].date_to) == (date(2026, 3, 2), date(2026, 3, 15))
    dlg = widget.export_dialog
    assert dlg is not None and dlg.isVisible() and dlg.filters() == chosen.args[0]
    dlg.close()

    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        widget.show()
        qtbot.waitExposed(widget)
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
    assert got.args[0].total_calls == 0 and widget.causes.table.rowCount() == 0
    assert Decimal(0) == got.args[0].credits_amount
