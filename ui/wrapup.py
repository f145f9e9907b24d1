"""The wrap-up form: what happened on the call, recorded in a few keystrokes.

Outcome, root cause, notes, what went wrong, the accepted actions and a follow-up date;
call duration and after-call work are measured from the screen pop (``started_at``) and
from the moment the form opened (the call's end). Saving goes through
``console.calls.record_call``; the rules of what is required are there (``validate``), and
each problem is shown next to its field. If saving fails, everything stays in the form and
a draft is kept in the journal; opening the form again for the same customer restores it.
A credit for months already credited or waiting shows which, and the form asks for a
reason: it is not saved without one (``console.assist.repeat_credits``).
Keyboard: every field has a mnemonic, Ctrl+Enter saves, Esc closes (keeping a draft).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from console import calls
from console import formatting as fmt
from console.actions import ActionSpec, RepeatCredit
from console.assist import credit_waiting, repeat_credits, specs_from_json
from console.caller_view import CallerView
from console.context import ConsoleContext
from console.errors import UserError
from console.principal import credit_limit
from console.vocabulary import OUTCOMES, ROOT_CAUSES
from ui.dialog_parts import field_label
from ui.i18n import qt_date_format
from ui.labels import word
from ui.manual_action import ManualActionDialog
from ui.suggestion_models import action_text

FINDING_WORDS = {
    "notice_contradicts_contract": QT_TRANSLATE_NOOP("WrapUpDialog", "A notice contradicts the contract"),
    "promo_not_applied": QT_TRANSLATE_NOOP("WrapUpDialog", "Promotion not applied"),
    "charged_after_cancel_attempt": QT_TRANSLATE_NOOP("WrapUpDialog", "Charged after a cancellation attempt"),
    "charged_while_suspended": QT_TRANSLATE_NOOP("WrapUpDialog", "Charged while suspended"),
    "duplicate_charge": QT_TRANSLATE_NOOP("WrapUpDialog", "Charged twice"),
    "unused_paid_service": QT_TRANSLATE_NOOP("WrapUpDialog", "Paid service never used"),
}
_ERROR_STYLE = "color: #9a3412; font-weight: 600;"


def finding_word(code: str) -> str:
    source = FINDING_WORDS.get(code)
    return QCoreApplication.translate("WrapUpDialog", source) if source else code


def mm_ss(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}"


class WrapUpDialog(QDialog):
    recorded = Signal(str)  # the new call's id

    def __init__(self, ctx: ConsoleContext, view: CallerView, started_at: datetime, *,
                 actions: Sequence[ActionSpec] = (), findings_offered: Sequence[str] = (),
                 findings_ticked: Sequence[str] = (), language: str = "en", phone: str | None = None,
                 parent: QWidget | None = None, proposed: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUpDialog")
        self.setWindowTitle(self.tr("Wrap up the call with %1").replace("%1", view.customer.name))
        self.ctx, self.view, self.language = ctx, view, language
        self.started_at = started_at
        self.ended_at = max(ctx.now(), started_at)  # the form opens when the call ends
        self.phone = phone or view.matched_phone
        self.draft_id: str | None = None
        self.call_id: str | None = None
        self.errors: dict[str, QLabel] = {}

        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("Choose…"), None)
        for code in OUTCOMES:
            self.outcome.addItem(word(code), code)
        self.root_cause = QComboBox(self)
        self.root_cause.setObjectName("rootCause")
        self.root_cause.addItem(self.tr("(none)"), None)
        for code in ROOT_CAUSES:
            self.root_cause.addItem(word(code), code)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What the customer said, what you did"))
        self.follow_check = QCheckBox(self.tr("Follow up on"), self)
        self.follow_check.setObjectName("followUpCheck")
        self.follow_up = QDateEdit(self)
        self.follow_up.setAccessibleName(self.tr("Follow-up date"))
        self.follow_up.setObjectName("followUp")
        self.follow_up.setCalendarPopup(True)
        # The same date order as every pane (Babel's), not Qt's own idea of the locale.
        self.follow_up.setDisplayFormat(qt_date_format(language))
        self.follow_up.setLocale(QLocale(language))
        today = self.ended_at.date()
        self.follow_up.setDate(QDate(today.year, today.month, today.day).addDays(7))
        self.follow_up.setEnabled(False)
        self.follow_check.toggled.connect(self.follow_up.setEnabled)
        self.findings = QListWidget(self)
        self.findings.setObjectName("findingsChecklist")
        self.findings.setAccessibleName(self.tr("What went wrong"))
        ticked = set(findings_ticked)
        for code in dict.fromkeys([*findings_offered, *findings_ticked]):
            item = QListWidgetItem(finding_word(code), self.findings)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
        self.findings.setMaximumHeight(22 * max(2, min(6, self.findings.count())) + 8)
        self.actions_list = QListWidget(self)
        self.actions_list.setObjectName("wrapUpActions")
        self.actions_list.setAccessibleName(self.tr("Actions carried out with this call"))
        self.actions_list.setMaximumHeight(120)
        self._actions: list[ActionSpec] = []
        self.limit_note = QLabel(self)
        self.limit_note.setObjectName("creditLimitNote")
        self.limit_note.setWordWrap(True)
        self.limit_note.setStyleSheet("color: #7a4200;")
        self.limit_note.hide()
        self.repeat_note = QLabel(self)
        self.repeat_note.setObjectName("repeatCreditNote")
        self.repeat_note.setTextFormat(Qt.TextFormat.PlainText)
        self.repeat_note.setWordWrap(True)
        self.repeat_note.setStyleSheet(_ERROR_STYLE)
        self.repeat_note.hide()
        self.repeat_reason = QLineEdit(self)
        self.repeat_reason.setObjectName("repeatReason")
        self.repeat_reason.setAccessibleName(self.tr("Reason for crediting these months again"))
        self.repeat_reason.setPlaceholderText(self.tr("Why these months are credited again (recorded and audited)"))
        self.repeat_reason.setMaxLength(500)
        self.repeat_reason.hide()
        # Suggested actions the agent neither accepted nor rejected are not carried out: say so.
        self.proposed_note = QLabel(self)
        self.proposed_note.setObjectName("proposedNote")
        self.proposed_note.setWordWrap(True)
        self.proposed_note.setStyleSheet("color: #7a4200;")
        self.proposed_note.setText("⚠ " + fmt.counted(proposed, {
            "one": self.tr("{n} suggested action is still “Proposed” and will not be carried out: accept or reject it "
                           "in the suggestions (Esc keeps this as a draft)."),
            "other": self.tr("{n} suggested actions are still “Proposed” and will not be carried out: accept or reject "
                             "them in the suggestions (Esc keeps this as a draft)."),
        }, language))
        self.proposed_note.setVisible(proposed > 0)
        self.add_btn = QPushButton(self.tr("A&dd action…"), self)
        self.add_btn.setObjectName("addAction")
        self.add_btn.clicked.connect(self.add_action)
        self.remove_btn = QPushButton(self.tr("Re&move"), self)
        self.remove_btn.setObjectName("removeAction")
        self.remove_btn.clicked.connect(self.remove_action)
        self.timing = QLabel(self)
        self.timing.setObjectName("timing")
        self.restored = QLabel(self)
        self.restored.setObjectName("restoredDraft")
        self.restored.setWordWrap(True)
        self.restored.hide()
        self.general_error = self._error_label("general")
        self.save_btn = QPushButton(self.tr("&Save"), self)
        self.save_btn.setObjectName("save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.cancel_btn = QPushButton(self.tr("Close (keep a draft)"), self)
        self.cancel_btn.setObjectName("cancel")
        self.cancel_btn.clicked.connect(self.reject)

        form = QFormLayout()
        self._row(form, self.tr("&Outcome:"), self.outcome, "outcome")
        self._row(form, self.tr("&Root cause:"), self.root_cause, "root_cause")
        self._row(form, self.tr("What went &wrong:"), self.findings, "findings")
        actions_box = QVBoxLayout()
        actions_box.addWidget(self.actions_list)
        actions_box.addWidget(self.proposed_note)
        actions_box.addWidget(self.limit_note)
        actions_box.addWidget(self.repeat_note)
        actions_box.addWidget(self.repeat_reason)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_btn)
        buttons_row.addWidget(self.remove_btn)
        buttons_row.addStretch(1)
        actions_box.addLayout(buttons_row)
        self._row(form, self.tr("A&ctions:"), actions_box, "actions", buddy=self.actions_list)
        self._row(form, self.tr("&Notes:"), self.notes, "notes")
        follow = QHBoxLayout()
        follow.addWidget(self.follow_check)
        follow.addWidget(self.follow_up)
        follow.addStretch(1)
        self._row(form, self.tr("&Follow-up:"), follow, "follow_up_on", buddy=self.follow_check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.timing, 1)
        bottom.addWidget(self.cancel_btn)
        bottom.addWidget(self.save_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        self.save_action = QAction(self.tr("Save the wrap-up"), self)
        self.save_action.setObjectName("saveWrapUp")
        self.save_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+S")])
        self.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.setTabOrder(self.outcome, self.root_cause)
        self.setTabOrder(self.root_cause, self.findings)
        self.setTabOrder(self.findings, self.actions_list)
        self.setTabOrder(self.actions_list, self.add_btn)
        self.setTabOrder(self.add_btn, self.remove_btn)
        self.setTabOrder(self.remove_btn, self.repeat_reason)
        self.setTabOrder(self.repeat_reason, self.notes)
        self.setTabOrder(self.notes, self.follow_check)
        self.setTabOrder(self.follow_check, self.follow_up)
        self.setTabOrder(self.follow_up, self.save_btn)
        self.setTabOrder(self.save_btn, self.cancel_btn)

        self.set_actions(actions)
        self._restore_draft(bool(actions))
        if self.outcome.currentData() is None and any(a.kind == "issue_credit" for a in self._actions):
            self._select(self.outcome, "resolved_with_credit")  # the agent accepted a credit: that is the outcome
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_timing)
        self._tick.start()
        self.update_timing()
        self.outcome.setFocus()
        self.resize(560, 620)

    # -- layout helpers --------------------------------------------------------------------
    def _error_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error:{key}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        self.errors[key] = label
        return label

    def _row(self, form: QFormLayout, text: str, field: object, key: str, buddy: QWidget | None = None) -> None:
        label = field_label(text, buddy or field, self)  # type: ignore[arg-type]
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)  # type: ignore[arg-type]
        box.addWidget(self._error_label(key))
        form.addRow(label, box)

    # -- actions ---------------------------------------------------------------------------
    def set_actions(self, actions: Sequence[ActionSpec]) -> None:
        self._actions = list(actions)
        self.actions_list.clear()
        for spec in self._actions:
            self.actions_list.addItem(action_text(spec, self.view, self.language))
        if not self._actions:
            self.actions_list.addItem(self.tr("No actions: accept suggestions or add one"))
            self.actions_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.remove_btn.setEnabled(bool(self._actions))
        limit = credit_limit(self.ctx)  # the signed-in user's, as the save will apply it
        waiting = credit_waiting(self._actions, limit)
        if waiting is not None and limit is not None:
            self.limit_note.setText(self.tr("Credits of %1 are above your limit of %2: they will wait for a lead's approval.")
                                    .replace("%1", fmt.money(waiting, self.view.currency, self.language))
                                    .replace("%2", fmt.money(limit, self.view.currency, self.language)))
        self.limit_note.setVisible(waiting is not None)
        self.show_repeats(repeat_credits(self.ctx, self.view, self._actions))

    def show_repeats(self, found: Sequence[RepeatCredit]) -> None:
        """Say which credited months repeat earlier credits, and ask for the reason."""
        lines = [self.tr("%1 %2: already credited or waiting for a lead. Crediting again needs a reason.")
                 .replace("%1", r.service).replace("%2", ", ".join(fmt.period(p, self.language) for p in r.months))
                 for r in found]
        self.repeat_note.setText("\n".join(lines))
        self.repeat_note.setVisible(bool(found))
        self.repeat_reason.setVisible(bool(found))

    def actions(self) -> list[ActionSpec]:
        return list(self._actions)

    def add_action(self) -> ManualActionDialog:
        dialog = ManualActionDialog(self.view, self.language, self)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and dialog.result_spec is not None:
                self.set_actions([*self._actions, dialog.result_spec])

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def remove_action(self) -> None:
        row = self.actions_list.currentRow()
        if self._actions and 0 <= row < len(self._actions):
            self.set_actions(self._actions[:row] + self._actions[row + 1:])

    # -- the form's content ------------------------------------------------------------------
    def finding_codes(self) -> list[str]:
        return [str(self.findings.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.findings.count())
                if self.findings.item(i).checkState() == Qt.CheckState.Checked]

    def follow_up_on(self) -> date | None:
        if not self.follow_check.isChecked():
            return None
        d = self.follow_up.date()
        return date(d.year(), d.month(), d.day())

    def wrapup(self) -> calls.WrapUp:
        return calls.WrapUp(
            customer_id=self.view.customer.id, outcome=self.outcome.currentData() or "", started_at=self.started_at,
            phone=self.phone, root_cause=self.root_cause.currentData(), notes=self.notes.toPlainText(),
            follow_up_on=self.follow_up_on(), actions=self.actions(), finding_codes=self.finding_codes(),
            ended_at=self.ended_at, scenario_id=self.view.customer.scenario_id, demo=self.ctx.settings.demo,
            draft_id=self.draft_id, repeat_reason=self.repeat_reason.text().strip() or None,
        )

    def _has_content(self) -> bool:
        return bool(self.outcome.currentData() or self.root_cause.currentData() or self.notes.toPlainText().strip()
                    or self.follow_check.isChecked())

    def update_timing(self) -> None:
        now = max(self.ctx.now(), self.ended_at)
        self.timing.setText(self.tr("Call %1 · after-call work %2")
                            .replace("%1", mm_ss((self.ended_at - self.started_at).total_seconds()))
                            .replace("%2", mm_ss((now - self.ended_at).total_seconds())))

    # -- drafts ----------------------------------------------------------------------------
    def _restore_draft(self, have_actions: bool) -> None:
        try:
            found = calls.load_draft(self.ctx, customer_id=self.view.customer.id)
        except (UserError, SQLAlchemyError, OSError):
            return
        if found is None:
            return
        self.draft_id, data = found
        self._select(self.outcome, data.get("outcome"))
        self._select(self.root_cause, data.get("root_cause"))
        self.notes.setPlainText(str(data.get("notes") or ""))
        if data.get("follow_up_on"):
            d = date.fromisoformat(str(data["follow_up_on"]))
            self.follow_check.setChecked(True)
            self.follow_up.setDate(QDate(d.year, d.month, d.day))
        ticked = set(data.get("finding_codes") or ())
        for i in range(self.findings.count()):
            item = self.findings.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in ticked:
                item.setCheckState(Qt.CheckState.Checked)
        if not have_actions and data.get("actions"):
            self.set_actions(specs_from_json(data["actions"]))
        self.restored.setText(self.tr("Your unsaved wrap-up for this customer was restored."))
        self.restored.show()

    @staticmethod
    def _select(combo: QComboBox, code: object) -> None:
        i = combo.findData(code) if code else -1
        if i >= 0:
            combo.setCurrentIndex(i)

    def keep_draft(self) -> str | None:
        try:
            self.draft_id = calls.save_draft(self.ctx, self.wrapup())
        except (UserError, SQLAlchemyError, OSError):
            return None
        return self.draft_id

    # -- saving ----------------------------------------------------------------------------
    def problem_text(self, key: str, message: str) -> str:
        """The core's one-line problem, in the agent's language when it is a known one."""
        known = {
            "outcome": self.tr("Choose an outcome."),
            "root_cause": self.tr("This outcome needs a root cause."),
            "follow_up_on": self.tr("A scheduled callback needs a follow-up date."),
            "actions": self.tr("Resolved with a credit: accept or add a credit."),
            "customer_id": self.tr("No caller: look the customer up first."),
        }
        if key in known and not message.startswith(("unknown", "notes are")):
            return known[key]
        return message

    def show_problems(self, problems: dict[str, str]) -> None:
        problems = {k: self.problem_text(k, v) for k, v in problems.items()}
        for key, label in self.errors.items():
            text = problems.get(key)
            if key == "general":
                others = [v for k, v in problems.items() if k not in self.errors]
                text = "; ".join([problems["general"], *others] if "general" in problems else others) or None
            label.setText(text or "")
            label.setVisible(bool(text))

    def save(self) -> str | None:
        """Record the call; on any failure keep the form as it is and a draft, and say why."""
        w = self.wrapup()
        problems = calls.validate(w)
        if problems:
            self.show_problems(problems)
            self._focus_first(problems)
            return None
        try:
            call_id = calls.record_call(self.ctx, w, view=self.view)
        except calls.WrapUpInvalid as exc:
            self.show_problems(exc.problems)
            return None
        except RepeatCredit as exc:  # months credited meanwhile, or no reason typed
            self.show_repeats([exc])
            self.show_problems({"actions": self.tr("Give the reason for crediting these months again.")})
            self.repeat_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        except (UserError, SQLAlchemyError, OSError) as exc:
            kept = self.keep_draft()
            first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            reason = first[0] if first else type(exc).__name__
            message = self.tr("Could not save the call: %1. Everything stays in the form").replace("%1", reason)
            message += self.tr("; a draft is kept.") if kept else self.tr("; the draft could not be kept either.")
            self.show_problems({"general": message})
            return None
        self.call_id = call_id
        self.draft_id = None
        self._tick.stop()
        self.recorded.emit(call_id)
        self.accept()
        return call_id

    def _focus_first(self, problems: dict[str, str]) -> None:
        order = (("outcome", self.outcome), ("root_cause", self.root_cause), ("actions", self.add_btn),
                 ("notes", self.notes), ("follow_up_on", self.follow_check))
        for key, widget in order:
            if key in problems:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def reject(self) -> None:
        if self.call_id is None and self._has_content():
            self.keep_draft()
        self._tick.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tick.stop()
        super().closeEvent(event)
