"""PySide6 6.12 on CPython 3.11 drops a reference to None on every Qt call returning None;
importing ``ui`` must keep None alive (see ui/__init__.py)."""

from __future__ import annotations

import sys

import pytest

import ui  # noqa: F401 - importing the package applies the guard

pytestmark = pytest.mark.gui


def test_none_survives_many_void_qt_calls(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    for _ in range(50_000):
        widget.setEnabled(True)  # returns None: 6.12 on 3.11 decrements None each time
    assert sys.getrefcount(None) > 100  # 6.12 unguarded aborts the process long before


def test_true_survives_many_signal_emits(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        changed = Signal(int)

    source = Source()
    for i in range(50_000):
        source.changed.emit(i)  # returns True: 6.12 on 3.11 decrements True each time
    assert sys.getrefcount(True) > 100 and sys.getrefcount(False) > 100
