"""Item models of the suggestions panel: the findings list and the actions of one suggestion.

Plain cached rows (``Finding`` and ``console.assist.Decision``), reset as a whole when a new
caller pops or a decision changes; the panel owns the decisions, the models only show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console import formatting as fmt
from console.assist import ACCEPTED, REJECTED, Decision
from console.caller_view import CallerView
from console.rules.base import Finding
from ui.labels import word
from ui.plain import tip

AnyIndex = QModelIndex | QPersistentModelIndex
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 11
STATUS_ROLE = Qt.ItemDataRole.UserRole + 12
_ACCEPTED_BG = QBrush(QColor("#e3f4e8"))
_REJECTED_FG = QBrush(QColor("#5a6673"))  # struck out as well; 5:1 on white (WCAG AA)


class FindingsModel(QAbstractListModel):
    """One row per finding: its one-line summary; the evidence refs under ``EVIDENCE_ROLE``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Finding] = []

    def set_rows(self, rows: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f.summary
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f.summary + "\n\n" + QCoreApplication.translate("SuggestionsPanel", "Evidence:") + "\n" + "\n".join(f.evidence))
        if role == EVIDENCE_ROLE:
            return list(f.evidence)
        if role == CODE_ROLE:
            return f.code
        return None


class ActionsModel(QAbstractTableModel):
    """The actions of the selected suggestion, with the agent's decision on each."""

    # The service and the months belong to the action ("Credit · mPro basic · Mar – Apr 2009"):
    # in one cell that wraps in a narrow dock, never in a column pushed off screen.
    COLUMNS = (
        QT_TRANSLATE_NOOP("SuggestionsPanel", "Decision"), QT_TRANSLATE_NOOP("SuggestionsPanel", "Action"),
        QT_TRANSLATE_NOOP("SuggestionsPanel", "Amount"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Decision] = []
        self._waits: list[bool] = []
        self.view: CallerView | None = None
        self.language = "en"

    def set_rows(self, rows: Sequence[Decision], view: CallerView | None, language: str,
                 waits: Sequence[bool] = ()) -> None:
        """``waits``: per row, whether the action will wait for a lead's approval as decided."""
        self.beginResetModel()
        self._rows = list(rows)
        self._waits = list(waits) + [False] * (len(self._rows) - len(waits))
        self.view = view
        self.language = language
        self.endResetModel()

    def relabel(self) -> None:
        """The UI language changed: headers and texts are asked for again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def decision(self, row: int) -> Decision:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("SuggestionsPanel", self.COLUMNS[section])
        return None

    def free_column(self) -> int | None:
        return None  # every cell of an action means something: wrapped, never elided

    def _service(self, code: str | None) -> str:
        if not code:
            return ""
        row = self.view.service(code) if self.view is not None else None
        return row.name(self.language) if row is not None else code

    def _text(self, row: int, column: int) -> str:
        d = self._rows[row]
        s = d.spec
        if column == 0:
            status = {ACCEPTED: QCoreApplication.translate("SuggestionsPanel", "Accepted"), REJECTED: QCoreApplication.translate("SuggestionsPanel", "Rejected")}.get(d.status, QCoreApplication.translate("SuggestionsPanel", "Proposed"))
            status += " " + QCoreApplication.translate("SuggestionsPanel", "(edited)") if d.edited else ""
            if self._waits[row]:  # a marker and words, not only a colour
                status += "\n⚠ " + QCoreApplication.translate("SuggestionsPanel", "needs a lead's approval")
            return status
        if column == 1:
            # A no-break space before each "·": a wrapped line starts with a word, not a dot.
            return "\u00a0· ".join(x for x in (word(s.kind), self._service(s.service_code),
                                          fmt.periods(s.periods, self.language) if s.periods else "") if x)
        if column == 2:
            return fmt.money(s.amount, s.currency, self.language) if s.amount is not None else ""
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        d = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self._text(index.row(), index.column()))
        if role == STATUS_ROLE:
            return d.status
        if role == Qt.ItemDataRole.BackgroundRole and d.status == ACCEPTED:
            return _ACCEPTED_BG
        if role == Qt.ItemDataRole.ForegroundRole and d.status == REJECTED:
            return _REJECTED_FG
        if role == Qt.ItemDataRole.FontRole and d.status == REJECTED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if index.column() == 2 else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


def action_text(spec: Any, view: CallerView | None, language: str) -> str:
    """One action as a short line: "Credit · mPro basic · NT$100 · 2009-03, 2009-04"."""
    parts = [word(spec.kind)]
    if spec.service_code:
        row = view.service(spec.service_code) if view is not None else None
        parts.append(row.name(language) if row is not None else spec.service_code)
    if spec.amount is not None:
        parts.append(fmt.money(spec.amount, spec.currency, language))
    if spec.periods:
        parts.append(fmt.periods(spec.periods, language))
    return " · ".join(parts)
