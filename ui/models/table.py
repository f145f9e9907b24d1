"""A table model over cached plain rows, with batched fetching and evidence highlighting.

Anki's browser does the same: a ``QAbstractTableModel`` over cached row objects, reset as a
whole on a new search. Rows arrive all at once from the worker (plain dataclasses), but
the view only sees them ``BATCH`` at a time through ``canFetchMore``/``fetchMore``, so a
customer with thousands of notifications costs no more to show than one with ten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ui.plain import tip

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # the untruncated plain text (detail line)
ELIDABLE_ROLE = Qt.ItemDataRole.UserRole + 4  # True: free text that may be elided (its tooltip has it all)
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5  # True: the row is evidence for the selected finding
# Evidence is a marker ("▶" before the first column's text) and words for a screen reader
# as well as this colour; the amber is visible on white and under the dark text (8:1).
_R = Qt.ItemDataRole
# The roles ``RowsModel.data`` and ``ui.models.bill.BillModel.data`` answer (any other is None),
# and those they answer only for a highlighted row.
ANSWERED = frozenset(int(r) for r in (
    _R.DisplayRole, _R.ToolTipRole, _R.TextAlignmentRole, _R.FontRole, _R.AccessibleDescriptionRole,
    _R.BackgroundRole, _R.ForegroundRole, SORT_ROLE, REF_ROLE, FULL_TEXT_ROLE, ELIDABLE_ROLE, EVIDENCE_ROLE))
WHEN_HIGHLIGHTED = frozenset(int(r) for r in (_R.BackgroundRole, _R.ForegroundRole, _R.AccessibleDescriptionRole))

HIGHLIGHT = QBrush(QColor("#ffe08a"))
HIGHLIGHT_TEXT = QBrush(QColor("#3d2e00"))
EVIDENCE_MARK = "▶ "
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a row: its header, its text, its sort key, its alignment."""

    title: Callable[[], str]
    text: Callable[[R], str]
    key: Callable[[R], Any]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    free: bool = False  # free text (a clause, an SMS): takes the spare width and may elide


class RowsModel(QAbstractTableModel, Generic[R]):
    BATCH = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._loaded = 0
        self._highlight: frozenset[str] = frozenset()
        self._columns: Sequence[Column[R]] | None = None
        self._text: dict[tuple[int, int], str] = {}  # views ask for the same cell many times
        self.language = "en"

    # -- subclass hooks ------------------------------------------------------------------
    def columns(self) -> Sequence[Column[R]]:
        raise NotImplementedError

    def column_texts(self, column: int, limit: int) -> list[str]:
        """The first ``limit`` loaded rows' texts of ``column`` (for measuring, without a
        ``QModelIndex`` round trip per cell)."""
        col = self._cols()[column]
        texts = []
        for r in range(min(self._loaded, limit)):
            text = self._text.get((r, column))
            if text is None:
                text = self._text[(r, column)] = col.text(self._rows[r])
            texts.append(text)
        return texts

    def free_column(self) -> int | None:
        """The free-text column (stretches and elides), if the model has one."""
        return next((i for i, c in enumerate(self._cols()) if c.free), None)

    def ref(self, row: R) -> str:
        """The evidence reference of a row ("notification:SMS-1")."""
        raise NotImplementedError

    def matches(self, row: R, refs: frozenset[str]) -> bool:
        return self.ref(row) in refs

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R], language: str | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._loaded = min(self.BATCH, len(self._rows))
        self._highlight = frozenset()
        if language:
            self.language = language
        self._columns = None
        self._text = {}
        self.endResetModel()

    def relabel(self) -> None:
        """The UI language changed: headers and cached texts are asked for again."""
        self._columns = None
        self._text = {}
        count = self.columnCount()
        if count:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, count - 1)
            if self._loaded:
                self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, count - 1))

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def _cols(self) -> Sequence[Column[R]]:
        if self._columns is None:
            self._columns = self.columns()
        return self._columns

    # -- the Qt model protocol -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols())

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        count = min(self.BATCH, len(self._rows) - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell is asked for seven roles (font, decoration, check state ...), each a
        # call into Python through the sort proxy; the ones this model never answers, and the
        # highlight's colours while nothing is highlighted, are answered first.
        if role not in ANSWERED or (role in WHEN_HIGHLIGHTED and not self._highlight):
            return None
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row = self._rows[index.row()]
        col = self._cols()[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._text.get(key)
            if text is None:
                text = self._text[key] = col.text(row)
            if index.column() == 0 and self._highlight and self.matches(row, self._highlight):
                return EVIDENCE_MARK + text  # evidence is a marker, not only a colour
            return text
        if role == FULL_TEXT_ROLE:
            return col.tooltip(row) if col.tooltip else col.text(row)
        if role == ELIDABLE_ROLE:
            return col.free
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(col.tooltip(row) if col.tooltip else col.text(row))
        if role == SORT_ROLE:
            return col.key(row)
        if role == REF_ROLE:
            return self.ref(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == EVIDENCE_ROLE:
            return bool(self._highlight) and self.matches(row, self._highlight)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and self._highlight and self.matches(row, self._highlight):
            return QCoreApplication.translate("Panes", "Evidence for the selected finding")
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight and self.matches(row, self._highlight):
            return HIGHLIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._highlight and self.matches(row, self._highlight):
            return HIGHLIGHT_TEXT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._cols()):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._cols()[section].title()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- evidence ------------------------------------------------------------------------
    def set_highlight(self, refs: Iterable[str]) -> list[int]:
        """Highlight the rows matching ``refs``; return their row numbers (loading them)."""
        self._highlight = frozenset(refs)
        hits = [i for i, row in enumerate(self._rows) if self._highlight and self.matches(row, self._highlight)]
        if hits:
            self.ensure_loaded(max(hits))
        if self._loaded:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._loaded - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )
        return hits

    def find(self, refs: Iterable[str]) -> int | None:
        """The first row matching any of ``refs`` (loaded on demand), or None."""
        wanted = frozenset(refs)
        for i, row in enumerate(self._rows):
            if self.matches(row, wanted):
                self.ensure_loaded(i)
                return i
        return None

    def ensure_loaded(self, row: int) -> None:
        while self._loaded <= row and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
