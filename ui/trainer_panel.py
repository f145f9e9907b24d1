"""The trainer's panel (demo mode): pick a scenario, ring it, read the brief, see the scorecard.

"Ring" sets the console's clock to the scenario's ``call_at`` (``console.trainer.DemoClock``)
and asks the window to screen-pop the scenario's caller. The brief (what the trainer says as
the customer) is shown here and, for a second screen, in ``BriefWindow``. When the trainee
records the outcome, ``show_score`` scores the call (``console.training.score_call``) and
lists what was right and wrong. "Hide hints" asks the window to hide the suggestions panel;
the scorecard then says what the trainee missed. Trainers load their own scenario files
without restarting; importer errors are shown one line per file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import formatting as fmt
from console.context import ConsoleContext
from console.errors import UserError
from console.trainer import (
    DemoClock,
    LoadResult,
    ScenarioInfo,
    install_demo_clock,
    list_scenarios,
    load_scenarios,
)
from console.training.attempts import attempt_rows, score_call, write_report
from console.training.scoring import Scorecard
from ui.brief_window import BriefWindow
from ui.plain import tip
from ui.scorecard_view import scorecard_lines
from ui.theme import bold_title, paint_card

AnyIndex = QModelIndex | QPersistentModelIndex
_COLOURS = {"right": "#166534", "partly": "#8a5a00", "wrong": "#b42318", "info": "#1f2a36"}


class ScenarioListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ScenarioInfo] = []
        self.language = "en"

    def set_rows(self, rows: Sequence[ScenarioInfo], language: str) -> None:
        self.beginResetModel()
        self._rows, self.language = list(rows), language
        self.endResetModel()

    def scenario(self, row: int) -> ScenarioInfo:
        return self._rows[row]

    def row_of(self, scenario_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == scenario_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return s.title_in(self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{s.title_in(self.language)}\n{s.id}\n{fmt.moment(s.call_at, self.language)} · {s.phone or '-'}")
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None


class TrainerPanel(QFrame):
    ring_requested = Signal(object)  # ScenarioInfo: the window pops its phone
    hints_toggled = Signal(bool)  # True: hide the suggestions panel
    scored = Signal(object)  # Scorecard
    reset_done = Signal(float)  # seconds

    def __init__(self, ctx: ConsoleContext, language: str = "en", parent: QWidget | None = None,
                 reset: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainerPanel")
        self.setAccessibleName(self.tr("Trainer"))
        self.ctx, self.language = ctx, language
        self.clock: DemoClock = install_demo_clock(ctx)
        self._reset = reset
        self.ringing: ScenarioInfo | None = None
        self.card: Scorecard | None = None
        self.brief_window: BriefWindow | None = None

        self.model = ScenarioListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("scenarioList")
        self.list.setAccessibleName(self.tr("Training scenarios"))
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(lambda index: self.ring(self.model.scenario(index.row())))
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected_brief())
        self.ring_btn = QPushButton(self.tr("Rin&g"), self)
        self.ring_btn.setObjectName("ring")
        self.ring_btn.clicked.connect(lambda: self.ring())
        self.load_btn = QPushButton(self.tr("Loa&d scenario…"), self)
        self.load_btn.setObjectName("loadScenario")
        self.load_btn.clicked.connect(self.choose_files)
        self.message = QLabel(self)
        self.message.setObjectName("trainerMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.hide_hints = QCheckBox(self.tr("Hide hints (no s&uggestions panel)"), self)
        self.hide_hints.setObjectName("hideHints")
        self.hide_hints.toggled.connect(self.hints_toggled)
        self.brief = QPlainTextEdit(self)
        self.brief.setObjectName("brief")
        self.brief.setAccessibleName(self.tr("Caller's brief"))
        self.brief.setReadOnly(True)
        self.brief.setTabChangesFocus(True)
        # Hidden until the trainer asks: on a shared screen the trainee must not read it.
        self.brief.hide()
        self.show_brief = QPushButton(self.tr("Show the brie&f"), self)
        self.show_brief.setObjectName("showBrief")
        self.show_brief.setCheckable(True)
        self.show_brief.toggled.connect(self.brief.setVisible)
        self.second_btn = QPushButton(self.tr("On a second screen"), self)
        self.second_btn.setObjectName("briefWindow")
        self.second_btn.clicked.connect(self.open_brief_window)
        self.score_title = QLabel(self.tr("Scorecard: record the outcome to see it"), self)
        self.score_title.setObjectName("scoreTitle")
        self.score_title.setWordWrap(True)
        bold_title(self.score_title)
        self.score = QListWidget(self)
        self.score.setObjectName("scorecard")
        self.score.setAccessibleName(self.tr("Scorecard"))
        self.score.setWordWrap(True)
        self.export_btn = QPushButton(self.tr("E&xport session report…"), self)
        self.export_btn.setObjectName("exportReport")
        self.export_btn.clicked.connect(self.choose_report_path)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        head = QLabel(self.tr("Scena&rios"), self)
        head.setBuddy(self.list)
        bold_title(head)
        layout.addWidget(head)
        layout.addWidget(self.list, 2)
        row = QHBoxLayout()
        row.addWidget(self.ring_btn)
        row.addWidget(self.load_btn)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.hide_hints)
        brief_row = QHBoxLayout()
        brief_head = QLabel(self.tr("Brief (trainer only)"), self)
        bold_title(brief_head)
        layout.addWidget(brief_head)
        brief_row.addWidget(self.show_brief)
        brief_row.addWidget(self.second_btn)
        brief_row.addStretch(1)
        layout.addLayout(brief_row)
        layout.addWidget(self.brief, 2)
        layout.addWidget(self.score_title)
        layout.addWidget(self.score, 3)
        layout.addWidget(self.export_btn)
        self.setMinimumWidth(240)
        self.reload()

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self)

    # -- scenarios -------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.selected()
        try:
            rows = list_scenarios(self.ctx)
        except UserError as exc:
            self.say(str(exc))
            rows = []
        self.model.set_rows(rows, self.language)
        row = self.model.row_of(current.id) if current else 0
        if rows:
            self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.ring_btn.setEnabled(bool(rows))

    def selected(self) -> ScenarioInfo | None:
        index = self.list.currentIndex()
        return self.model.scenario(index.row()) if index.isValid() else None

    def select(self, scenario_id: str) -> bool:
        row = self.model.row_of(scenario_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def _show_selected_brief(self) -> None:
        s = self.selected()
        if s is not None:
            self.brief.setPlainText(s.brief_in(self.language))
            if self.brief_window is not None:
                self.brief_window.show_brief(s.title_in(self.language), s.brief_in(self.language))

    def say(self, text: str) -> None:
        self.message.setText(text)

    def ring(self, scenario: ScenarioInfo | None = None) -> ScenarioInfo | None:
        """Start the scenario's clock and ask the window to pop its caller."""
        s = scenario or self.selected()
        if s is None:
            return None
        if not s.phone:
            self.say(self.tr("Scenario %1 has no phone number to ring").replace("%1", s.id))
            return None
        self.ringing = s
        self.card = None
        self.score.clear()
        self.score_title.setText(self.tr("Scorecard: record the outcome to see it"))
        self.clock.start(s.call_at)
        self._show_selected_brief()
        self.say(self.tr("Ringing: %1 (%2)").replace("%1", s.title_in(self.language))
                 .replace("%2", fmt.moment(s.call_at, self.language)))
        self.ring_requested.emit(s)
        return s

    def follow_pop(self, customer_id: str, call_at: datetime) -> bool:
        """The window popped a caller: if it is another scenario's, run on that scenario's time."""
        if self.ringing is not None and self.ringing.customer_id == customer_id and self.clock.running:
            return False
        row = next((i for i in range(self.model.rowCount()) if self.model.scenario(i).customer_id == customer_id), -1)
        if row < 0:
            return False
        self.ringing = self.model.scenario(row)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self.clock.start(call_at)
        return True

    def load_paths(self, paths: Sequence[str | Path]) -> LoadResult | None:
        """Validate and import scenario files or folders into the demo store, without restarting."""
        try:
            result = load_scenarios(self.ctx, list(paths))
        except UserError as exc:
            self.say(str(exc))
            return None
        lines = []
        if result.imported:
            lines.append(self.tr("Loaded: %1").replace("%1", ", ".join(result.imported)))
        lines.extend(result.errors)
        self.say("\n".join(lines))
        self.reload()
        if result.imported:
            self.select(result.imported[-1])
        return result

    def choose_files(self) -> None:
        start = getattr(self, "_last_dir", None) or str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Load scenario files"), start,
                                                self.tr("Scenarios (*.yaml *.yml)"))
        if files:
            self._last_dir = str(Path(files[0]).parent)  # the trainer's folder, next time
            self.load_paths(files)

    # -- brief window ------------------------------------------------------------------------
    def open_brief_window(self) -> BriefWindow:
        if self.brief_window is None:
            self.brief_window = BriefWindow()
            self.brief_window.setObjectName("briefWindow")
        s = self.ringing or self.selected()
        if s is not None:
            self.brief_window.show_brief(s.title_in(self.language), s.brief_in(self.language))
        self.brief_window.show_on_second_screen()
        return self.brief_window

    def close_brief_window(self) -> None:
        if self.brief_window is not None:
            self.brief_window.close()
            self.brief_window.deleteLater()
            self.brief_window = None

    # -- scoring -----------------------------------------------------------------------------
    def hints_hidden(self) -> bool:
        return self.hide_hints.isChecked()

    def show_score(self, call_id: str) -> Scorecard | None:
        """Score a recorded training call (and keep the attempt); show what was right and wrong."""
        try:
            card = score_call(self.ctx, call_id, hints_hidden=self.hints_hidden())
        except UserError as exc:
            self.say(str(exc))
            return None
        self.card = card
        self.score_title.setText(self.tr("Score: %1 of %2 points (%3%)").replace("%1", str(card.points))
                                 .replace("%2", str(card.max_points)).replace("%3", str(card.percent)))
        self.score.clear()
        for kind, text in scorecard_lines(card, self.language):
            item = QListWidgetItem(text, self.score)
            item.setForeground(QBrush(QColor(_COLOURS.get(kind, _COLOURS["info"]))))
        # The clock keeps the scenario's time until the next ring or a reset: the window
        # re-pops the caller after the save, and must see the same "now" as the call.
        self.scored.emit(card)
        return card

    def export_report(self, path: Path) -> int:
        rows = attempt_rows(self.ctx)
        write_report(rows, path)
        self.say(self.tr("Session report written: %1 (%2 attempts)").replace("%1", str(path)).replace("%2", str(len(rows))))
        return len(rows)

    def choose_report_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the session report"), str(Path.home() / "training-report.html"),
                                              self.tr("Printable page (*.html);;Spreadsheet (*.csv)"))
        if name:
            try:
                self.export_report(Path(name))
            except (UserError, OSError) as exc:
                self.say(str(exc))

    # -- reset ---------------------------------------------------------------------------------
    def reset_demo(self) -> float | None:
        """Restore the demo database to pristine (closing the stores first); seconds taken."""
        from console.demo import reset_demo

        self.ctx.close()  # open connections would keep the old files alive
        try:
            seconds = (self._reset or reset_demo)()
        except UserError as exc:
            self.say(str(exc))
            return None
        self.clock.stop()
        self.ringing, self.card = None, None
        self.score.clear()
        self.reload()
        self.say(self.tr("Demo database reset to pristine in %1 s").replace("%1", f"{seconds:.1f}"))
        self.reset_done.emit(seconds)
        return seconds
