"""The console's look: Fusion with a calm palette, plus a small style sheet for the chrome.

Why not one application-wide style sheet: once an application has a style sheet, Qt
paints every widget (every table cell and header section included) through its slower
style-sheet style, which tripled the cost of painting a screen pop. So item views and
panes take their colours from the palette, panes and the timeline paint their own card
background (``paint_card``), and ``resources/style.qss`` is applied only to the chrome
widgets that need it (caller bar, error banner, detail lines), which hold no item views.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from console.resources import resource_path

BORDER = QColor("#d9dee3")
CARD_RADIUS = 6.0
# The keyboard focus ring, the same blue and width as ``resources/style.qss`` draws for the
# chrome: 2 px, at least 3:1 against the white cards and the window background (WCAG 1.4.11).
FOCUS_COLOUR = QColor("#1d5c8f")
FOCUS_WIDTH = 2.0


@cache
def chrome_style() -> str:
    """The style sheet for the chrome widgets (``resources/style.qss``); empty if missing."""
    try:
        return resource_path("style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def apply_theme(app: QApplication, language: str) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    pal = app.palette()
    colours = {
        QPalette.ColorRole.Window: "#f4f6f8", QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f8fafb", QPalette.ColorRole.Highlight: "#cfe3f5",
        QPalette.ColorRole.HighlightedText: "#10243a", QPalette.ColorRole.Text: "#1f2a36",
        QPalette.ColorRole.WindowText: "#1f2a36", QPalette.ColorRole.Button: "#f1f4f7",
        QPalette.ColorRole.ButtonText: "#1f2a36", QPalette.ColorRole.ToolTipBase: "#1f2a36",
        QPalette.ColorRole.ToolTipText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#5a6673",  # 5:1, WCAG AA
    }
    for role, colour in colours.items():
        pal.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    app.setPalette(pal)
    font = QFont(app.font())
    # Traditional Chinese glyphs first for zh_TW, so 說 and 户 use Taiwanese forms.
    families = ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC"]
    if language != "zh_TW":
        families = ["Noto Sans", "Segoe UI", "Helvetica Neue", *families]
    font.setFamilies([*families, *font.families()])
    app.setFont(font)
    app.setStyleSheet("")


def paint_card(widget: QWidget) -> None:
    """A white card with a thin border and rounded corners behind ``widget``'s children."""
    p = QPainter(widget)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(BORDER, 1))
    p.setBrush(widget.palette().color(QPalette.ColorRole.Base))
    p.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), CARD_RADIUS, CARD_RADIUS)
    p.end()


def bold_title(widget: QWidget, scale: float = 1.0) -> None:
    font = QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)
