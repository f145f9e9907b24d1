"""How the window uses the screen: first-start size, docks that stack when short, panes by need.

Agents sit at anything from a 1366x768 laptop to a 1920x1080 monitor. On first start (no
remembered geometry) the window takes the screen's available area, so it uses a large
screen and fits a small one with its title bar and the task bar. When the window is
narrower than ``NARROW`` the side docks (the trainer's, the suggestions) share one column
on the right as tabs instead of taking one column on each side, so the three panes keep
their width (the trainer's tab comes forward for the scorecard, the suggestions' on a
ring); and the panes share the width by what their columns need, not in equal thirds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

if TYPE_CHECKING:
    from ui.main_window import ConsoleWindow

NARROW = 1600  # below this window width the docks share one column
SIDE_MIN, SIDE_MAX, SIDE_SHARE = 320, 470, 0.24  # the right column: a share of the width, within bounds


def fit_to_screen(window: QMainWindow) -> None:
    """Take the screen's available geometry (what the task bar and panels leave)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())


class DockArrangement:
    """Places the window's docks for its width; re-arranged only when the width class changes."""

    def __init__(self, window: ConsoleWindow) -> None:
        self.window = window
        self.docks: list[tuple[QDockWidget, Qt.DockWidgetArea]] = []
        self.narrow: bool | None = None
        self._width = -1

    def add(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.docks.append((dock, area))
        self.narrow = None
        self.arrange()

    def _side(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [d for d, a in self.docks if a == area and not d.isFloating()]

    def arrange(self) -> None:
        w = self.window
        width = w.width()
        if width == self._width and self.narrow is not None:
            return
        self._width = width
        narrow = width < NARROW
        left, right = self._side(Qt.DockWidgetArea.LeftDockWidgetArea), self._side(Qt.DockWidgetArea.RightDockWidgetArea)
        if narrow != self.narrow:
            self.narrow = narrow
            if left and right:
                for dock in left:
                    w.removeDockWidget(dock)
                    if narrow:  # one column: the trainer's dock becomes a tab beside the suggestions
                        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
                        w.tabifyDockWidget(right[0], dock)
                    else:
                        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
                    dock.show()
                right[0].raise_()
        column = int(min(max(width * SIDE_SHARE, SIDE_MIN), SIDE_MAX))
        visible = [d for d in right if d.isVisible()] or right
        if visible:
            w.resizeDocks(visible[:1], [column], Qt.Orientation.Horizontal)
        if left and not narrow:
            w.resizeDocks(left[:1], [min(column, 300)], Qt.Orientation.Horizontal)

    def bring_forward(self, dock: QDockWidget) -> None:
        """Show ``dock``'s tab when the docks share a column (no-op side by side)."""
        if self.narrow and dock.isVisible():
            dock.raise_()

    def balance_panes(self) -> None:
        """Share the panes' width by need: each at least what it can show whole, the rest by
        what each would like (``Pane.needed``); an agent's own split stands while it fits."""
        w = self.window
        panes = [w.contract, w.notifications, w.bill]
        fits = [p.needed() for p in panes]
        sizes = w.panes_split.sizes()
        total = sum(sizes)
        if total <= 0 or all(size >= f.least for size, f in zip(sizes, fits, strict=True)):
            return
        least = sum(f.least for f in fits)
        spare = total - least
        if spare <= 0:
            new = [round(total * f.least / max(least, 1)) for f in fits]
        else:
            wants = [max(f.ideal - f.least, 0) for f in fits]
            new = [f.least + round(spare * want / max(sum(wants), 1)) if sum(wants) else f.least + spare // 3
                   for f, want in zip(fits, wants, strict=True)]
        w.panes_split.setSizes(new)
