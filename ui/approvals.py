"""The lead's approval queue in the window, and the supervisor override on an agent's screen.

``ApprovalsWidget(ctx, principal)`` lists the credits waiting for a lead as a lead judges
them: the customer's name, the amount and months, the finding behind the credit and the
agent's notes (``console.approvals.review_queue``). Double-click (or Enter, or *Open the
caller*) asks the window to pop that customer; Approve and Reject ask first, naming customer
and amount, then go through ``console.approvals.decide`` (the service checks the role and
writes the audit entry and the outbox events). Database work runs on one worker thread; the
widget only shows plain rows.

``SupervisorOverrideDialog(ctx)`` lets a lead sign in on an agent's screen (audited as an
"override" sign-in) and hands back the lead's ``Principal`` for ``ApprovalsWidget``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import formatting
from console.approvals import Decision, QueueItem, decide, review_queue
from console.auth import Principal, authenticate
from console.context import ConsoleContext
from console.errors import PermissionDenied, UserError
from console.phones import display
from ui.live_language import LiveLanguage
from ui.plain import tip
from ui.wrapup import finding_word

_Index = QModelIndex | QPersistentModelIndex
_CTX = "PendingModel"


def customer_text(item: QueueItem | Any) -> str:
    """``陳志明 (C-0001)``; the id alone, marked, when the customer source does not know them."""
    c = item.customer
    if c.name:
        return f"{c.name} ({c.id})"
    return QCoreApplication.translate(_CTX, "%1 (name not found)").replace("%1", c.id)


def service_text(item: QueueItem, language: str) -> str:
    code = item.credit.service_code
    row = item.customer.service(code)
    return f"{row.name(language)} ({code})" if row is not None else (code or "")


def months_text(item: QueueItem, language: str) -> str:
    return ", ".join(formatting.period(p, language) for p in item.credit.periods)


class PendingModel(QAbstractTableModel):
    """Plain ``QueueItem`` rows as a table, in the language of the window."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PendingModel", "Waiting since"),
        QT_TRANSLATE_NOOP("PendingModel", "Customer"),
        QT_TRANSLATE_NOOP("PendingModel", "Amount"),
        QT_TRANSLATE_NOOP("PendingModel", "Service"),
        QT_TRANSLATE_NOOP("PendingModel", "Months"),
        QT_TRANSLATE_NOOP("PendingModel", "Finding"),
        QT_TRANSLATE_NOOP("PendingModel", "Agent"),
        QT_TRANSLATE_NOOP("PendingModel", "Agent's notes"),
    )
    AMOUNT = 2

    def __init__(self, parent: QObject | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.rows: list[QueueItem] = []
        self.language = language

    def set_rows(self, rows: list[QueueItem]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        """Headers and cells in another language; the selection stays (no model reset)."""
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(_CTX, self.HEADERS[section])
        return None

    def cells(self, item: QueueItem) -> tuple[str, ...]:
        c, lang = item.credit, self.language
        notes = (item.notes or "").strip()
        return (formatting.moment(c.created_at, lang), customer_text(item), formatting.money(c.amount, c.currency, lang),
                service_text(item, lang), months_text(item, lang), "; ".join(finding_word(f) for f in item.findings),
                c.agent_id, notes.splitlines()[0] if notes else "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cells(item)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(item.notes if col == len(self.HEADERS) - 1 and item.notes else self.cells(item)[col])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _Signals(QObject):
    loaded = Signal(object)  # list[QueueItem]
    decided = Signal(object)  # Decision
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], done: Any, failed: Any) -> None:
        super().__init__()
        self.fn, self.done, self.failed = fn, done, failed

    def run(self) -> None:
        try:
            result = self.fn()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - the widget says what went wrong
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.done.emit(result)


class ApprovalsWidget(LiveLanguage, QWidget):
    """Credits waiting for a lead; open the caller, Approve / Reject the selected one (asked first)."""

    decided = Signal(object)  # console.approvals.Decision
    loaded = Signal(int)  # how many credits are waiting
    failed = Signal(str)
    open_caller = Signal(str)  # the customer's number: the window pops them

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None,
                 language: str = "en") -> None:
        super().__init__(parent)
        self.ctx, self.principal, self.language = ctx, principal, language
        self.confirm: QMessageBox | None = None
        self._deciding: QueueItem | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.decided.connect(self._on_decided)
        self._signals.failed.connect(self._on_failed)
        self.model = PendingModel(self, language)
        self.table = QTableView()
        self.table.setObjectName("approvalsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda _index: self.open_selected())  # double-click or Enter
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.heading = QLabel()
        self.empty = QLabel()
        self.empty.setObjectName("approvalsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.detail = QLabel()
        self.detail.setObjectName("approvalDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # names and notes are data
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()  # shown with a selected credit: an empty box is not announced
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.reason.setObjectName("approvalReason")
        self.reason_label.setBuddy(self.reason)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCaller")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("reject")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshApprovals")
        self.open_button.clicked.connect(self.open_selected)
        self.approve_button.clicked.connect(lambda: self.decide_selected(True))
        self.reject_button.clicked.connect(lambda: self.decide_selected(False))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("approvalStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.detail)
        layout.addLayout(reason_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()
        self._enable(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Approvals queue"))
        self.heading.setText(self.tr("Credits above an agent's limit, waiting for a lead"))
        self.empty.setText(self.tr("Nothing is waiting for approval."))
        self.table.setAccessibleName(self.tr("Credits waiting for approval"))
        self.table.setAccessibleDescription(self.tr("Enter opens the caller; Approve and Reject ask first."))
        self.detail.setAccessibleName(self.tr("Selected credit"))
        self.reason_label.setText(self.tr("Rea&son:"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("required to reject; shown to the agent and audited"))
        self.open_button.setText(self.tr("&Open the caller"))
        self.approve_button.setText(self.tr("&Approve…"))
        self.reject_button.setText(self.tr("Re&ject…"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.model.set_language(self.language)
        self._show_detail()

    def _run(self, fn: Callable[[], Any], done: Any) -> None:
        self.pool.start(_Task(fn, done, self._signals.failed))

    def refresh(self) -> None:
        ctx, who = self.ctx, self.principal
        self._run(lambda: review_queue(ctx, who), self._signals.loaded)

    def selected(self) -> QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_detail(self) -> None:
        item = self.selected()
        if item is None:
            self.detail.setText("")
            self.detail.setAccessibleDescription("")
            self.detail.hide()  # nothing selected: no empty, unnamed box for a screen reader
            return
        lang, c = self.language, item.credit
        phone = display(item.phone, self.ctx.settings.region) if item.phone else ""
        lines = [" · ".join(x for x in (customer_text(item), phone, formatting.money(c.amount, c.currency, lang),
                                        service_text(item, lang), months_text(item, lang)) if x)]
        if item.findings:
            lines.append(self.tr("Finding: %1").replace("%1", "; ".join(finding_word(f) for f in item.findings)))
        lines.append(self.tr("Agent %1 wrote: %2").replace("%1", c.agent_id)
                     .replace("%2", (item.notes or "").strip() or self.tr("(no notes)")))
        self.detail.setText("\n".join(lines))
        self.detail.setAccessibleDescription(self.detail.text())  # the name says what it is, this what it holds
        self.detail.show()

    def open_selected(self) -> None:
        item = self.selected()
        if item is None or not item.phone:
            self.status.setText(self.tr("This customer has no number to open."))
            return
        self.open_caller.emit(item.phone)

    def question(self, item: QueueItem, approve: bool) -> str:
        c = item.credit
        amount = formatting.money(c.amount, c.currency, self.language)
        months = months_text(item, self.language)
        if approve:
            text = self.tr("Approve the credit of %1 for %2 (%3)? Billing applies it; this cannot be undone.")
        else:
            text = self.tr("Reject the credit of %1 for %2 (%3)? The agent is told your reason.")
        return text.replace("%1", amount).replace("%2", customer_text(item)).replace("%3", months)

    def decide_selected(self, approve: bool) -> QMessageBox | None:
        """Ask first (naming customer and amount); decide when the lead confirms."""
        item = self.selected()
        if item is None:
            self.status.setText(self.tr("Select a credit first."))
            return None
        if not approve and not self.reason.text().strip():
            self._decide(item, approve)  # the service refuses, with the reason why
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve the credit?") if approve else self.tr("Reject the credit?"),
                          self.question(item, approve), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmDecision")
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(self.tr("Approve") if approve else self.tr("Reject"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._confirmed(item, approve, box.clickedButton() is yes))
        self.confirm = box
        box.open()
        return box

    def _confirmed(self, item: QueueItem, approve: bool, yes: bool) -> None:
        self.confirm = None
        if yes:
            self._decide(item, approve)
        else:
            self.status.setText(self.tr("Nothing decided."))

    def _decide(self, item: QueueItem, approve: bool) -> None:
        reason = self.reason.text()
        ctx, who = self.ctx, self.principal

        def work() -> Decision:
            with ctx.journal.session() as s, s.begin():
                return decide(s, item.credit.action_id, who, approve=approve, reason=reason, now=ctx.now(),
                              workstation=ctx.settings.workstation)

        self._deciding = item
        self._enable(False)
        self._run(work, self._signals.decided)

    def _enable(self, on: bool) -> None:
        has_rows = self.model.rowCount() > 0
        for b in (self.open_button, self.approve_button, self.reject_button):
            b.setEnabled(on and has_rows)
        self.refresh_button.setEnabled(on)

    @Slot(object)
    def _on_loaded(self, rows: list[QueueItem]) -> None:
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._enable(True)
        if rows:
            self.table.selectRow(0)
        self._show_detail()
        self.loaded.emit(len(rows))

    @Slot(object)
    def _on_decided(self, d: Decision) -> None:
        self.reason.clear()
        item, self._deciding = self._deciding, None
        who = customer_text(item) if item is not None else d.customer_id
        amount = formatting.money(d.amount, d.currency, self.language) if d.amount is not None else ""
        text = self.tr("Approved %1 for %2.") if d.approved else self.tr("Rejected %1 for %2.")
        self.status.setText(text.replace("%1", amount).replace("%2", who))
        self.decided.emit(d)
        self.refresh()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._deciding = None
        self._enable(True)
        self.status.setText(message)
        self.failed.emit(message)

    def shutdown(self) -> None:
        if self.confirm is not None:
            self.confirm.reject()
        self.pool.waitForDone()


class SupervisorOverrideDialog(QDialog):
    """A lead signs in on an agent's screen; ``principal`` is the lead afterwards."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("Supervisor sign-in"))
        self.user = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()  # shown with a refusal: an empty line is not announced
        form = QFormLayout(self)
        form.addRow(self.tr("Lead id"), self.user)
        form.addRow(self.tr("Password or PIN"), self.secret)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def sign_in(self) -> None:
        try:
            who = authenticate(self.ctx, self.user.text().strip(), self.secret.text(), purpose="override")
            if who.role != "lead":
                raise PermissionDenied(self.tr("%1 is not a lead").replace("%1", who.id))
        except UserError as exc:
            self.secret.clear()
            self.message.setText(str(exc))
            self.message.show()
            return
        finally:
            self.secret.clear()
        self.principal = who
        self.accept()
