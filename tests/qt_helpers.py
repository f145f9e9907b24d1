"""Showing windows in GUI tests the way a desktop does, on any Qt platform.

On a real X server a window is mapped, exposed and activated some time after ``show()``,
and only the active window has keyboard focus; offscreen, all of it happens at once.
``qtbot.waitExposed``/``waitActive`` are context managers: called without ``with`` they
wait for nothing. These helpers wait for real, so a test that reads focus or pixels reads
them after the window manager has done its part.
"""

from __future__ import annotations

from typing import Any


def show_exposed(qtbot: Any, widget: Any) -> None:
    """Show a top-level widget and wait until it is on screen."""
    with qtbot.waitExposed(widget):
        widget.show()


def show_active(qtbot: Any, widget: Any) -> None:
    """Show a top-level widget and wait until it is the active window (it has the keyboard)."""
    show_exposed(qtbot, widget)
    with qtbot.waitActive(widget):
        widget.raise_()
        widget.activateWindow()


def wait_exposed(qtbot: Any, widget: Any, timeout: int = 5000) -> None:
    """Wait until a widget shown elsewhere (a dialog a window opened) is on screen."""
    qtbot.waitUntil(lambda: widget.windowHandle() is not None and widget.windowHandle().isExposed(), timeout=timeout)
