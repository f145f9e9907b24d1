"""Where no window can be opened, the console says so in one line (exit 4) instead of aborting.

Qt's xcb plugin aborts the process (exit 134, "could not connect to display") when no X
server answers; ``ui.display`` asks first. ``--screenshot`` needs no display at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from faults import cli_command

from ui.display import display_problem

ROOT = Path(__file__).parent.parent
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _unused_display() -> str:
    n = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())
    return f":{n}"


def test_no_display_is_named_with_what_to_do() -> None:
    problem = display_problem({}, platform="linux")
    assert problem is not None and "DISPLAY is not set" in problem and "--screenshot PATH" in problem
    assert "desktop" in problem and "\n" not in problem


def test_an_x_server_that_does_not_answer_is_named() -> None:
    display = _unused_display()
    problem = display_problem({"DISPLAY": display}, platform="linux")
    assert problem is not None and f"cannot open the display {display}" in problem


@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "minimal"},
                                 {"QT_QPA_PLATFORM": "vnc:size=800x600"}])
def test_platforms_that_need_no_display_are_fine(env: dict[str, str]) -> None:
    assert display_problem(env, platform="linux") is None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_their_window_system(platform: str) -> None:
    assert display_problem({}, platform=platform) is None


def test_wayland_needs_its_socket(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path), "QT_QPA_PLATFORM": "wayland"}
    assert "Wayland" in (display_problem(env, platform="linux") or "")
    (tmp_path / "wayland-7").touch()
    assert display_problem(env, platform="linux") is None


def test_a_live_x_server_is_fine() -> None:
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        pytest.skip("needs the X server ./test starts (QT_QPA_PLATFORM=xcb with DISPLAY)")
    assert display_problem(dict(os.environ), platform="linux") is None


def _run(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    stores = ["--db", f"sqlite:///{tmp_path / 'c.sqlite3'}", "--journal", f"sqlite:///{tmp_path / 'j.sqlite3'}"]
    return subprocess.run([*cli_command(), *stores, *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
@pytest.mark.parametrize("display", [None, "unused"])
def test_window_without_a_display_is_one_line_and_exit_4(tmp_path: Path, display: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    if display:
        env["DISPLAY"] = _unused_display()
    result = _run([], env, tmp_path)
    assert result.returncode == 4, (result.returncode, result.stderr)  # not 134 (abort)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("agent-console: ") and "--screenshot PATH" in lines[0], result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
def test_screenshot_needs_no_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    shot = tmp_path / "window.png"
    result = _run(["--screenshot", str(shot)], env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
def test_run_script_without_a_display_says_what_to_do(tmp_path: Path) -> None:
    """``./run`` itself, as a new user types it on a machine with no desktop."""
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    result = subprocess.run([str(ROOT / "run")], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 4, (result.returncode, result.stderr[-2000:])
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("agent-console: no display") and "--screenshot PATH" in last, result.stderr[-2000:]
    assert "Aborted" not in result.stderr and "qt.qpa" not in result.stderr
    assert "demo:" not in result.stderr, "said before any work (the demo database) is done"
