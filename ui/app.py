"""Opening the console window: the application, its language and look, the screen pop.

``agent-console [--caller PHONE]`` lands here (and ``agent-console demo`` after the lead's
demo handler has prepared the demo stores). If a console is already running for this
user, the number is handed to it and this process exits; otherwise the window opens,
listens for later hand-overs, and pops the caller. ``--screenshot PATH`` renders the
window after the pop into a PNG and exits 0 (works with ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.focus_ring import install_focus_ring
from ui.i18n import choose_language, install_translators
from ui.theme import apply_theme
from ui.window_state import remembered_language

if TYPE_CHECKING:
    from console.context import ConsoleContext

APP_NAME = "Agent Console"
POP_TIMEOUT_MS = 30_000


def application() -> QApplication:
    """The one QApplication, set up for high-DPI screens."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("agent-console")
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName("agent-console")
    return app


def make_window(ctx: ConsoleContext, language: str | None = None, remember: bool = True):  # type: ignore[no-untyped-def]
    """Application + translators + style + window (tests call this too).

    ``remember=False`` neither restores nor saves the window's size and splitters (used for
    screenshots, which must look the same on every machine).
    """
    from ui.main_window import ConsoleWindow

    app = application()
    # The language picked in the window last time, else the setting, else the system's.
    lang = language or (remembered_language() if remember else "") or choose_language(ctx.settings.ui_language)
    lang = choose_language(lang)
    install_translators(app, lang)
    apply_theme(app, lang)
    install_focus_ring(app)
    return ConsoleWindow(ctx, lang, remember=remember)


def screenshot_size() -> tuple[int, int]:
    """``AGENT_CONSOLE_SCREENSHOT_SIZE=1920x1080``; 1366x768 (the smallest floor screen) by default."""
    raw = os.environ.get("AGENT_CONSOLE_SCREENSHOT_SIZE", "1366x768")
    try:
        w, h = (int(x) for x in raw.lower().split("x"))
    except ValueError:
        return 1366, 768
    return max(w, 640), max(h, 480)


def wait_for_pop(window, timeout_ms: int = POP_TIMEOUT_MS) -> bool:  # type: ignore[no-untyped-def]
    """Run the event loop until the pending screen pop has answered (or timed out)."""
    loop = QEventLoop()
    answered: list[bool] = []

    def done(*_: object) -> None:
        answered.append(True)
        loop.quit()

    window.popped.connect(done)
    window.pop_failed.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    window.popped.disconnect(done)
    window.pop_failed.disconnect(done)
    return bool(answered)


def screenshot(window, path: str) -> bool:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    window.repaint()
    return window.grab().save(path, "PNG")


def install_assist(window) -> object | None:  # type: ignore[no-untyped-def]
    """Plug the call's helpers (suggestions, wrap-up, sync status, trainer mode) into the window.

    They live in ``ui.call_assist`` and use only the window's public hooks; a build without
    that module still opens the window.
    """
    if importlib.util.find_spec("ui.call_assist") is None:
        return None
    from ui.call_assist import install

    return install(window)


def run_window(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    from ui.single_instance import InstanceServer, hand_over

    caller = getattr(args, "caller", None)
    shot = getattr(args, "screenshot", None)
    app = application()
    if caller and not shot and hand_over(caller):
        print(f"agent-console: handed {caller} to the running console", file=sys.stderr)
        return 0
    window = make_window(ctx, remember=not shot)
    from ui.lead_menu import install as install_people

    if install_people(window, interactive=not shot) is None:
        print("agent-console: nobody signed in", file=sys.stderr)
        return 0
    if shot:
        window.resize(*screenshot_size())
    server = None
    if not shot:
        server = InstanceServer(parent=window)
        if server.listen():
            server.caller.connect(lambda phone: (window.bring_to_front(), window.pop(phone, incoming=True)))
    if window.first_start:
        window.showMaximized()  # nothing remembered: use the screen (the window manager keeps the task bar)
    else:
        window.show()
    if caller:
        window.pop(caller, incoming=True)  # the worker starts on it while the window paints
    # Paint the window first, then load the call's helpers (suggestions, wrap-up, sync,
    # trainer): they import the rules and templates, which need not delay the first frame.
    QCoreApplication.processEvents()
    report_first_paint()
    assist = install_assist(window)
    if assist is not None and window.last_popped is not None and hasattr(assist, "on_popped"):
        assist.on_popped(window.last_popped)  # the pop was announced before the helpers were there
    if shot:
        if caller and window.result is None:
            wait_for_pop(window)
        ok = screenshot(window, shot)
        window.close()
        if not ok:
            print(f"agent-console: cannot write the screenshot {shot}", file=sys.stderr)
            return 4
        return 0
    code = app.exec()
    if server is not None:
        server.close()
    return code


def report_first_paint() -> None:
    """``AGENT_CONSOLE_T0=<epoch seconds>``: print the seconds from then to the first frame
    (``bench/screen_pop.py`` measures cold start with it)."""
    t0 = os.environ.get("AGENT_CONSOLE_T0")
    if t0:
        try:
            print(f"agent-console: first frame after {time.time() - float(t0):.3f} s", file=sys.stderr)
        except ValueError:
            pass
