"""Can a window be opened here? Asked before Qt starts, because Qt cannot answer it kindly.

Qt's xcb platform plugin calls ``qFatal`` (abort, exit 134) when it cannot connect to the X
server, after printing advice meant for developers. An agent who runs ``./run`` on a
server over ssh should instead read one line naming the problem and what to do. So before
the QApplication exists, ``display_problem`` checks what Qt would use: an explicit
``QT_QPA_PLATFORM`` that needs no display is fine; otherwise, on Linux and the BSDs, a
Wayland socket or an X server that accepts a connection (tried with libxcb, the library
Qt's xcb plugin itself uses). ``--screenshot`` needs no display: it renders offscreen.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Mapping

# Platforms that draw without a display server (or are their own: a framebuffer, VNC).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
ADVICE = "run it in a desktop session, or use --screenshot PATH to render the window offscreen"


def needs_display_server(platform: str = sys.platform) -> bool:
    """Windows and macOS always have their window system; X11/Wayland systems may not."""
    return not (platform.startswith("win") or platform == "darwin")


def x_server_answers(display: str) -> bool | None:
    """True/False: the X server accepts/refuses a connection; None: libxcb is not there to ask."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(conn) == 0
    finally:
        xcb.xcb_disconnect(conn)  # also frees the error object xcb_connect returns


def wayland_socket(env: Mapping[str, str]) -> bool:
    """A Wayland compositor's socket exists where Qt's wayland plugin would look for it."""
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    path = name if os.path.isabs(name) else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return bool(env.get("XDG_RUNTIME_DIR") or os.path.isabs(name)) and os.path.exists(path)


def display_problem(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """What stops a window from opening, in one line with what to do; None when nothing does."""
    env = os.environ if env is None else env
    qpa = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if qpa in HEADLESS_PLATFORMS or not needs_display_server(platform):
        return None
    if qpa.startswith("wayland"):
        return None if wayland_socket(env) else f"no Wayland compositor to open the window on: {ADVICE}"
    display = env.get("DISPLAY", "")
    if not display:
        if not qpa and env.get("WAYLAND_DISPLAY") and wayland_socket(env):
            return None  # Qt picks Wayland by itself
        return f"no display to open the window on (DISPLAY is not set): {ADVICE}"
    if x_server_answers(display) is False:
        return f"cannot open the display {display} (no X server answers there): {ADVICE}"
    return None


def render_offscreen_if_headless(env: dict[str, str] | None = None) -> None:
    """``--screenshot`` works without a display: choose the offscreen platform when there is none."""
    env = os.environ if env is None else env  # type: ignore[assignment]
    if display_problem(env) is not None:
        env["QT_QPA_PLATFORM"] = "offscreen"
