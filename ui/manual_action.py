"""Adding an action the suggestions did not propose (or that the trainee found with hints hidden).

The agent picks the kind, the service, and for a credit the amount and months; the action
is checked by ``console.actions.validate`` against the caller's bills (never more than was
billed) before it joins the wrap-up. The credit limit is applied when the call is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from console.actions import ActionSpec, validate
from console.assist import parse_amount
from console.caller_view import CallerView
from console.errors import UserError
from console.vocabulary import ACTION_KINDS
from ui.dialog_parts import field_label, finish_form_dialog
from ui.labels import word

MANUAL_KINDS = tuple(k for k in ACTION_KINDS if k != "schedule_callback")  # callbacks: the follow-up date


class ManualActionDialog(QDialog):
    def __init__(self, view: CallerView | None, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualActionDialog")
        self.setWindowTitle(self.tr("Add an action"))
        self.view = view
        self.result_spec: ActionSpec | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("manualKind")
        for k in MANUAL_KINDS:
            self.kind.addItem(word(k), k)
        self.service = QComboBox(self)
        self.service.setObjectName("manualService")
        self.service.addItem(self.tr("(none)"), None)
        for s in view.services if view is not None else ():
            self.service.addItem(f"{s.name(language)} ({s.code})", s.code)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("manualAmount")
        self.months = QLineEdit(self)
        self.months.setObjectName("manualMonths")
        self.months.setPlaceholderText("2009-03, 2009-04")
        self.note = QLineEdit(self)
        self.note.setObjectName("manualNote")
        form = QFormLayout()
        for text, field in ((self.tr("&Kind:"), self.kind), (self.tr("&Service:"), self.service),
                            (self.tr("&Amount:"), self.amount), (self.tr("&Months:"), self.months),
                            (self.tr("&What / summary:"), self.note)):
            form.addRow(field_label(text, field, self), field)
        self.error = finish_form_dialog(self, form, "manualError")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        credit = self.kind.currentData() == "issue_credit"
        self.amount.setEnabled(credit)
        self.months.setEnabled(credit)

    def spec(self) -> ActionSpec:
        kind = str(self.kind.currentData())
        service = self.service.currentData()
        amount = parse_amount(self.amount.text()) if kind == "issue_credit" else None
        periods = tuple(p.strip() for p in self.months.text().replace(";", ",").split(",") if p.strip()) if kind == "issue_credit" else ()
        note = self.note.text().strip()
        params = {"open_case": {"summary": note}, "request_evidence": {"what": note}}.get(kind, {}) if note else {}
        currency = self.view.currency if self.view is not None else "TWD"
        return ActionSpec(kind, service, amount, currency, periods, params)

    def try_accept(self) -> bool:
        try:
            spec = self.spec()
            validate(spec, self.view)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.result_spec = spec
        self.accept()
        return True
