"""Window size and splitter positions, remembered between runs in the user's config folder.

A ``QSettings`` INI file next to ``config.toml`` (platformdirs), not the registry or
``~/.config/<Qt org>``, so tests with a private ``XDG_CONFIG_HOME`` never see a real
user's layout and a support person finds it where the rest of the configuration lives.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from console import paths


def window_settings() -> QSettings:
    path = paths.config_dir() / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def restore(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    s = window_settings()
    geometry = s.value("window/geometry")
    restored = isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry)
    state = s.value("window/state")
    if isinstance(state, QByteArray | bytes):
        window.restoreState(state)
    for name, splitter in splitters.items():
        value = s.value(f"splitters/{name}")
        if isinstance(value, QByteArray | bytes):
            splitter.restoreState(value)
    return bool(restored)


def save(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    s = window_settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        s.setValue(f"splitters/{name}", splitter.saveState())
    s.sync()


def restore_docks(window: QMainWindow) -> None:
    """Re-apply the saved state once a dock panel has been added after start-up."""
    state = window_settings().value("window/state")
    if isinstance(state, QByteArray | bytes):
        window.restoreState(state)


def remember_language(language: str) -> None:
    """The language chosen in the window (View > Language), used on the next start."""
    s = window_settings()
    s.setValue("ui/language", language)
    s.sync()


def remembered_language() -> str:
    value = window_settings().value("ui/language")
    return str(value) if value else ""
