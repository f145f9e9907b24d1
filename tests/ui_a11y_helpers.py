"""Walking a live widget tree the way a screen reader does: through ``QAccessible``.

A control a keyboard user can reach (its focus policy takes Tab or a click) must have a
name a screen reader can say. ``unnamed_controls`` asks Qt's accessibility layer (not the
widget's own ``accessibleName``) what it would announce, so a combo box named only by its
current value ("Choose…") or a date edit with no name at all is caught. On Linux Qt reports
a combo box's name as its value and names it through the "labelled by" relation of its
buddy label (what AT-SPI readers use), so for a combo box that relation is what counts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QWidget


def focusable(widget: QWidget, top: QWidget) -> bool:
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top):
        return False
    if widget.focusProxy() is not None:
        return False  # focus goes to its proxy (a date edit's inner line edit), which is what is named
    parent = widget.parentWidget()
    # A scroll area's viewport takes focus for its area; the area itself is what is named.
    return not (isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget)


def spoken_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or ""


def label_name(widget: QWidget) -> str:
    """The text of the label that labels ``widget`` (its "labelled by" relation), if any."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    for other, _relation in iface.relations(QAccessible.RelationFlag.Label):
        text = other.text(QAccessible.Text.Name) if other is not None else ""
        if text:
            return text
    return ""


def unnamed_controls(top: QWidget) -> list[str]:
    """Focusable controls under ``top`` that a screen reader would announce without a name
    (or, for a combo box, only by its current value)."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not focusable(widget, top):
            continue
        name = spoken_name(widget).strip()
        if isinstance(widget, QComboBox) and name == widget.currentText():
            name = label_name(widget).strip()  # named by its label, not its value
        if not name:
            found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'} in {top.objectName() or type(top).__name__}")
    return found
