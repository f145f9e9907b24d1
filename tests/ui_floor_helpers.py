"""The whole console window (panes, suggestions, wrap-up) on the shipped scenarios, for the floor tests.

``floor_window`` is what an agent gets: ``make_window`` plus ``install_assist``, on a copy of
the scenarios template, seen as of scenario 1's call. ``pop`` waits for the screen pop and
for the suggestions that follow it. Import the fixtures by their ``*_fixture`` names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qt_helpers import show_exposed
from ui_assist_helpers import PHONE_01, make_ctx, scenarios_template_fixture  # noqa: F401 - re-exported fixture

from console.context import ConsoleContext
from ui.app import install_assist, make_window


@pytest.fixture(name="fctx")
def fctx_fixture(scenarios_template: Path, tmp_path: Path) -> Iterator[ConsoleContext]:  # noqa: F811
    ctx = make_ctx(scenarios_template, tmp_path)
    yield ctx
    ctx.close()


def open_window(qtbot, ctx: ConsoleContext, language: str = "en", size: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    w = make_window(ctx, language, remember=False)
    qtbot.addWidget(w)
    if size:
        w.resize(*size)
    show_exposed(qtbot, w)
    install_assist(w)
    return w


@pytest.fixture(name="floor_window")
def floor_window_fixture(qtbot, fctx: ConsoleContext):  # type: ignore[no-untyped-def]
    return open_window(qtbot, fctx)


def pop(qtbot, w, phone: str = PHONE_01):  # type: ignore[no-untyped-def]
    """Pop ``phone`` as the agent typing it (``incoming=False``) and wait for the panes."""
    with qtbot.waitSignal(w.popped, timeout=15000) as blocker:
        w.pop(phone)
    return blocker.args[0]
