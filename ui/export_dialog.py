"""The lead's export dialog: filters, a format, a progress bar and Cancel, never freezing the window.

The export itself is ``console.export.run_export`` (the same service as the CLI: the role is
checked there, not here). It runs on a worker thread; progress, the result and errors come
back through queued signals and the worker never touches a widget. Cancel sets the
service's cancellation token, which stops at the next batch and leaves no file behind.

Every field has a label that names it for a screen reader (the format combo by "Format",
not by its value), dates show in the language's one format, the filter lists show words
and all their entries, and the file goes to the lead's documents folder by default.

Wiring: ``ExportDialog(ctx, principal, parent, filters=None)``; ``set_filters`` takes the
``ExportFilters`` a dashboard bar yields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from platformdirs import user_documents_path
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
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
    QMessageBox,
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
from ui.live_language import LiveLanguage, count, set_date_format, without_mnemonic
from ui.wrapup import finding_word

FORMAT_NAMES = {  # what a lead reads in the Format combo; the code goes to the service
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV for Excel (.csv)"),
    "xlsx": QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (.xlsx)"),
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "JSON lines (.jsonl)"),
}


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


def _checklist(codes: tuple[str, ...], name: str) -> QListWidget:
    lst = QListWidget()
    lst.setObjectName(name)
    for code in codes:
        item = QListWidgetItem(code)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        lst.addItem(item)
    return lst


def _label_items(lst: QListWidget, words: Callable[[str], str]) -> None:
    """Words for the codes, and a list tall enough to show every entry (none cut off)."""
    for i in range(lst.count()):
        item = lst.item(i)
        item.setText(words(item.data(Qt.ItemDataRole.UserRole)))
    rows = lst.sizeHintForRow(0) if lst.count() else 20
    lst.setFixedHeight(rows * lst.count() + 2 * lst.frameWidth() + 4)


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


def default_folder() -> Path:
    """The lead's documents folder (platformdirs), else home."""
    folder = user_documents_path()
    return folder if folder.is_dir() else Path.home()


class ExportDialog(LiveLanguage, QDialog):
    """Filters, format, output file; Export runs in the background, Cancel stops it."""

    def __init__(self, ctx: ConsoleContext, principal: Principal, parent: QWidget | None = None,
                 filters: ExportFilters | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.language = language or (getattr(parent, "language", None) or "en")
        self.setMinimumWidth(600)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.token: CancelToken | None = None
        self.confirm: QMessageBox | None = None  # "Replace the file?" while it is asked
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
        self.agents = QLineEdit()
        self.outcomes = _checklist(OUTCOMES, "exportOutcomes")
        self.root_causes = _checklist(ROOT_CAUSES, "exportRootCauses")
        self.findings = _checklist(FINDING_CODES, "exportFindings")
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for code in FORMATS:
            self.format.addItem(code, code)
        self.format.currentIndexChanged.connect(lambda _i: self._fix_suffix(self.fmt()))
        self.out = QLineEdit(str(default_folder() / f"calls-{today.isoformat()}.csv"))
        self.out.setObjectName("exportFile")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.unmasked = QCheckBox()
        self.unmasked.setEnabled(allowed(principal.role, "export.unmasked"))

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        period = QHBoxLayout()
        self.to_label = QLabel()
        self.to_label.setBuddy(self.date_to)
        period.addWidget(self.date_from)
        period.addWidget(self.to_label)
        period.addWidget(self.date_to)
        period.addStretch(1)
        for key, field in (("days", period), ("agents", self.agents), ("outcomes", self.outcomes),
                           ("causes", self.root_causes), ("findings", self.findings)):
            label = self.labels[key] = QLabel()
            form.addRow(label, field)
        self.labels["days"].setBuddy(self.date_from)
        self.format_label = QLabel()
        self.format_label.setBuddy(self.format)
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.format)
        fmt_row.addStretch(1)
        form.addRow(self.format_label, fmt_row)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.labels["file"] = QLabel()
        self.labels["file"].setBuddy(self.out)
        form.addRow(self.labels["file"], out_row)
        form.addRow("", self.unmasked)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        self.cancel_button.hide()  # shown while an export runs: a disabled twin of Export only confuses
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.status.setText(self.tr("Personal data is masked unless you ask otherwise."))
        if filters is not None:
            self.set_filters(filters)

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch)."""
        self.setWindowTitle(self.tr("Export call logs"))
        self.labels["days"].setText(self.tr("&Days from"))
        self.to_label.setText(self.tr("t&o"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        set_date_format((self.date_from, self.date_to), self.language)
        self.labels["agents"].setText(self.tr("A&gents"))
        self.agents.setPlaceholderText(self.tr("all agents (or ids separated by commas)"))
        self.labels["outcomes"].setText(self.tr("O&utcomes"))
        self.labels["causes"].setText(self.tr("&Root causes"))
        self.labels["findings"].setText(self.tr("Fi&ndings"))
        for key, field in (("agents", self.agents), ("outcomes", self.outcomes), ("causes", self.root_causes),
                           ("findings", self.findings)):
            self.labels[key].setBuddy(field)
            field.setAccessibleName(without_mnemonic(self.labels[key].text()))  # lists ignore their buddy
        _label_items(self.outcomes, lambda c: word(c) or c)
        _label_items(self.root_causes, lambda c: word(c) or c)
        _label_items(self.findings, finding_word)
        self.format_label.setText(self.tr("&Format"))
        self.format.setAccessibleName(self.tr("Format"))  # a combo is otherwise named by its value
        for i in range(self.format.count()):
            self.format.setItemText(i, QCoreApplication.translate("ExportDialog", FORMAT_NAMES[self.format.itemData(i)]))
        self.labels["file"].setText(self.tr("F&ile"))
        self.out.setAccessibleName(self.tr("File to write"))
        self.browse.setText(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the file to write"))
        self.unmasked.setText(self.tr("Include full phone numbers and ids (audited)"))
        self.unmasked.setAccessibleDescription(
            self.tr("Every unmasked export is written to the audit log.") if allowed(self.principal.role, "export.unmasked")
            else self.tr("Your role may not export unmasked data."))
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.start_button.setText(self.tr("&Export"))
        self.cancel_button.setText(self.tr("&Cancel export"))

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

    def fmt(self) -> str:
        """The chosen format's code (``csv``, ``xlsx``, ``jsonl``)."""
        return str(self.format.currentData())

    def set_format(self, code: str) -> None:
        self.format.setCurrentIndex(self.format.findData(code))

    def request(self) -> ExportRequest:
        return ExportRequest(self.fmt(), Path(self.out.text()).expanduser(), self.filters(),
                             unmasked=self.unmasked.isChecked())

    def _fix_suffix(self, fmt: str) -> None:
        path = Path(self.out.text())
        if path.suffix.lower() in {".csv", ".xlsx", ".jsonl"}:
            self.out.setText(str(path.with_suffix(f".{fmt}")))

    def _browse(self) -> None:
        fmt = self.fmt()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text(), f"{self.format.currentText()} (*.{fmt})")
        if name:
            self.out.setText(name)

    # -- running ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.token is not None

    def start(self) -> QMessageBox | None:
        """Export; a file already there is replaced only once the lead says so (the command
        line's ``--force``), asked in a box naming the file. Returns that box, if asked."""
        if self.running:
            return None
        request = self.request()
        out = request.out.absolute()
        if out.is_file() and self.confirm is None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace the file?"),
                              self.tr("%1 already exists. Replace it with this export?").replace("%1", str(out)),
                              QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("confirmReplace")
            box.setTextFormat(Qt.TextFormat.PlainText)
            replace_button = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter keeps the old file
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(lambda _r: self._replace_answered(request, box.clickedButton() is replace_button))
            self.confirm = box
            box.open()
            return box
        self._run(request)
        return None

    def _replace_answered(self, request: ExportRequest, replace: bool) -> None:
        self.confirm = None
        if replace:
            self._run(dataclasses.replace(request, overwrite=True))
        else:
            self.status.setText(self.tr("Nothing exported: choose another file name."))

    def _run(self, request: ExportRequest) -> None:
        self.token = CancelToken()
        self._busy(True)
        self.status.setText(self.tr("Counting calls…"))
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.pool.start(ExportJob(self.ctx, self.principal, request, self.token, self.signals))

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_button.setVisible(busy)
        for w in (self.date_from, self.date_to, self.agents, self.outcomes, self.root_causes, self.findings,
                  self.format, self.out):
            w.setEnabled(not busy)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(count(self.tr("%2 of %1 call(s) written…", "", total), total).replace("%2", f"{done:,}"))

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._done()
        self.progress.setValue(self.progress.maximum())
        rows, path = getattr(result, "rows", 0), getattr(result, "path", "")
        self.status.setText(count(self.tr("%1 call(s) written to %2", "", rows), rows).replace("%2", str(path)))

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

