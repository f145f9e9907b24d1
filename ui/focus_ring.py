"""A visible 2 px focus ring around whatever has the keyboard focus, in every window.

Fusion marks focus with a 1 px change of a pale border, which a keyboard user cannot find
(the review's "I could not see where focus was at all"). A style sheet would draw a ring,
but an application-wide style sheet makes Qt paint every table cell through its slower
style-sheet style (``ui.theme``). So one overlay per top-level window follows the focus
instead: a mouse-transparent widget that paints a 2 px rounded frame just outside the
focused control, moved on focus changes and on the moves and resizes that shift it. The
colour (#1d5c8f) has 7:1 contrast on white and 6:1 on the window grey (WCAG 1.4.11 asks 3:1).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from ui.theme import FOCUS_COLOUR, FOCUS_WIDTH

GAP = 3  # the ring sits this far outside the control, so it never covers its text


class FocusRing(QWidget):
    """The ring itself: a child of the focused control's window, above its siblings."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setProperty("overlay", True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(FOCUS_COLOUR, FOCUS_WIDTH))
        p.setBrush(Qt.BrushStyle.NoBrush)
        half = FOCUS_WIDTH / 2
        p.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)
        p.end()


class FocusTracker(QObject):
    """Follows ``QApplication.focusChanged`` and keeps one ring on the focused control."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusTracker")
        self.rings: dict[int, FocusRing] = {}
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        app.focusChanged.connect(self._focus_changed)

    def ring_for(self, window: QWidget) -> FocusRing:
        ring = self.rings.get(id(window))
        if ring is None or not isValid(ring) or ring.parentWidget() is not window:
            ring = FocusRing(window)
            self.rings[id(window)] = ring
            key = id(window)
            ring.destroyed.connect(lambda *_a: self.rings.pop(key, None))
        return ring

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            if isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []
        self._hide_all()
        self.target = new
        if new is None or new.window() is new or new.property("ownFocusRing"):
            return
        chain: list[QWidget] = []
        widget: QWidget | None = new
        while widget is not None and not widget.isWindow():
            chain.append(widget)
            widget = widget.parentWidget()
        for w in chain:
            w.installEventFilter(self)
        self._watched = chain
        self.place()

    def _hide_all(self) -> None:
        for key, ring in list(self.rings.items()):
            if isValid(ring):
                ring.hide()
            else:
                del self.rings[key]

    def place(self) -> None:
        target = self.target
        if target is None or not isValid(target) or not target.isVisible():
            self._hide_all()
            return
        window = target.window()
        ring = self.ring_for(window)
        top_left = target.mapTo(window, target.rect().topLeft())
        area = QRect(top_left, target.size()).adjusted(-GAP, -GAP, GAP, GAP)
        ring.setGeometry(area.intersected(window.rect()))
        ring.raise_()
        ring.show()
        ring.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.place()
        return False


def install_focus_ring(app: QApplication) -> FocusTracker:
    """One tracker per application (idempotent)."""
    tracker = app.findChild(FocusTracker, "focusTracker")
    return tracker if tracker is not None else FocusTracker(app)
