"""customer_history over a journal filled by hand: calls, open cases, due callbacks, undelivered actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from console.history import customer_history
from console.models import Action, Call, Callback, Case, Delivery, OutboxEvent

T0 = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def _call(i: int, customer: str = "C1") -> Call:
    return Call(
        id=f"call-{i}", customer_id=customer, phone_e164="+886912345678", agent_id="A001",
        workstation="ws", started_at=T0 + timedelta(hours=i), saved_at=T0 + timedelta(hours=i, minutes=5),
        outcome="resolved", root_cause="billing_error", notes=f"note {i}", credit_total=Decimal(0),
        finding_codes=["duplicate_charge"],
    )


def test_history_lists_calls_cases_callbacks_and_undelivered(ctx) -> None:
    with ctx.journal.session() as s, s.begin():
        s.add_all([_call(i) for i in range(3)] + [_call(9, customer="C2")])
        s.flush()
        s.add(Case(id="case-1", customer_id="C1", call_id="call-1", owner="A001", opened_at=T0))
        s.add(Case(id="case-2", customer_id="C1", owner="A001", opened_at=T0, status="closed"))
        s.add(Callback(id="cb-1", customer_id="C1", call_id="call-1", due_at=T0 + timedelta(days=1), assignee="A001"))
        for aid, status in (("a-credit", "applied"), ("a-big", "pending_approval"), ("a-done", "applied")):
            s.add(Action(id=aid, call_id="call-2", customer_id="C1", kind="issue_credit", amount=Decimal(100),
                         idempotency_key=aid, status=status, agent_id="A001", created_at=T0))
        for seq, (eid, aid) in enumerate((("e1", "a-credit"), ("e2", "a-done")), start=1):
            s.add(OutboxEvent(id=eid, type="credit.issued", payload={"v": 1, "action_id": aid}, customer_id="C1",
                              customer_seq=seq, agent_id="A001", workstation="ws", created_at=T0))
        s.flush()
        s.add(Delivery(event_id="e1", hook="floor", state="failing", last_error="503"))
        s.add(Delivery(event_id="e2", hook="floor", state="delivered"))

    with ctx.journal.session() as s:
        h = customer_history(s, "C1", limit=2)
    assert [c.id for c in h.calls] == ["call-2", "call-1"]
    assert h.calls[0].finding_codes == ("duplicate_charge",)
    assert [c.id for c in h.open_cases] == ["case-1"]
    assert [c.id for c in h.due_callbacks] == ["cb-1"]
    states = {a.id: (a.state, a.last_error) for a in h.undelivered}
    assert states == {"a-credit": ("failing", "503"), "a-big": ("pending_approval", None)}

    with ctx.journal.session() as s:
        h2 = customer_history(s, "C1", hooks=["floor", "crm"])
    assert {a.id: a.state for a in h2.undelivered}["a-done"] == "pending"  # crm never got it

    with ctx.journal.session() as s:
        assert customer_history(s, "nobody").is_empty
