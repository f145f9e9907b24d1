"""The timeline strip: one time axis on which the contract, the notices and the bills line up.

This is what makes the reference case obvious in one glance: the trial end, the SMS a
fortnight before it saying "it stops by itself", and the two mPro bills after it, on one
line. Marks come from the ``CallerView`` (``marks_for``, pure Python); the widget paints
them in lanes, shows the item on hover, and on click (or Enter) emits ``activated`` with
the mark so the window can select it in its pane. Evidence refs highlight marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from console import formatting as fmt
from console.caller_view import CallerView
from console.flags import PendingCredit
from ui.labels import word
from ui.plain import tip
from ui.theme import CARD_RADIUS, FOCUS_COLOUR, FOCUS_WIDTH, paint_card

LANES = ("contract", "notifications", "bill", "events")
COLOURS = {
    "contract": "#2f6f9f", "trial_end": "#b5471b", "term_end": "#7a5195",
    "notification": "#2e8b57", "bill": "#555f6b", "credit": "#1f8a70",
    "cancel": "#c0392b", "suspended": "#8e6c00", "event": "#6b7a8f",
}



@dataclass(frozen=True)
class Mark:
    lane: int
    on: date
    kind: str
    ref: str  # the item to select when clicked
    refs: frozenset[str]  # every evidence ref this mark stands for
    label: str
    pane: str


def marks_for(view: CallerView, language: str, credits: Sequence[PendingCredit] = ()) -> list[Mark]:
    """Every dated thing in the caller's world as a mark on the strip."""
    marks: list[Mark] = []
    for k in view.contracts:
        refs = frozenset({f"contract:{k.id}"} | {f"clause:{c.id}" for c in k.clauses})
        marks.append(Mark(0, k.signed_on, "contract", f"contract:{k.id}", refs,
                          QCoreApplication.translate("Timeline", "Contract %1 signed (%2)").replace("%1", k.id).replace("%2", k.plan or ""), "contract"))
    for s in view.services:
        name = s.name(language)
        about = {f"clause:{c.id}" for c in view.clauses if c.service_code == s.code}
        if s.trial_until:
            marks.append(Mark(0, s.trial_until, "trial_end", f"service:{s.code}:trial",
                              frozenset({f"service:{s.code}:trial", f"service:{s.code}"} | about),
                              QCoreApplication.translate("Timeline", "%1: free trial ends").replace("%1", name), "contract"))
        if s.term_until:
            marks.append(Mark(0, s.term_until, "term_end", f"service:{s.code}:term",
                              frozenset({f"service:{s.code}:term", f"service:{s.code}"}),
                              QCoreApplication.translate("Timeline", "%1: term ends").replace("%1", name), "contract"))
    for n in view.notifications:
        marks.append(Mark(1, fmt.local_date(n.sent_at), "notification", f"notification:{n.id}",
                          frozenset({f"notification:{n.id}"}),
                          f"{word(n.channel)} · {word(n.says)}\n{n.text}", "notifications"))
    for b in view.bills:
        on = b.issued_on or _after_period(b.period)
        refs = {f"bill:{b.id}"} | {f"bill_line:{ln.id}" for ln in b.lines}
        refs |= {f"usage:{ln.service_code}:{b.period}" for ln in b.lines if ln.service_code}
        lines = "\n".join(f"{ln.text}  {fmt.money(ln.amount, b.currency, language)}" for ln in b.lines[:6])
        marks.append(Mark(2, on, "bill", f"bill:{b.id}", frozenset(refs),
                          QCoreApplication.translate("Timeline", "Bill %1: %2").replace("%1", b.period).replace("%2", fmt.money(b.total, b.currency, language))
                          + ("\n" + lines if lines else ""), "bill"))
    for c in credits:
        marks.append(Mark(2, fmt.local_date(c.created_at), "credit", f"credit:{c.action_id}",
                          frozenset({f"credit:{c.action_id}"}),
                          QCoreApplication.translate("Timeline", "Pending credit %1").replace("%1", fmt.money(c.amount, c.currency, language)), "bill"))
    for e in view.events:
        kind = {"cancel_requested": "cancel", "cancel_rejected": "cancel", "cancelled": "cancel",
                "suspended": "suspended", "credit_issued": "credit"}.get(e.kind, "event")
        text = f"{word(e.kind)} ({word(e.channel)})" + (f"\n{e.text}" if e.text else "")
        marks.append(Mark(3, fmt.local_date(e.at), kind, f"event:{e.id}", frozenset({f"event:{e.id}"}), text, "events"))
    return marks


def _after_period(period: str) -> date:
    year, month = (int(x) for x in period.split("-"))
    return date(year + (month == 12), month % 12 + 1, 1)


class TimelineStrip(QWidget):
    """Paints marks on one axis; ``activated(Mark)`` on click or Enter."""

    activated = Signal(object)
    LANE_H = 22
    LABEL_W = 118
    AXIS_H = 22
    PAD = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self._retranslate()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("ownFocusRing", True)  # paintEvent draws it inside the card
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._marks: list[Mark] = []
        self._highlight: frozenset[str] = frozenset()
        self._selected: int | None = None
        self._today: date | None = None
        self._pos: list[QPointF] | None = None
        self._start = self._end = date.today()
        self.compact = False

    def _retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("Timeline", "Timeline"))
        self.setAccessibleDescription(QCoreApplication.translate("Timeline", "Contract, notifications, bills and events on one time axis. Left and Right move between marks, Enter shows the item."))

    # -- data ----------------------------------------------------------------------------
    def set_marks(self, marks: Iterable[Mark], today: date | None = None) -> None:
        self._marks = sorted(marks, key=lambda m: (m.on, m.lane))
        self._pos = None
        self._today = today
        self._highlight = frozenset()
        self._selected = None
        days = [m.on for m in self._marks]
        if today and (not days or (today - max(days)).days <= max((max(days) - min(days)).days // 3, 90)):
            days.append(today)  # "now" on the axis only when it does not squash the story
        if days:
            start, end = min(days), max(days)
            span = max((end - start).days, 30)
            self._start = start - timedelta(days=span * 0.03 + 3)
            self._end = end + timedelta(days=span * 0.03 + 3)
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def highlighted(self) -> list[Mark]:
        return [m for m in self._marks if m.refs & self._highlight]

    def selected(self) -> Mark | None:
        return self._marks[self._selected] if self._selected is not None else None

    def set_highlight(self, refs: Iterable[str]) -> None:
        self._highlight = frozenset(refs)
        self.update()

    def select_ref(self, ref: str) -> None:
        for i, m in enumerate(self._marks):
            if ref == m.ref or ref in m.refs:
                self._selected = i
                break
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.update()  # the lane names are painted in the UI language
        if e.type() == QEvent.Type.FontChange:
            self._size_lanes()
        super().changeEvent(e)

    def set_compact(self, compact: bool) -> None:
        """Lower lanes on a short screen (768 px): the panes need the height more."""
        if compact != self.compact:
            self.compact = compact
            self._size_lanes()

    def _size_lanes(self) -> None:
        # Larger system fonts get taller lanes, so labels and marks never clip.
        lane = self.fontMetrics().height() + (2 if self.compact else 8)
        self.LANE_H = max(17 if self.compact else 22, lane)
        self.AXIS_H = max(18 if self.compact else 22, self.fontMetrics().height() + (2 if self.compact else 6))
        self._pos = None
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, self.PAD + self.LANE_H * len(LANES) + self.AXIS_H + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def _x(self, on: date) -> float:
        left, width = self.LABEL_W, max(self.width() - self.LABEL_W - self.PAD, 1)
        span = max((self._end - self._start).days, 1)
        return left + width * (on - self._start).days / span

    def _y(self, lane: int) -> float:
        return self.PAD / 2 + self.LANE_H * lane + self.LANE_H / 2

    def mark_pos(self, i: int) -> QPointF:
        return self._positions()[i]

    def _positions(self) -> list[QPointF]:
        """Where each mark sits; marks of one lane closer than a mark's width alternate up and
        down so both show. Computed once per data or size change (thousands of marks)."""
        if self._pos is None:
            pos: list[QPointF] = []
            last_x: dict[int, float] = {}
            run: dict[int, int] = {}
            for m in self._marks:
                x = self._x(m.on)
                close = m.lane in last_x and x - last_x[m.lane] < 9
                run[m.lane] = run.get(m.lane, 0) + 1 if close else 0
                if not close:
                    last_x[m.lane] = x
                r = run[m.lane]
                dy = 0.0 if r % 2 == 0 else (-5.0 if r % 4 == 1 else 5.0)
                pos.append(QPointF(x, self._y(m.lane) + dy))
            self._pos = pos
        return self._pos

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._pos = None
        super().resizeEvent(e)

    def _mark_at(self, pos: QPointF) -> int | None:
        best, best_d = None, 9.0
        for i, p in enumerate(self._positions()):
            d = abs(p.x() - pos.x()) + abs(p.y() - pos.y()) * 0.5
            if d < best_d:
                best, best_d = i, d
        return best

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        lane_names = (QCoreApplication.translate("Timeline", "Contract"), QCoreApplication.translate("Timeline", "Notifications"), QCoreApplication.translate("Timeline", "Bills"), QCoreApplication.translate("Timeline", "Events"))
        right = self.width() - self.PAD
        for lane, name in enumerate(lane_names):
            y = self._y(lane)
            if lane % 2 == 0:
                p.fillRect(QRectF(1, y - self.LANE_H / 2, self.width() - 2, self.LANE_H), QColor(0, 0, 0, 10))
            p.setPen(pal.color(pal.ColorRole.PlaceholderText))
            p.drawText(QRectF(8, y - self.LANE_H / 2, self.LABEL_W - 12, self.LANE_H),
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), fm.elidedText(name, Qt.TextElideMode.ElideRight, self.LABEL_W - 12))
        axis_y = self.PAD / 2 + self.LANE_H * len(LANES) + 2
        p.setPen(QPen(QColor("#9aa5b1"), 1))
        p.drawLine(QPointF(self.LABEL_W, axis_y), QPointF(right, axis_y))
        reserved = 0
        if self._today and self._today > self._end:
            reserved = fm.horizontalAdvance(QCoreApplication.translate("Timeline", "today %1 →").replace("%1", fmt.day(self._today, _language(self)))) + 16
        self._paint_ticks(p, fm, axis_y, right - reserved)
        if self._today and self._start <= self._today <= self._end:
            x = self._x(self._today)
            p.setPen(QPen(QColor("#c0392b"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, 2), QPointF(x, axis_y))
        elif self._today and self._today > self._end:
            p.setPen(QColor("#c0392b"))
            text = QCoreApplication.translate("Timeline", "today %1 →").replace("%1", fmt.day(self._today, _language(self)))
            p.drawText(QRectF(self.LABEL_W, axis_y + 4, right - self.LABEL_W, self.AXIS_H - 4),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), text)
        for i, m in enumerate(self._marks):
            self._paint_mark(p, i, m)
        if self.hasFocus():
            # A frame, never a fill: the marks' brush is still set on the painter.
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(FOCUS_COLOUR, FOCUS_WIDTH))
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), CARD_RADIUS, CARD_RADIUS)
        p.end()

    def _paint_ticks(self, p: QPainter, fm: QFontMetrics, axis_y: float, limit: float) -> None:
        if not self._marks and self._today is None:
            return  # nobody on screen: no axis of somebody else's years
        months = (self._end.year - self._start.year) * 12 + self._end.month - self._start.month + 1
        width = max(self.width() - self.LABEL_W - self.PAD, 1)
        label_w = fm.horizontalAdvance("2009/12") + 12
        step = 1
        for candidate in (1, 2, 3, 6, 12, 24, 60, 120):
            step = candidate
            if months / candidate * label_w <= width:
                break
        y, m = self._start.year, self._start.month
        p.setPen(QColor("#6b7785"))
        while date(y, m, 1) <= self._end:
            d = date(y, m, 1)
            x = self._x(d)
            if d >= self._start and ((y * 12 + m - 1) % step == 0) and x + label_w / 2 <= limit:
                p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
                text = str(y) if step >= 12 else fmt.month(d, _language(self))
                p.drawText(QRectF(x - label_w / 2, axis_y + 4, label_w, self.AXIS_H - 4),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
            m += 1
            if m == 13:
                y, m = y + 1, 1

    def _paint_mark(self, p: QPainter, i: int, m: Mark) -> None:
        c = self.mark_pos(i)
        hot = bool(m.refs & self._highlight)
        r = 7.0 if hot else 5.0
        colour = QColor(COLOURS.get(m.kind, "#6b7a8f"))
        if hot:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 193, 7, 110))
            p.drawEllipse(c, r + 5, r + 5)
        p.setPen(QPen(QColor("#ffffff"), 1.2))
        p.setBrush(colour)
        if m.kind in ("trial_end", "term_end", "cancel"):
            p.drawPolygon(QPolygonF([c + QPointF(0, -r - 1), c + QPointF(r + 1, 0), c + QPointF(0, r + 1), c + QPointF(-r - 1, 0)]))
        elif m.kind in ("bill", "credit"):
            p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
        else:
            p.drawEllipse(c, r, r)
        if i == self._selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.palette().color(self.palette().ColorRole.Text), 1.5))
            p.drawEllipse(c, r + 3.5, r + 3.5)

    # -- interaction ---------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            i = self._mark_at(QPointF(e.pos()))
            if i is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), self.tooltip_for(self._marks[i]), self)
            return True
        return super().event(e)

    def tooltip_for(self, m: Mark) -> str:
        return tip(f"{fmt.day(m.on, _language(self))}\n{m.label}") or ""

    def mousePressEvent(self, e: QMouseEvent) -> None:
        i = self._mark_at(e.position())
        if i is not None and e.button() == Qt.MouseButton.LeftButton:
            self._activate(i)
        else:
            super().mousePressEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if not self._marks:
            return super().keyPressEvent(e)
        key = e.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            i = 0 if self._selected is None else (self._selected + step) % len(self._marks)
            self._selected = i
            self.update()
            m = self._marks[i]
            QToolTip.showText(self.mapToGlobal(self.mark_pos(i).toPoint()), self.tooltip_for(m), self)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._selected is not None:
            self._activate(self._selected)
        else:
            super().keyPressEvent(e)

    def _activate(self, i: int) -> None:
        self._selected = i
        self.update()
        self.activated.emit(self._marks[i])


def _language(widget: Any) -> str:
    return str(widget.property("language") or "en")


__all__ = ["Mark", "TimelineStrip", "marks_for"]
