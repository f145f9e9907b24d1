"""The lead's export dialog: filters, a format, a progress bar and Cancel, never freezing the window.

The export itself is ``console.export.run_export`` (the same service as the CLI: the role is
checked there, not here). It runs on a worker thread; progress, the result and errors come
back through queued signals and the worker never touches a widget. Cancel sets the
service's cancellation token, which stops at the next batch and leaves no file behind.

Wiring: ``ExportDialog(ctx, principal, parent, filters=None)``; ``set_filters`` takes the
``ExportFilters`` a dashboard bar yields.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.auth import Principal
from console.context import ConsoleContext
from console.errors import UserError
from console.export import (
    FORMATS,
    CancelToken,
    ExportCancelled,
    ExportFilters,
    ExportRequest,
    run_export,
)
from console.permissions import allowed
from console.vocabulary import FINDING_CODES, OUTCOMES, ROOT_CAUSES
from ui.labels import word


class ExportSignals(QObject):
    progress = Signal(int, int)  # rows done, rows in total
    finished = Signal(object)  # ExportResult
    failed = Signal(str)  # one line for the user
    cancelled = Signal()


class ExportJob(QRunnable):
    """One export on a pool thread; talks to the dialog only through ``signals``."""

    def __init__(self, ctx: ConsoleContext, who: Principal, request: ExportRequest, token: CancelToken,
                 signals: ExportSignals) -> None:
        super().__init__()
        self.ctx, self.who, self.request, self.token, self.signals = ctx, who, request, token, signals

    def run(self) -> None:
        try:
            result = run_export(self.ctx, self.who, self.request, progress=self.signals.progress.emit,
                                cancel=self.token)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown, not swallowed: the dialog says what went wrong
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


def _checklist(codes: tuple[str, ...]) -> QListWidget:
    lst = QListWidget()
    for code in codes:
        item = QListWidgetItem(word(code) or code)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        lst.addItem(item)
    lst.setMaximumHeight(120)
    return lst


def _checked(lst: QListWidget) -> tuple[str, ...]:
    return tuple(lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                 if lst.item(i).checkState() == Qt.CheckState.Checked)


def _set_checked(lst: QListWidget, codes: tuple[str, ...]) -> None:
    for i in range(lst.count()):
        item = lst.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ExportDialog(QDialog):
    """Filters, format, output file; Export runs in the background, Cancel stops it."""

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None,
                 filters: ExportFilters | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.setWindowTitle(self.tr("Export call logs"))
        self.setMinimumWidth(560)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.token: CancelToken | None = None
        self.signals = ExportSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)

        today = ctx.now().date()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_to = QDateEdit(_qdate(today))
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.agents = QLineEdit()
        self.agents.setPlaceholderText(self.tr("all agents (or ids separated by commas)"))
        self.outcomes = _checklist(OUTCOMES)
        self.root_causes = _checklist(ROOT_CAUSES)
        self.findings = _checklist(FINDING_CODES)
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.format.currentTextChanged.connect(self._fix_suffix)
        self.out = QLineEdit(str(Path.home() / f"calls-{today.isoformat()}.csv"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.unmasked = QCheckBox(self.tr("Include full phone numbers and ids (audited)"))
        self.unmasked.setEnabled(allowed(principal.role, "export.unmasked"))

        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–"))
        period.addWidget(self.date_to)
        form.addRow(self.tr("Days"), period)
        form.addRow(self.tr("Agents"), self.agents)
        form.addRow(self.tr("Outcomes"), self.outcomes)
        form.addRow(self.tr("Root causes"), self.root_causes)
        form.addRow(self.tr("Findings"), self.findings)
        out_row = QHBoxLayout()
        out_row.addWidget(self.format)
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("File"), out_row)
        form.addRow("", self.unmasked)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Personal data is masked unless you ask otherwise."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        if filters is not None:
            self.set_filters(filters)

    # -- filters ------------------------------------------------------------------------------

    def set_filters(self, f: ExportFilters) -> None:
        if f.date_from:
            self.date_from.setDate(_qdate(f.date_from))
        if f.date_to:
            self.date_to.setDate(_qdate(f.date_to))
        self.agents.setText(", ".join(f.agents))
        _set_checked(self.outcomes, f.outcomes)
        _set_checked(self.root_causes, f.root_causes)
        _set_checked(self.findings, f.findings)

    def filters(self) -> ExportFilters:
        d1, d2 = self.date_from.date(), self.date_to.date()
        return ExportFilters(
            date_from=date(d1.year(), d1.month(), d1.day()), date_to=date(d2.year(), d2.month(), d2.day()),
            agents=tuple(a.strip() for a in self.agents.text().split(",") if a.strip()),
            outcomes=_checked(self.outcomes), root_causes=_checked(self.root_causes), findings=_checked(self.findings),
        )

    def request(self) -> ExportRequest:
        return ExportRequest(self.format.currentText(), Path(self.out.text()).expanduser(), self.filters(),
                             unmasked=self.unmasked.isChecked())

    @Slot(str)
    def _fix_suffix(self, fmt: str) -> None:
        path = Path(self.out.text())
        if path.suffix.lower() in {".csv", ".xlsx", ".jsonl"}:
            self.out.setText(str(path.with_suffix(f".{fmt}")))

    def _browse(self) -> None:
        fmt = self.format.currentText()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text(), f"{fmt.upper()} (*.{fmt})")
        if name:
            self.out.setText(name)

    # -- running ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.token is not None

    def start(self) -> None:
        if self.running:
            return
        self.token = CancelToken()
        self._busy(True)
        self.status.setText(self.tr("Counting calls…"))
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.pool.start(ExportJob(self.ctx, self.principal, self.request(), self.token, self.signals))

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        for w in (self.date_from, self.date_to, self.agents, self.outcomes, self.root_causes, self.findings,
                  self.format, self.out):
            w.setEnabled(not busy)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("%1 of %2 calls written…").replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._done()
        self.progress.setValue(self.progress.maximum())
        rows, path = getattr(result, "rows", 0), getattr(result, "path", "")
        self.status.setText(self.tr("%1 calls written to %2").replace("%1", f"{rows:,}").replace("%2", str(path)))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._done()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._done()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled; no file was written."))

    def _done(self) -> None:
        self.token = None
        self._busy(False)

    def shutdown(self) -> None:
        """Cancel a running export and wait for its thread (closing the dialog, or in tests)."""
        self.cancel()
        self.pool.waitForDone()

    def done(self, result: int) -> None:  # closing the dialog by any means
        self.shutdown()
        super().done(result)

