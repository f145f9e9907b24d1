"""PySide6 6.12 on CPython 3.11 drops a reference to None on every Qt call returning None;
importing ``ui`` must keep None alive (see ui/__init__.py).

The pinned PySide6 (<6.12) does not have the defect, so running many Qt calls here proves
nothing. Instead: the guard's decision is checked against the versions it is for, and its
effect against the defect itself, simulated in a child process with the same C call 6.12
makes too often (``Py_DecRef(None)``): unguarded the child dies in ``none_dealloc``, guarded
it lives. The unguarded child is the control that shows the simulation is real.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from ui import guard_needed

SIMULATED_LEAK = """
import ctypes, sys
count = sys.getrefcount(None)  # every reference there is, before the guard adds its ballast
{guard}
decref = ctypes.pythonapi.Py_DecRef
decref.argtypes = [ctypes.py_object]
for _ in range(count + 10):  # what 6.12 does over minutes of repaints, at once
    decref(None)
print("alive", flush=True)
"""


@pytest.mark.parametrize(("version", "implementation", "python", "needed"), [
    ("6.12.0", "cpython", (3, 11), True),
    ("6.12.3", "cpython", (3, 11), True),
    (None, "cpython", (3, 11), True),  # a frozen bundle: version unknown, stay safe
    ("6.11.3", "cpython", (3, 11), False),
    ("6.8.0", "cpython", (3, 11), False),
    ("6.12.0", "cpython", (3, 12), False),  # 3.12 made None immortal
    ("6.12.0", "cpython", (3, 13), False),
    ("6.12.0", "pypy", (3, 11), False),
])
def test_guard_acts_exactly_where_the_defect_is(version: str | None, implementation: str,
                                                python: tuple[int, int], needed: bool) -> None:
    assert guard_needed(version, implementation, python) is needed


def _child(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SIMULATED_LEAK.format(guard=guard)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(sys.implementation.name != "cpython" or sys.version_info >= (3, 12),
                    reason="None is immortal on CPython 3.12+: no leak to simulate, and the guard stays off")
def test_guard_keeps_none_alive_through_the_leak() -> None:
    unguarded = _child("")
    assert unguarded.returncode != 0 and "none_dealloc" in unguarded.stderr, unguarded
    guarded = _child("from ui import keep_alive; keep_alive()")
    assert guarded.returncode == 0 and guarded.stdout == "alive\n", guarded.stderr
