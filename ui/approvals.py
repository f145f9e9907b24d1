"""The lead's approval queue in the window, and the supervisor override on an agent's screen.

``ApprovalsWidget(ctx, principal)`` lists the credits waiting for a lead and approves or
rejects the selected one with a reason, through ``console.approvals.decide`` (the service
checks the role and writes the audit entry and the outbox events). Database work runs on
one worker thread; the widget only shows plain rows.

``SupervisorOverrideDialog(ctx)`` lets a lead sign in on an agent's screen (audited as an
"override" sign-in) and hands back the lead's ``Principal`` for ``ApprovalsWidget``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
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
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import formatting
from console.approvals import Decision, PendingCredit, decide, pending_credits
from console.auth import Principal, authenticate
from console.context import ConsoleContext
from console.errors import PermissionDenied, UserError
from ui.plain import tip

_Index = QModelIndex | QPersistentModelIndex


class PendingModel(QAbstractTableModel):
    """Plain PendingCredit rows as a table."""

    HEADERS = ("Waiting since", "Agent", "Customer", "Amount", "Service", "Months", "Call")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PendingCredit] = []

    def set_rows(self, rows: list[PendingCredit]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (formatting.moment(r.created_at), r.agent_id, r.customer_id,
                    formatting.money(r.amount, r.currency), r.service_code or "", ", ".join(r.periods),
                    r.call_id or "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(r.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _Signals(QObject):
    loaded = Signal(object)  # list[PendingCredit]
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


class ApprovalsWidget(QWidget):
    """Credits waiting for a lead; Approve / Reject the selected one with a reason."""

    decided = Signal(object)  # console.approvals.Decision
    loaded = Signal(int)  # how many credits are waiting
    failed = Signal(str)

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.decided.connect(self._on_decided)
        self._signals.failed.connect(self._on_failed)
        self.model = PendingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required to reject; shown to the agent and audited)"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.approve_button.clicked.connect(lambda: self.decide_selected(True))
        self.reject_button.clicked.connect(lambda: self.decide_selected(False))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Credits above an agent's limit, waiting for a lead")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _run(self, fn: Callable[[], Any], done: Any) -> None:
        self.pool.start(_Task(fn, done, self._signals.failed))

    def refresh(self) -> None:
        def load() -> list[PendingCredit]:
            from console.permissions import require

            require(self.principal, "approval.list")
            with self.ctx.journal.session() as s:
                return pending_credits(s)

        self._run(load, self._signals.loaded)

    def selected(self) -> PendingCredit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def decide_selected(self, approve: bool) -> None:
        credit = self.selected()
        if credit is None:
            self.status.setText(self.tr("Select a credit first."))
            return
        reason = self.reason.text()
        ctx, who = self.ctx, self.principal

        def work() -> Decision:
            with ctx.journal.session() as s, s.begin():
                return decide(s, credit.action_id, who, approve=approve, reason=reason, now=ctx.now(),
                              workstation=ctx.settings.workstation)

        self._enable(False)
        self._run(work, self._signals.decided)

    def _enable(self, on: bool) -> None:
        for b in (self.approve_button, self.reject_button, self.refresh_button):
            b.setEnabled(on)

    @Slot(object)
    def _on_loaded(self, rows: list[PendingCredit]) -> None:
        self.model.set_rows(rows)
        self._enable(True)
        if rows:
            self.table.selectRow(0)
        self.loaded.emit(len(rows))

    @Slot(object)
    def _on_decided(self, d: Decision) -> None:
        self.reason.clear()
        word = self.tr("approved") if d.approved else self.tr("rejected")
        self.status.setText(self.tr("Credit %1 %2.").replace("%1", d.action_id).replace("%2", word))
        self.decided.emit(d)
        self.refresh()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._enable(True)
        self.status.setText(message)
        self.failed.emit(message)

    def shutdown(self) -> None:
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
            return
        finally:
            self.secret.clear()
        self.principal = who
        self.accept()
