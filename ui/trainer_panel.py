"""The trainer's panel (demo mode): pick a scenario, ring it, read the brief, see the scorecard.

"Ring" sets the console's clock to the scenario's ``call_at`` (``console.trainer.DemoClock``)
and asks the window to screen-pop the scenario's caller. The brief (what the trainer says as
the customer) is shown here on demand ("Show the brief" / "Hide the brief") and, for a
second screen, in ``BriefWindow`` (the panel says so when there is only one screen). When
the trainee records the outcome, ``show_score`` scores the call
(``console.training.score_call``) under the trainee's name typed here and lists what was
right and wrong. "Hide hints" asks the window to hide the suggestions panel; the scorecard
then says what the trainee missed. Trainers load their own scenario files without
restarting; importer errors are shown one line per file. The session report is written in
the panel's language to the trainer's documents folder by default. The Trainer menu and the
reset that asks first are ``ui.trainer_menu``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_documents_path
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
    start_attempt,
    wall_clock,
)
from console.training.attempts import MAX_TRAINEE, score_call
from console.training.report import session_report, write_report
from console.training.scoring import Scorecard
from ui.brief_window import BriefWindow
from ui.live_language import LiveLanguage, count
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

    def set_language(self, language: str) -> None:
        """Titles in another language; the selection stays (no model reset)."""
        self.language = language
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

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


class TrainerPanel(LiveLanguage, QFrame):
    ring_requested = Signal(object)  # ScenarioInfo: the window pops its phone
    hints_toggled = Signal(bool)  # True: hide the suggestions panel
    scored = Signal(object)  # Scorecard
    reset_done = Signal(float)  # seconds
    retranslated = Signal()  # the panel speaks a new language (the Trainer menu follows)

    def __init__(self, ctx: ConsoleContext, language: str = "en", parent: QWidget | None = None,
                 reset: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainerPanel")
        self.ctx, self.language = ctx, language
        self.clock: DemoClock = install_demo_clock(ctx)
        self._reset = reset
        self.ringing: ScenarioInfo | None = None
        self.card: Scorecard | None = None
        self.brief_window: BriefWindow | None = None
        self._said: Callable[[], str] | None = None  # the last message, said again after a language switch

        self.model = ScenarioListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("scenarioList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)  # whole titles, on two lines in a narrow dock
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(lambda index: self.ring(self.model.scenario(index.row())))
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected_brief())
        self.ring_btn = QPushButton(self)
        self.ring_btn.setObjectName("ring")
        self.ring_btn.clicked.connect(lambda: self.ring())
        self.load_btn = QPushButton(self)
        self.load_btn.setObjectName("loadScenario")
        self.load_btn.clicked.connect(self.choose_files)
        self.message = QLabel(self)
        self.message.setObjectName("trainerMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.trainee_label = QLabel(self)
        self.trainee = QLineEdit(self)
        self.trainee.setObjectName("trainee")
        self.trainee.setMaxLength(MAX_TRAINEE)
        self.trainee.setText(ctx.settings.agent_id)
        self.trainee_label.setBuddy(self.trainee)
        self.hide_hints = QCheckBox(self)
        self.hide_hints.setObjectName("hideHints")
        self.hide_hints.toggled.connect(self.hints_toggled)
        self.brief = QPlainTextEdit(self)
        self.brief.setObjectName("brief")
        self.brief.setReadOnly(True)
        self.brief.setTabChangesFocus(True)
        # Hidden until the trainer asks: on a shared screen the trainee must not read it.
        self.brief.hide()
        self.show_brief = QPushButton(self)
        self.show_brief.setObjectName("showBrief")
        self.show_brief.setCheckable(True)
        self.show_brief.toggled.connect(self._brief_toggled)
        self.second_btn = QPushButton(self)
        self.second_btn.setObjectName("briefWindow")
        self.second_btn.clicked.connect(self.open_brief_window)
        self.score_title = QLabel(self)
        self.score_title.setObjectName("scoreTitle")
        self.score_title.setWordWrap(True)
        bold_title(self.score_title)
        self.score = QListWidget(self)
        self.score.setObjectName("scorecard")
        self.score.setWordWrap(True)
        self.export_btn = QPushButton(self)
        self.export_btn.setObjectName("exportReport")
        self.export_btn.clicked.connect(self.choose_report_path)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        self.head = QLabel(self)
        self.head.setBuddy(self.list)
        bold_title(self.head)
        layout.addWidget(self.head)
        layout.addWidget(self.list, 2)
        row = QHBoxLayout()
        row.addWidget(self.ring_btn)
        row.addWidget(self.load_btn)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        trainee_row = QHBoxLayout()
        trainee_row.addWidget(self.trainee_label)
        trainee_row.addWidget(self.trainee, 1)
        layout.addLayout(trainee_row)
        layout.addWidget(self.hide_hints)
        brief_row = QHBoxLayout()
        self.brief_head = QLabel(self)
        bold_title(self.brief_head)
        layout.addWidget(self.brief_head)
        brief_row.addWidget(self.show_brief)
        brief_row.addWidget(self.second_btn)
        brief_row.addStretch(1)
        layout.addLayout(brief_row)
        layout.addWidget(self.brief, 2)
        layout.addWidget(self.score_title)
        layout.addWidget(self.score, 3)
        layout.addWidget(self.export_btn)
        self.setMinimumWidth(240)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every text of the panel, in the current language (at start and on a language switch)."""
        self.setAccessibleName(self.tr("Trainer"))
        self.head.setText(self.tr("Scena&rios"))
        self.list.setAccessibleName(self.tr("Training scenarios"))
        self.ring_btn.setText(self.tr("Rin&g"))
        self.ring_btn.setAccessibleDescription(self.tr("Pops the selected scenario's caller at the scenario's time."))
        self.load_btn.setText(self.tr("Loa&d scenario…"))
        self.trainee_label.setText(self.tr("Trainee's na&me:"))
        self.trainee.setAccessibleName(self.tr("Trainee's name"))
        self.trainee.setPlaceholderText(self.tr("name shown in the session report"))
        self.hide_hints.setText(self.tr("Hide hints (no s&uggestions panel)"))
        self.brief_head.setText(self.tr("Brief (trainer only)"))
        self.brief.setAccessibleName(self.tr("Caller's brief"))
        self.brief.setAccessibleDescription(self.tr("What the trainer says as the customer; the trainee must not see it."))
        self._brief_toggled(self.show_brief.isChecked())
        self.second_btn.setText(self.tr("On a second screen"))
        self.second_btn.setAccessibleName(self.tr("Brief on a second screen"))
        self.score.setAccessibleName(self.tr("Scorecard"))
        self.export_btn.setText(self.tr("E&xport session report…"))
        self.model.set_language(self.language)
        self._show_score_card()
        if self._said is not None:
            self.say(self._said)
        self._show_selected_brief()  # the brief in the new language, here and on the second screen
        self.retranslated.emit()

    def _brief_toggled(self, shown: bool) -> None:
        self.brief.setVisible(shown)
        self.show_brief.setText(self.tr("Hide the brie&f") if shown else self.tr("Show the brie&f"))

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

    def say(self, text: str | Callable[[], str]) -> None:
        """Show a message; a callable is asked again after a language switch (it calls ``tr``)."""
        self._said = text if callable(text) else None
        self.message.setText(text() if callable(text) else text)

    def ring(self, scenario: ScenarioInfo | None = None) -> ScenarioInfo | None:
        """Start the scenario's clock and ask the window to pop its caller."""
        s = scenario or self.selected()
        if s is None:
            return None
        if not s.phone:
            self.say(lambda: self.tr("Scenario %1 has no phone number to ring").replace("%1", s.id))
            return None
        self.ringing = s
        self.card = None
        self._show_score_card()
        start_attempt(self.ctx)
        self.clock.start(s.call_at)
        self._show_selected_brief()
        self.say(lambda: self.tr("Ringing: %1 (%2)").replace("%1", s.title_in(self.language))
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
        start_attempt(self.ctx)
        self.clock.start(call_at)
        return True

    def load_paths(self, paths: Sequence[str | Path]) -> LoadResult | None:
        """Validate and import scenario files or folders into the demo store, without restarting."""
        try:
            result = load_scenarios(self.ctx, list(paths))
        except UserError as exc:
            self.say(str(exc))
            return None

        def text() -> str:
            lines = [self.tr("Loaded: %1").replace("%1", ", ".join(result.imported))] if result.imported else []
            return "\n".join([*lines, *result.errors])

        self.say(text)
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
    def open_brief_window(self) -> BriefWindow | None:
        """The brief in a window of its own on the second screen; with one screen, here instead.

        A window on the only screen would cover the trainee's view, so the panel shows the
        brief (the trainer keeps it out of the trainee's sight) and says why.
        """
        if BriefWindow.second_screen() is None:
            self.show_brief.setChecked(True)
            self.say(lambda: self.tr("There is only one screen: the brief is shown here in the panel, "
                                     "not in a window over the trainee's view."))
            return None
        if self.brief_window is None:
            self.brief_window = BriefWindow()
            self.brief_window.setObjectName("briefWindow")
        s = self.ringing or self.selected()
        if s is not None:
            self.brief_window.show_brief(s.title_in(self.language), s.brief_in(self.language))
        self.brief_window.show_on_second_screen()
        self.say(lambda: self.tr("The brief is on the second screen."))
        return self.brief_window

    def close_brief_window(self) -> None:
        if self.brief_window is not None:
            self.brief_window.close()
            self.brief_window.deleteLater()
            self.brief_window = None

    # -- scoring -----------------------------------------------------------------------------
    def hints_hidden(self) -> bool:
        return self.hide_hints.isChecked()

    def trainee_name(self) -> str:
        """Who is being scored: the name typed in the panel, else the id the console runs as."""
        return " ".join(self.trainee.text().split()) or self.ctx.settings.agent_id

    def show_score(self, call_id: str) -> Scorecard | None:
        """Score a recorded training call (and keep the attempt); show what was right and wrong."""
        try:
            card = score_call(self.ctx, call_id, hints_hidden=self.hints_hidden(), trainee=self.trainee_name())
        except UserError as exc:
            self.say(str(exc))
            return None
        self.card = card
        self._show_score_card()
        # The clock keeps the scenario's time until the next ring or a reset: the window
        # re-pops the caller after the save, and must see the same "now" as the call.
        self.scored.emit(card)
        return card

    def _show_score_card(self) -> None:
        self.score.clear()
        card = self.card
        if card is None:
            self.score_title.setText(self.tr("Scorecard: record the outcome to see it"))
            return
        self.score_title.setText(self.tr("Score: %1 of %2 points (%3%)").replace("%1", str(card.points))
                                 .replace("%2", str(card.max_points)).replace("%3", str(card.percent)))
        for kind, text in scorecard_lines(card, self.language):
            item = QListWidgetItem(text, self.score)
            item.setForeground(QBrush(QColor(_COLOURS.get(kind, _COLOURS["info"]))))

    def export_report(self, path: Path) -> int:
        """Write the session report (every kept attempt) in the panel's language; how many attempts."""
        report = session_report(self.ctx, language=self.language)
        out = write_report(report, path)
        n = len(report.attempts)
        self.say(lambda: count(self.tr("Session report written: %2 (%1 attempt(s))", "", n), n).replace("%2", str(out)))
        return n

    def default_report_path(self) -> Path:
        """``training-report-<date>.html`` in the trainer's documents folder (else home)."""
        folder = user_documents_path()
        if not folder.is_dir():
            folder = Path.home()
        return folder / f"training-report-{wall_clock(self.ctx).date().isoformat()}.html"

    def choose_report_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the session report"), str(self.default_report_path()),
                                              self.tr("Printable page (*.html);;Spreadsheet (*.csv)"))
        if name:
            try:
                self.export_report(Path(name))
            except (UserError, OSError) as exc:
                self.say(str(exc))

    # -- reset ---------------------------------------------------------------------------------
    def reset_demo(self) -> float | None:
        """Restore the demo database to pristine (closing the stores first); seconds taken.

        The window asks first (``ui.trainer_menu``); this does it.
        """
        from console.demo import reset_demo

        self.ctx.close()  # open connections would keep the old files alive
        try:
            seconds = (self._reset or reset_demo)()
        except UserError as exc:
            self.say(str(exc))
            return None
        self.clock.stop()
        self.ringing, self.card = None, None
        self._show_score_card()
        self.reload()
        self.say(lambda: self.tr("Demo database reset to pristine in %1 s").replace("%1", f"{seconds:.1f}"))
        self.reset_done.emit(seconds)
        return seconds
