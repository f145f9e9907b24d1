"""Column widths that never hide what a column means: whole, or wrapped, never "Ap…".

A pane's columns are of two sorts. Most carry a value that means something only whole (a
date, a status, a billing month, a service, an amount, a clause kind): each is sized to its
widest text, header included, on every caller. One column per table may hold free text (a
clause as printed, an SMS, a bill line's wording): it takes the width that is left and
elides, with the whole text in its tooltip and the pane's detail line.

When a short table is too narrow for that (a 1366 px screen with the suggestions beside the
panes), the columns whose words can wrap give way down to their longest word and their rows
grow to two lines, instead of cutting "Waiting for a lead" to "Waiti…". Long tables (more
than ``WRAP_ROWS`` rows) keep one-line rows for speed and rely on the tooltip. ``Fit`` tells
the window how wide each table would like to be and how narrow it can go, so the panes share
the screen by need (``ui.layout``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

from ui.models.table import ELIDABLE_ROLE, EVIDENCE_MARK, RowsModel

FREE_MIN = 60  # the narrowest a free-text column may become (its tooltip and detail line have it all)
PADDING = 14  # cell margins and the focus frame around a cell's text
WRAP_ROWS = 60  # tables up to this many rows may wrap a cell onto more lines
_BREAKS = re.compile(r"\s+")
_TEXT_ROLES = {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.EditRole)}
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Fit:
    """How wide a table wants to be (every cell on one line) and the least it can show whole."""

    ideal: int
    least: int


def _header(view: QAbstractItemView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]


def _rows(view: QAbstractItemView, limit: int) -> Iterable[QModelIndex]:
    """Column-0 indexes of the rows the view shows (expanded tree rows included), at most ``limit``."""
    model = view.model()
    queue = [QModelIndex()]
    seen = 0
    while queue and seen < limit:
        parent = queue.pop(0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            yield index
            seen += 1
            if seen >= limit:
                return
            if isinstance(view, QTreeView) and view.isExpanded(index):
                queue.append(index)


def _depth(index: QModelIndex) -> int:
    depth, parent = 0, index.parent()
    while parent.isValid():
        depth, parent = depth + 1, parent.parent()
    return depth


def _metrics(view: QAbstractItemView, cell: QModelIndex) -> QFontMetrics:
    font = cell.data(Qt.ItemDataRole.FontRole)
    return view.fontMetrics() if font is None else QFontMetrics(font)


def _indent(view: QAbstractItemView, cell: QModelIndex, depth: int) -> int:
    return view.indentation() * (depth + 1) if isinstance(view, QTreeView) and cell.column() == 0 else 0


def _widths(view: QAbstractItemView, text: str, metrics: QFontMetrics) -> tuple[int, int]:
    """(whole text, longest piece it can wrap at) in pixels; Chinese wraps between characters."""
    whole = metrics.horizontalAdvance(text)
    if _CJK.search(text):
        return whole, metrics.horizontalAdvance("國" * 3)
    pieces = [p for p in _BREAKS.split(text) if p]
    return whole, max((metrics.horizontalAdvance(p) for p in pieces), default=whole)


def measure(view: QAbstractItemView, column: int, limit: int = 300) -> tuple[int, int]:
    """(one-line width, wrapped width) of ``column``'s meaningful cells and header, in pixels.

    Cells answering ``ELIDABLE_ROLE`` with True (free text) are not measured.
    """
    model = view.model()
    title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    head, head_piece = _widths(view, title, view.fontMetrics())  # a header wraps too ("Trial / until")
    ideal, least = head + PADDING + 4, head_piece + PADDING + 4
    rows_model = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    if isinstance(rows_model, RowsModel):  # the fast way: a table's plain rows, no index per cell
        if rows_model.free_column() == column:
            return ideal, least
        metrics = view.fontMetrics()
        extra = PADDING + (metrics.horizontalAdvance(EVIDENCE_MARK) if column == 0 else 0)
        for text in set(rows_model.column_texts(column, limit)):
            if text:
                whole, piece = _widths(view, text, metrics)
                ideal, least = max(ideal, whole + extra), max(least, piece + extra)
        return ideal, least
    cells = getattr(rows_model, "measure_cells", None)
    if cells is not None and isinstance(view, QTreeView):  # a tree that lists its cells itself
        plain = view.fontMetrics()
        font = QFont(view.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        for text, depth, strong in cells(column, limit):
            if text:
                whole, piece = _widths(view, text, bold if strong else plain)
                extra = PADDING + (view.indentation() * (depth + 1) + (bold if strong else plain).horizontalAdvance(EVIDENCE_MARK)
                                   if column == 0 else 0)
                ideal, least = max(ideal, whole + extra), max(least, piece + extra)
        return ideal, least
    for index in _rows(view, limit):
        cell = index.siblingAtColumn(column)
        if cell.data(ELIDABLE_ROLE):
            continue
        text = str(cell.data() or "")
        if not text:
            continue
        metrics = _metrics(view, cell)
        whole, piece = _widths(view, text, metrics)
        extra = _indent(view, cell, _depth(index)) + PADDING
        if column == 0:
            extra += metrics.horizontalAdvance(EVIDENCE_MARK)  # room for the evidence marker
        ideal, least = max(ideal, whole + extra), max(least, piece + extra)
    return ideal, least


def room(view: QAbstractItemView) -> int:
    """The width the columns may use: the view less its frame and (always, because wrapping
    may make the rows taller than the view) a vertical scroll bar."""
    return max(view.width() - view.frameWidth() * 2 - view.verticalScrollBar().sizeHint().width(), 0)


class _Measures(QObject):
    """The measured widths of a view's columns, kept until its model's data change, so a
    resize (a splitter, a dock) re-fits without measuring every cell again."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.setObjectName("columnMeasures")
        self.sizes: dict[int, tuple[int, int]] | None = None
        self.widest: dict[int, int] = {}
        self.applied: tuple[object, ...] | None = None  # what was laid out last, for this data
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.headerDataChanged):
            signal.connect(self.forget)
        model.dataChanged.connect(self.changed)
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        if isinstance(view, QTreeView) and not hasattr(source, "measure_cells"):  # else widths ignore expansion
            view.expanded.connect(self.forget)
            view.collapsed.connect(self.forget)

    def forget(self, *_args: object) -> None:
        self.sizes = None
        self.widest = {}
        self.applied = None

    def changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int] | None = None) -> None:
        """Only the columns whose words changed are measured again: a highlight (colours)
        or the expected-charge ledger arriving (two columns) leaves the others as they were."""
        if roles and not {int(r) for r in roles} & _TEXT_ROLES:
            return
        for column in range(top_left.column(), bottom_right.column() + 1):
            if self.sizes is not None:
                self.sizes.pop(column, None)
            self.widest.pop(column, None)
        self.applied = None


def _cache(view: QAbstractItemView) -> _Measures:
    cache = view.findChild(_Measures, "columnMeasures", Qt.FindChildOption.FindDirectChildrenOnly)
    return cache if cache is not None else _Measures(view)


def _measured(view: QAbstractItemView, count: int) -> dict[int, tuple[int, int]]:
    cache = _cache(view)
    if cache.sizes is None:
        cache.sizes = {}
    for c in range(count):
        if c not in cache.sizes:
            cache.sizes[c] = measure(view, c)
    return cache.sizes


def widest(view: QAbstractItemView, column: int, limit: int = 300) -> int:
    """The one-line width of ``column``'s longest text, free text included (what a pane
    would like to give it on a wide screen); kept until the data change, like ``measured``."""
    cache = _cache(view)
    if column not in cache.widest:
        metrics = view.fontMetrics()
        texts = {str(index.siblingAtColumn(column).data() or "") for index in _rows(view, limit)}
        cache.widest[column] = max((metrics.horizontalAdvance(t) for t in texts), default=0) + PADDING
    return cache.widest[column]


def measured(view: QAbstractItemView) -> dict[int, tuple[int, int]]:
    """``measure`` of every column of ``view``, kept until its data change (a resize, a
    second fit of the same caller measure nothing again)."""
    model = view.model()
    return _measured(view, model.columnCount()) if model is not None else {}


class _Gauge(NamedTuple):
    sizes: dict[int, tuple[int, int]]  # per column: (ideal, least) width
    fixed: list[int]  # the shown columns other than the free one
    can_wrap: bool
    free_room: int  # the free column's own meaningful cells (a bill's period) whole: never wrapped
    fit: Fit


def _gauge(view: QAbstractItemView, model: QAbstractItemModel, free: int | None) -> _Gauge:
    header = _header(view)
    count = model.columnCount()
    sizes = _measured(view, count)
    fixed = [c for c in range(count) if c != free and not header.isSectionHidden(c)]  # a hidden column takes no room
    can_wrap = isinstance(view, QTableView) and model.rowCount() <= WRAP_ROWS
    free_room = max(FREE_MIN, sizes[free][0]) if free is not None else 0
    frame = view.frameWidth() * 2 + view.verticalScrollBar().sizeHint().width()
    ideal = sum(sizes[c][0] for c in fixed) + free_room + frame
    least = (sum(sizes[c][1] for c in fixed) if can_wrap else sum(sizes[c][0] for c in fixed)) + free_room + frame
    return _Gauge(sizes, fixed, can_wrap, free_room, Fit(ideal, least))


def needs(view: QAbstractItemView, free: int | None = None) -> Fit:
    """What ``fit_columns`` returns, without laying anything out: the window shares the
    panes' width by it first, then each table is laid out once, at its own width."""
    model = view.model()
    return _gauge(view, model, free).fit if model is not None else Fit(0, 0)


def fit_columns(view: QAbstractItemView, free: int | None = None) -> Fit:
    """Size the columns for ``view``'s width: every meaningful cell whole, wrapping if need be.

    ``free`` (the free-text column) stretches into what is left and elides. Cheap: only
    the rows on screen are measured (300 at most), a few milliseconds per caller.
    """
    model = view.model()
    if model is None:
        return Fit(0, 0)
    header = _header(view)
    if not header.defaultAlignment() & Qt.TextFlag.TextWordWrap:
        header.setDefaultAlignment(header.defaultAlignment() | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))
    count = model.columnCount()
    sizes, fixed, can_wrap, free_least, fit = _gauge(view, model, free)
    widths = {c: sizes[c][0] for c in fixed}
    excess = sum(widths.values()) + free_least - room(view)
    wrap = False
    if excess > 0 and can_wrap:
        slack = {c: sizes[c][0] - sizes[c][1] for c in fixed}
        total = sum(slack.values())
        if total > 0:
            share = min(1.0, excess / total)
            widths = {c: sizes[c][0] - math.ceil(slack[c] * share) for c in fixed}  # never a pixel over
            wrap = True
    cache = _cache(view)
    signature = (tuple(sorted(widths.items())), wrap, free, room(view))
    if cache.applied == signature:
        return fit  # the same data at the same width: nothing to lay out again
    cache.applied = signature
    for c in range(count):
        if c == free:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        elif c in widths:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, widths[c])
    header.setStretchLastSection(free is None and count > 0 and sum(widths.values()) <= room(view))
    # A header narrower than its title wraps it ("Trial / until"): give the header two lines.
    titles = {c: str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in fixed}
    narrow = any(view.fontMetrics().horizontalAdvance(titles[c]) + PADDING > widths[c] for c in fixed)
    header.setMinimumHeight(view.fontMetrics().lineSpacing() * 2 + 8 if narrow else 0)
    _one_line(view, free, wrap)
    if isinstance(view, QTableView):
        was_wrapping = view.wordWrap()
        view.setWordWrap(wrap)
        rows = view.verticalHeader()
        # Row heights computed once here, not by ResizeToContents, which measures every cell
        # again on every change of the data (a highlight) and doubled the cost of a pop.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if wrap:
            view.resizeRowsToContents()
        elif was_wrapping:
            for r in range(model.rowCount()):
                view.setRowHeight(r, rows.defaultSectionSize())
    return fit


class OneLine(QStyledItemDelegate):
    """The free-text column on one line, elided, while its table wraps the other columns.

    Set only on that column and only while the table wraps: a Python delegate costs a call
    per painted cell, which a screen pop on a wide screen should not pay.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), option.fontMetrics.height() + 10)


def _one_line(view: QAbstractItemView, free: int | None, wrap: bool) -> None:
    if free is None or not isinstance(view, QTableView):
        return
    current = view.itemDelegateForColumn(free)
    if wrap and not isinstance(current, OneLine):
        view.setItemDelegateForColumn(free, OneLine(view))
    elif not wrap and isinstance(current, OneLine):
        view.setItemDelegateForColumn(free, view.itemDelegate())


class Refit(QObject):
    """Fits a table's columns again when its width changes (a splitter dragged, a dock moved)."""

    def __init__(self, view: QAbstractItemView, free: int | None) -> None:
        super().__init__(view)
        self.view, self.free = view, free
        self._width = -1
        self._busy = False
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self._busy and abs(self.view.width() - self._width) > 2:
            self._width = self.view.width()
            self._busy = True
            try:
                fit_columns(self.view, self.free)
            finally:
                self._busy = False
        return False


def elided_cells(view: QAbstractItemView) -> list[str]:
    """Meaningful cells whose text does not fit (on its lines) or that lie beyond the
    viewport, as "view column: text" (tests): an empty list means nothing is hidden."""
    model = view.model()
    if model is None or not view.isVisible() or not isinstance(view, QTableView | QTreeView):
        return []
    header = _header(view)
    right = view.viewport().width()
    hidden: list[str] = []
    wrapping = isinstance(view, QTableView) and view.wordWrap()
    for index in _rows(view, 300):
        depth = _depth(index)
        for column in range(model.columnCount()):
            cell = index.siblingAtColumn(column)
            if header.isSectionHidden(column) or cell.data(ELIDABLE_ROLE):
                continue
            text = str(cell.data() or "")
            if not text:
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            room = width - _indent(view, cell, depth) - 6
            metrics = _metrics(view, cell)
            if wrapping:
                rect = view.visualRect(view.model().index(index.row(), column, index.parent()))
                bound = metrics.boundingRect(0, 0, max(room, 1), 10_000, int(Qt.TextFlag.TextWordWrap), text)
                fits = bound.width() <= room and bound.height() <= rect.height()
            else:
                fits = metrics.horizontalAdvance(text) <= room
            if not fits or x < 0 or x + width > right + 1:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                hidden.append(f"{view.objectName()} {title}: {text} (x {x}, width {width} of {right})")
    return hidden


__all__ = ["Fit", "OneLine", "Refit", "elided_cells", "fit_columns", "measure", "measured", "needs", "room", "widest"]
