"""Fault injectors for the reliability tests (tests/test_faults_*.py, docs/reliability.md).

``flaky.FlakyReceiver``: a local HTTP receiver that fails a share of requests (500, a hang
past the client's timeout, or committing then dropping the connection). ``proxy.TcpProxy``:
a TCP proxy in front of PostgreSQL that can be cut and restored mid-sync. ``recorder``: the
child process that records calls and is killed with SIGKILL.
"""

from __future__ import annotations

import os

import pytest

SLOW = os.environ.get("AGENT_CONSOLE_SLOW") == "1"


def slow(fn):  # type: ignore[no-untyped-def]
    """The heavy variant of a fault test: marked slow, and run only with AGENT_CONSOLE_SLOW=1."""
    skip = pytest.mark.skipif(not SLOW, reason="heavy variant; set AGENT_CONSOLE_SLOW=1 to run")
    return pytest.mark.slow(skip(fn))


def cli_command() -> list[str]:
    """How to start the installed ``agent-console`` in a subprocess (the real entry point)."""
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("agent-console")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())"]
