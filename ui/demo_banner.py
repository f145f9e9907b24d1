"""DEMO, unmistakably: a banner across the top of the window and a watermark painted over it.

A trainee must never mistake the training console for the real one, and a screenshot of it
must never pass for a real customer's record. So besides the window title, trainer mode
shows a banner, and a transparent overlay paints a large diagonal "DEMO" over the whole
window; the overlay is a child widget, so ``QWidget.grab()`` (screenshots, exports of the
window) carries it. It ignores the mouse, so everything underneath stays usable.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

WATERMARK_TEXT = "DEMO"


class DemoBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")

        self.setStyleSheet("QFrame#demoBanner { background: #b42318; border-radius: 4px; }"
                           "QLabel { color: #ffffff; font-weight: 700; }")
        self.label = QLabel(self)
        self.label.setObjectName("demoBannerText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 10, 3)
        layout.addWidget(self.label, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Training mode"))
        self.label.setText(self.tr("DEMO · training mode: made-up customers, nothing reaches real systems"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class Watermark(QWidget):
    """A mouse-transparent overlay that follows its parent's size and paints "DEMO" diagonally."""

    def __init__(self, parent: QWidget, text: str = WATERMARK_TEXT) -> None:
        super().__init__(parent)
        self.setObjectName("demoWatermark")
        self.setProperty("overlay", True)  # kept on top when the window re-arranges its docks
        self.text = text
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()  # a child created after its window is shown stays hidden unless told

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded, QEvent.Type.Show):
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(48, min(w, h) // 4))
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 120)
        p.setFont(font)
        p.setPen(QColor(180, 35, 24, 38))
        p.translate(w / 2, h / 2)
        p.rotate(-24)
        rect = p.fontMetrics().boundingRect(self.text)
        p.drawText(-rect.width() // 2, rect.height() // 4, self.text)
        p.end()
