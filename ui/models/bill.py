"""The bill pane's tree: billing periods, expandable into their lines, and pending credits.

A tree because agents think "the March bill" first and "the mPro line on it" second. Each
line shows the month's usage of its service beside the charge (unknown when the operator
never reported it): "billed 50, used 0" is the reference case in one row. Credits the
journal holds that no bill carries yet hang under a "Pending credits" node, fed by
``console.flags.pending_credits`` (the clean hook for the journal). Once the suggestions
are computed, ``set_judgement`` adds the expected-charge ledger (``console.judgement``):
each line shows what was EXPECTED for its service and month and WHY ("asked to cancel
3/28/2025; not used"), and each period what was expected in all, so the agent sees the
reasoning behind a finding, not only the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from console import formatting as fmt
from console.caller_view import BillLineRow, BillRow, CallerView
from console.flags import PendingCredit
from console.judgement import MonthJudgement, explain
from ui.labels import DELIVERY_HOOKS, state_word, word
from ui.models.table import (
    ANSWERED,
    ELIDABLE_ROLE,
    EVIDENCE_MARK,
    EVIDENCE_ROLE,
    FULL_TEXT_ROLE,
    HIGHLIGHT,
    HIGHLIGHT_TEXT,
    REF_ROLE,
    SORT_ROLE,
    WHEN_HIGHLIGHTED,
)
from ui.plain import tip

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Item", "Service", "Amount", "Used", "Expected", "Why")  # the issue date is in the period's tooltip
SERVICE, EXPECTED, WHY = 1, 4, 5



@dataclass(eq=False)
class Node:
    kind: str  # bill | line | credits | credit
    row: int
    parent: Node | None = None
    bill: BillRow | None = None
    line: BillLineRow | None = None
    credit: PendingCredit | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def refs(self) -> frozenset[str]:
        if self.kind == "bill" and self.bill:
            return frozenset({f"bill:{self.bill.id}"})
        if self.kind == "line" and self.line and self.parent and self.parent.bill:
            refs = {f"bill_line:{self.line.id}"}
            if self.line.service_code:
                refs.add(f"usage:{self.line.service_code}:{self.parent.bill.period}")
            return frozenset(refs)
        if self.kind == "credit" and self.credit:
            return frozenset({f"credit:{self.credit.action_id}"})
        return frozenset({"credits:pending"})


class BillModel(QAbstractItemModel):
    BATCH = 100

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._top: list[Node] = []
        self._loaded = 0
        self._view: CallerView | None = None
        self._highlight: frozenset[str] = frozenset()
        self._texts: dict[tuple[Node, int], str] = {}
        self.language = "en"
        self.currency = "TWD"
        self._judged: dict[tuple[str | None, str], MonthJudgement] = {}

    def set_judgement(self, months: Iterable[MonthJudgement]) -> None:
        """The expected-charge ledger of the caller on screen (the suggestions' ``report.months``)."""
        self._judged = {(m.service, m.period): m for m in months}
        self._texts = {}
        if self._loaded:
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(0, EXPECTED), self.index(self._loaded - 1, last))
            for i in range(self._loaded):
                top = self._top[i]
                if top.children:
                    parent = self.createIndex(i, 0, top)
                    self.dataChanged.emit(self.index(0, EXPECTED, parent), self.index(len(top.children) - 1, last, parent))
        self.delivery = DELIVERY_HOOKS

    def relabel(self) -> None:
        """The UI language changed: headers and cached texts are asked for again."""
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_view(self, view: CallerView | None, credits: Sequence[PendingCredit] = (), language: str | None = None,
                 delivery: str = DELIVERY_HOOKS) -> None:
        self.beginResetModel()
        self.delivery = delivery
        self._view = view
        self._texts = {}
        self._judged = {}
        self._highlight = frozenset()
        if language:
            self.language = language
        self.currency = view.currency if view else "TWD"
        top: list[Node] = []
        # Newest period first: the bill the customer is calling about is the latest one.
        for bill in reversed(view.bills if view else ()):
            node = Node("bill", len(top), bill=bill)
            node.children = [Node("line", i, node, bill=bill, line=ln) for i, ln in enumerate(bill.lines)]
            top.append(node)
        if credits:
            # Pending credits go first: they change what the next bill will say.
            node = Node("credits", 0)
            node.children = [Node("credit", i, node, credit=c) for i, c in enumerate(credits)]
            top.insert(0, node)
            for i, n in enumerate(top):
                n.row = i
        self._top = top
        self._loaded = min(self.BATCH, len(top))
        self.endResetModel()

    def measure_cells(self, column: int, limit: int = 300) -> list[tuple[str, int, bool]]:
        """(text, depth, bold) of ``column``'s meaningful cells in the loaded periods, lines of
        collapsed periods included (``ui.columns.measure``): no index per cell, and widths that
        do not change when the agent opens a period."""
        out: list[tuple[str, int, bool]] = []
        for top in self._top[:self._loaded]:
            for node, depth in ((top, 0), *((ch, 1) for ch in top.children)):
                if node.kind == "line" and column in (0, WHY):
                    continue  # a line's own wording and reasoning may elide
                key = (node, column)
                text = self._texts.get(key)
                if text is None:
                    text = self._texts[key] = self._text(node, column)
                out.append((text, depth, node.kind in ("bill", "credits")))
                if len(out) >= limit:
                    return out
        return out

    # -- structure -----------------------------------------------------------------------
    def _node(self, index: AnyIndex) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex(): that calls back into Python twice,
        # and tree views ask for indexes hundreds of times per paint.
        p = self._node(parent)
        if p is None:
            siblings, limit = self._top, self._loaded
        else:
            if parent.column() != 0:
                return QModelIndex()
            siblings = p.children
            limit = len(siblings)
        if 0 <= row < limit and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return self._loaded if node is None else len(node.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._top)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        count = min(self.BATCH, len(self._top) - self._loaded)
        if count > 0:
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
            self._loaded += count
            self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._titles()[section]
        return None

    def _titles(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("BillModel", "Item"), QCoreApplication.translate("BillModel", "Service"),
                QCoreApplication.translate("BillModel", "Amount"), QCoreApplication.translate("BillModel", "Used"),
                QCoreApplication.translate("BillModel", "Expected"), QCoreApplication.translate("BillModel", "Why"))

    # -- content -------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or (role in WHEN_HIGHLIGHTED and not self._highlight):
            return None  # the roles a painted cell asks for that are never answered here, first
        node = self._node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            key = (node, col)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(node, col)
            if col == 0 and self._highlight and self._matches(node):
                return EVIDENCE_MARK + text  # evidence is a marker, not only a colour
            return text
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "credit" and node.credit:
            c = node.credit
            months = fmt.periods(c.periods, self.language) if c.periods else ""
            return tip(" · ".join(x for x in (word("issue_credit"), c.service_code or "", self._money(c.amount, c.currency),
                                             months, state_word(c.state, self.delivery)) if x))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3 and node.kind == "line" and self._text(node, 3) == "–":
                return QCoreApplication.translate("BillModel", "Usage not reported for this month")
            if col == EXPECTED and self._text(node, EXPECTED) == "?":
                return QCoreApplication.translate("BillModel", "Depends on the usage, which was not reported: ask for it first")
            if col == 0 and node.kind == "bill" and node.bill and node.bill.issued_on:
                return QCoreApplication.translate("BillModel", "%1, issued %2").replace("%1", self._text(node, 0)).replace(
                    "%2", fmt.day(node.bill.issued_on, self.language))
            return tip(self._text(node, col)) or None  # a line's wording is the operator's text
        if role == SORT_ROLE:
            return self._key(node, col)
        if role == ELIDABLE_ROLE:
            # A line's own wording and its reasoning: the tooltip and the pane's detail line have it all.
            return node.kind == "line" and col in (0, WHY)
        if role == FULL_TEXT_ROLE:
            return self.detail(node)
        if role == REF_ROLE:
            return sorted(node.refs)[0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = col in (2, 3, EXPECTED)
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind in ("bill", "credits"):
            font = QFont()
            font.setBold(True)
            return font
        if role == EVIDENCE_ROLE:
            return self._matches(node)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and self._matches(node):
            return QCoreApplication.translate("Panes", "Evidence for the selected finding")
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and self._matches(node):
            return HIGHLIGHT if role == Qt.ItemDataRole.BackgroundRole else HIGHLIGHT_TEXT
        return None

    def detail(self, node: Node) -> str:
        """The row in one sentence for the pane's detail line: what was billed, what was
        expected and why, which a narrow pane cannot show as columns."""
        t = lambda c: self._text(node, c)  # noqa: E731
        if node.kind == "credit":
            return str(self.data(self.createIndex(node.row, 0, node), Qt.ItemDataRole.ToolTipRole) or "")
        if node.kind == "credits":
            return f"{t(0)}: {t(2)}"
        if node.kind == "bill" and node.bill:
            head = QCoreApplication.translate("BillModel", "%1, issued %2").replace("%1", t(0)).replace("%2", fmt.day(node.bill.issued_on, self.language)) \
                if node.bill.issued_on else t(0)
            parts = [f"{head}: {t(2)}"]
        else:
            used = t(3)
            parts = [" · ".join(x for x in (t(0), t(1), t(2)) if x)]
            if used:
                parts.append(QCoreApplication.translate("BillModel", "used %1").replace("%1", used))
        if t(EXPECTED):
            parts.append(QCoreApplication.translate("BillModel", "expected %1").replace("%1", t(EXPECTED)))
        if t(WHY):
            parts.append(t(WHY))
        return "; ".join(parts)

    def _money(self, amount: Decimal, currency: str | None = None) -> str:
        return fmt.money(amount, currency or self.currency, self.language)

    def _text(self, node: Node, col: int) -> str:
        lang = self.language
        if node.kind == "bill" and node.bill:
            b = node.bill
            if col >= EXPECTED:
                return self._bill_judgement(b)[col - EXPECTED]
            return (fmt.period(b.period, lang), "", self._money(b.total, b.currency), "")[col]
        if node.kind == "line" and node.line and node.parent and node.parent.bill:
            ln, period = node.line, node.parent.bill.period
            if col >= EXPECTED:
                return self._line_judgement(node.parent.bill, ln)[col - EXPECTED]
            used = ""
            if ln.service_code and self._view is not None:
                units = self._view.usage_for(ln.service_code, period)
                used = "–" if units is None else str(units)
            return (ln.text, ln.service_code or "", self._money(ln.amount, node.parent.bill.currency), used)[col]
        if node.kind == "credits":
            total = sum((c.credit.amount for c in node.children if c.credit), Decimal(0))
            return (QCoreApplication.translate("BillModel", "Pending credits"), "", self._money(-total), "", "", "")[col]
        if node.kind == "credit" and node.credit:
            # The state first: it is what the agent tells the customer ("waiting for a lead").
            c = node.credit
            return (state_word(c.state, self.delivery, short=True), c.service_code or "",
                    self._money(-c.amount, c.currency), "", "", "")[col]
        return ""

    def _line_judgement(self, bill: BillRow, line: BillLineRow) -> tuple[str, str]:
        """(expected, why) of one line: its month's, on the month's first charged line for the
        service; a copy of a line billed twice is expected at 0."""
        m = self._judged.get((line.service_code, bill.period))
        if m is None or not line.service_code:
            return "", ""
        if any(x.id == line.id for x in m.extra_lines):
            return self._money(Decimal(0), bill.currency), explain(m, self.language, bill.currency)
        first = next((x for x in bill.lines if x.service_code == line.service_code and x.amount > 0), None)
        if first is not None and first.id != line.id:
            return "", ""
        expected = "?" if m.expected is None else self._money(m.expected, bill.currency)
        return expected, explain(m, self.language, bill.currency)

    def _bill_judgement(self, bill: BillRow) -> tuple[str, str]:
        """(expected, how much above it) for a whole period, once the ledger is known."""
        if not self._judged:
            return "", ""
        expected, disputed, unknown = Decimal(0), Decimal(0), False
        for line in bill.lines:
            m = self._judged.get((line.service_code, bill.period)) if line.service_code else None
            if m is None:
                expected += line.amount
        for (_service, period), m in self._judged.items():
            if period != bill.period or not any(ln.service_code == m.service for ln in bill.lines):
                continue
            unknown |= m.expected is None
            expected += m.expected if m.expected is not None else m.billed
            disputed += m.disputed
        why = QCoreApplication.translate("BillModel", "%1 above expected").replace("%1", self._money(disputed, bill.currency)) \
            if disputed > 0 else ""
        return ("?" if unknown else self._money(expected, bill.currency)), why

    def _key(self, node: Node, col: int) -> Any:
        if col >= EXPECTED:
            return self._text(node, col)
        if node.kind == "bill" and node.bill:
            b = node.bill
            return (b.period, "", int(b.total * 100), "")[col]
        if node.kind == "line" and node.line:
            return (node.line.text, node.line.service_code or "", int(node.line.amount * 100), self._text(node, 3))[col]
        return ("", "", 0, "")[col] if node.kind != "credits" else ("~", "", 0, "")[col]

    # -- evidence ------------------------------------------------------------------------
    def _matches(self, node: Node) -> bool:
        if not self._highlight:
            return False
        if node.refs & self._highlight:
            return True
        return node.kind == "bill" and any(ch.refs & self._highlight for ch in node.children)

    def set_highlight(self, refs: Iterable[str]) -> list[QModelIndex]:
        self._highlight = frozenset(refs)
        hits = self.find_all(self._highlight) if self._highlight else []
        self._repaint()
        return hits

    def find_all(self, refs: frozenset[str]) -> list[QModelIndex]:
        """Indexes (column 0) of every node matching ``refs``, loading top rows as needed."""
        hits: list[QModelIndex] = []
        for i, top in enumerate(self._top):
            if top.refs & refs:
                self._ensure_loaded(i)
                hits.append(self.createIndex(top.row, 0, top))
            for ch in top.children:
                if ch.refs & refs:
                    self._ensure_loaded(i)
                    hits.append(self.createIndex(ch.row, 0, ch))
        return hits

    def _ensure_loaded(self, row: int) -> None:
        while self._loaded <= row and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def _repaint(self) -> None:
        if not self._loaded:
            return
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole]
        last = len(COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, last), roles)
        for i in range(self._loaded):
            top = self._top[i]
            if top.children:
                parent = self.createIndex(i, 0, top)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(top.children) - 1, last, parent), roles)
