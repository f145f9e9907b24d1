"""Wiring the call's helpers into the console window: suggestions, wrap-up, sync, trainer mode.

The window (``ui.main_window``) owns the caller bar, timeline and panes and offers hooks:
``popped``, ``highlight_evidence``, ``add_panel``, ``set_wrap_up_handler`` and its status bar.
``install(window)`` plugs into them, so neither side edits the other: the suggestions panel
docks beside the panes and is refreshed on every screen pop (its selected finding lights up
the evidence), F9 opens the wrap-up form measured from that pop, the sync status sits in the
status bar with its worker thread, and in demo mode the DEMO banner, the watermark, the
trainer panel and the Trainer menu (ring, load, hide hints, reset demo) are added.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QMenu, QSizePolicy

from console.vocabulary import FINDING_CODES
from ui.demo_banner import DemoBanner, Watermark
from ui.i18n import Texts, is_language_change
from ui.keys import first_key, menu_action
from ui.labels import delivery_mode
from ui.suggestions_panel import SuggestionsPanel
from ui.sync_status import SyncStatusWidget
from ui.trainer_menu import TrainerMenu
from ui.trainer_panel import TrainerPanel
from ui.worker import PopResult
from ui.wrapup import WrapUpDialog

log = logging.getLogger("agent_console.ui")


class CallAssist(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("callAssist")
        self.window = window
        ctx, lang = window.ctx, window.language  # type: ignore[attr-defined]
        self.ctx, self.language = ctx, lang
        self.result: PopResult | None = None
        self.popped_at: datetime | None = None
        self.wrap_up: WrapUpDialog | None = None
        self.last_call_id: str | None = None
        self.hints_hidden = False
        self.texts = Texts()

        self.panel = SuggestionsPanel(ctx, lang)
        self.panel_dock = window.add_panel(self.panel, self.tr("Suggestions"), "suggestionsDock")  # type: ignore[attr-defined]
        self.panel.evidence_selected.connect(self._evidence)
        window.popped.connect(self.on_popped)  # type: ignore[attr-defined]
        window.cleared.connect(self.on_cleared)  # type: ignore[attr-defined]
        window.language_changed.connect(self.on_language)  # type: ignore[attr-defined]
        window.set_wrap_up_handler(self.open_wrap_up)  # type: ignore[attr-defined]

        self.sync = SyncStatusWidget(ctx, lang, window)
        window.statusBar().addPermanentWidget(self.sync)
        self.sync.start()

        self.menu = self._menu(lambda: self.tr("&Suggestions"))
        focus = self._action(self.menu, lambda: self.tr("Go to the suggestions"), ("Alt+5",), self.focus_panel, "focusSuggestions")
        self._action(self.menu, lambda: self.tr("Accept all actions of the suggestion"), ("Ctrl+Shift+A",),
                     self.panel.accept_all, "acceptAllSuggested")
        self._action(self.menu, lambda: self.tr("Copy the script"), ("Ctrl+Shift+C",), self.panel.copy_script, "copyScript")
        self._action(self.menu, lambda: self.tr("Sync now"), ("Ctrl+Shift+S",), self.sync.sync_now, "syncNow")
        # The key that reaches the suggestions is on screen, in the dock's title.
        self.texts.bind(self.panel_dock.setWindowTitle,
                        lambda: self.tr("Suggestions · %1").replace("%1", first_key(focus)))

        self.trainer: TrainerPanel | None = None
        self.banner: DemoBanner | None = None
        self.watermark: Watermark | None = None
        if ctx.settings.demo:
            self._install_demo()
        window.installEventFilter(self)

    def _action(self, menu: QMenu, text: Callable[[], str], keys: Iterable[str], slot: object, name: str) -> QAction:
        action = menu_action(self.window, menu, "", keys, slot, name)  # type: ignore[arg-type]
        self.texts.bind(action.setText, text)
        return action

    def _menu(self, title: Callable[[], str]) -> QMenu:
        """A menu before Help, which stays last."""
        menu = QMenu(self.window)
        self.texts.bind(menu.setTitle, title)
        help_menu = getattr(self.window, "_menus", {}).get("help")
        bar = self.window.menuBar()
        if isinstance(help_menu, QMenu):
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    # -- demo mode -----------------------------------------------------------------------------
    def _install_demo(self) -> None:
        w = self.window
        self.banner = DemoBanner(w)
        layout = w.centralWidget().layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.banner)
        self.banner.show()  # the window may be on screen already (helpers load after the first frame)
        self.trainer = TrainerPanel(self.ctx, self.language)
        self.trainer_dock = w.add_panel(self.trainer, self.tr("Trainer (DEMO)"), "trainerDock",  # type: ignore[attr-defined]
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.texts.bind(self.trainer_dock.setWindowTitle, lambda: self.tr("Trainer (DEMO)"))
        # Its width is the column's, whatever the scenario's texts: it must not widen on a ring.
        self.trainer.setSizePolicy(QSizePolicy.Policy.Ignored, self.trainer.sizePolicy().verticalPolicy())
        self.trainer.ring_requested.connect(lambda s: w.pop(s.phone, incoming=True))  # type: ignore[attr-defined]
        self.trainer.hints_toggled.connect(self.set_hints_hidden)
        self.trainer.reset_done.connect(self._after_reset)
        self.trainer_menu = TrainerMenu(w, self.trainer)  # Reset demo asks first
        self.watermark = Watermark(w)  # last, so it stays above everything

    def set_hints_hidden(self, hidden: bool) -> None:
        self.hints_hidden = hidden
        self.panel_dock.setVisible(not hidden)
        if hidden:
            self.window.highlight_evidence(())  # type: ignore[attr-defined]

    def _after_reset(self, seconds: float) -> None:
        self.result = None
        self.panel.clear()
        self.window.statusBar().showMessage(self.tr("Demo database reset to pristine in %1 s").replace("%1", f"{seconds:.1f}"), 8000)

    # -- the call --------------------------------------------------------------------------------
    def _evidence(self, refs: list[str]) -> None:
        if not self.hints_hidden:
            self.window.highlight_evidence(refs)  # type: ignore[attr-defined]

    def on_popped(self, result: PopResult) -> None:
        """A caller is on screen: the call starts now (``result.now``); compute the suggestions."""
        new_caller = self.result is None or self.result.view.customer.id != result.view.customer.id
        self.result = result
        if self.trainer is not None:
            # A scenario caller typed in by the trainee runs on the scenario's time, as if rung.
            self.trainer.follow_pop(result.view.customer.id, result.now)
        # The call starts now by the console's clock. The rules look at the caller as of the
        # call: the scenario's time while it runs (so what this session already decided
        # counts), else the window's "now" for this caller.
        self.popped_at = self.ctx.now()
        at = self.popped_at if self.trainer is not None and self.trainer.clock.running else result.now
        try:
            report = self.panel.load(result.view, at)
            self.window.bill.set_judgement(report.months)  # type: ignore[attr-defined]
        except Exception as exc:  # a broken rule must never break the screen pop
            log.exception("suggestions for %s failed", result.view.customer.id)
            self.panel.show_unavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        if new_caller:  # not the look-up again after a save: the scorecard stays in front
            self.window.docks.bring_forward(self.panel_dock)  # type: ignore[attr-defined]

    def on_cleared(self) -> None:
        """An unknown caller rang in: nothing of the previous customer stays in the panel."""
        self.result = None
        self.popped_at = None
        self.panel.clear()

    def on_language(self, language: str) -> None:
        self.language = language
        self.panel.set_language(language)
        if self.panel.report is not None:  # the bill was filled again: its expected / why too
            self.window.bill.set_judgement(self.panel.report.months)  # type: ignore[attr-defined]
        self.sync.language = language
        self._evidence(self.panel.current_evidence())  # the panes were filled again: light it again

    def focus_panel(self) -> None:
        if self.panel_dock.isVisible():
            self.panel.findings.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_wrap_up(self, result: PopResult) -> WrapUpDialog:
        if self.wrap_up is not None and self.wrap_up.isVisible():
            self.wrap_up.raise_()
            return self.wrap_up
        report = self.panel.report
        if self.hints_hidden:
            offered, ticked = list(FINDING_CODES), []
        else:
            offered = [f.code for f in report.findings] if report else []
            ticked = self.panel.finding_codes()
        started = self.popped_at if self.popped_at is not None else self.ctx.now()
        dialog = WrapUpDialog(self.ctx, result.view, started, actions=self.panel.accepted_actions(),
                              findings_offered=offered, findings_ticked=ticked, language=self.language,
                              phone=result.view.matched_phone, parent=self.window,
                              proposed=0 if self.hints_hidden else self.panel.pending_count())
        dialog.recorded.connect(self.on_recorded)
        self.wrap_up = dialog
        dialog.open()
        return dialog

    def on_recorded(self, call_id: str) -> None:
        """Say what was recorded until the next caller, then look the caller up again."""
        from console.recorded import recorded_call  # the journal's models: loaded by now

        self.last_call_id = call_id
        try:
            record = recorded_call(self.ctx, call_id)
        except Exception:  # the journal answered the save; if it cannot be read back, say less
            log.exception("cannot read back call %s", call_id)
            self.window.statusBar().showMessage(self.tr("Call recorded"))
        else:
            view = self.result.view if self.result is not None else None
            self.window.saved.show_record(record, view, self.language, delivery_mode(self.ctx.settings))  # type: ignore[attr-defined]
        if self.sync.runner is not None:
            self.sync.sync_now()
        if self.trainer is not None:
            self.trainer.show_score(call_id)
            self.window.docks.bring_forward(self.trainer_dock)  # type: ignore[attr-defined]
        self.window.refresh()  # type: ignore[attr-defined]  # history and pending effects

    # -- life cycle ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif watched is self.window and is_language_change(event):
            self.texts.apply()
        return False

    def shutdown(self) -> None:
        if self.wrap_up is not None and self.wrap_up.isVisible() and self.wrap_up.call_id is None:
            self.wrap_up.reject()  # closing the console with a wrap-up open keeps a draft
        self.sync.stop()
        if self.trainer is not None:
            self.trainer.close_brief_window()


def install(window: QMainWindow) -> CallAssist:
    """Add the suggestions panel, wrap-up, sync status (and trainer mode in demo) to ``window``."""
    assist = CallAssist(window)
    window.assist = assist  # type: ignore[attr-defined]
    return assist
