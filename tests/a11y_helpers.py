"""What a screen reader hears for a control, walked through ``QAccessible`` on live widgets.

A control a keyboard user can reach (its focus policy takes Tab or a click) must have a
name a screen reader can say. ``unnamed_controls`` asks Qt's accessibility layer (not the
widget's own ``accessibleName``) what it would announce, so a date edit with no name at all
or a combo box named only by its current value ("Choose…") is caught.

On Linux Qt reports a combo box's *name* as its current value and names it through the
"labelled by" relation of its buddy label instead (what AT-SPI readers use), so a combo box
counts as named only by an accessible name of its own that is not just its value, or by a
label pointing at it. Every other control needs a non-empty ``QAccessibleInterface.text(Name)``
(set, or taken from its buddy label).

Skipped: hidden widgets, widgets that take no focus, and Qt's own parts (named ``qt_…``, or
inside one: a date edit's line edit, a scroll area's viewport), whose owner is what is named
and is walked itself. A widget whose focus goes to a proxy is still walked (a reader can land
on it through the accessibility tree).
This is the one helper for the agent's window and the lead's and trainer's views
(``test_ui_accessibility``, ``test_lead_trainer_a11y``, ``test_ui_export``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget


def spoken_name(widget: QWidget) -> str:
    """``QAccessibleInterface.text(Name)``: what Qt hands the screen reader as the name."""
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


def heard_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (for a combo box: its own accessible
    name unless that is only its value, else its label; never its current value)."""
    if isinstance(widget, QComboBox):
        own = widget.accessibleName().strip()
        if own and own != widget.currentText().strip():
            return own
        return label_name(widget)
    return spoken_name(widget)


def qt_part(widget: QWidget) -> bool:
    """One of Qt's own parts, named ``qt_…`` or inside one (a spin box's line edit, a scroll
    area's viewport). A viewport Qt did not name (a chart view's) is walked like any widget."""
    parent = widget.parentWidget()
    return widget.objectName().startswith("qt_") or (parent is not None and parent.objectName().startswith("qt_"))


def reachable(widget: QWidget, top: QWidget) -> bool:
    """Shown under ``top`` and taking keyboard or click focus, and not one of Qt's parts."""
    if not widget.isVisibleTo(top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        return False
    return not qt_part(widget)


def describe(widget: QWidget, top: QWidget) -> str:
    """``QComboBox 'exportFormat' '' in ExportDialog (ExportDialog)``: enough to find it."""
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    parent = widget.parentWidget()
    where = type(parent).__name__ if parent is not None else None
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'!r} {text!r} in {where} " \
           f"({top.objectName() or type(top).__name__})"


def unnamed_controls(top: QWidget) -> list[str]:
    """Every reachable control under ``top`` (itself included) a screen reader would announce
    without a name (or, for a combo box, only by its current value)."""
    return [describe(w, top) for w in [top, *top.findChildren(QWidget)]
            if reachable(w, top) and not heard_name(w).strip()]
