"""The agent's window learns what a lead decided about their credits waiting for approval.

A credit above the agent's limit waits for a lead (``console.approvals``); the agent may
have moved on to other calls by the time the lead decides, so the window polls the journal
(read-only, on a worker thread, every ``INTERVAL_MS``) with ``decision_notices`` and
announces each new decision once, in words the agent can repeat to the customer (who, how
much, approved or rejected and why; never an id), in a notice beside the status bar that
stays until the next one. When the decided customer is the one on screen, the window looks
them up again so the bill and history say "approved" (unless the agent is in the middle of
that customer's wrap-up or has accepted actions not yet saved). A decision taken in this
very window (a supervisor override) is polled for at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from console import formatting
from ui.live_language import language_of
from ui.plain import tip

if TYPE_CHECKING:  # the journal's models load on the first poll, not before the window's first frame
    from console.approvals import DecisionNotice
    from console.context import ConsoleContext

INTERVAL_MS = 5_000


def refresh_if_showing(window: QWidget, customer_id: str) -> bool:
    """Look the customer on screen up again if it is ``customer_id``; True if it was.

    Not while a dialog is open over the window (the wrap-up) nor while the agent has accepted
    suggestions not saved yet: a new pop would start that call over. F5 refreshes later.
    """
    result = getattr(window, "result", None)
    if result is None or result.view.customer.id != customer_id:
        return False
    if QApplication.activeModalWidget() is not None:
        return False
    panel = getattr(getattr(window, "assist", None), "panel", None)
    accepted = getattr(panel, "accepted_actions", None)
    if callable(accepted) and accepted():
        return False
    window.pop(result.phone)  # type: ignore[attr-defined]
    return True


class _Signals(QObject):
    found = Signal(object)  # list[Decision]
    failed = Signal(str)


class _Poll(QRunnable):
    def __init__(self, ctx: ConsoleContext, agent_id: str, since: datetime, signals: _Signals) -> None:
        super().__init__()
        self.ctx, self.agent_id, self.since, self.signals = ctx, agent_id, since, signals

    def run(self) -> None:
        try:
            from console.approvals import decision_notices

            rows = decision_notices(self.ctx, self.agent_id, self.since)
        except Exception as exc:  # noqa: BLE001 - a poll that fails is retried on the next tick
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.found.emit(rows)


class DecisionWatcher(QObject):
    """Polls the decisions on ``agent_id``'s credits since ``since``; ``decided`` per new one."""

    decided = Signal(object)  # console.approvals.DecisionNotice
    polled = Signal(int)  # how many new decisions the last poll found

    def __init__(self, window: QMainWindow, ctx: ConsoleContext, agent_id: str, since: datetime,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.setObjectName("decisionWatcher")
        self.window, self.ctx, self.agent_id, self.since = window, ctx, agent_id, since
        self.seen: set[str] = set()
        self.last: DecisionNotice | None = None  # what the notice says, said again after a language switch
        self.in_flight = False
        self.again = False  # asked to poll while a poll was running: poll once more after it
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.found.connect(self._on_found)
        self._signals.failed.connect(self._on_failed)
        self.notice = QLabel()
        self.notice.setObjectName("decisionNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        window.statusBar().addPermanentWidget(self.notice)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def follow(self, agent_id: str, since: datetime) -> None:
        """Watch another user's credits (after a switch of user); forget what was announced."""
        self.agent_id, self.since = agent_id, since
        self.seen.clear()
        self.last = None
        self.notice.hide()

    def poll(self) -> None:
        if self.in_flight:
            self.again = True  # the journal is slow: one poll at a time, the next right after
            return
        self.in_flight, self.again = True, False
        self.pool.start(_Poll(self.ctx, self.agent_id, self.since, self._signals))

    @Slot(object)
    def _on_found(self, rows: list[DecisionNotice]) -> None:
        self.in_flight = False
        new = [n for n in rows if n.decision.action_id not in self.seen]
        for n in new:
            self.seen.add(n.decision.action_id)
            self.last = n
            self.retranslate()
            self.notice.show()
            self.decided.emit(n)
        for customer_id in dict.fromkeys(n.decision.customer_id for n in new):
            refresh_if_showing(self.window, customer_id)
        self.polled.emit(len(new))
        if self.again:
            self.poll()

    @Slot(str)
    def _on_failed(self, _message: str) -> None:
        self.in_flight = False
        self.polled.emit(0)
        if self.again:
            self.poll()

    def retranslate(self) -> None:
        if self.last is None:
            return
        text = self.text_for(self.last)
        self.notice.setText(text)
        self.notice.setToolTip(tip(text))
        self.notice.setAccessibleName(text)

    def text_for(self, n: DecisionNotice) -> str:
        """``✓ Credit NT$1,200 for 陳志明 (Mar 2009) approved by L001: reason``."""
        d, who = n.decision, n.customer
        lang = language_of(self.window, getattr(self.window, "language", "en"))
        amount = formatting.money(d.amount, d.currency, lang) if d.amount is not None else ""
        customer = who.name or who.id
        if d.periods:
            customer += " (" + ", ".join(formatting.period(p, lang) for p in d.periods) + ")"
        if d.approved:
            text = self.tr("✓ Credit %1 for %2 approved by %3")
        else:
            text = self.tr("✗ Credit %1 for %2 rejected by %3")
        text = text.replace("%1", amount).replace("%2", customer).replace("%3", d.decided_by)
        if d.reason:
            text += ": " + d.reason
        return text

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone()
