"""Sync in the status bar: what is still waiting to reach the central systems, and "Sync now".

The worker (``console.sync.worker.SyncWorker.watch``) runs on a plain Python thread; after
each pass it reads the per-hook status (``console.sync.state.status``) on that same thread
and hands both to the GUI through a queued Qt signal, so no widget is ever touched off the
GUI thread and the window never waits for a slow hook. "Sync now" wakes the loop. In demo
mode nothing is delivered and no thread is started: the widget says "demo: delivery off".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from console import formatting as fmt
from console.context import ConsoleContext
from console.sync.state import HookStatus, status
from console.sync.worker import SyncResult, SyncWorker
from ui.i18n import is_language_change
from ui.plain import tip

log = logging.getLogger("agent_console.ui")


@dataclass(frozen=True)
class SyncSnapshot:
    """One pass of the worker and the status after it (plain data, built on the worker thread)."""

    hooks: tuple[HookStatus, ...] = ()
    result: SyncResult | None = None
    error: str | None = None
    at: datetime | None = None
    errors: tuple[str, ...] = field(default=())

    @property
    def pending(self) -> int:
        return sum(h.pending + h.failing for h in self.hooks)

    @property
    def dead(self) -> int:
        return sum(h.dead for h in self.hooks)

    @property
    def last_success(self) -> datetime | None:
        times = [h.last_success for h in self.hooks if h.last_success is not None]
        return max(times) if times else None


def snapshot(ctx: ConsoleContext, result: SyncResult | None = None, now: datetime | None = None) -> SyncSnapshot:
    """Status of every hook plus what went wrong in ``result``; never raises."""
    errors: list[str] = []
    if result is not None:
        errors += [f"{h.name}: {h.error}" for h in result.hooks if h.error]
        if result.lease_holder:
            errors.append(f"another worker is delivering ({result.lease_holder})")
    try:
        hooks = tuple(status(ctx))
    except Exception as exc:  # the journal is locked or the config is wrong: say so, keep going
        first = str(exc).strip().splitlines()
        return SyncSnapshot(result=result, error=first[0] if first else type(exc).__name__, at=now, errors=tuple(errors))
    errors += [f"{h.name}: {h.last_error}" for h in hooks if h.last_error and (h.failing or h.dead)]
    return SyncSnapshot(hooks, result, None, now, tuple(dict.fromkeys(errors)))


class SyncRunner(QObject):
    """Runs the sync loop on a daemon thread; ``updated(SyncSnapshot)`` arrives on the GUI thread."""

    updated = Signal(object)

    def __init__(self, ctx: ConsoleContext, parent: QObject | None = None, *, interval_s: float | None = None,
                 worker_factory: Callable[[ConsoleContext], SyncWorker] = SyncWorker) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval_s = interval_s
        self.worker = worker_factory(ctx)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        if self.ctx.settings.demo or self.running:
            return False  # demo mode never delivers
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="agent-console-sync", daemon=True)
        self._thread.start()
        return True

    def _run(self) -> None:
        def report(result: SyncResult) -> None:
            self.updated.emit(snapshot(self.ctx, result, self.ctx.now()))

        try:
            self.worker.watch(self._stop, interval_s=self.interval_s, on_result=report)
        except Exception as exc:  # the loop itself broke (should not happen): tell the status bar
            log.exception("sync loop stopped")
            self.updated.emit(SyncSnapshot(error=f"{type(exc).__name__}: {exc}"))

    def sync_now(self) -> None:
        if self.running:
            self.worker.wake()
        else:
            self.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self.worker.wake()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None


class SyncStatusWidget(QWidget):
    """Status-bar widget: "Sync: 3 waiting · last sent 10:31 · 1 error" and a Sync now button."""

    def __init__(self, ctx: ConsoleContext, language: str = "en", parent: QWidget | None = None,
                 runner: SyncRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.ctx, self.language = ctx, language
        self.label = QLabel(self)
        self.label.setObjectName("syncText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.setObjectName("syncNow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.snapshot: SyncSnapshot | None = None
        self.runner = runner
        self._retranslate()
        if ctx.settings.demo:
            self.label.setText(self.tr("Sync: demo: delivery off"))
            self.button.setEnabled(False)
            self.button.hide()  # nothing to sync: no button that looks as if it would
            return
        if not ctx.settings.hooks:
            self.label.setText(self.tr("Sync: no hooks configured; calls stay on this workstation"))
            self.button.setEnabled(False)
            self.button.hide()
            return
        self.runner = runner or SyncRunner(ctx, self)
        self.runner.updated.connect(self.show_snapshot)
        self.button.clicked.connect(self.sync_now)
        self.label.setText(self.tr("Sync: starting…"))

    def _retranslate(self) -> None:
        self.label.setAccessibleName(self.tr("Sync status"))
        self.button.setText(self.tr("Sync now"))
        self.button.setAccessibleName(self.tr("Deliver the waiting events now"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
            if self.snapshot is not None:
                self.show_snapshot(self.snapshot)
            elif self.ctx.settings.demo:
                self.label.setText(self.tr("Sync: demo: delivery off"))
            elif not self.ctx.settings.hooks:
                self.label.setText(self.tr("Sync: no hooks configured; calls stay on this workstation"))
        super().changeEvent(event)

    def start(self) -> bool:
        return self.runner.start() if self.runner is not None else False

    def sync_now(self) -> None:
        if self.runner is not None:
            self.label.setText(self.tr("Sync: sending…"))
            self.runner.sync_now()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()

    def show_snapshot(self, snap: SyncSnapshot) -> None:
        self.snapshot = snap
        if snap.error:
            self.label.setText(self.tr("Sync: cannot read the delivery state: %1").replace("%1", snap.error))
            self.label.setToolTip(tip(snap.error))
            return
        parts = [self.tr("Sync: %1 waiting").replace("%1", str(snap.pending))]
        last = snap.last_success
        parts.append(self.tr("last sent %1").replace("%1", fmt.moment(last, self.language)) if last
                     else self.tr("nothing sent yet"))
        if snap.dead:
            parts.append(self.tr("%1 refused").replace("%1", str(snap.dead)))
        if snap.errors:
            parts.append(self.tr("%1 errors").replace("%1", str(len(snap.errors))))
        self.label.setText(" · ".join(parts))
        tips = [f"{h.name} ({h.kind}): {h.delivered} delivered, {h.pending} pending, {h.failing} failing, {h.dead} dead"
                for h in snap.hooks]
        self.label.setToolTip(tip("\n".join(tips + list(snap.errors))))  # errors quote servers: plain text
