"""Chart pieces a lead can read at 1366x768: day labels that are never cut, whole-number
ticks, and ranked lists with their bars.

Qt Charts cuts a bar category label to "…" as soon as it is wider than its bar slot (two
weeks of "11/19" in a 350 px chart), repeats ticks ("0 1 1 2") when a count axis runs from
0 to 1.1, and elides long category names on a horizontal bar chart. So:

- ``DayAxis`` draws the day labels under a per-day chart itself, every day when they fit
  and every 2nd, 3rd, 7th... day when they do not, always whole, with the month(s) below;
- ``integer_axis`` gives a count or money axis whole-number ticks with a round step;
- ``RankList`` is a ranked list (root causes, findings) as a table: the label in full
  (wrapped when long), the count, and a bar drawn behind the count; a click on a row (or
  Enter) names its code.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import QChartView, QValueAxis
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

STEPS = (1, 2, 3, 5, 7, 10, 14, 15, 30, 60, 91, 183)  # label every n-th day
CODE_ROLE = Qt.ItemDataRole.UserRole
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # 0..1: the bar's length


def nice_step(top: float, ticks: int = 5) -> int:
    """A round whole step (1, 2, 5 × 10^k) giving about ``ticks`` intervals up to ``top``."""
    raw = max(top, 1.0) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return max(1, int(m * power))
    return max(1, int(10 * power))


def integer_axis(top: float) -> QValueAxis:
    """A value axis from 0 with whole-number ticks at a round step, covering ``top``."""
    step = nice_step(top)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, step * max(1, math.ceil(top / step)))
    return axis


class DayAxis(QWidget):
    """The day labels under ``view``'s plot area, never cut; ``caption`` (the month) below them."""

    def __init__(self, view: QChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.labels: list[str] = []
        self.caption = ""
        fm = QFontMetrics(self.font())
        self.setMinimumHeight(fm.height() * 2 + 6)
        view.chart().plotAreaChanged.connect(lambda _r: self.update())

    def set_days(self, labels: Sequence[str], caption: str) -> None:
        self.labels, self.caption = list(labels), caption
        self.setAccessibleName(caption)
        self.update()

    def plot_span(self) -> tuple[float, float]:
        """Left and right of the chart's plot area, in this widget's coordinates."""
        chart = self.view.chart()
        area: QRectF = chart.plotArea()
        left = self.view.mapFromScene(chart.mapToScene(area.topLeft()))
        right = self.view.mapFromScene(chart.mapToScene(area.topRight()))
        x0 = self.mapFromGlobal(self.view.viewport().mapToGlobal(left)).x()
        x1 = self.mapFromGlobal(self.view.viewport().mapToGlobal(right)).x()
        return float(x0), float(x1)

    def placed(self) -> list[tuple[str, QRect]]:
        """The labels drawn and where: every n-th day so that none overlaps or is cut."""
        n = len(self.labels)
        if not n:
            return []
        x0, x1 = self.plot_span()
        slot = max((x1 - x0) / n, 0.1)
        fm = QFontMetrics(self.font())
        widest = max(fm.horizontalAdvance(t) for t in self.labels) + fm.horizontalAdvance("  ")
        step = next((s for s in STEPS if s * slot >= widest), STEPS[-1])
        out = []
        for i in range(0, n, step):
            w = fm.horizontalAdvance(self.labels[i])
            cx = x0 + slot * (i + 0.5)
            left = int(round(min(max(cx - w / 2, 0), self.width() - w)))
            out.append((self.labels[i], QRect(left, 2, w, fm.height())))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        for text, rect in self.placed():
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        if self.caption:
            fm = QFontMetrics(self.font())
            x0, x1 = self.plot_span()
            font = p.font()
            font.setBold(True)
            p.setFont(font)
            p.drawText(QRect(int(x0), fm.height() + 4, max(int(x1 - x0), 1), fm.height() + 2),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self.caption)
        p.end()


class _BarDelegate(QStyledItemDelegate):
    """The count column: a bar as long as the row's share, the number over it."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        share = index.data(SHARE_ROLE) or 0.0
        rect = option.rect.adjusted(2, 4, -2, -4)  # type: ignore[attr-defined]
        bar = QRect(rect.topLeft(), QPoint(rect.left() + int(rect.width() * 0.75 * float(share)), rect.bottom()))
        painter.save()
        fill = QColor(self.colour)
        fill.setAlpha(90)
        painter.fillRect(bar, fill)
        painter.restore()
        super().paint(painter, option, index)


class RankList(QTableWidget):
    """Ranked labels with their counts and bars; ``chosen(code)`` when a row is activated."""

    chosen = Signal(str)

    def __init__(self, headers: Sequence[str], colour: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 130)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegateForColumn(1, _BarDelegate(QColor(colour), self))
        self.cellClicked.connect(lambda row, _col: self._choose(row))  # a click, like a bar

    def set_rows(self, rows: Sequence[tuple[str, str, int]]) -> None:
        """``(code, label, count)``, most frequent first."""
        top = max((n for _, _, n in rows), default=0) or 1
        self.setRowCount(len(rows))
        for r, (code, label, n) in enumerate(rows):
            name = QTableWidgetItem(label)
            name.setData(CODE_ROLE, code)
            name.setToolTip(label)
            count = QTableWidgetItem(f"{n:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setData(SHARE_ROLE, n / top)
            self.setItem(r, 0, name)
            self.setItem(r, 1, count)

    def rows(self) -> list[tuple[str, str, str]]:
        return [(self.item(r, 0).data(CODE_ROLE), self.item(r, 0).text(), self.item(r, 1).text())
                for r in range(self.rowCount())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._choose(self.currentRow())  # Enter, like a click
            return
        super().keyPressEvent(event)

    def _choose(self, row: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            self.chosen.emit(item.data(CODE_ROLE))
