"""Window actions with keys: one place that builds them, so no key is ever bound twice.

A key listed twice on one action (``QKeySequence.StandardKey.Quit`` is Ctrl+Q on Linux,
next to an explicit "Ctrl+Q") makes Qt call the shortcut ambiguous and do nothing, which
is how Quit once went dead. The window and the call's helpers add their menu entries here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def unique_keys(keys: Iterable[QKeySequence | QKeySequence.StandardKey | str]) -> list[QKeySequence]:
    """Each key once, in the order given; empty keys (a standard key a platform lacks) dropped."""
    seen: dict[str, QKeySequence] = {}
    for k in keys:
        seq = QKeySequence(k)
        if not seq.isEmpty():
            seen.setdefault(seq.toString(), seq)
    return list(seen.values())


def menu_action(window: QWidget, menu: QMenu, text: str, keys: Iterable[QKeySequence | str],
                slot: Callable[..., object], name: str) -> QAction:
    """An action in ``menu`` whose keys work anywhere in ``window`` (not only with the menu open)."""
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcuts(unique_keys(keys))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def first_key(action: QAction) -> str:
    """The action's first key as the user reads it ("Alt+5"), for hints shown on screen."""
    keys = action.shortcuts()
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
