"""The console window: caller bar, timeline strip, the three panes, history with us.

Presentation only. A number goes to ``ui.worker.Lookups`` (off the GUI thread); the
answer (a ``PopResult`` of plain rows) is poured into the models in one go. Evidence refs
from the rules ("clause:<id>", "notification:<id>", "bill_line:<id>", "event:<id>",
"usage:<SVC>:<YYYY-MM>") light up the matching rows and timeline marks through
``highlight_evidence``. Every action has a key; Help > Keyboard lists them.

A number the softphone rings in (``pop(..., incoming=True)``) that no customer has clears
the previous customer off the screen: the agent is talking to someone else now. A number
the agent mistyped keeps the screen. The language can be switched live (View > Language):
every text is re-set on ``QEvent.LanguageChange`` and the caller is shown again in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console import formatting as fmt
from console.phones import InvalidPhone, display, normalise
from console.vocabulary import LANGUAGES
from ui import layout, window_state
from ui.caller_bar import CallerBar, plain_label
from ui.help_dialog import KeyboardDialog, menu_groups
from ui.i18n import Texts, install_translators, is_language_change
from ui.keys import first_key, menu_action
from ui.labels import delivery_mode, language_name
from ui.models.panes import clause_lines, history_lines
from ui.panes import BillPane, ContractPane, HistoryArea, NotificationsPane
from ui.saved_notice import SavedNotice
from ui.theme import apply_theme, chrome_style
from ui.timeline import Mark, TimelineStrip, marks_for
from ui.worker import (
    BUG,
    INVALID,
    NO_MATCH,
    NO_SEARCH,
    UNKNOWN,
    Lookups,
    PopChoices,
    PopFailure,
    PopResult,
)

if TYPE_CHECKING:
    from console.caller_view import CallerView
    from console.context import ConsoleContext


class ErrorBanner(QFrame):
    """A store problem (locked, unreachable): the message and a Retry button, never a crash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.text = plain_label(name="errorText")
        self.text.setWordWrap(True)
        self.retry = QPushButton()
        self.dismiss = QPushButton()
        self.texts = Texts()
        self.texts.bind(self.retry.setText, lambda: self.tr("Retry"))
        self.texts.bind(self.retry.setAccessibleName, lambda: self.tr("Retry the lookup"))
        self.texts.bind(self.dismiss.setText, lambda: self.tr("Dismiss"))
        layout_ = QHBoxLayout(self)
        layout_.setContentsMargins(10, 6, 10, 6)
        layout_.addWidget(self.text, 1)
        layout_.addWidget(self.retry)
        layout_.addWidget(self.dismiss)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
        super().changeEvent(event)


# ``popped`` is announced through an event posted at the paint's own (low) priority, so it
# comes after the frame Qt has queued for the new caller (see ``show_result``).
ANNOUNCE = QEvent.Type(QEvent.registerEventType())


class ConsoleWindow(QMainWindow):
    popped = Signal(object)  # PopResult, once the panes and timeline are filled and painted
    pop_failed = Signal(object)  # PopFailure
    cleared = Signal()  # the previous customer was taken off the screen (an unknown caller rang)
    choices_offered = Signal(object)  # PopChoices: several customers match the name typed
    language_changed = Signal(str)  # after the switch: the helpers re-show their data in it

    def __init__(self, ctx: ConsoleContext, language: str = "en", lookups: Lookups | None = None,
                 remember: bool = True) -> None:
        super().__init__()
        self.remember = remember
        self.ctx = ctx
        self.language = language
        self.region = ctx.settings.region
        self.result: PopResult | None = None
        self._last_phone: str | None = None
        self._incoming = False  # the pending lookup came from the softphone, not the agent
        self._wrap_up_handler: Callable[[PopResult], object] | None = None
        self.last_popped: PopResult | None = None  # the last result ``popped`` announced
        self._announcing: PopResult | None = None  # shown, ``popped`` not yet announced
        self.choices_menu: QMenu | None = None
        self.first_start = False  # nothing remembered: open maximised (``ui.app``)
        self.texts = Texts()
        self.setObjectName("consoleWindow")
        self.texts.bind(self.setWindowTitle, self._title)
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
        self.saved = SavedNotice(self)
        self.saved.setStyleSheet(chrome_style())
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
        box = QVBoxLayout(central)
        box.setContentsMargins(6, 4, 6, 6)
        box.setSpacing(6)
        box.addWidget(self.caller_bar)
        box.addWidget(self.saved)
        box.addWidget(self.banner)
        box.addWidget(self.timeline)
        box.addWidget(self.main_split, 1)
        self.setCentralWidget(central)
        self._ready_message()

        self.focus_ring: list[QWidget] = [
            self.caller_bar.number, self.timeline, self.contract.first_view(),
            self.notifications.first_view(), self.bill.first_view(), self.history,
        ]
        self._build_actions()
        self._tab_order()
        self.docks = layout.DockArrangement(self)
        self.resize(1366, 768)
        self.main_split.setSizes([520, 170])
        restored = window_state.restore(self, self._splitters()) if remember else False
        if not restored:
            self.first_start = remember
            layout.fit_to_screen(self)

    def _title(self) -> str:
        # Qt appends the application's display name to the title unless the title ends with
        # it, so the name is set here, translated, and the title ends with it exactly once.
        name = self.tr("Agent Console")
        QGuiApplication.setApplicationDisplayName(name)
        if self.ctx.settings.demo:
            return self.tr("DEMO (nothing reaches real systems)") + " — " + name
        return name

    def _ready_message(self) -> None:
        self.statusBar().showMessage(self.tr("Ready: type the caller's number and press Enter · F1 lists every key"))

    # -- actions and keyboard ------------------------------------------------------------
    def _action(self, menu_name: str, text: Callable[[], str], keys: Iterable[QKeySequence | str], slot: object,
                name: str) -> QAction:
        action = menu_action(self, self._menus[menu_name], "", keys, slot, name)  # type: ignore[arg-type]
        self.texts.bind(action.setText, text)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self._menus: dict[str, QMenu] = {}
        titles = {"caller": lambda: self.tr("&Caller"), "view": lambda: self.tr("&View"), "bill": lambda: self.tr("&Bill"),
                  "call": lambda: self.tr("C&all"), "help": lambda: self.tr("&Help")}
        for key, title in titles.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"{key}Menu")
            self.texts.bind(menu.setTitle, title)
            self._menus[key] = menu
        a = self._action
        self.act_focus = a("caller", lambda: self.tr("Go to the number field"), ("Ctrl+L", "F6"), self.focus_number, "focusNumber")
        self.act_retry = a("caller", lambda: self.tr("Retry the lookup"), ("F5",), self.retry, "retry")
        self._menus["caller"].addSeparator()
        a("caller", lambda: self.tr("Quit"), ("Ctrl+Q",), self.close, "quit")
        a("view", lambda: self.tr("Next pane"), ("F8", "Ctrl+]"), lambda: self.cycle_focus(1), "nextPane")
        a("view", lambda: self.tr("Previous pane"), ("F7", "Ctrl+["), lambda: self.cycle_focus(-1), "previousPane")
        pane_keys = (
            ("focusTimeline", lambda: self.tr("Timeline"), "Alt+0", 1),
            ("focusContract", lambda: self.tr("Contract pane"), "Alt+1", 2),
            ("focusNotifications", lambda: self.tr("Notifications pane"), "Alt+2", 3),
            ("focusBill", lambda: self.tr("Bill pane"), "Alt+3", 4),
            ("focusHistory", lambda: self.tr("History with us"), "Alt+4", 5),
        )
        self.pane_actions: dict[str, QAction] = {}
        for name, text, key, part in pane_keys:
            self.pane_actions[name] = a("view", text, (key,), lambda _=False, p=part: self.focus_part(p), name)
        a("view", lambda: self.tr("Clear highlights"), ("Ctrl+Shift+H",), lambda: self.highlight_evidence(()), "clearHighlights")
        self._menus["view"].addSeparator()
        self._language_menu()
        a("bill", lambda: self.tr("Expand or collapse the period"), ("Ctrl+E",), self.bill.toggle_current, "toggleBill")
        a("bill", lambda: self.tr("Expand all periods"), ("Ctrl+Shift+E",), self.bill.view.expandAll, "expandBills")
        a("bill", lambda: self.tr("Collapse all periods"), ("Ctrl+Shift+W",), self.bill.view.collapseAll, "collapseBills")
        self.act_wrap_up = a("call", lambda: self.tr("Wrap up the call…"), ("F9",), self.wrap_up, "wrapUp")
        self.act_wrap_up.setEnabled(False)
        a("help", lambda: self.tr("Keyboard shortcuts"), ("F1", "Ctrl+/"), self.show_keyboard_help, "keyboardHelp")
        a("help", lambda: self.tr("About Agent Console"), (), self.show_about, "about")
        # Each pane's title shows the key that reaches it.
        for pane, name in ((self.contract, "focusContract"), (self.notifications, "focusNotifications"),
                           (self.bill, "focusBill")):
            pane.set_key_hint(first_key(self.pane_actions[name]))

    def _language_menu(self) -> None:
        menu = self._menus["view"].addMenu("")
        menu.setObjectName("languageMenu")
        self.texts.bind(menu.setTitle, lambda: self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            # Each language is named in itself, so whoever cannot read the current one finds theirs.
            action = QAction(language_name(code, native=True), self)
            action.setObjectName(f"language:{code}")
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

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
            ("Enter", self.tr("Look up the number, name or customer id in the number field")),
            ("Tab / Shift+Tab", self.tr("Move to the next / previous pane or control")),
            (self.tr("Up / Down"), self.tr("Move between the rows of a table")),
            (self.tr("Left / Right"), self.tr("Timeline: previous / next mark")),
            ("Enter", self.tr("Timeline: show the mark's item in its pane")),
            (self.tr("Right / Left, + / -"), self.tr("Bill: expand / collapse a period")),
        ]

    def keyboard_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The shortcuts a user of this window has, by menu, then the keys that work inside panes."""
        menus = [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
        return [*menu_groups(menus), (self.tr("Inside the panes"), self.shortcut_rows())]

    def show_keyboard_help(self) -> KeyboardDialog:
        dialog = KeyboardDialog(self.keyboard_groups(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Agent Console"),
                          self.tr("Agent Console %1\nContract, notifications and bill side by side.").replace("%1", __version__))

    # -- language --------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Speak ``language`` from now on, without a restart; remembered for the next start."""
        if language not in LANGUAGES or language == self.language:
            return
        app = QApplication.instance()
        self.language = language
        self.setProperty("language", language)
        self.timeline.setProperty("language", language)
        if isinstance(app, QApplication):
            apply_theme(app, language)  # the CJK font order follows the language
            install_translators(app, language)  # Qt sends QEvent.LanguageChange to every widget
        if self.remember:
            window_state.remember_language(language)
        self.language_actions[language].setChecked(True)
        if isinstance(app, QApplication):
            QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if self.result is not None:
            self._pour(self.result)
        self.language_changed.emit(language)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            if self.result is None:
                self._ready_message()
        super().changeEvent(event)

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

        The panel typically connects to ``popped`` and calls ``highlight_evidence``. On a
        narrow screen the docks stack in one column (``ui.layout.DockArrangement``).
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState()/restoreState() key
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        if self.remember:
            window_state.restore_docks(self)
        self.docks.add(dock, area)
        return dock

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.docks.arrange()
        self.docks.fit_height()

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
    def pop(self, phone: str, incoming: bool = False) -> int:
        """Look ``phone`` up off the GUI thread; a newer call supersedes this one.

        ``incoming``: the number rang in (softphone hand-over, ``--caller``, a trainer's
        ring) rather than being typed by the agent; if nobody has it, the screen is cleared.
        """
        self._last_phone = phone
        self._incoming = incoming
        self._busy.start()
        return self.lookups.request(phone)

    def pop_customer(self, customer_id: str) -> int:
        """Look up a customer the agent chose by id (after a name search offered several)."""
        self._last_phone = customer_id
        self._incoming = False
        self._busy.start()
        return self.lookups.request_customer(customer_id)

    def refresh(self) -> int | None:
        """Look the caller on screen up again (after a save: history and pending effects)."""
        if self.result is None:
            return None
        view = self.result.view
        if view.matched_phone:
            return self.pop(view.matched_phone)
        return self.pop_customer(view.customer.id)

    def retry(self) -> None:
        if self._last_phone:
            self.banner.hide()
            self.pop(self._last_phone, self._incoming)

    def _on_done(self, generation: int, outcome: object) -> None:
        if not self.lookups.is_current(generation):
            return  # an older lookup answering late: the agent has moved on
        self._busy.stop()
        if isinstance(outcome, PopChoices):
            self.caller_bar.clear_message()
            self.offer_choices(outcome)
            return
        if isinstance(outcome, PopFailure):
            text = self.failure_text(outcome)
            if outcome.retryable:
                self.caller_bar.clear_message()
                self.banner.text.setText(text)
                self.banner.show()
                self.banner.retry.setFocus()
            else:
                if self._incoming:
                    self.clear_caller(outcome.phone)
                self.caller_bar.show_message(text)
            self.pop_failed.emit(outcome)
            return
        assert isinstance(outcome, PopResult)
        self.show_result(outcome)

    def _shown_number(self, phone: str) -> str:
        try:
            return display(normalise(phone, self.region), self.region)
        except InvalidPhone:
            return phone.strip()

    def failure_text(self, failure: PopFailure) -> str:
        """What the agent reads about a failed lookup, in the UI language, with the next step."""
        shown = self._shown_number(failure.phone)
        if failure.kind == UNKNOWN:
            return self.tr("No customer has the number %1. Check it with the caller, or type their name or "
                           "customer id and press Enter.").replace("%1", shown)
        if failure.kind == INVALID:
            return self.tr("“%1” is not a phone number. Retype it, or type the caller's name or customer id.") \
                .replace("%1", shown)
        if failure.kind == NO_MATCH:
            return self.tr("No customer's name or id matches “%1”. Try the phone number or the full customer id.") \
                .replace("%1", failure.phone.strip())
        if failure.kind == NO_SEARCH:
            return self.tr("This customer source cannot search by name: type the phone number or the customer id.")
        if failure.kind == BUG:
            return self.tr("The lookup of %1 failed unexpectedly (%2); the details are in the log.") \
                .replace("%1", shown).replace("%2", failure.message)
        return self.tr("Could not look up %1: the customer data cannot be reached (%2).") \
            .replace("%1", shown).replace("%2", failure.message)

    def offer_choices(self, choices: PopChoices) -> QMenu:
        """Several customers match a name: a keyboard menu under the number field to pick one."""
        if self.choices_menu is not None:
            self.choices_menu.close()
            self.choices_menu.deleteLater()
        menu = QMenu(self)
        menu.setObjectName("customerChoices")
        menu.setAccessibleName(self.tr("Customers matching %1").replace("%1", choices.text))
        for match in choices.matches:
            parts = [match.name, match.id]
            if match.phone:
                parts.append(display(match.phone, self.region))
            action = menu.addAction("  ·  ".join(parts))
            action.setObjectName(f"choose:{match.id}")
            action.triggered.connect(lambda _=False, cid=match.id: self.pop_customer(cid))
        self.choices_menu = menu
        self.caller_bar.show_message(
            self.tr("%1 customers match “%2”: choose one.").replace("%1", str(len(choices.matches))).replace("%2", choices.text))
        number = self.caller_bar.number
        menu.popup(number.mapToGlobal(number.rect().bottomLeft()))
        if menu.actions():
            menu.setActiveAction(menu.actions()[0])
        self.choices_offered.emit(choices)
        return menu

    def clear_caller(self, number: str = "") -> None:
        """Take the previous customer off the screen (an unknown number rang in, a demo reset);
        ``number`` stays in the number field. A lookup still running is ignored."""
        self.lookups.generation += 1  # an answer still on its way belongs to the old screen
        self._busy.stop()
        self.result = None
        self.last_popped = None
        self._last_phone = None  # F5 must not bring the old caller back
        self.saved.clear_record()
        self.banner.hide()
        self.caller_bar.clear_caller(self._shown_number(number) if number else "")
        self.contract.services.set_rows([], self.language)
        self.contract.clauses.set_rows([], self.language)
        self.contract.detail.clear()
        self.notifications.model.set_rows([], self.language)
        self.notifications.detail.clear()
        self.bill.model.set_view(None, (), self.language)
        self.history.events.set_rows([], self.language)
        self.history.history.set_rows([], self.language)
        self.history.setCurrentIndex(0)
        self.history.set_empty(True, self.tr("No caller on screen."))
        self.timeline.set_marks([], None)
        self.act_wrap_up.setEnabled(False)
        self._ready_message()
        self.cleared.emit()

    def show_result(self, result: PopResult) -> None:
        """Pour one caller into every model; the widgets repaint on the next event loop turn."""
        new_customer = self.result is None or self.result.view.customer.id != result.view.customer.id
        self.result = result
        self._cached_banner(result.view)
        if new_customer:
            self.history.setCurrentIndex(0)  # a new caller starts on their history with us
            self.saved.clear_record()  # the confirmation stays until the next caller
        self._pour(result)
        self.act_wrap_up.setEnabled(self._wrap_up_handler is not None)
        # Tell the listeners (suggestions, wrap-up) on the next turn of the event loop, after
        # the posted layout and paint events: the caller is on screen before they do their work.
        # Qt posts a frame (UpdateRequest) at low priority, so a normal-priority call (a
        # zero timer) used to overtake it: the suggestions were worked out, and their own
        # relayouts queued, before the caller was painted, which then took a second frame.
        # An event at the same low priority queues behind the frame instead.
        self._announcing = result
        QCoreApplication.postEvent(self, QEvent(ANNOUNCE), Qt.EventPriority.LowEventPriority.value)

    def _pour(self, result: PopResult) -> None:
        lang = self.language
        view = result.view
        self.caller_bar.show_caller(result, lang, self.region)
        self.contract.services.currency = view.currency
        self.contract.services.set_rows(view.services, lang)
        self.contract.clauses.set_rows(clause_lines(view.contracts), lang)
        self.notifications.model.set_rows(view.notifications, lang)
        if not view.notifications:
            self.notifications.detail.setText(self.tr("No notifications were sent to this customer."))
        self.bill.model.set_view(view, result.credits, lang, delivery=delivery_mode(self.ctx.settings))
        self.bill.expand_recent()
        self.history.events.set_rows(view.events, lang)
        lines = history_lines(result.history, view.currency, lang, delivery=delivery_mode(self.ctx.settings))
        self.history.history.set_rows(lines, lang)
        if result.history_error:
            self.history.set_empty(True, self.tr("The journal cannot be read: %1").replace("%1", result.history_error))
        else:
            self.history.set_empty(not lines, self.tr("No calls with this customer recorded on this workstation yet."))
        # The panes' width is shared by what their columns need first, then each table is laid
        # out once at its own width (a pane the sharing resized was laid out by its resize;
        # fitting it again is a no-op), not at the old width and again at the new one.
        for pane in (self.contract, self.notifications, self.bill):
            pane.gauge()
        self.docks.balance_panes()
        for part in (self.contract, self.notifications, self.bill, self.history):
            part.fit()
        self.timeline.set_marks(marks_for(view, lang, result.credits), fmt.local_date(result.now))
        counts = " · ".join((
            fmt.counted(len(view.contracts), {"one": self.tr("{n} contract"), "other": self.tr("{n} contracts")}, lang),
            fmt.counted(len(view.notifications), {"one": self.tr("{n} notification"), "other": self.tr("{n} notifications")}, lang),
            fmt.counted(len(view.bills), {"one": self.tr("{n} bill"), "other": self.tr("{n} bills")}, lang),
        ))
        self.statusBar().showMessage(f"{view.customer.name} · {counts}")

    def _cached_banner(self, view: CallerView) -> None:
        """A caller read from the source's last copy (it is down or slow): say so, with its age."""
        if view.cached is None:
            self.banner.hide()
            return
        from datetime import UTC, datetime

        saved = view.cached.saved_at
        self.banner.text.setText(
            self.tr("The customer system did not answer (%1). Showing the copy of this caller read %2 (%3): "
                    "it may be out of date. You can still record the call.")
            .replace("%1", view.cached.reason).replace("%2", fmt.relative(saved - datetime.now(UTC), self.language))
            .replace("%3", fmt.moment(saved, self.language)))
        self.banner.show()

    def event(self, event: QEvent) -> bool:
        if event.type() == ANNOUNCE:
            result, self._announcing = self._announcing, None
            if result is not None:
                self._announce(result)
            return True
        return super().event(event)

    def _announce(self, result: PopResult) -> None:
        if self.result is not result:
            return  # cleared or replaced in the meantime
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
