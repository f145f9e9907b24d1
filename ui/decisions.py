"""The agent's window learns what a lead decided about their credits waiting for approval.

A credit above the agent's limit waits for a lead (``console.approvals``); the agent may
have moved on to other calls by the time the lead decides, so the window polls the journal
(read-only, on a worker thread, every ``INTERVAL_MS``) with ``recent_decisions`` and
announces each new decision once: a status bar message and a notice label beside the
status bar that stays until the next one.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from ui.plain import tip

if TYPE_CHECKING:  # the journal's models load on the first poll, not before the window's first frame
    from console.approvals import Decision
    from console.context import ConsoleContext

INTERVAL_MS = 10_000


class _Signals(QObject):
    found = Signal(object)  # list[Decision]
    failed = Signal(str)


class _Poll(QRunnable):
    def __init__(self, ctx: ConsoleContext, agent_id: str, since: datetime, signals: _Signals) -> None:
        super().__init__()
        self.ctx, self.agent_id, self.since, self.signals = ctx, agent_id, since, signals

    def run(self) -> None:
        try:
            from console.approvals import recent_decisions

            with self.ctx.journal.session() as s:
                rows = recent_decisions(s, self.agent_id, self.since)
        except Exception as exc:  # noqa: BLE001 - a poll that fails is retried on the next tick
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.found.emit(rows)


class DecisionWatcher(QObject):
    """Polls the decisions on ``agent_id``'s credits since ``since``; ``decided`` per new one."""

    decided = Signal(object)  # console.approvals.Decision
    polled = Signal(int)  # how many new decisions the last poll found

    def __init__(self, window: QMainWindow, ctx: ConsoleContext, agent_id: str, since: datetime,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.setObjectName("decisionWatcher")
        self.window, self.ctx, self.agent_id, self.since = window, ctx, agent_id, since
        self.seen: set[str] = set()
        self.in_flight = False
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
        self.notice.hide()

    def poll(self) -> None:
        if self.in_flight:
            return  # the journal is slow: one poll at a time
        self.in_flight = True
        self.pool.start(_Poll(self.ctx, self.agent_id, self.since, self._signals))

    @Slot(object)
    def _on_found(self, rows: list[Decision]) -> None:
        self.in_flight = False
        new = [d for d in rows if d.action_id not in self.seen]
        for d in new:
            self.seen.add(d.action_id)
            text = self.text_for(d)
            self.notice.setText(text)
            self.notice.setToolTip(tip(text))
            self.notice.show()
            self.window.statusBar().showMessage(text, 15_000)
            self.decided.emit(d)
        self.polled.emit(len(new))

    @Slot(str)
    def _on_failed(self, _message: str) -> None:
        self.in_flight = False
        self.polled.emit(0)

    def text_for(self, d: Decision) -> str:
        if d.approved:
            text = self.tr("Credit %1 approved by %2").replace("%1", d.action_id).replace("%2", d.decided_by)
        else:
            text = self.tr("Credit %1 rejected by %2").replace("%1", d.action_id).replace("%2", d.decided_by)
        if d.reason:
            text += ": " + d.reason
        return text

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone()
