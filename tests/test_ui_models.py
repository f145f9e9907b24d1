"""The panes' item models: Qt's model tester, batched fetching, sorting, evidence matching."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    ClauseRow,
    ContractRow,
    CustomerInfo,
    EventRow,
    NotificationRow,
    ServiceRow,
    UsageRow,
)
from console.flags import PendingCredit
from ui.models.bill import BillModel
from ui.models.panes import (
    ClausesModel,
    EventsModel,
    HistoryModel,
    NotificationsModel,
    ServicesModel,
    clause_lines,
    history_lines,
)
from ui.models.table import FULL_TEXT_ROLE, REF_ROLE, SORT_ROLE
from ui.panes import sort_proxy

pytestmark = pytest.mark.gui
T0 = datetime(2009, 2, 16, 2, 0, tzinfo=UTC)


def make_view(notifications: int = 3, bills: int = 4) -> CallerView:
    clauses = (ClauseRow("K/7", "K", "trial_converts_to_paid", "MPRO", "line one\nline two <b>not html</b>"),
               ClauseRow("K/1", "K", "no_cancel_before_term", None, "24 months"))
    contract = ContractRow("K", date(2008, 3, 1), "3G 399", clauses)
    services = (ServiceRow("MPRO", "mPro 基本", "mPro basic", "K", Decimal(50), "month", date(2008, 3, 1), date(2009, 2, 28), None, "active"),
                ServiceRow("TV", "電視", "TV", None, Decimal(388), "month", None, None, date(2010, 1, 1), "suspended"))
    notes = tuple(NotificationRow(f"N{i}", T0 - timedelta(days=i), "sms", "MPRO", "informational", f"text {i}") for i in range(notifications))
    bill_rows = []
    for i in range(bills):
        period = f"{2000 + i // 12:04d}-{i % 12 + 1:02d}"
        lines = (BillLineRow(f"B{i}-1", f"B{i}", "MPRO", "mPro", Decimal(50)), BillLineRow(f"B{i}-2", f"B{i}", None, "tax", Decimal(i)))
        bill_rows.append(BillRow(f"B{i}", period, None, "TWD", lines))
    usage = (UsageRow("MPRO", "2000-01", 0),)
    events = (EventRow(1, T0, "web", "cancel_rejected", "MPRO", "no", None),)
    info = CustomerInfo("C1", "陳志明", "zh_TW", "A1*****789", ("+886912345678",))
    return CallerView(info, "+886912345678", (contract,), services, notes, tuple(bill_rows), usage, events)


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_table_models_pass_the_model_tester(qtmodeltester, language: str) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    cases = [
        (ServicesModel(), view.services),
        (ClausesModel(), clause_lines(view.contracts)),
        (NotificationsModel(), view.notifications),
        (EventsModel(), view.events),
    ]
    for model, rows in cases:
        model.set_rows(rows, language)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)
        model.set_rows([], language)
        qtmodeltester.check(model)


def test_history_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from console.history import CallSummary, CustomerHistory, DueCallback, OpenCase

    history = CustomerHistory(
        "C1",
        (CallSummary("c1", T0, T0, "A001", "resolved_with_credit", "contract_notice_mismatch", "note", 300, Decimal(100), (), False),),
        (OpenCase("k1", "c1", "A001", "mPro complaint", T0, date(2009, 3, 1)),),
        (DueCallback("b1", "c1", "k1", T0 + timedelta(days=2), "A001", "call back"),),
        (),
    )
    model = HistoryModel()
    model.set_rows(history_lines(history, "TWD", "en"), "en")
    qtmodeltester.check(model)
    refs = [model.index(r, 0).data(REF_ROLE) for r in range(model.rowCount())]
    assert refs == ["call:c1", "case:k1", "callback:b1"]  # each call first, what it did under it
    assert "NT$100" in model.index(0, 3).data()


def test_long_histories_are_fetched_in_batches(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = NotificationsModel()
    model.set_rows(make_view(notifications=2500).notifications, "en")
    assert model.rowCount() == model.BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * model.BATCH
    # Highlighting an old notification loads up to it.
    hits = model.set_highlight({"notification:N2400"})
    assert hits == [2400] and model.rowCount() > 2400
    assert model.index(2400, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    qtmodeltester.check(model)


def test_sorting_uses_typed_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = ServicesModel()
    model.set_rows(make_view().services, "en")
    proxy = sort_proxy(model, None)  # type: ignore[arg-type]
    proxy.sort(1, Qt.SortOrder.DescendingOrder)  # by fee: 388 before 50, not "50" > "388"
    assert proxy.index(0, 0).data() == "TV"
    assert proxy.index(0, 1).data(SORT_ROLE) == 38800
    proxy.sort(2, Qt.SortOrder.AscendingOrder)  # a missing trial date sorts first
    assert proxy.index(0, 0).data() == "TV"


def test_customer_text_is_shown_as_is_on_one_line() -> None:
    model = ClausesModel()
    model.set_rows(clause_lines(make_view().contracts), "en")
    assert model.index(0, 3).data() == "line one line two <b>not html</b>"
    assert model.index(0, 3).data(FULL_TEXT_ROLE) == "line one\nline two <b>not html</b>"
    # The tooltip is escaped so Qt cannot render the customer's text as HTML.
    assert "&lt;b&gt;not html&lt;/b&gt;" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert model.set_highlight({"contract:K"}) == [0, 1]


def test_bill_model_tree_usage_and_credits(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = make_view(bills=3)
    credit = PendingCredit("A1", "MPRO", Decimal(100), "TWD", ("2000-01", "2000-02"), "pending", T0)
    model = BillModel()
    model.set_view(view, (credit,), "en")
    qtmodeltester.check(model)
    assert model.rowCount() == 4  # pending credits + three periods
    credits = model.index(0, 0)
    assert credits.data() == "Pending credits" and model.index(0, 2).data() == "-NT$100"
    assert model.index(0, 2, credits).data() == "-NT$100"
    newest = model.index(1, 0)
    assert newest.data() == "Mar 2000" and model.rowCount(newest) == 2
    oldest = model.index(3, 0)
    assert model.index(1, 2).data() == "NT$52" and model.index(3, 2).data() == "NT$50"
    assert model.index(0, 3, oldest).data() == "0"  # mPro used 0 units in 2000-01
    assert model.index(0, 3, newest).data() == "–"  # usage unknown
    hits = model.set_highlight({"usage:MPRO:2000-01", "credit:A1"})
    assert {h.data(REF_ROLE) for h in hits} == {"credit:A1", "bill_line:B0-1"}
    assert oldest.data(Qt.ItemDataRole.BackgroundRole) is not None  # the period of a highlighted line
    model.set_view(None)
    qtmodeltester.check(model)


def test_bill_model_fetches_periods_in_batches(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = BillModel()
    model.set_view(make_view(bills=250), (), "en")
    assert model.rowCount() == model.BATCH
    hits = model.find_all(frozenset({"bill:B0"}))  # the oldest period is last
    assert len(hits) == 1 and model.rowCount() == 250
    qtmodeltester.check(model)
