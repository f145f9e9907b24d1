"""What every small form dialog shares: labelled fields, an inline error line and OK/Cancel.

Errors from the services are one line of plain text shown under the form (never a popup,
never rich text); OK runs the dialog's ``try_accept`` so a refused value keeps the dialog open.
A field's label is also its accessible name: on Linux a screen reader otherwise reads a
combo box by its current value ("Choose…") and a date edit by nothing at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


def spoken(label_text: str) -> str:
    """A label as a screen reader should say it: no mnemonic "&", no trailing colon."""
    return label_text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":：").strip()


def field_label(text: str, field: QWidget, parent: QWidget | None = None) -> QLabel:
    """A label for ``field``: its buddy (Alt+mnemonic) and the source of its accessible name."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    if not field.accessibleName():  # a richer name given on purpose stays
        field.setAccessibleName(spoken(text))
    return label


def finish_form_dialog(dialog: QDialog, form: QFormLayout, error_name: str) -> QLabel:
    error = QLabel(dialog)
    error.setObjectName(error_name)
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setWordWrap(True)
    error.setStyleSheet("color: #9a3412; font-weight: 600;")
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setDefault(True)  # Enter in any field accepts what was typed there
    buttons.accepted.connect(dialog.try_accept)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error
