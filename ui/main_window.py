"""The console window: caller bar, timeline strip, the three panes, history with us.

Presentation only. A number goes to ``ui.worker.Lookups`` (off the GUI thread); the
answer (a ``PopResult`` of plain rows) is poured into the models in one go. Evidence refs
from the rules ("clause:<id>", "notification:<id>", "bill_line:<id>", "event:<id>",
"usage:<SVC>:<YYYY-MM>") light up the matching rows and timeline marks through
``highlight_evidence``. Every action has a key; Help > Keyboard lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console import formatting as fmt
from ui import window_state
from ui.caller_bar import CallerBar, plain_label
from ui.help_dialog import KeyboardDialog
from ui.models.panes import clause_lines, history_lines
from ui.panes import BillPane, ContractPane, HistoryArea, NotificationsPane
from ui.theme import chrome_style
from ui.timeline import Mark, TimelineStrip, marks_for
from ui.worker import Lookups, PopFailure, PopResult

if TYPE_CHECKING:
    from console.context import ConsoleContext


class ErrorBanner(QFrame):
    """A store problem (locked, unreachable): the message and a Retry button, never a crash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.text = plain_label(name="errorText")
        self.text.setWordWrap(True)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setAccessibleName(self.tr("Retry the lookup"))
        self.dismiss = QPushButton(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        layout.addWidget(self.dismiss)
        self.dismiss.clicked.connect(self.hide)
        self.hide()


class ConsoleWindow(QMainWindow):
    popped = Signal(object)  # PopResult, once the panes and timeline are filled and painted
    pop_failed = Signal(object)  # PopFailure

    def __init__(self, ctx: ConsoleContext, language: str = "en", lookups: Lookups | None = None,
                 remember: bool = True) -> None:
        super().__init__()
        self.remember = remember
        self.ctx = ctx
        self.language = language
        self.region = ctx.settings.region
        self.result: PopResult | None = None
        self._last_phone: str | None = None
        self._wrap_up_handler: Callable[[PopResult], object] | None = None
        self.last_popped: PopResult | None = None  # the last result ``popped`` announced
        self.setObjectName("consoleWindow")
        title = self.tr("Agent Console")
        if ctx.settings.demo:
            title += " — " + self.tr("DEMO (nothing reaches real systems)")
        self.setWindowTitle(title)
        self.setProperty("language", language)

        self.lookups = lookups or Lookups(ctx, self)
        self.lookups.done.connect(self._on_done)
        # "Looking up…" only when the answer is slow: repainting it mid-pop would cost the
        # fast case a frame and compete with the worker for the GIL.
        self._busy = QTimer(self)
        self._busy.setSingleShot(True)
        self._busy.setInterval(250)
        self._busy.timeout.connect(lambda: self.caller_bar.show_busy(self._last_phone or ""))

        self.caller_bar = CallerBar(self)
        self.caller_bar.setStyleSheet(chrome_style())
        self.caller_bar.lookup_requested.connect(self.pop)
        self.banner = ErrorBanner(self)
        self.banner.setStyleSheet(chrome_style())
        self.banner.retry.clicked.connect(self.retry)
        self.timeline = TimelineStrip(self)
        self.timeline.setProperty("language", language)
        self.timeline.activated.connect(self.select_mark)

        self.contract = ContractPane(self)
        self.notifications = NotificationsPane(self)
        self.bill = BillPane(self)
        self.history = HistoryArea(self)
        self.panes_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes_split.setObjectName("panesSplit")
        self.panes_split.setChildrenCollapsible(False)
        for pane in (self.contract, self.notifications, self.bill):
            self.panes_split.addWidget(pane)
        for i in range(3):
            self.panes_split.setStretchFactor(i, 1)
        self.main_split = QSplitter(Qt.Orientation.Vertical, self)
        self.main_split.setObjectName("mainSplit")
        self.main_split.setChildrenCollapsible(False)
        self.main_split.addWidget(self.panes_split)
        self.main_split.addWidget(self.history)
        self.main_split.setStretchFactor(0, 3)
        self.main_split.setStretchFactor(1, 1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.caller_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.timeline)
        layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Ready: type the caller's number and press Enter"))

        self.focus_ring: list[QWidget] = [
            self.caller_bar.number, self.timeline, self.contract.first_view(),
            self.notifications.first_view(), self.bill.first_view(), self.history,
        ]
        self._build_actions()
        self._tab_order()
        self.resize(1366, 768)
        self.main_split.setSizes([520, 170])
        if remember:
            window_state.restore(self, self._splitters())

    def clear_caller(self, number: str = "") -> None:
        """No caller on screen any more (a demo reset): name, flags, panes, timeline, history
        emptied; ``number`` stays in the number field. A lookup still running is ignored."""
        lang = self.language
        self.lookups.generation += 1  # an answer still on its way belongs to the old screen
        self._busy.stop()
        self.result = self.last_popped = None
        self._last_phone = None  # F5 must not bring the old caller back
        self.banner.hide()
        bar = self.caller_bar
        bar.clear_message()
        bar.name.setText(QCoreApplication.translate("CallerBar", "No caller"))
        bar.details.clear()
        for chip in bar.flag_labels:
            chip.hide()
        bar.number.setText(number)
        self.contract.services.set_rows([], lang)
        self.contract.clauses.set_rows([], lang)
        self.contract.detail.clear()
        self.notifications.model.set_rows([], lang)
        self.notifications.detail.clear()
        self.bill.model.set_view(None, (), lang)
        self.history.events.set_rows([], lang)
        self.history.history.set_rows([], lang)
        self.history.set_empty(True)
        self.timeline.set_marks([])
        self.act_wrap_up.setEnabled(False)
        self.statusBar().showMessage(self.tr("Ready: type the caller's number and press Enter"))

    # -- actions and keyboard ------------------------------------------------------------
    def _action(self, menu_name: str, text: str, keys: Iterable[QKeySequence | str], slot: object, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self._menus[menu_name].addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self._menus = {
            "caller": bar.addMenu(self.tr("&Caller")),
            "view": bar.addMenu(self.tr("&View")),
            "bill": bar.addMenu(self.tr("&Bill")),
            "call": bar.addMenu(self.tr("C&all")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        self.act_focus = self._action("caller", self.tr("Go to the number field"), ("Ctrl+L", "F6"), self.focus_number, "focusNumber")
        self.act_retry = self._action("caller", self.tr("Retry the lookup"), ("F5",), self.retry, "retry")
        self._menus["caller"].addSeparator()
        self._action("caller", self.tr("Quit"), (QKeySequence.StandardKey.Quit, "Ctrl+Q"), self.close, "quit")
        self._action("view", self.tr("Next pane"), ("F8", "Ctrl+]"), lambda: self.cycle_focus(1), "nextPane")
        self._action("view", self.tr("Previous pane"), ("F7", "Ctrl+["), lambda: self.cycle_focus(-1), "previousPane")
        self._action("view", self.tr("Timeline"), ("Alt+0",), lambda: self.focus_part(1), "focusTimeline")
        self._action("view", self.tr("Contract pane"), ("Alt+1",), lambda: self.focus_part(2), "focusContract")
        self._action("view", self.tr("Notifications pane"), ("Alt+2",), lambda: self.focus_part(3), "focusNotifications")
        self._action("view", self.tr("Bill pane"), ("Alt+3",), lambda: self.focus_part(4), "focusBill")
        self._action("view", self.tr("History with us"), ("Alt+4",), lambda: self.focus_part(5), "focusHistory")
        self._action("view", self.tr("Clear highlights"), ("Ctrl+Shift+H",), lambda: self.highlight_evidence(()), "clearHighlights")
        self._action("bill", self.tr("Expand or collapse the period"), ("Ctrl+E",), self.bill.toggle_current, "toggleBill")
        self._action("bill", self.tr("Expand all periods"), ("Ctrl+Shift+E",), self.bill.view.expandAll, "expandBills")
        self._action("bill", self.tr("Collapse all periods"), ("Ctrl+Shift+W",), self.bill.view.collapseAll, "collapseBills")
        # The wrap-up form belongs to the outcome recording issue; it plugs into this action.
        self.act_wrap_up = self._action("call", self.tr("Wrap up the call…"), ("F9",), self.wrap_up, "wrapUp")
        self.act_wrap_up.setEnabled(False)
        self._action("help", self.tr("Keyboard shortcuts"), ("F1", "Ctrl+/"), self.show_keyboard_help, "keyboardHelp")
        self._action("help", self.tr("About Agent Console"), (), self.show_about, "about")

    def _tab_order(self) -> None:
        chain = [self.caller_bar.number, self.caller_bar.go, self.timeline,
                 self.contract.parts[0][1], self.contract.parts[1][1], self.notifications.first_view(),
                 self.bill.view, self.history]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"panes": self.panes_split, "main": self.main_split, "contract": self.contract.split}

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [
            ("Enter", self.tr("Look up the number in the number field")),
            ("Tab / Shift+Tab", self.tr("Move between controls")),
            (self.tr("Left / Right"), self.tr("Timeline: previous / next mark")),
            ("Enter", self.tr("Timeline: show the mark's item in its pane")),
            (self.tr("Right / Left, + / -"), self.tr("Bill: expand / collapse a period")),
        ]

    def show_keyboard_help(self) -> KeyboardDialog:
        dialog = KeyboardDialog(self.actions(), self.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Agent Console"),
                          self.tr("Agent Console %1\nContract, notifications and bill side by side.").replace("%1", __version__))

    # -- hooks for the panels built elsewhere (suggestions, wrap-up) -------------------------
    def set_wrap_up_handler(self, handler: Callable[[PopResult], object] | None) -> None:
        """Call ``handler(current PopResult)`` on Call > Wrap up (F9); enabled once a caller is on screen."""
        self._wrap_up_handler = handler
        self.act_wrap_up.setEnabled(handler is not None and self.result is not None)

    def wrap_up(self) -> None:
        if self._wrap_up_handler is None or self.result is None:
            self.statusBar().showMessage(self.tr("Wrap-up is not available in this build yet"), 4000)
            return
        self._wrap_up_handler(self.result)

    def add_panel(self, widget: QWidget, title: str, name: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Dock a panel (e.g. the suggestions) beside the panes; its place is remembered.

        The panel typically connects to ``popped`` and calls ``highlight_evidence``.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState()/restoreState() key
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        if self.remember:
            window_state.restore_docks(self)
        return dock

    def focus_number(self) -> None:
        self.caller_bar.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.caller_bar.number.selectAll()

    def focus_part(self, i: int) -> None:
        widget = self.focus_ring[i]
        if widget is self.history:
            widget = self.history.first_view()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cycle_focus(self, step: int) -> None:
        focused = self.focusWidget()
        current = 0
        for i, w in enumerate(self.focus_ring):
            if focused is not None and (focused is w or w.isAncestorOf(focused)):
                current = i
                break
        self.focus_part((current + step) % len(self.focus_ring))

    # -- screen pop ----------------------------------------------------------------------
    def pop(self, phone: str) -> int:
        """Look ``phone`` up off the GUI thread; a newer call supersedes this one."""
        self._last_phone = phone
        self._busy.start()
        return self.lookups.request(phone)

    def retry(self) -> None:
        if self._last_phone:
            self.banner.hide()
            self.pop(self._last_phone)

    def _on_done(self, generation: int, outcome: object) -> None:
        if not self.lookups.is_current(generation):
            return  # an older lookup answering late: the agent has moved on
        self._busy.stop()
        if isinstance(outcome, PopFailure):
            if outcome.retryable:
                self.caller_bar.clear_message()
                self.banner.text.setText(self.tr("Could not look up %1: %2").replace("%1", outcome.phone).replace("%2", outcome.message))
                self.banner.show()
                self.banner.retry.setFocus()
            else:
                self.caller_bar.show_message(outcome.message)
            self.pop_failed.emit(outcome)
            return
        assert isinstance(outcome, PopResult)
        self.show_result(outcome)

    def show_result(self, result: PopResult) -> None:
        """Pour one caller into every model; the widgets repaint on the next event loop turn."""
        lang = self.language
        view = result.view
        self.result = result
        self.banner.hide()
        self.caller_bar.show_caller(result, lang, self.region)
        self.contract.services.currency = view.currency
        self.contract.services.set_rows(view.services, lang)
        self.contract.clauses.set_rows(clause_lines(view.contracts), lang)
        self.notifications.model.set_rows(view.notifications, lang)
        if not view.notifications:
            self.notifications.detail.setText(self.tr("No notifications were sent to this customer."))
        self.bill.model.set_view(view, result.credits, lang)
        self.bill.expand_recent()
        self.history.events.set_rows(view.events, lang)
        lines = history_lines(result.history, view.currency, lang)
        self.history.history.set_rows(lines, lang)
        if result.history_error:
            self.history.set_empty(True, self.tr("The journal cannot be read: %1").replace("%1", result.history_error))
        else:
            self.history.set_empty(not lines, self.tr("No calls with this customer recorded on this workstation yet."))
        for part in (self.contract, self.notifications, self.history):
            part.fit()
        self.timeline.set_marks(marks_for(view, lang, result.credits), fmt.local_date(result.now))
        self.act_wrap_up.setEnabled(self._wrap_up_handler is not None)
        self.statusBar().showMessage(self.tr("%1 · %2 contracts, %3 notifications, %4 bills")
                                     .replace("%1", view.customer.name).replace("%2", str(len(view.contracts)))
                                     .replace("%3", str(len(view.notifications))).replace("%4", str(len(view.bills))))
        # Tell the listeners (suggestions, wrap-up) on the next turn of the event loop, after
        # the posted layout and paint events: the caller is on screen before they do their work.
        QTimer.singleShot(0, lambda: self._announce(result))

    def _announce(self, result: PopResult) -> None:
        self.last_popped = result
        self.popped.emit(result)

    # -- evidence ------------------------------------------------------------------------
    def highlight_evidence(self, refs: Iterable[str]) -> dict[str, int]:
        """Highlight and scroll to the items named by ``refs`` in every pane and on the timeline.

        Returns how many rows matched per pane (``contract``, ``notifications``, ``bill``,
        ``history``) and marks on the ``timeline``; an empty ``refs`` clears all highlights.
        """
        wanted = frozenset(refs)
        found = {
            "contract": self.contract.highlight(wanted),
            "notifications": self.notifications.highlight(wanted),
            "bill": self.bill.highlight(wanted),
            "history": self.history.highlight(wanted),
        }
        self.timeline.set_highlight(wanted)
        found["timeline"] = len(self.timeline.highlighted())
        return found

    def select_mark(self, mark: Mark) -> bool:
        """Select a timeline mark's item in its pane (and give that pane the focus)."""
        pane = {"contract": self.contract, "notifications": self.notifications, "bill": self.bill, "events": self.history}[mark.pane]
        return pane.select_ref([mark.ref, *sorted(mark.refs)], focus=True)

    # -- life cycle ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            window_state.save(self, self._splitters())
        self.lookups.shutdown()
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()


