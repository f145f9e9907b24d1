"""One console per user: a second run hands the caller's number to the running window."""

from __future__ import annotations

import sys
import uuid

import pytest
from PySide6.QtCore import QProcess

from ui.single_instance import InstanceServer, hand_over, server_name

pytestmark = pytest.mark.gui


def _unique() -> str:
    return f"agent-console-test-{uuid.uuid4().hex[:12]}"


def test_server_name_is_per_user_and_per_config(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = server_name()
    assert first.startswith("agent-console-")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other"))
    assert server_name() != first


def test_no_running_console_means_no_hand_over(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert hand_over("0912-345-678", name=_unique(), timeout_ms=200) is False


def _run(qtbot, args: list[str]) -> QProcess:  # type: ignore[no-untyped-def]
    proc = QProcess()
    proc.setProgram(sys.executable)
    proc.setArguments(args)
    return proc


def test_number_goes_to_the_running_console(qtbot) -> None:  # type: ignore[no-untyped-def]
    name = _unique()
    server = InstanceServer(name)
    assert server.listen()
    # The sender is another process (a softphone's agent-console run): it blocks until acknowledged.
    code = f"from ui.single_instance import hand_over; print(hand_over('0912-345-678\\nextra', name={name!r}, timeout_ms=20000))"
    proc = _run(qtbot, ["-c", code])
    try:
        with qtbot.waitSignal(server.caller, timeout=60000) as blocker:
            proc.start()
        if proc.state() != QProcess.ProcessState.NotRunning:
            with qtbot.waitSignal(proc.finished, timeout=30000):
                pass
    finally:
        server.close()
        if proc.state() != QProcess.ProcessState.NotRunning:  # never leave a window behind
            proc.kill()
            proc.waitForFinished(5000)
    assert blocker.args == ["0912-345-678 extra"]  # one line, whatever the sender put in it
    assert bytes(proc.readAllStandardOutput().data()).strip() == b"True"


def test_a_stale_socket_is_replaced(qtbot) -> None:  # type: ignore[no-untyped-def]
    name = _unique()
    first = InstanceServer(name)
    assert first.listen()
    first.server.close()  # on Unix a crashed console can leave the socket file behind
    second = InstanceServer(name)
    assert second.listen()
    second.close()


def test_second_agent_console_process_hands_over_and_exits(qtbot, customer_url: str) -> None:  # type: ignore[no-untyped-def]
    """The real thing: ``agent-console --caller`` run by a softphone while a console is open."""
    server = InstanceServer()  # the name a real console would use for this (test) user
    assert server.listen()
    proc = _run(qtbot, ["-m", "ui.launcher", "--db", customer_url, "--caller", "+886 912 345 678"])
    try:
        with qtbot.waitSignal(server.caller, timeout=60000) as blocker:
            proc.start()
        if proc.state() != QProcess.ProcessState.NotRunning:
            with qtbot.waitSignal(proc.finished, timeout=30000):
                pass
    finally:
        server.close()
        if proc.state() != QProcess.ProcessState.NotRunning:  # never leave a window behind
            proc.kill()
            proc.waitForFinished(5000)
    assert blocker.args == ["+886 912 345 678"]
    assert proc.exitCode() == 0
    assert b"handed" in bytes(proc.readAllStandardError().data())
