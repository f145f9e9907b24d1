"""Dashboard numbers: calls per local day by outcome, credits, top root causes and findings."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from export_helpers import AGENT, LEAD, T0, call_row, credit_row, insert_actions, insert_calls
from sqlalchemy import func, select

from console.dashboard import Bar, filter_for, floor_dashboard
from console.db import open_store
from console.errors import PermissionDenied, UserError
from console.export.query import apply_filters
from console.models import Call

DAY1, DAY2 = date(2026, 3, 2), date(2026, 3, 3)


def _journal(session) -> None:
    rows = [
        call_row(0, outcome="resolved_with_credit", root_cause="contract_notice_mismatch",
                 finding_codes=["notice_contradicts_contract", "unused_paid_service"]),
        call_row(1, outcome="resolved_with_credit", root_cause="contract_notice_mismatch",
                 finding_codes=["notice_contradicts_contract"]),
        call_row(2, outcome="escalated", root_cause="sales_promise", finding_codes=None),
        # 23:30 Taipei on day 1 is 15:30 UTC; 00:30 Taipei on day 2 is 16:30 UTC of day 1.
        call_row(3, started_at=T0.replace(hour=15, minute=30), outcome="resolved", root_cause=None),
        call_row(4, started_at=T0.replace(hour=16, minute=30), outcome="resolved", root_cause="billing_error"),
        call_row(5, started_at=T0 + timedelta(days=3), outcome="resolved"),  # outside the period
        call_row(6, outcome="dropped", demo=True),  # demo calls never count
    ]
    insert_calls(session, rows)
    insert_actions(session, [credit_row(rows[0], "300"), credit_row(rows[1], "150.50"),
                             credit_row(rows[1], "2000", "pending_approval", 1),
                             credit_row(rows[4], "99", "approved")])


def _check(board) -> None:
    assert board.days == (DAY1, DAY2)
    assert board.calls_by_day[DAY1] == {"resolved_with_credit": 2, "escalated": 1, "resolved": 1}
    assert board.calls_by_day[DAY2] == {"resolved": 1}
    assert board.total_calls == 5
    assert (board.credits_issued, board.credits_amount, board.credits_pending) == (3, Decimal("549.50"), 1)
    assert board.credits_by_day[DAY1] == (2, Decimal("450.50")) and board.credits_by_day[DAY2] == (1, Decimal("99"))
    assert board.root_causes == [("contract_notice_mismatch", 2), ("billing_error", 1), ("sales_promise", 1)]
    assert board.findings == [("duplicate_charge", 2), ("notice_contradicts_contract", 2), ("unused_paid_service", 1)]
    # Most calls first; a tie (2 and 2) is broken by the code's name, the same on every run.
    assert board.outcomes == ("resolved", "resolved_with_credit", "escalated")


def test_dashboard_numbers(ctx) -> None:
    with ctx.journal.session() as s, s.begin():
        _journal(s)
    with ctx.journal.session() as s:
        _check(floor_dashboard(s, LEAD, DAY1, DAY2))
        assert floor_dashboard(s, LEAD, DAY1, DAY2, agents=("A002",)).total_calls == 2


def _calls_behind(session, f) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(apply_filters(select(func.count()).select_from(Call), f))


def test_bars_give_export_filters(ctx) -> None:
    """Each bar's filter selects exactly the calls the bar counts (what its export will list)."""
    with ctx.journal.session() as s, s.begin():
        _journal(s)
    with ctx.journal.session() as s:
        board = floor_dashboard(s, LEAD, DAY1, DAY2)
        f = filter_for(board, Bar("day_outcome", "escalated", DAY1))
        assert (f.date_from, f.date_to, f.outcomes) == (DAY1, DAY1, ("escalated",))
        assert _calls_behind(s, f) == board.calls_by_day[DAY1]["escalated"] == 1
        f = filter_for(board, Bar("day_outcome", "resolved", DAY2))
        assert _calls_behind(s, f) == board.calls_by_day[DAY2]["resolved"] == 1  # 00:30 Taipei, day 2
        f = filter_for(board, Bar("root_cause", "sales_promise"))
        assert (f.date_from, f.date_to, f.root_causes) == (DAY1, DAY2, ("sales_promise",))
        assert _calls_behind(s, f) == dict(board.root_causes)["sales_promise"] == 1
        f = filter_for(board, Bar("finding", "duplicate_charge"))
        assert f.findings == ("duplicate_charge",)
        assert _calls_behind(s, f) == dict(board.findings)["duplicate_charge"] == 2


def test_dashboard_is_for_leads_and_periods_are_checked(ctx) -> None:
    with ctx.journal.session() as s:
        with pytest.raises(PermissionDenied):
            floor_dashboard(s, AGENT, DAY1, DAY2)
        with pytest.raises(UserError, match="before it starts"):
            floor_dashboard(s, LEAD, DAY2, DAY1)
        with pytest.raises(UserError, match="at most"):
            floor_dashboard(s, LEAD, DAY1, DAY1 + timedelta(days=400))


@pytest.mark.postgres
def test_dashboard_on_postgresql(pg_url: str) -> None:
    store = open_store(pg_url, "journal")
    try:
        with store.session() as s, s.begin():
            _journal(s)
        with store.session() as s:
            _check(floor_dashboard(s, LEAD, DAY1, DAY2))
    finally:
        store.dispose()
