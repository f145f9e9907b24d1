"""Editing one suggested action "within limits": lower a credit or drop months, move a callback.

The limits themselves live in ``console.assist.edit_within_limits``; this dialog only
collects the agent's numbers and shows the one-line refusal next to the fields, staying open
until the edit is acceptable or cancelled.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console import formatting as fmt
from console.actions import ActionSpec
from console.assist import edit_within_limits, parse_amount
from console.caller_view import CallerView
from console.errors import UserError
from ui.dialog_parts import field_label, finish_form_dialog
from ui.i18n import qt_date_format
from ui.labels import word

LOCAL_TZ = ZoneInfo("Asia/Taipei")


class ActionEditDialog(QDialog):
    def __init__(self, suggested: ActionSpec, current: ActionSpec, view: CallerView | None, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionEditDialog")
        self.setWindowTitle(self.tr("Edit the action"))
        self.suggested, self.view = suggested, view
        self.result_spec: ActionSpec | None = None
        self.amount: QLineEdit | None = None
        self.months: list[QCheckBox] = []
        self.due: QDateTimeEdit | None = None
        form = QFormLayout()
        form.addRow(self.tr("Action:"), QLabel(word(suggested.kind)))
        if suggested.kind == "issue_credit":
            self.amount = QLineEdit(str(current.amount if current.amount is not None else ""))
            self.amount.setObjectName("creditAmount")
            self.amount.setAccessibleName(self.tr("Credit amount"))
            limit = fmt.money(suggested.amount, suggested.currency, language) if suggested.amount is not None else ""
            self.amount.setPlaceholderText(self.tr("at most %1").replace("%1", limit))
            form.addRow(field_label(self.tr("&Amount (at most %1):").replace("%1", limit), self.amount, self), self.amount)
            box = QVBoxLayout()
            for p in suggested.periods:
                check = QCheckBox(fmt.period(p, language))
                check.setObjectName(f"month:{p}")
                check.setProperty("period", p)
                check.setChecked(p in current.periods)
                box.addWidget(check)
                self.months.append(check)
            form.addRow(self.tr("Months:"), box)
        elif suggested.kind == "schedule_callback":
            self.due = QDateTimeEdit()
            self.due.setObjectName("callbackDue")
            self.due.setCalendarPopup(True)
            raw = current.params.get("due_at")
            when = datetime.fromisoformat(str(raw)) if raw else datetime.now(LOCAL_TZ)
            when = when if when.tzinfo else when.replace(tzinfo=LOCAL_TZ)
            self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))
            self.due.setDisplayFormat(qt_date_format(language) + " HH:mm")
            self.due.setLocale(QLocale(language))
            form.addRow(field_label(self.tr("&When:"), self.due, self), self.due)
        self.error = finish_form_dialog(self, form, "editError")
        # The agent opened this to type a new value: start there, with the old one selected so
        # typing replaces it, and Enter (the OK button is the default) takes what was typed.
        first = self.amount or self.due
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.amount is not None:
                self.amount.selectAll()

    def try_accept(self) -> bool:
        try:
            kwargs: dict[str, object] = {}
            if self.amount is not None:
                kwargs["amount"] = parse_amount(self.amount.text())
                kwargs["periods"] = [str(c.property("period")) for c in self.months if c.isChecked()]
            if self.due is not None:
                secs = self.due.dateTime().toSecsSinceEpoch()
                kwargs["due_at"] = datetime.fromtimestamp(secs, LOCAL_TZ)
            self.result_spec = edit_within_limits(self.suggested, view=self.view, **kwargs)  # type: ignore[arg-type]
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.accept()
        return True
