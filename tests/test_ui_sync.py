"""Sync status in the status bar: the worker thread delivers, the counts come back through a signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_assist_helpers import make_ctx, scenarios_template_fixture, view_of  # noqa: F401 - fixtures

from console.calls import WrapUp, record_call
from ui.app import application
from ui.sync_status import SyncStatusWidget, snapshot

pytestmark = pytest.mark.gui


def _record(ctx, note: str = "") -> str:  # type: ignore[no-untyped-def]
    view = view_of(ctx)
    return record_call(ctx, WrapUp(customer_id=view.customer.id, outcome="resolved", started_at=ctx.now(), notes=note))


@pytest.fixture
def hooked(scenarios_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    drop = tmp_path / "drop"
    ctx = make_ctx(scenarios_template, tmp_path, hooks=[{"name": "drop", "kind": "jsonl", "dir": str(drop)}])
    ctx.settings.sync_interval_s = 60.0  # only "Sync now" or the first pass send in these tests
    yield ctx, drop
    ctx.close()


def _lines(drop: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").splitlines()) for p in drop.glob("*.jsonl")) if drop.exists() else 0


def test_worker_thread_delivers_and_sync_now_wakes_it(qtbot, hooked) -> None:  # type: ignore[no-untyped-def]
    ctx, drop = hooked
    application()
    _record(ctx, "first")
    before = snapshot(ctx)
    assert before.pending >= 1 and before.last_success is None
    widget = SyncStatusWidget(ctx, "en")
    qtbot.addWidget(widget)
    try:
        with qtbot.waitSignal(widget.runner.updated, timeout=15000):
            assert widget.start()
        qtbot.waitUntil(lambda: widget.snapshot is not None and widget.snapshot.pending == 0, timeout=15000)
        assert widget.snapshot.last_success is not None
        assert "Sync: 0 waiting" in widget.label.text() and "last sent" in widget.label.text()
        first = _lines(drop)
        assert first >= 2  # call.recorded (+ the audit head)
        _record(ctx, "second")
        with qtbot.waitSignal(widget.runner.updated, timeout=15000,
                              check_params_cb=lambda snap: snap.pending == 0):
            qtbot.mouseClick(widget.button, Qt.MouseButton.LeftButton)
        assert _lines(drop) > first
    finally:
        widget.stop()
    assert not widget.runner.running


def test_demo_mode_shows_delivery_off_and_starts_no_thread(qtbot, scenarios_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, demo=True, hooks=[{"name": "drop", "kind": "jsonl", "dir": str(tmp_path / "d")}])
    try:
        application()
        widget = SyncStatusWidget(ctx, "en")
        qtbot.addWidget(widget)
        assert widget.label.text() == "Sync: demo: delivery off"
        assert not widget.button.isEnabled() and not widget.start()
        assert not (tmp_path / "d").exists()
    finally:
        ctx.close()


def test_broken_hook_shows_errors(qtbot, scenarios_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    ctx = make_ctx(scenarios_template, tmp_path, hooks=[{"name": "drop", "kind": "jsonl", "dir": str(blocker_file / "sub")}])
    ctx.settings.sync_interval_s = 60.0
    try:
        application()
        _record(ctx)
        widget = SyncStatusWidget(ctx, "en")
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.runner.updated, timeout=15000) as blocker:
            widget.start()
        snap = blocker.args[0]
        assert snap.pending >= 1 and snap.errors, snap
        assert "waiting" in widget.label.text() and "error" in widget.label.text()
        assert "drop" in widget.label.toolTip()
    finally:
        widget.stop()
        ctx.close()


def test_no_hooks_configured(qtbot, scenarios_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(scenarios_template, tmp_path, hooks=[])
    try:
        application()
        widget = SyncStatusWidget(ctx, "en")
        qtbot.addWidget(widget)
        assert "no hooks configured" in widget.label.text() and not widget.button.isEnabled()
    finally:
        ctx.close()
