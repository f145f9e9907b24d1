"""The lead's floor dashboard: four bar charts with their numbers beside them.

Calls per day by outcome, credits issued per day, the top root causes (what leads take back
to the departments that contradict each other) and the top finding codes, for a period.
The numbers come from ``console.dashboard.floor_dashboard`` on a worker thread (the role is
checked there); clicking a bar emits ``filterChosen(ExportFilters)`` with exactly the calls
behind it, and (unless ``opens_export=False``) opens the export dialog on those calls.

Wiring: ``DashboardWidget(ctx, principal, parent)``; call ``refresh()`` to load.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import formatting
from console.auth import Principal
from console.context import ConsoleContext
from console.dashboard import Bar, Dashboard, filter_for, floor_dashboard
from console.errors import UserError
from console.export import ExportFilters
from ui.export_dialog import ExportDialog
from ui.labels import word

PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#5d4037")


class _Signals(QObject):
    loaded = Signal(object)  # Dashboard
    failed = Signal(str)


class _Load(QRunnable):
    def __init__(self, ctx: ConsoleContext, who: Principal, d1: date, d2: date, signals: _Signals) -> None:
        super().__init__()
        self.ctx, self.who, self.d1, self.d2, self.signals = ctx, who, d1, d2, signals

    def run(self) -> None:
        try:
            with self.ctx.journal.session() as s:
                board = floor_dashboard(s, self.who, self.d1, self.d2)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - the panel says what went wrong
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.loaded.emit(board)


def _numbers_table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    t.setMinimumWidth(230)
    t.setMaximumWidth(300)
    return t


def _fill(t: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            item = QTableWidgetItem(v)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, c, item)


class _Panel(QGroupBox):
    """One chart with its numbers beside it."""

    def __init__(self, title: str, headers: list[str]) -> None:
        super().__init__(title)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(380, 240)
        self.table = _numbers_table(headers)
        row = QHBoxLayout(self)
        row.addWidget(self.view, 1)
        row.addWidget(self.table)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)


class DashboardWidget(QWidget):
    """The floor dashboard for a period; ``filterChosen`` carries the export filter of a clicked bar."""

    filterChosen = Signal(object)  # console.export.ExportFilters
    loaded = Signal(object)  # console.dashboard.Dashboard (after the charts are drawn)
    failed = Signal(str)

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None,
                 days: int = 14, opens_export: bool = True) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.board: Dashboard | None = None
        self.export_dialog: ExportDialog | None = None
        if opens_export:
            self.filterChosen.connect(self.open_export)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._show)
        self._signals.failed.connect(self._fail)

        today = ctx.now().date()
        start = today - timedelta(days=days - 1)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Days")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)

        self.calls = _Panel(self.tr("Calls per day by outcome"), [self.tr("Outcome"), self.tr("Calls")])
        self.credits = _Panel(self.tr("Credits issued per day"), [self.tr("Day"), self.tr("Credits"), self.tr("Amount")])
        self.causes = _Panel(self.tr("Top root causes"), [self.tr("Root cause"), self.tr("Calls")])
        self.findings = _Panel(self.tr("Top findings"), [self.tr("Finding"), self.tr("Calls")])
        grid = QGridLayout()
        grid.addWidget(self.calls, 0, 0)
        grid.addWidget(self.credits, 0, 1)
        grid.addWidget(self.causes, 1, 0)
        grid.addWidget(self.findings, 1, 1)
        hint = QLabel(self.tr("Click a bar to export the calls behind it."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addWidget(hint)

    # -- loading ------------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        d1, d2 = self.date_from.date(), self.date_to.date()
        return date(d1.year(), d1.month(), d1.day()), date(d2.year(), d2.month(), d2.day())

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Loading…"))
        d1, d2 = self.period()
        self.pool.start(_Load(self.ctx, self.principal, d1, d2, self._signals))

    @Slot(str)
    def _fail(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(message)
        self.failed.emit(message)

    @Slot(object)
    def _show(self, board: Dashboard) -> None:
        self.board = board
        self.refresh_button.setEnabled(True)
        amount = formatting.money(board.credits_amount)
        self.summary.setText(
            self.tr("%1 calls · %2 credits issued, %3 · %4 waiting for approval")
            .replace("%1", f"{board.total_calls:,}").replace("%2", f"{board.credits_issued:,}")
            .replace("%3", amount).replace("%4", f"{board.credits_pending:,}"))
        self._draw_calls(board)
        self._draw_credits(board)
        self._draw_ranking(self.causes, board.root_causes, "root_cause")
        self._draw_ranking(self.findings, board.findings, "finding")
        self.loaded.emit(board)

    # -- charts -------------------------------------------------------------------------------

    def _day_labels(self, board: Dashboard) -> list[str]:
        if len({(d.year, d.month) for d in board.days}) == 1:
            return [str(d.day) for d in board.days]  # the axis title names the month
        return [f"{d.month}/{d.day}" for d in board.days]

    def _day_title(self, board: Dashboard) -> str:
        months = sorted({(d.year, d.month) for d in board.days})
        return " – ".join(f"{y}-{m:02d}" for y, m in (months[0], months[-1])) if len(months) > 1 else \
            f"{months[0][0]}-{months[0][1]:02d}"

    def _draw_calls(self, board: Dashboard) -> None:
        p = self.calls
        p.reset()
        series = QStackedBarSeries()
        for i, outcome in enumerate(board.outcomes):
            s = QBarSet(word(outcome))
            s.setColor(QColor(PALETTE[i % len(PALETTE)]))
            s.append([float(board.calls_by_day[d].get(outcome, 0)) for d in board.days])
            s.clicked.connect(lambda index, o=outcome: self._choose(Bar("day_outcome", o, board.days[index])))
            series.append(s)
        self._axes(p, series, self._day_labels(board), horizontal=False, title=self._day_title(board))
        p.chart.legend().setVisible(False)  # the table beside it is the legend, with the colours
        totals = {o: sum(board.calls_by_day[d].get(o, 0) for d in board.days) for o in board.outcomes}
        _fill(p.table, [(word(o), f"{totals[o]:,}") for o in board.outcomes]
              + [(self.tr("All"), f"{board.total_calls:,}")])
        for i in range(len(board.outcomes)):
            p.table.item(i, 0).setData(Qt.ItemDataRole.DecorationRole, QColor(PALETTE[i % len(PALETTE)]))

    def _draw_credits(self, board: Dashboard) -> None:
        p = self.credits
        p.reset()
        s = QBarSet(self.tr("Amount credited"))
        s.setColor(QColor(PALETTE[0]))
        s.append([float(board.credits_by_day[d][1]) for d in board.days])
        s.clicked.connect(lambda index: self._choose(Bar("day_credits", "", board.days[index])))
        series = QBarSeries()
        series.append(s)
        self._axes(p, series, self._day_labels(board), horizontal=False, title=self._day_title(board))
        p.chart.legend().setVisible(False)
        rows = [(f"{d.month}/{d.day}", f"{n:,}", formatting.money(a)) for d in board.days
                for n, a in [board.credits_by_day[d]] if n]
        _fill(p.table, rows + [(self.tr("All"), f"{board.credits_issued:,}", formatting.money(board.credits_amount))])

    def _draw_ranking(self, p: _Panel, ranking: list[tuple[str, int]], kind: str) -> None:
        p.reset()
        ranked = list(reversed(ranking))  # largest at the top of a horizontal chart
        s = QBarSet(p.title())
        s.setColor(QColor(PALETTE[1 if kind == "root_cause" else 2]))
        s.append([float(n) for _, n in ranked])
        s.clicked.connect(lambda index: self._choose(Bar(kind, ranked[index][0])))  # type: ignore[arg-type]
        series = QHorizontalBarSeries()
        series.append(s)
        series.setLabelsVisible(True)
        self._axes(p, series, [word(code) for code, _ in ranked], horizontal=True)
        p.chart.legend().setVisible(False)
        _fill(p.table, [(word(code), f"{n:,}") for code, n in ranking])

    def _axes(self, p: _Panel, series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries,
              categories: list[str], *, horizontal: bool, title: str = "") -> None:
        p.chart.addSeries(series)
        cat = QBarCategoryAxis()
        cat.append(categories)
        if title:
            cat.setTitleText(title)
        font = cat.labelsFont()
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 6.0))
        cat.setLabelsFont(font)
        val = QValueAxis()
        val.setLabelFormat("%.0f")
        top = max((s.at(i) for s in series.barSets() for i in range(s.count())), default=0.0)
        if isinstance(series, QStackedBarSeries):
            top = max((sum(s.at(i) for s in series.barSets()) for i in range(len(categories))), default=0.0)
        val.setRange(0, max(top * 1.1, 1.0))
        val.applyNiceNumbers()
        if horizontal:
            p.chart.addAxis(cat, Qt.AlignmentFlag.AlignLeft)
            p.chart.addAxis(val, Qt.AlignmentFlag.AlignBottom)
        else:
            p.chart.addAxis(cat, Qt.AlignmentFlag.AlignBottom)
            p.chart.addAxis(val, Qt.AlignmentFlag.AlignLeft)
            if len(categories) > 16:
                cat.setLabelsAngle(-90)
        series.attachAxis(cat)
        series.attachAxis(val)

    @Slot(object)
    def open_export(self, filters: ExportFilters) -> None:
        """Open (or reuse) the export dialog on the calls behind a bar."""
        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.ctx, self.principal, self, filters=filters)
        elif not self.export_dialog.running:
            self.export_dialog.set_filters(filters)
        self.export_dialog.show()
        self.export_dialog.raise_()

    def shutdown(self) -> None:
        self.pool.waitForDone()
        if self.export_dialog is not None:
            self.export_dialog.shutdown()

    def _choose(self, bar: Bar) -> None:
        if self.board is not None:
            self.filterChosen.emit(filter_for(self.board, bar))
