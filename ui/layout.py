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

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

if TYPE_CHECKING:
    from ui.main_window import ConsoleWindow

NARROW = 1600  # below this window width the docks share one column
SHORT = 900  # below this window height the timeline and the detail lines are lower
SIDE_MIN, SIDE_MAX, SIDE_SHARE = 280, 470, 0.22  # the right column: a share of the width, within bounds


def fit_to_screen(window: QMainWindow) -> None:
    """Take the screen's available geometry (what the task bar and panels leave)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())


def raise_overlays(window: QWidget) -> None:
    """Re-docking puts the docks on top of the window's children: the DEMO watermark and the
    focus ring (``overlay`` property) go back above them."""
    for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.property("overlay"):
            child.raise_()


class DockArrangement(QObject):
    """Places the window's docks for its width; re-arranged only when the width class changes."""

    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self.window = window
        self.docks: list[tuple[QDockWidget, Qt.DockWidgetArea]] = []
        self.narrow: bool | None = None
        self._width = -1
        self.user_split = False
        self.balanced = False
        self.short: bool | None = None
        window.panes_split.splitterMoved.connect(self.splitter_moved)
        window.panes_split.installEventFilter(self)  # a dock added or moved: share the panes again

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
                raise_overlays(w)
        column = int(min(max(width * SIDE_SHARE, SIDE_MIN), SIDE_MAX)) if width >= NARROW else SIDE_MIN
        visible = [d for d in right if d.isVisible()] or right
        if visible:
            w.resizeDocks(visible[:1], [column], Qt.Orientation.Horizontal)
        if left and not narrow:
            w.resizeDocks(left[:1], [min(column, 300)], Qt.Orientation.Horizontal)

    def fit_height(self) -> None:
        """On a short screen (1366x768) lower timeline lanes and two-line detail lines leave
        the three panes and the history their rows."""
        from ui.panes import set_detail_lines

        short = self.window.height() < SHORT
        if short == self.short:
            return
        self.short = short
        self.window.timeline.set_compact(short)
        for label in (self.window.contract.detail, self.window.notifications.detail):
            set_detail_lines(label, 2 if short else 3)

    def bring_forward(self, dock: QDockWidget) -> None:
        """Show ``dock``'s tab when the docks share a column (no-op side by side)."""
        if self.narrow and dock.isVisible():
            dock.raise_()
            raise_overlays(self.window)

    def balance_panes(self) -> None:
        """Share the panes' width by need (``Pane.needed``): first what each can show whole,
        then what each would like, then the rest to the free text. Once the agent drags the
        splitter, their split stands as long as every pane still gets its least."""
        w = self.window
        panes = [w.contract, w.notifications, w.bill]
        fits = [p.needed() for p in panes]
        if not all(p.fitted.ideal for p in panes):
            return  # a resize before the first caller's columns were measured: nothing to share by yet
        split = w.panes_split
        sizes = split.sizes()
        # Its width, not the sum of sizes(): during a resize the sizes are still the old ones.
        total = split.width() - split.handleWidth() * (split.count() - 1)
        if total <= 0:
            return
        # The splitter shares a change of its width out in proportion: judge the sizes it will give.
        sizes = [round(size * total / max(sum(sizes), 1)) for size in sizes]
        if (self.user_split or self.balanced) and all(size >= f.least for size, f in zip(sizes, fits, strict=True)):
            return  # the panes move only when one would cut its content: they do not jump per caller
        wanted = share(total, [f.least for f in fits], [f.ideal for f in fits])
        self.balanced = True
        if any(abs(a - b) > 3 for a, b in zip(wanted, sizes, strict=True)):
            split.setSizes(wanted)  # a relayout of every pane: only when it changes something

    def splitter_moved(self) -> None:
        self.user_split = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.panes_split and event.type() == QEvent.Type.Resize and self.window.result is not None:
            self.balance_panes()
        return False


def share(total: int, least: list[int], ideal: list[int]) -> list[int]:
    """Split ``total`` pixels: each its ``least``, then up to its ``ideal``, then the rest evenly."""
    if sum(least) >= total:
        return [round(total * n / max(sum(least), 1)) for n in least]
    if sum(ideal) >= total:
        spare, wants = total - sum(least), [i - n for n, i in zip(least, ideal, strict=True)]
        return [n + round(spare * want / max(sum(wants), 1)) for n, want in zip(least, wants, strict=True)]
    extra = (total - sum(ideal)) // len(ideal)
    return [i + extra for i in ideal]
