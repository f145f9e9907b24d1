"""What a screen reader hears for a control: its accessible name, walked through ``QAccessible``.

A combo box on Linux reports its *current value* as its name (Qt names it by its label
through the labelled-by relation instead), so a combo counts as named only when it has an
accessible name of its own or a label pointing at it; every other focusable control needs a
non-empty name from ``QAccessibleInterface.text(Name)`` (set, or taken from its buddy label).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget


def heard_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (by its label, for a combo)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    if isinstance(widget, QComboBox):
        if widget.accessibleName():
            return widget.accessibleName()
        labels = iface.relations(QAccessible.RelationFlag.Label)
        return labels[0][0].text(QAccessible.Text.Name) if labels else ""
    return iface.text(QAccessible.Text.Name) or ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Every visible focusable control under ``root`` (itself included) that has no name."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if w.objectName().startswith("qt_") or (w.parentWidget() and w.parentWidget().objectName().startswith("qt_")):
            continue  # Qt's own parts (a date edit's spin box, a scroll area's viewport)
        if not heard_name(w).strip():
            text = w.text() if isinstance(w, QAbstractButton) else ""
            parent = w.parentWidget()
            found.append(f"{type(w).__name__} {w.objectName()!r} {text!r} in {type(parent).__name__ if parent else None}")
    return found
