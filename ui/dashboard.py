"""The lead's floor dashboard: calls and credits per day, top root causes and findings, sync health.

The numbers come from ``console.dashboard.floor_dashboard`` and the per-hook delivery counts
from ``console.sync.state.status`` (the same as ``agent-console sync status``), both on a
worker thread (the role is checked there). Everything is in words and whole: outcomes, root
causes and findings by their labels, full amounts, day labels that are never cut
(``ui.chart_parts``), dates in the language's one format. A hook that is failing or has
dead events says so in words and with a ⚠ marker, not by colour alone. Clicking a bar or a
ranked row emits ``filterChosen(ExportFilters)`` with exactly the calls behind it and
(unless ``opens_export=False``) opens the export dialog on those calls. The dashboard stays
open for a whole shift, so it follows a live language switch.

Wiring: ``DashboardWidget(ctx, principal, parent)``; call ``refresh()`` to load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
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
from console.sync.state import HookStatus
from ui.chart_parts import DayAxis, RankList, integer_axis
from ui.export_dialog import ExportDialog
from ui.labels import word
from ui.live_language import LiveLanguage, count, set_date_format
from ui.wrapup import finding_word

PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#5d4037")


@dataclass(frozen=True)
class Loaded:
    board: Dashboard
    hooks: tuple[HookStatus, ...]
    sync_error: str | None  # the hooks could not be read (a wrong config): said, not fatal


class _Signals(QObject):
    loaded = Signal(object)  # Loaded
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
            return
        except Exception as exc:  # noqa: BLE001 - the panel says what went wrong
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        hooks: tuple[HookStatus, ...] = ()
        error = None
        if not self.ctx.settings.demo:
            from console.sync.state import status

            try:
                hooks = tuple(status(self.ctx))
            except Exception as exc:  # noqa: BLE001 - a config problem: the sync box says it
                error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        self.signals.loaded.emit(Loaded(board, hooks, error))


def _table(columns: int) -> QTableWidget:
    """Numbers beside a chart: every column as wide as its content (no cut amounts)."""
    t = QTableWidget(0, columns)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    t.setTabKeyNavigation(False)
    t.setWordWrap(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    t.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return t


def _fill(t: QTableWidget, rows: list[tuple[str, ...]], numbers: range | None = None) -> None:
    """Rows of text; the ``numbers`` columns (all but the first by default) right-aligned."""
    t.setRowCount(len(rows))
    numeric = numbers if numbers is not None else range(1, t.columnCount())
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            item = QTableWidgetItem(v)
            item.setToolTip(v)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    scroll = t.verticalScrollBar().sizeHint().width()  # room for it, should the rows not all fit
    t.setMinimumWidth(sum(t.columnWidth(c) for c in range(t.columnCount())) + 2 * t.frameWidth() + scroll)


class _DayPanel(QGroupBox):
    """A per-day bar chart with readable day labels, its numbers beside it."""

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.chart = QChart()
        self.chart.legend().setVisible(False)  # the table beside it is the legend, with the colours
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 0))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(240, 170)
        self.days = DayAxis(self.view)
        self.table = _table(columns)
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.view, 1)
        left.addWidget(self.days)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addWidget(self.table)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)


class DashboardWidget(LiveLanguage, QWidget):
    """The floor dashboard for a period; ``filterChosen`` carries the export filter of a clicked bar."""

    filterChosen = Signal(object)  # console.export.ExportFilters
    loaded = Signal(object)  # console.dashboard.Dashboard (after the charts are drawn)
    failed = Signal(str)

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None,
                 days: int = 14, opens_export: bool = True, language: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.language = language or (getattr(parent, "language", None) or "en")
        self.board: Dashboard | None = None
        self.data: Loaded | None = None
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
        self.date_from.setObjectName("dashboardFrom")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to.setObjectName("dashboardTo")
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.from_label)
        bar.addWidget(self.date_from)
        bar.addWidget(self.to_label)
        bar.addWidget(self.date_to)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)

        self.calls = _DayPanel(2)
        self.credits = _DayPanel(3)
        self.causes_box, self.findings_box, self.sync_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.causes = RankList(("", ""), PALETTE[1])
        self.causes.chosen.connect(lambda code: self._choose(Bar("root_cause", code)))
        self.findings = RankList(("", ""), PALETTE[2])
        self.findings.chosen.connect(lambda code: self._choose(Bar("finding", code)))
        self.sync = _table(7)
        self.sync.setObjectName("syncHealth")
        self.sync_note = QLabel()
        self.sync_note.setObjectName("syncNote")
        self.sync_note.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_note.setWordWrap(True)
        for box, inner in ((self.causes_box, self.causes), (self.findings_box, self.findings)):
            QVBoxLayout(box).addWidget(inner)
        sync_layout = QVBoxLayout(self.sync_box)
        sync_layout.addWidget(self.sync)
        sync_layout.addWidget(self.sync_note)
        grid = QGridLayout()  # fits the 1100x720 the Lead menu opens it at on a 1366x768 screen
        grid.addWidget(self.calls, 0, 0)
        grid.addWidget(self.credits, 0, 1)
        grid.addWidget(self.causes_box, 1, 0)
        grid.addWidget(self.findings_box, 1, 1)
        grid.addWidget(self.sync_box, 2, 0, 1, 2)
        grid.setRowStretch(0, 4)
        grid.setRowStretch(1, 3)
        self.hint = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch)."""
        self.setWindowTitle(self.tr("Floor dashboard"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&to"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        set_date_format((self.date_from, self.date_to), self.language)
        self.refresh_button.setText(self.tr("&Refresh"))
        self.calls.setTitle(self.tr("Calls per day by outcome"))
        self.calls.table.setHorizontalHeaderLabels([self.tr("Outcome"), self.tr("Calls")])
        self.credits.setTitle(self.tr("Credits issued per day"))
        self.credits.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Credits"), self.tr("Amount")])
        self.causes_box.setTitle(self.tr("Top root causes"))
        self.causes.setHorizontalHeaderLabels([self.tr("Root cause"), self.tr("Calls")])
        self.findings_box.setTitle(self.tr("Top findings"))
        self.findings.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Calls")])
        self.sync_box.setTitle(self.tr("Sync health"))
        self.sync.setHorizontalHeaderLabels([self.tr("Hook"), self.tr("Delivered"), self.tr("Pending"), self.tr("Failing"),
                                             self.tr("Dead"), self.tr("State"), self.tr("Last delivered")])
        self.hint.setText(self.tr("Click a bar or a row to export the calls behind it."))
        names = ((self.calls.view, self.tr("Chart: calls per day by outcome")),
                 (self.credits.view, self.tr("Chart: credits issued per day")),
                 (self.calls.table, self.tr("Calls per outcome")), (self.credits.table, self.tr("Credits per day")),
                 (self.causes, self.tr("Top root causes")), (self.findings, self.tr("Top findings")),
                 (self.sync, self.tr("Sync health per hook")))
        for widget, name in names:
            widget.setAccessibleName(name)
        for view in (self.calls.view, self.credits.view):
            view.viewport().setAccessibleName(view.accessibleName())
            view.setAccessibleDescription(self.tr("The numbers are in the table beside the chart."))
            view.viewport().setAccessibleDescription(view.accessibleDescription())
        for ranked in (self.causes, self.findings):
            ranked.setAccessibleDescription(self.tr("Enter or a click on a row exports the calls behind it."))
        self.refresh_button.setAccessibleDescription(self.tr("Loads the dashboard for the days chosen."))
        if self.data is not None:
            self._show(self.data)

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
    def _show(self, data: Loaded) -> None:
        self.data, board = data, data.board
        self.board = board
        self.refresh_button.setEnabled(True)
        lang = self.language
        self.summary.setText(" · ".join((
            count(self.tr("%1 call(s)", "", board.total_calls), board.total_calls),
            count(self.tr("%1 credit(s) issued", "", board.credits_issued), board.credits_issued) + ", "
            + formatting.money(board.credits_amount, "TWD", lang),
            count(self.tr("%1 waiting for approval", "", board.credits_pending), board.credits_pending),
        )))
        self._draw_calls(board)
        self._draw_credits(board)
        self.causes.set_rows([(c, word(c), n) for c, n in board.root_causes])
        self.findings.set_rows([(c, finding_word(c), n) for c, n in board.findings])
        self._show_sync(data)
        self.loaded.emit(board)

    # -- charts -------------------------------------------------------------------------------

    def _day_labels(self, board: Dashboard) -> list[str]:
        if len({(d.year, d.month) for d in board.days}) == 1:
            return [str(d.day) for d in board.days]  # the caption names the month
        return [formatting.short_day(d, self.language) for d in board.days]

    def _day_caption(self, board: Dashboard) -> str:
        months = sorted({(d.year, d.month) for d in board.days})
        names = [formatting.period(f"{y}-{m:02d}", self.language) for y, m in (months[0], months[-1])]
        return names[0] if len(months) == 1 else f"{names[0]} – {names[1]}"

    def _axes(self, p: _DayPanel, series: QBarSeries | QStackedBarSeries, top: float, board: Dashboard) -> None:
        p.chart.addSeries(series)
        cat = QBarCategoryAxis()
        cat.append([d.isoformat() for d in board.days])
        cat.setLabelsVisible(False)  # drawn whole by the DayAxis under the chart
        val = integer_axis(top)
        p.chart.addAxis(cat, Qt.AlignmentFlag.AlignBottom)
        p.chart.addAxis(val, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cat)
        series.attachAxis(val)
        p.days.set_days(self._day_labels(board), self._day_caption(board))

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
        top = max((sum(board.calls_by_day[d].values()) for d in board.days), default=0)
        self._axes(p, series, top, board)
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
        top = max((float(a) for _, a in board.credits_by_day.values()), default=0.0)
        self._axes(p, series, top, board)
        lang = self.language
        rows = [(formatting.day(d, lang), f"{n:,}", formatting.money(a, "TWD", lang)) for d in board.days
                for n, a in [board.credits_by_day[d]] if n]
        _fill(p.table, rows + [(self.tr("All"), f"{board.credits_issued:,}", formatting.money(board.credits_amount, "TWD", lang))])

    # -- sync health --------------------------------------------------------------------------

    def hook_state(self, h: HookStatus) -> str:
        """In words, with a marker: the state is never told by colour alone."""
        if h.dead:
            return "⚠ " + count(self.tr("%1 refused for good: a lead must look", "", h.dead), h.dead)
        if h.failing:
            return "⚠ " + self.tr("failing, retrying")
        if h.pending:
            return "… " + self.tr("sending")
        return "✓ " + self.tr("up to date")

    def _fit_sync(self) -> None:
        """As tall as its rows (a floor has a handful of hooks), so the charts keep the room."""
        t = self.sync
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(t.horizontalHeader().height() + rows + 2 * t.frameWidth() + 2)

    def _show_sync(self, data: Loaded) -> None:
        lang = self.language
        rows = [(f"{h.name} ({h.kind})", f"{h.delivered:,}", f"{h.pending:,}", f"{h.failing:,}", f"{h.dead:,}",
                 self.hook_state(h), formatting.moment(h.last_success, lang) or self.tr("never"))
                for h in data.hooks]
        _fill(self.sync, rows, numbers=range(1, 5))
        for r, h in enumerate(data.hooks):
            if h.failing or h.dead:
                self.sync.item(r, 5).setForeground(QColor("#b42318"))
                self.sync.item(r, 5).setToolTip(h.last_error or "")
        if self.ctx.settings.demo:
            note = self.tr("Demo: delivery is off; nothing reaches real systems.")
        elif data.sync_error:
            note = self.tr("The sync hooks cannot be read: %1").replace("%1", data.sync_error)
        elif not data.hooks:
            note = self.tr("No hooks configured: calls stay on this workstation.")
        else:
            note = self.tr("Per hook, what reached the central systems (as agent-console sync status).")
        self.sync.setVisible(bool(data.hooks))
        self._fit_sync()
        self.sync_note.setText(note)

    # -- export -------------------------------------------------------------------------------

    @Slot(object)
    def open_export(self, filters: ExportFilters) -> None:
        """Open (or reuse) the export dialog on the calls behind a bar."""
        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.ctx, self.principal, self, filters=filters, language=self.language)
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
