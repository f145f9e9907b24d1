"""The suggestions panel beside the three panes: what went wrong, what to do, what to say.

Findings come first, each with its evidence: selecting one emits ``evidence_selected`` (the
window highlights those rows and timeline marks) and shows its suggestion: the actions,
each accepted, edited within limits or rejected by the agent, and the script in the
customer's language, ready to copy. Accepted actions feed the wrap-up form
(``accepted_actions``). The suggestions are computed by ``console.assist`` (a few
milliseconds, so on the GUI thread once the screen pop's data is here); each decision
renders the script again (``script_after_decisions``), so the words always match the
credit as edited and its approval.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.actions import ActionSpec
from console.assist import (
    ACCEPTED,
    PROPOSED,
    REJECTED,
    Decision,
    approval_after_decisions,
    script_after_decisions,
    suggestions_for_call,
)
from console.caller_view import CallerView
from console.context import ConsoleContext
from console.rules.common import suggestion_id
from console.suggest import Suggestion, SuggestionReport
from ui.action_edit import ActionEditDialog
from ui.columns import Refit, fit_columns
from ui.i18n import Texts, is_language_change
from ui.suggestion_models import EVIDENCE_ROLE, ActionsModel, FindingsModel
from ui.theme import bold_title, paint_card


class SuggestionsPanel(QFrame):
    evidence_selected = Signal(list)  # evidence refs of the selected finding
    decisions_changed = Signal()

    def __init__(self, ctx: ConsoleContext, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.texts = Texts()
        self.texts.bind(self.setAccessibleName, lambda: self.tr("Suggestions"))
        self.ctx, self.language = ctx, language
        self._at: datetime | None = None  # the moment the suggestions were computed for (a language switch keeps it)
        self.report: SuggestionReport | None = None
        self.view: CallerView | None = None
        self.decisions: dict[str, list[Decision]] = {}
        self.current: Suggestion | None = None

        self.findings_model = FindingsModel(self)
        self.findings = QListView(self)
        self.findings.setObjectName("findingsList")
        self.texts.bind(self.findings.setAccessibleName, lambda: self.tr("Findings"))
        self.findings.setModel(self.findings_model)
        self.findings.setWordWrap(True)
        self.findings.setSpacing(2)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.selectionModel().selectionChanged.connect(self._finding_changed)
        self.empty = QLabel(self)
        self._empty_text: str | None = None  # an error to show instead of "nothing to suggest"
        self.empty.setObjectName("noFindings")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # may quote an error message
        self.empty.setWordWrap(True)

        self.title = QLabel(self)
        self.title.setObjectName("suggestionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.actions_model = ActionsModel(self)
        self.actions = QTableView(self)
        self.actions.setObjectName("actionsTable")
        self.texts.bind(self.actions.setAccessibleName, lambda: self.tr("Suggested actions"))
        self.actions.setModel(self.actions_model)
        self.actions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions.setTabKeyNavigation(False)
        self.actions.verticalHeader().setVisible(False)
        self.actions.setShowGrid(False)
        self.actions.setWordWrap(False)
        Refit(self.actions, None)  # the dock's width decides: whole, or wrapped onto two lines
        self.actions.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.accept_btn = QPushButton(self)
        self.edit_btn = QPushButton(self)
        self.reject_btn = QPushButton(self)
        self.accept_all_btn = QPushButton(self)
        self.texts.bind(self.accept_btn.setText, lambda: self.tr("Acce&pt"))
        self.texts.bind(self.edit_btn.setText, lambda: self.tr("&Edit…"))
        self.texts.bind(self.reject_btn.setText, lambda: self.tr("Re&ject"))
        self.texts.bind(self.accept_all_btn.setText, lambda: self.tr("Accept a&ll"))
        for name, btn, slot in (("acceptAction", self.accept_btn, self.accept_current),
                                ("editAction", self.edit_btn, self.edit_current),
                                ("rejectAction", self.reject_btn, self.reject_current),
                                ("acceptAll", self.accept_all_btn, self.accept_all)):
            btn.setObjectName(name)
            btn.clicked.connect(slot)
        self.script = QPlainTextEdit(self)
        self.script.setObjectName("script")
        self.texts.bind(self.script.setAccessibleName, lambda: self.tr("Script to read to the customer"))
        self.script.setReadOnly(True)
        self.script.setTabChangesFocus(True)
        self.copy_btn = QPushButton(self)
        self.texts.bind(self.copy_btn.setText, lambda: self.tr("C&opy script"))
        self.copy_btn.setObjectName("copyScript")
        self.copy_btn.clicked.connect(self.copy_script)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self._title(lambda: self.tr("Fi&ndings"), self, self.findings))
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.empty)
        # The suggestion of the selected finding; hidden when there is nothing to suggest.
        self.detail = QWidget(self)
        self.detail.setObjectName("suggestionDetail")
        box = QVBoxLayout(self.detail)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self._title(lambda: self.tr("Suggestion"), self.detail))
        box.addWidget(self.title)
        box.addWidget(self.actions, 2)
        row = QGridLayout()  # two by two: the four buttons fit a narrow dock
        for i, btn in enumerate((self.accept_btn, self.edit_btn, self.reject_btn, self.accept_all_btn)):
            row.addWidget(btn, i // 2, i % 2)
        box.addLayout(row)
        script_row = QHBoxLayout()
        script_row.addWidget(self._title(lambda: self.tr("Scr&ipt"), self.detail, self.script), 1)
        script_row.addWidget(self.copy_btn)
        box.addLayout(script_row)
        box.addWidget(self.script, 3)
        layout.addWidget(self.detail, 5)
        layout.addStretch(0)
        self.setMinimumWidth(260)
        self.clear()

    def _title(self, text: Callable[[], str], parent: QWidget, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(parent)
        bold_title(label)
        self.texts.bind(label.setText, text)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            self._show_empty()
            self.actions_model.relabel()
            fit_columns(self.actions, None)
        super().changeEvent(event)

    def current_evidence(self) -> list[str]:
        """The evidence refs of the selected finding (to light them again after a re-show)."""
        index = self.findings.currentIndex()
        return list(index.data(EVIDENCE_ROLE) or []) if index.isValid() else []

    def set_language(self, language: str) -> None:
        """Write findings, titles, amounts, months and services in ``language`` (the agent's)
        from now on. The call goes on: the findings are worded again for the same moment and
        the agent's decisions stay; the script stays in the customer's language."""
        self.language = language
        if self.report is not None and self.view is not None and self._at is not None:
            try:
                report = suggestions_for_call(self.ctx, self.view, self._at, language=language)
            except Exception:  # the words of a finding never cost the call its decisions
                report = None
            if report is not None and [s.id for s in report.suggestions] == [s.id for s in self.report.suggestions]:
                row = self.findings.currentIndex().row()
                self.report = report
                self.findings_model.set_rows(report.findings)
                if report.findings:
                    self.findings.setCurrentIndex(self.findings_model.index(max(row, 0), 0))
                return
        self._refresh_actions(keep_row=self.current_row())

    def _show_empty(self) -> None:
        self.empty.setText(self._empty_text or self.tr("Nothing to suggest: no finding for this caller."))

    def show_unavailable(self, reason: str) -> None:
        """The rules failed for this caller: say so where the suggestions would be."""
        self.clear()
        self._empty_text = self.tr("Suggestions are unavailable: %1").replace("%1", reason)
        self._show_empty()
        self.empty.show()

    # -- data in -------------------------------------------------------------------------
    def load(self, view: CallerView, at: datetime) -> SuggestionReport:
        """Compute and show the suggestions for ``view`` as of ``at`` (the screen pop)."""
        report = suggestions_for_call(self.ctx, view, at, language=self.language)  # findings: the agent's language
        self._at = at
        self.show_report(report, view)
        return report

    def show_report(self, report: SuggestionReport, view: CallerView | None) -> None:
        self.report, self.view = report, view
        self._empty_text = None
        self._show_empty()
        self.decisions = {s.id: [Decision(a, a) for a in s.actions] for s in report.suggestions}
        self.findings_model.set_rows(report.findings)
        has = bool(report.findings)
        self.empty.setVisible(not has)
        self.findings.setVisible(has)
        self.detail.setVisible(has)
        self.current = None
        if has:
            self.findings.setCurrentIndex(self.findings_model.index(0, 0))
        else:
            self._show_suggestion(None)
        self.decisions_changed.emit()

    def clear(self) -> None:
        self.report, self.view, self.decisions = None, None, {}
        self.findings_model.set_rows([])
        self._empty_text = self.tr("No caller on screen.")
        self._show_empty()
        self.empty.setVisible(True)
        self.findings.setVisible(False)
        self.detail.setVisible(False)
        self._show_suggestion(None)

    # -- selection -----------------------------------------------------------------------
    def _finding_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = [i.row() for i in selected.indexes()]
        if not rows or self.report is None:
            return
        finding = self.findings_model.finding(rows[0])
        sid = suggestion_id(finding.code, finding.service_code)
        match = next((s for s in self.report.suggestions if s.id == sid), None)
        self._show_suggestion(match)
        self.evidence_selected.emit(list(self.findings_model.index(rows[0], 0).data(EVIDENCE_ROLE)))

    def _show_suggestion(self, suggestion: Suggestion | None) -> None:
        self.current = suggestion
        self.title.setText(suggestion.title if suggestion else "")
        self.script.setPlainText(suggestion.script if suggestion else "")
        self._refresh_actions()
        if suggestion is not None and any(d.status != PROPOSED for d in self.decisions.get(suggestion.id, ())):
            self._rerender()  # back to a suggestion already decided on: its words as decided

    def _refresh_actions(self, keep_row: int | None = None) -> None:
        rows = self.decisions.get(self.current.id, []) if self.current else []
        waits = approval_after_decisions(self.report, self.current.id, self.decisions) \
            if self.current is not None and self.report is not None else []
        self.actions_model.set_rows(rows, self.view, self.language, waits)
        fit_columns(self.actions, None)
        if rows:
            self.actions.selectRow(keep_row if keep_row is not None and keep_row < len(rows) else 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self.current_decision()
        self.accept_btn.setEnabled(d is not None and d.status != ACCEPTED)
        self.reject_btn.setEnabled(d is not None and d.status != REJECTED)
        self.edit_btn.setEnabled(d is not None and d.suggested.kind in ("issue_credit", "schedule_callback"))
        self.accept_all_btn.setEnabled(bool(self.current))
        self.copy_btn.setEnabled(bool(self.script.toPlainText()))

    def current_row(self) -> int | None:
        index = self.actions.currentIndex()
        return index.row() if index.isValid() else None

    def current_decision(self) -> Decision | None:
        row = self.current_row()
        if row is None or self.current is None:
            return None
        return self.decisions[self.current.id][row]

    # -- decisions -----------------------------------------------------------------------
    def _set(self, row: int, decision: Decision) -> None:
        assert self.current is not None
        self.decisions[self.current.id][row] = decision
        self._refresh_actions(keep_row=row)
        self._rerender()
        self.decisions_changed.emit()

    def _rerender(self) -> None:
        """The current suggestion's script for the decisions as they stand (amount, months, approval)."""
        if self.current is None or self.report is None:
            return
        self.script.setPlainText(script_after_decisions(self.report, self.current.id, self.decisions))
        self._update_buttons()

    def accept_current(self) -> None:
        d, row = self.current_decision(), self.current_row()
        if d is not None and row is not None:
            self._set(row, replace(d, status=ACCEPTED))

    def reject_current(self) -> None:
        d, row = self.current_decision(), self.current_row()
        if d is not None and row is not None:
            self._set(row, replace(d, status=REJECTED))

    def accept_all(self) -> None:
        if self.current is None:
            return
        self.decisions[self.current.id] = [replace(d, status=ACCEPTED) for d in self.decisions[self.current.id]]
        self._refresh_actions(keep_row=self.current_row())
        self._rerender()
        self.decisions_changed.emit()

    def edit_current(self) -> ActionEditDialog | None:
        d, row = self.current_decision(), self.current_row()
        if d is None or row is None:
            return None
        dialog = ActionEditDialog(d.suggested, d.spec, self.view, self.language, self)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and dialog.result_spec is not None:
                self._set(row, Decision(d.suggested, dialog.result_spec, ACCEPTED))

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def set_decision(self, suggestion_id: str, row: int, spec: ActionSpec | None = None, status: str = ACCEPTED) -> None:
        """For scripts and tests: decide on one action directly (``spec`` already within limits)."""
        d = self.decisions[suggestion_id][row]
        self.decisions[suggestion_id][row] = Decision(d.suggested, spec or d.spec, status)
        self._refresh_actions(keep_row=self.current_row())
        self._rerender()
        self.decisions_changed.emit()

    # -- what the wrap-up takes ------------------------------------------------------------
    def accepted_actions(self) -> list[ActionSpec]:
        return [d.spec for ds in self.decisions.values() for d in ds if d.status == ACCEPTED]

    def finding_codes(self) -> list[str]:
        """Findings whose suggestion the agent acted on (at least one action accepted)."""
        if self.report is None:
            return []
        acted = {s.finding for s in self.report.suggestions if any(d.status == ACCEPTED for d in self.decisions.get(s.id, []))}
        return [f.code for f in self.report.findings if f.code in acted]

    def pending_count(self) -> int:
        return sum(d.status == PROPOSED for ds in self.decisions.values() for d in ds)

    def copy_script(self) -> str:
        text = self.script.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
        return text
