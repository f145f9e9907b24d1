"""The Trainer menu (demo mode), and the demo reset that asks before it wipes a session.

Everyday items come first, with their keys: ring the selected scenario, go to the scenario
list, load a scenario, hide hints and show the brief (both checkable, so the menu shows their
state and stays in step with the panel's controls), the brief on a second screen, the
trainee's name, the session report. **Reset demo…** sits alone at the end, behind a
separator, and asks first, naming what is lost (the attempts and scorecards kept so far,
every call recorded in demo, scenarios loaded by hand) with Cancel as the default. After a
reset no old caller stays on screen: the window is cleared (``ConsoleWindow.clear_caller``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMenu, QMessageBox

from console.training.attempts import kept_attempts
from ui.live_language import count
from ui.trainer_panel import TrainerPanel


class TrainerMenu(QObject):
    """The Trainer menu of ``window`` for ``trainer``; ``ask_reset`` is Reset demo…."""

    def __init__(self, window: QMainWindow, trainer: TrainerPanel) -> None:
        super().__init__(window)
        self.setObjectName("trainerMenu")
        self.window, self.trainer = window, trainer
        self.confirm: QMessageBox | None = None
        self.menu = QMenu(window)
        help_menu = getattr(window, "_menus", {}).get("help")  # Help stays the last menu
        if isinstance(help_menu, QMenu):
            window.menuBar().insertMenu(help_menu.menuAction(), self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.menu.setObjectName("trainerMenuBar")
        t = trainer
        self.act_ring = self._action(("Ctrl+R",), t.ring, "ringScenario")
        self.act_list = self._action(("Alt+6",), self.focus_scenarios, "focusScenarios")
        self.act_load = self._action(("Ctrl+O",), t.choose_files, "loadScenario")
        self.menu.addSeparator()
        self.act_hints = self._action(("Ctrl+Alt+H",), None, "hideHints", checkable=True)
        self._mirror(self.act_hints, t.hide_hints)
        self.act_brief = self._action(("Ctrl+Alt+B",), None, "showBriefMenu", checkable=True)
        self._mirror(self.act_brief, t.show_brief)
        self.act_second = self._action((), t.open_brief_window, "briefWindow")
        self.act_trainee = self._action((), self.focus_trainee, "nameTrainee")
        self.menu.addSeparator()
        self.act_report = self._action((), t.choose_report_path, "exportReport")
        self.menu.addSeparator()
        self.act_reset = self._action((), self.ask_reset, "resetDemo")
        trainer.retranslated.connect(self.retranslate)
        trainer.reset_done.connect(self._clear_window)
        self.retranslate()

    def _action(self, keys: Iterable[str], slot: Callable[[], object] | None, name: str,
                checkable: bool = False) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda: slot())
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    @staticmethod
    def _mirror(action: QAction, button: QAbstractButton) -> None:
        """A checkable menu item and the panel's control show and change the same state."""
        action.setChecked(button.isChecked())
        action.toggled.connect(button.setChecked)
        button.toggled.connect(action.setChecked)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Trainer"))
        self.act_ring.setText(self.tr("Ring the selected scenario"))
        self.act_list.setText(self.tr("Go to the scenario list"))
        self.act_load.setText(self.tr("Load scenario…"))
        self.act_hints.setText(self.tr("Hide hints"))
        self.act_brief.setText(self.tr("Show the brief"))
        self.act_second.setText(self.tr("Brief on a second screen"))
        self.act_trainee.setText(self.tr("Name the trainee"))
        self.act_report.setText(self.tr("Export the session report…"))
        self.act_reset.setText(self.tr("Reset demo…"))

    def focus_scenarios(self) -> None:
        self.trainer.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_trainee(self) -> None:
        self.trainer.trainee.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.trainer.trainee.selectAll()

    # -- reset ---------------------------------------------------------------------------------
    def question(self) -> str:
        try:
            n = kept_attempts(self.trainer.ctx)
        except Exception:  # noqa: BLE001 - the demo journal cannot be read: ask all the same
            n = -1
        kept = (count(self.tr("%1 attempt(s) and their scorecards", "", n), n) if n >= 0
                else self.tr("every attempt and scorecard"))
        return self.tr("Reset the demo database to pristine?\n\nThis deletes what this session kept: %1, every call "
                       "recorded in demo, and scenarios loaded by hand. Export the session report first to keep "
                       "it.").replace("%1", kept)

    def ask_reset(self) -> QMessageBox:
        """Ask before resetting (Cancel is the default); reset when the trainer confirms."""
        if self.confirm is not None:
            self.confirm.raise_()
            return self.confirm
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reset demo"), self.question(),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("confirmResetDemo")
        box.setTextFormat(Qt.TextFormat.PlainText)
        reset = box.addButton(self.tr("&Reset and lose the session"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is reset))
        self.confirm = box
        box.open()
        return box

    def _answered(self, reset: bool) -> None:
        self.confirm = None
        if reset:
            self.reset_now()

    def reset_now(self) -> float | None:
        """Reset without asking (the trainer confirmed): lookups stopped, stores reset, screen cleared."""
        lookups = getattr(self.window, "lookups", None)
        if lookups is not None:
            lookups.shutdown()  # a lookup still running holds the old store open
        return self.trainer.reset_demo()

    def _clear_window(self, seconds: float) -> None:
        """No caller from before the reset stays on screen; the status bar says what happened."""
        self.window.clear_caller()  # type: ignore[attr-defined]
        self.window.statusBar().showMessage(
            self.tr("Demo database reset to pristine in %1 s: no caller on screen").replace("%1", f"{seconds:.1f}"), 10_000)
