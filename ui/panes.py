"""The three panes (contract, notifications, bill) and the history area, as widgets.

Each pane is a titled frame holding one or two views over the models in ``ui.models``,
behind a ``QSortFilterProxyModel`` so every column sorts (on ``SORT_ROLE``). Views have
fixed row heights and elide long text (the tooltip has all of it). A pane knows how to
highlight evidence refs and how to select one ref, scrolling it into view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console import formatting as fmt
from console.judgement import MonthJudgement
from ui.columns import FREE_MIN, Fit, Refit, fit_columns, measured, needs, room, widest
from ui.i18n import Texts, is_language_change
from ui.models.bill import SERVICE, WHY, BillModel
from ui.models.panes import (
    ClausesModel,
    EventsModel,
    HistoryModel,
    NotificationsModel,
    ServicesModel,
)
from ui.models.table import FULL_TEXT_ROLE, SORT_ROLE, RowsModel
from ui.theme import bold_title, chrome_style, paint_card


def sort_proxy(model: object, parent: QWidget) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(False)
    return proxy


def _row_height(view: QAbstractItemView) -> int:
    return view.fontMetrics().height() + 10


def table_view(model: RowsModel, name: str, widths: Sequence[int], parent: QWidget,
               stretch: int | None = None) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, fixed-row-height table; ``stretch`` names the column that takes spare width
    (the last one by default)."""
    proxy = sort_proxy(model, parent)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's own order until asked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves to the next pane; arrows move inside the table
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setShowGrid(False)
    vh = view.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(_row_height(view))
    hh = view.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setResizeContentsPrecision(64)  # fitting columns looks at the first rows only
    hh.setStretchLastSection(True)
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, w in enumerate(widths):
        view.setColumnWidth(i, w)
    if stretch is not None:
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view, proxy


class DetailText(QPlainTextEdit):
    """The full text of the selected row (a clause, an SMS), wrapped, as plain text.

    A fixed height (a longer or shorter text must not re-layout the pane on every pop) that
    scrolls when the text is longer, so the end of a clause ("…每月 50 元計費。") is never cut
    off. Read-only, out of the Tab chain (the row's tooltip and accessible text carry it too).
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("detail", True)
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(chrome_style())
        set_detail_lines(self, 3)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLabel name the panes use
        # The bill's detail follows every change of its model (a highlight, the judgement):
        # the same sentence again would re-lay out the document and post its scroll bars'
        # adjustment and a relayout for nothing (five times per pop).
        if text != self.toPlainText():
            self.setPlainText(text)


def detail_label(name: str) -> DetailText:
    return DetailText(name)


def set_detail_lines(label: QWidget, lines: int) -> None:
    """The detail text's height in lines (two on a short screen, three otherwise)."""
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 14)


def scroll_to_source(view: QAbstractItemView, proxy: QSortFilterProxyModel, source: QModelIndex) -> None:
    """Bring a row into view and make it current without selecting it (the selection colour
    would hide the highlight); the pane's detail line follows the current row."""
    idx = proxy.mapFromSource(source)
    if idx.isValid():
        sm = view.selectionModel()
        sm.clearSelection()
        sm.setCurrentIndex(idx, sm.SelectionFlag.NoUpdate)
        view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)


def select_source_row(view: QAbstractItemView, proxy: QSortFilterProxyModel, source: QModelIndex, focus: bool) -> None:
    idx = proxy.mapFromSource(source)
    if not idx.isValid():
        return
    view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
    view.selectionModel().setCurrentIndex(
        idx, view.selectionModel().SelectionFlag.ClearAndSelect | view.selectionModel().SelectionFlag.Rows
    )
    if focus:
        view.setFocus(Qt.FocusReason.OtherFocusReason)


def pane_header(title: QLabel) -> tuple[QHBoxLayout, QLabel]:
    """A pane's title with, at its right, the key that reaches the pane ("Alt+1")."""
    hint = QLabel()
    hint.setObjectName("paneKey")
    hint.setProperty("keyHint", True)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(title, 1)
    row.addWidget(hint)
    return row, hint


class Pane(QFrame):
    """A titled frame with views; subclasses list (model, view, proxy) triples in ``parts``."""

    def __init__(self, title: Callable[[], str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("pane", True)
        self.texts = Texts()
        self.title = QLabel()
        self.title.setObjectName("paneTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold_title(self.title)
        self.texts.bind(self.title.setText, title)
        self.texts.bind(self.setAccessibleName, title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.setSpacing(4)
        header, self.key_hint = pane_header(self.title)
        self.layout_.addLayout(header)
        self.parts: list[tuple[RowsModel, QTableView, QSortFilterProxyModel]] = []
        self.fitted = Fit(0, 0)

    def set_key_hint(self, key: str) -> None:
        self.key_hint.setText(key)
        self.key_hint.setVisible(bool(key))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            for model, _view, _proxy in self.parts:
                model.relabel()
        super().changeEvent(event)

    def needed(self) -> Fit:
        """How wide this pane wants to be, and the least it can show whole (``ui.columns``)."""
        return Fit(self.fitted.ideal + 14, self.fitted.least + 14)

    def add_part(self, model: RowsModel, view: QTableView, proxy: QSortFilterProxyModel) -> None:
        self.parts.append((model, view, proxy))
        Refit(view, model.free_column())

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self)

    def highlight(self, refs: frozenset[str]) -> int:
        found = 0
        for model, view, proxy in self.parts:
            hits = model.set_highlight(refs)
            if view.wordWrap():
                for row in hits:  # the evidence marker may take a wrapped cell onto another line
                    view.resizeRowToContents(proxy.mapFromSource(model.index(row, 0)).row())
            if hits:
                found += len(hits)
                scroll_to_source(view, proxy, model.index(hits[0], 0))
        return found

    def select_ref(self, refs: Iterable[str], focus: bool = True) -> bool:
        wanted = frozenset(refs)
        for model, view, proxy in self.parts:
            row = model.find(wanted)
            if row is not None:
                select_source_row(view, proxy, model.index(row, 0), focus)
                return True
        return False

    def first_view(self) -> QAbstractItemView:
        return self.parts[0][1]

    def gauge(self) -> None:
        """``fitted`` for the data now in the models, nothing laid out yet (``fit`` does)."""
        fits = [needs(view, model.free_column()) for model, view, _proxy in self.parts]
        self.fitted = Fit(max(f.ideal for f in fits), max(f.least for f in fits))

    def fit(self) -> None:
        fits = [fit_columns(view, model.free_column()) for model, view, _proxy in self.parts]
        self.fitted = Fit(max(f.ideal for f in fits), max(f.least for f in fits))
        for _model, view, proxy in self.parts:
            if proxy.rowCount():  # the detail line shows the first row until the agent moves
                view.selectionModel().setCurrentIndex(proxy.index(0, 0), view.selectionModel().SelectionFlag.NoUpdate)

    def follow_detail(self, view: QTableView, label: DetailText, text_column: int) -> None:
        """Show the full text of ``view``'s current row in ``label``."""

        def show(current: QModelIndex, _previous: QModelIndex) -> None:
            label.setText(current.siblingAtColumn(text_column).data(FULL_TEXT_ROLE) or "" if current.isValid() else "")

        view.selectionModel().currentRowChanged.connect(show)
        view.model().modelReset.connect(label.clear)


class ContractPane(Pane):
    """What they signed: services (fee, status, trial/term dates) over the clauses as printed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: self.tr("Contract"), "contractPane", parent)
        self.contract_of = QLabel(self)  # the one contract's id and signing date (``fit``)
        self.contract_of.setObjectName("contractOf")
        self.contract_of.setTextFormat(Qt.TextFormat.PlainText)
        self.contract_of.hide()
        self.layout_.itemAt(0).layout().insertWidget(1, self.contract_of)
        self.services = ServicesModel(self)
        self.clauses = ClausesModel(self)
        self.clauses.modelReset.connect(self.name_contract)
        sv, sp = table_view(self.services, "servicesView", (150, 120, 90, 90, 70), self)
        cv, cp = table_view(self.clauses, "clausesView", (170, 60, 110, 300), self)
        self.texts.bind(sv.setAccessibleName, lambda: self.tr("Services"))
        self.texts.bind(cv.setAccessibleName, lambda: self.tr("Contract clauses"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("contractSplit")
        split.setChildrenCollapsible(False)
        self.detail = detail_label("clauseDetail")
        self.texts.bind(self.detail.setAccessibleName, lambda: self.tr("Selected clause, full text"))
        clause_box = QWidget(self)
        box = QVBoxLayout(clause_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(cv, 1)
        box.addWidget(self.detail)
        split.addWidget(sv)
        split.addWidget(clause_box)
        split.setSizes([110, 220])
        self.layout_.addWidget(split, 1)
        self.split = split
        self.add_part(self.services, sv, sp)
        self.add_part(self.clauses, cv, cp)
        self.user_split = False
        split.splitterMoved.connect(lambda *_: setattr(self, "user_split", True))
        self.follow_detail(cv, self.detail, 3)


    def fit(self) -> None:
        """Columns first; then the services get the height to show every service (a
        wrapped row is taller), up to a little over half the pane, unless the agent set it.

        Most callers have one contract: then its id and signing date stand beside the pane's
        title once, and the clauses drop their Contract column, which gives a 1366 px screen
        the room to show every pane's columns whole (``name_contract``, on every new set of
        clauses)."""
        super().fit()
        self.fit_services_height()

    def name_contract(self) -> None:
        """The one contract beside the title (nothing once the screen is cleared: never the
        previous caller's)."""
        contracts = {line.contract.id: line.contract for line in self.clauses.rows()}
        single = next(iter(contracts.values())) if len(contracts) == 1 else None
        self.parts[1][1].horizontalHeader().setSectionHidden(2, len(contracts) <= 1)  # none or one: nothing to tell apart
        self.contract_of.setText(
            f"{single.id} · {fmt.day(single.signed_on, self.clauses.language)}" if single and single.signed_on
            else single.id if single else "")
        self.contract_of.setVisible(single is not None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_services_height()  # a notice or a dragged splitter changed the pane's height

    def fit_services_height(self) -> None:
        view = self.parts[0][1]
        rows = view.model().rowCount()
        if self.user_split or not rows:
            return
        wanted = view.horizontalHeader().height() + sum(view.rowHeight(r) for r in range(min(rows, 8))) + view.frameWidth() * 2 + 2
        sizes = self.split.sizes()
        total = sum(sizes)
        if total > 0:
            top = min(wanted, int(total * 0.55))
            if abs(sizes[0] - top) > 3:
                self.split.setSizes([top, total - top])


class NotificationsPane(Pane):
    """What they were told: newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: self.tr("Notifications"), "notificationsPane", parent)
        self.model = NotificationsModel(self)
        view, proxy = table_view(self.model, "notificationsView", (130, 60, 60, 170, 300), self)
        self.texts.bind(view.setAccessibleName, lambda: self.tr("Notifications, newest first"))
        self.detail = detail_label("notificationDetail")
        self.texts.bind(self.detail.setAccessibleName, lambda: self.tr("Selected notification, full text"))
        self.layout_.addWidget(view, 1)
        self.layout_.addWidget(self.detail)
        self.add_part(self.model, view, proxy)
        self.follow_detail(view, self.detail, 4)


WHY_ROOM = 240  # what a wide screen gives the bill's Why column ("asked to cancel 3/28/2025; not used")


class BillPane(QFrame):
    """What they were billed: periods (newest first) expandable into lines; pending credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billPane")
        self.setProperty("pane", True)
        self.texts = Texts()
        self.title = QLabel()
        self.title.setObjectName("paneTitle")
        bold_title(self.title)
        self.texts.bind(self.title.setText, lambda: self.tr("Bill"))
        self.texts.bind(self.setAccessibleName, lambda: self.tr("Bill"))
        self.fitted = Fit(0, 0)
        self.model = BillModel(self)
        self.proxy = sort_proxy(self.model, self)
        self.view = QTreeView(self)
        self.view.setObjectName("billView")
        self.texts.bind(self.view.setAccessibleName, lambda: self.tr("Bills by period; Right or + expands a period"))
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setIndentation(14)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 64), (2, 76), (3, 40), (4, 76), (5, 150)):  # 4-5: expected, why (tooltip: all of it)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(col, width)
        # The selected row in one sentence (billed, expected, why): on a narrow pane the Why
        # column gives way and this line is where the reasoning is read.
        self.detail = detail_label("billDetail")
        set_detail_lines(self.detail, 2)
        self.texts.bind(self.detail.setAccessibleName, lambda: self.tr("Selected bill row: billed, expected and why"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.model.dataChanged.connect(lambda *_: self.show_detail())  # the judgement arrived, or the language changed
        self.model.headerDataChanged.connect(lambda *_: self.show_detail())
        self.model.modelReset.connect(self.detail.clear)
        self._base = 0  # the columns but Service and Why, each whole (``fit``)
        self._service = self._why = FREE_MIN
        self.view.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        header_row, self.key_hint = pane_header(self.title)
        layout.addLayout(header_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self)

    def set_key_hint(self, key: str) -> None:
        self.key_hint.setText(key)
        self.key_hint.setVisible(bool(key))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            self.model.relabel()
        super().changeEvent(event)

    def fit(self) -> None:
        """Periods, amounts, expected charges and credit states whole; a bill line's own wording
        and its reasoning may elide (tooltip, detail line). Service and Why are columns only
        where the pane has room for them beside the others: at 1366 px they are read in the
        detail line (and a line's own wording) instead of cutting "Apr 2009" or "NT$400 above
        expected"."""
        self.gauge()
        self.lay_out()

    def gauge(self) -> None:
        """``fitted`` (and the widths ``lay_out`` shares out) for the data now in the model."""
        view = self.view
        frame = view.frameWidth() * 2 + view.verticalScrollBar().sizeHint().width()
        sizes = measured(view)
        self._service = sizes[SERVICE][0]
        self._base = sum(sizes[c][0] for c in range(WHY) if c != SERVICE)
        self._why = max(FREE_MIN * 2, sizes[WHY][0])  # a period's "NT$400 above expected" whole
        # Room for the reasoning even before it is known (the suggestions come after the pop,
        # and the panes are shared out on the first caller, not again per caller).
        ideal = self._base + self._service + max(self._why, WHY_ROOM, min(widest(view, WHY), 420))
        self.fitted = Fit(ideal + frame, self._base + frame)

    def set_judgement(self, months: Iterable[MonthJudgement]) -> None:
        """The expected-charge ledger arrived (after the pop, or again after a language
        switch): its amounts and reasons are measured and laid out like the rest."""
        self.model.set_judgement(months)
        self.fit()

    def show_detail(self) -> None:
        current = self.view.currentIndex()
        self.detail.setText(str(current.data(FULL_TEXT_ROLE) or "") if current.isValid() else "")

    def lay_out(self) -> None:
        view, header = self.view, self.view.header()
        width = room(view)
        show_service = width >= self._base + self._service
        show_why = width >= self._base + self._service + self._why
        for column, shown in ((SERVICE, show_service), (WHY, show_why)):
            if header.isSectionHidden(column) == shown:
                header.setSectionHidden(column, not shown)
        fit_columns(view, WHY if show_why else 0)
        if show_why:  # a bill line's wording and its reasoning share what is left, half each
            item = header.sectionSize(0)
            others = sum(header.sectionSize(c) for c in range(1, WHY) if not header.isSectionHidden(c))
            spare = width - item - others - self._why
            wanted = widest(view, 0) + view.indentation() * 2 - item
            if spare > 0 and wanted > 0:
                header.resizeSection(0, item + min(wanted, spare // 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self._base:
            self.lay_out()
        return False

    def needed(self) -> Fit:
        return Fit(self.fitted.ideal + 14, self.fitted.least + 14)

    def expand_recent(self, count: int = 3) -> None:
        """Open the latest periods (and pending credits): what the caller rings about."""
        for row in range(min(count, self.proxy.rowCount())):
            self.view.expand(self.proxy.index(row, 0))

    def toggle_current(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            idx = self.proxy.index(0, 0)
            self.view.setCurrentIndex(idx)
        if idx.parent().isValid():
            idx = idx.parent()
        self.view.setExpanded(idx, not self.view.isExpanded(idx))

    def highlight(self, refs: frozenset[str]) -> int:
        hits = self.model.set_highlight(refs)
        for i, src in enumerate(hits):
            idx = self.proxy.mapFromSource(src)
            if idx.parent().isValid():
                self.view.expand(idx.parent())
            if i == 0:  # current (the detail line says why) but not selected (the highlight shows)
                scroll_to_source(self.view, self.proxy, src)
        return len(hits)

    def select_ref(self, refs: Iterable[str], focus: bool = True) -> bool:
        hits = self.model.find_all(frozenset(refs))
        if not hits:
            return False
        idx = self.proxy.mapFromSource(hits[0])
        if idx.parent().isValid():
            self.view.expand(idx.parent())
        else:
            self.view.expand(idx)
        self.view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setCurrentIndex(idx)
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def first_view(self) -> QAbstractItemView:
        return self.view


class HistoryArea(QTabWidget):
    """History with us (journal: calls, open cases, callbacks, undelivered actions) and the record's events."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyArea")
        self.texts = Texts()
        self.texts.bind(self.setAccessibleName, lambda: self.tr("History with us"))
        self.history = HistoryModel(self)
        self.events = EventsModel(self)
        hv, hp = table_view(self.history, "historyView", (130, 220, 120, 300), self)
        ev, ep = table_view(self.events, "eventsView", (130, 80, 150, 60, 300), self)
        self.texts.bind(hv.setAccessibleName, lambda: self.tr("Previous calls, each with its actions; open cases and callbacks"))
        self.texts.bind(ev.setAccessibleName, lambda: self.tr("Events in the customer record"))
        self.empty = QLabel()
        self._empty_text: Callable[[], str] = lambda: self.tr("No caller on screen.")
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        history_page = QWidget()
        lay = QVBoxLayout(history_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hv, 1)
        lay.addWidget(self.empty, 1)
        self.addTab(history_page, "")
        self.addTab(ev, "")
        self.texts.bind(lambda t: self.setTabText(0, t), lambda: self.tr("History with us"))
        self.texts.bind(lambda t: self.setTabText(1, t), lambda: self.tr("Customer events"))
        self.history_view, self.events_view = hv, ev
        self.parts = [(self.history, hv, hp), (self.events, ev, ep)]
        for model, view, _proxy in self.parts:
            Refit(view, model.free_column())
        self.set_empty(True)

    def set_empty(self, empty: bool, text: str | Callable[[], str] | None = None) -> None:
        if text is not None:
            self._empty_text = text if callable(text) else (lambda t=text: t)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(empty)
        self.history_view.setVisible(not empty)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            self.empty.setText(self._empty_text())
            for model, _view, _proxy in self.parts:
                model.relabel()
        super().changeEvent(event)

    def highlight(self, refs: frozenset[str]) -> int:
        found = 0
        first_tab = None
        for tab, (model, view, proxy) in enumerate(self.parts):
            hits = model.set_highlight(refs)
            if hits:
                found += len(hits)
                first_tab = tab if first_tab is None else first_tab
                scroll_to_source(view, proxy, model.index(hits[0], 0))
        if first_tab is not None:
            self.setCurrentIndex(first_tab)  # show the tab that holds the evidence
        return found

    def fit(self) -> None:
        for model, view, _proxy in self.parts:
            fit_columns(view, model.free_column())

    def select_ref(self, refs: Iterable[str], focus: bool = True) -> bool:
        wanted = frozenset(refs)
        for tab, (model, view, proxy) in enumerate(self.parts):
            row = model.find(wanted)
            if row is not None:
                self.setCurrentIndex(tab)
                select_source_row(view, proxy, model.index(row, 0), focus)
                return True
        return False

    def first_view(self) -> QAbstractItemView:
        return self.parts[self.currentIndex()][1]
