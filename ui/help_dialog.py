"""Help > Keyboard: every shortcut of the window, grouped by its menu, built from the actions themselves.

Built from the live menus so the dialog can never disagree with the keys that actually work,
and never lists a key that does nothing for this user: actions hidden from them (the lead's
menu for an agent or a trainer) are left out. It opens tall enough to show every group
without scrolling on a 1366x768 screen (in two columns when one would not fit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Group = tuple[str, list[tuple[str, str]]]


def action_keys(action: QAction) -> str:
    texts = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
    return ", ".join(dict.fromkeys(t for t in texts if t))  # a platform may map a standard key to nothing


def menu_groups(menus: Iterable[QMenu]) -> list[Group]:
    """(menu title, [(keys, action text)]) for every visible menu and its visible actions with keys."""
    groups: list[Group] = []
    for menu in menus:
        if not menu.menuAction().isVisible():
            continue
        rows = [(action_keys(a), a.text().replace("&", "")) for a in menu.actions()
                if a.isVisible() and not a.isSeparator() and action_keys(a)]
        if rows:
            groups.append((menu.title().replace("&", ""), rows))
    return groups


def _halves(groups: Sequence[Group]) -> list[list[Group]]:
    """Whole groups in two columns of about the same number of lines."""
    total = sum(len(rows) + 1 for _t, rows in groups)
    left: list[Group] = []
    count = 0
    for group in groups:
        if count >= total / 2:
            break
        left.append(group)
        count += len(group[1]) + 1
    return [left, list(groups[len(left):])]


class KeyboardDialog(QDialog):
    def __init__(self, groups: Sequence[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.groups = [(title, list(rows)) for title, rows in groups if rows]
        # Two columns of groups when one would not fit a 768 px screen without scrolling.
        lines = sum(len(rows) + 1 for _title, rows in self.groups)
        halves = [self.groups] if lines <= 20 else _halves(self.groups)
        self.trees = [self._tree(groups) for groups in halves]
        self.table = self.trees[0]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for tree in self.trees:
            row.addWidget(tree)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        tallest = max(sum(len(rows) + 1 for _t, rows in groups) for groups in halves) + 1
        wanted = self.table.sizeHintForRow(0) * tallest + buttons.sizeHint().height() + 70
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 60 if screen is not None else 700
        self.resize(620 * len(self.trees), max(300, min(wanted, room)))

    def _tree(self, groups: Sequence[Group]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("shortcutTable")
        tree.setAccessibleName(self.tr("Keyboard shortcuts, grouped by menu"))
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        tree.setRootIsDecorated(False)
        tree.setItemsExpandable(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setUniformRowHeights(True)
        bold = QFont(tree.font())
        bold.setBold(True)
        for title, rows in groups:
            group = QTreeWidgetItem(tree, [title])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for keys, text in rows:
                QTreeWidgetItem(group, [keys, text])
        tree.expandAll()
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        return tree

    def rows(self) -> list[tuple[str, str]]:
        return [row for _title, rows in self.groups for row in rows]
