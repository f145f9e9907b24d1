"""apply_actions on a real SQLite journal: rows, idempotency, the credit limit, validation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.actions import ActionSpec, apply_actions, pending_effects
from console.caller_view import BillLineRow, BillRow, CallerView, CustomerInfo, EventRow, ServiceRow
from console.db import Store, open_store
from console.errors import UserError
from console.models.journal import Action, Call, Callback, Case

NOW = datetime(2009, 5, 12, 6, 30, tzinfo=UTC)
LIMIT = Decimal(500)
SID = "notice_contradicts_contract:MPRO"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One migrated journal for the module; every test rolls its transaction back."""
    path = tmp_path_factory.mktemp("journal") / "journal.sqlite3"
    s = open_store(f"sqlite:///{path}", "journal")
    yield s
    s.dispose()


@pytest.fixture
def session(store: Store) -> Iterator[Session]:
    with store.session() as s:
        s.begin()
        s.add(Call(id="CALL-1", customer_id="C1", agent_id="A001", workstation="ws", started_at=NOW, saved_at=NOW,
                   outcome="resolved"))
        s.flush()
        yield s
        s.rollback()


def view() -> CallerView:
    mpro = ServiceRow("MPRO", "mPro", "mPro", None, Decimal(50), "month", date(2008, 3, 1), date(2009, 2, 28), None, "active")
    bills = tuple(
        BillRow(f"B{p}", p, date(2009, 5, 5), "TWD", (BillLineRow(f"L{p}", f"B{p}", "MPRO", "mPro", Decimal("50.00")),))
        for p in ("2009-03", "2009-04")
    )
    return CallerView(CustomerInfo("C1", "X", "zh_TW", None, ()), None, (), (mpro,), (), bills, (), ())


def story(amount: int = 100) -> list[ActionSpec]:
    return [
        ActionSpec("suspend_service", service_code="MPRO", suggestion_id=SID),
        ActionSpec("issue_credit", service_code="MPRO", amount=Decimal(amount), periods=("2009-03", "2009-04"), suggestion_id=SID),
        ActionSpec("open_case", params={"summary": "SMS vs contract", "due_on": "2009-05-19"}, suggestion_id=SID),
    ]


def apply(s: Session, specs: list[ActionSpec], role: str = "agent", **kw: Any) -> list[Any]:
    return apply_actions(s, call_id="CALL-1", customer_id="C1", agent_id="A001", role=role, specs=specs,
                         credit_limit=LIMIT, now=NOW, **kw)


def count(s: Session, model: type) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_the_reference_story_writes_its_rows_and_events(session: Session) -> None:
    done = apply(session, story(), view=view())
    assert [a.event_type for a in done] == ["service.suspended", "credit.issued", "case.opened"]
    assert all(a.action.status == "applied" for a in done)
    credit = done[1].payload
    assert credit["amount"] == "100" and credit["periods"] == ["2009-03", "2009-04"] and credit["action_id"] == done[1].action.id
    case = done[2].case
    assert case is not None and case.owner == "A001" and case.status == "open" and case.due_on == date(2009, 5, 19)
    assert done[2].payload["case"]["id"] == case.id
    assert count(session, Action) == 3 and count(session, Case) == 1
    assert not session.in_nested_transaction() and session.in_transaction()  # the caller commits


def test_accepting_the_same_suggestion_twice_creates_one_set(session: Session) -> None:
    first = apply(session, story())
    again = apply(session, story())
    assert [a.action.id for a in again] == [a.action.id for a in first]
    assert all(a.event_type is None for a in again)  # nothing new to send
    assert again[2].case is not None and again[2].case.id == first[2].case.id  # type: ignore[union-attr]
    assert count(session, Action) == 3 and count(session, Case) == 1
    # The same spec twice in one batch is one action too.
    dup = apply(session, [ActionSpec("request_evidence", "MPRO", periods=("2009-05",), params={"what": "usage"}, suggestion_id=SID)] * 2)
    assert dup[0].action.id == dup[1].action.id and dup[0].event_type == "evidence.requested" and dup[1].event_type is None


def test_the_database_refuses_a_second_row_with_the_same_key(session: Session) -> None:
    from sqlalchemy.exc import IntegrityError

    apply(session, story()[:1])
    row = Action(id="dup", call_id="CALL-1", customer_id="C1", kind="suspend_service", service_code="MPRO",
                 idempotency_key=f"{SID}:suspend_service:MPRO", agent_id="A001", created_at=NOW)
    session.add(row)
    with pytest.raises(IntegrityError):
        session.flush()


def test_an_agent_credit_above_the_limit_waits_for_a_lead(session: Session) -> None:
    spec = ActionSpec("issue_credit", "MPRO", Decimal(1200), periods=("2009-03",), suggestion_id="promo_not_applied:MPRO")
    [done] = apply(session, [spec])
    assert done.action.status == "pending_approval" and done.event_type == "credit.requested"
    assert done.reason and "limit" in done.reason and "500" in done.reason
    assert done.payload["status"] == "pending_approval" and done.payload["reason"] == done.reason


def test_the_limit_counts_every_credit_of_the_call(session: Session) -> None:
    a = ActionSpec("issue_credit", "MPRO", Decimal(300), periods=("2009-03",), suggestion_id="one")
    b = ActionSpec("issue_credit", "MPRO", Decimal(300), periods=("2009-04",), suggestion_id="two")
    first, second = apply(session, [a, b])
    assert first.action.status == "applied" and second.action.status == "pending_approval"


def test_a_lead_may_apply_any_credit(session: Session) -> None:
    [done] = apply(session, [ActionSpec("issue_credit", "MPRO", Decimal(1200), periods=("2009-03",))], role="lead")
    assert done.action.status == "applied" and done.event_type == "credit.issued"


@pytest.mark.parametrize("spec, message", [
    (ActionSpec("refund_everything", "MPRO"), "unknown action"),
    (ActionSpec("suspend_service"), "needs a service"),
    (ActionSpec("issue_credit", "MPRO", Decimal(-50), periods=("2009-03",)), "positive"),
    (ActionSpec("issue_credit", "MPRO", Decimal(0), periods=("2009-03",)), "positive"),
    (ActionSpec("issue_credit", "MPRO", Decimal("49.5"), periods=("2009-03",)), "whole units"),
    (ActionSpec("issue_credit", "MPRO", 50.0, periods=("2009-03",)), "never a float"),  # type: ignore[arg-type]
    (ActionSpec("issue_credit", "MPRO", Decimal("1e12"), periods=("2009-03",)), "too large"),
    (ActionSpec("issue_credit", "MPRO", Decimal("NaN"), periods=("2009-03",)), "positive"),
    (ActionSpec("issue_credit", "MPRO", Decimal(50)), "months"),
    (ActionSpec("issue_credit", "MPRO", Decimal(50), periods=("March",)), "YYYY-MM"),
    (ActionSpec("issue_credit", "MPRO", Decimal(150), periods=("2009-03", "2009-04")), "more than the 100 billed"),
    (ActionSpec("issue_credit", "MPRO", Decimal(50), periods=("2009-01",)), "more than the 0 billed"),
    (ActionSpec("suspend_service", "NOPE"), "no service NOPE"),
    (ActionSpec("schedule_callback", params={"due_at": "tomorrow"}), "ISO 8601"),
])
def test_bad_specs_are_refused_in_one_line_and_nothing_is_written(session: Session, spec: ActionSpec, message: str) -> None:
    with pytest.raises(UserError) as err:
        apply(session, [story()[0], spec], view=view())
    assert message in str(err.value) and "\n" not in str(err.value)
    assert count(session, Action) == 0


def test_callback_follows_the_case_and_pending_effects_show_everything(session: Session) -> None:
    specs = [
        *story(1200),
        ActionSpec("schedule_callback", params={"due_at": "2009-05-15T10:00:00", "assignee": "A002", "note": "usage check"}, suggestion_id=SID),
    ]
    done = apply(session, specs)
    cb = done[3].callback
    assert cb is not None and cb.case_id == done[2].case.id and cb.assignee == "A002"  # type: ignore[union-attr]
    assert cb.due_at == datetime(2009, 5, 15, 2, 0, tzinfo=UTC)  # 10:00 Asia/Taipei
    assert count(session, Callback) == 1
    effects = pending_effects(session, "C1")
    kinds = [(e.kind, e.status) for e in effects]
    assert kinds == [("suspension", "applied"), ("credit", "pending_approval"), ("case", "open"), ("callback", "due")]
    assert effects[1].amount == Decimal(1200) and effects[1].reason
    # Once the customer data shows the credit as issued, it is no longer pending.
    issued = EventRow(1, NOW, "system", "credit_issued", "MPRO", "credit", {"periods": ["2009-03", "2009-04"]})
    v = view()
    v = CallerView(v.customer, None, (), v.services, (), v.bills, (), (issued,))
    assert "credit" not in [e.kind for e in pending_effects(session, "C1", view=v)]
    assert pending_effects(session, "someone-else") == []
