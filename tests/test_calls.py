"""record_call: one transaction (call + events + audit), validation, notes cleaning, drafts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from console import audit
from console.calls import (
    MAX_NOTES,
    WrapUp,
    WrapUpInvalid,
    discard_draft,
    load_draft,
    record_call,
    save_draft,
)
from console.models import AuditEntry, Call, OutboxEvent

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


def _wrapup(**kw) -> WrapUp:
    base = dict(customer_id="C1", phone="+886912345678", outcome="resolved", started_at=T0,
                ended_at=T0 + timedelta(minutes=4), saved_at=T0 + timedelta(minutes=5), notes="ok")
    base.update(kw)
    return WrapUp(**base)


def _counts(ctx) -> tuple[int, int, int]:
    with ctx.journal.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Call, OutboxEvent, AuditEntry))


def test_record_call_writes_call_event_and_audit(ctx) -> None:
    call_id = record_call(ctx, _wrapup(root_cause="billing_error", finding_codes=["duplicate_charge"]))
    with ctx.journal.session() as s:
        call = s.get(Call, call_id)
        assert (call.duration_s, call.acw_s) == (240, 60)
        assert call.agent_id == "A001" and call.finding_codes == ["duplicate_charge"]
        ev = s.scalars(select(OutboxEvent)).one()
        assert (ev.type, ev.customer_seq, ev.call_id, ev.version) == ("call.recorded", 1, call_id, 1)
        assert ev.payload["v"] == 1 and ev.payload["outcome"] == "resolved"
        assert audit.verify(s).ok
    record_call(ctx, _wrapup())
    with ctx.journal.session() as s:
        assert sorted(s.scalars(select(OutboxEvent.customer_seq))) == [1, 2]


def test_nothing_written_when_any_part_fails(ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    record_call(ctx, _wrapup())
    before = _counts(ctx)

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(audit, "append", boom)
    with pytest.raises(RuntimeError):
        record_call(ctx, _wrapup())
    assert _counts(ctx) == before


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"outcome": ""}, "outcome"),
        ({"outcome": "happy"}, "outcome"),
        ({"customer_id": " "}, "customer_id"),
        ({"outcome": "escalated"}, "root_cause"),
        ({"root_cause": "aliens"}, "root_cause"),
        ({"outcome": "callback_scheduled"}, "follow_up_on"),
        ({"outcome": "resolved_with_credit", "root_cause": "billing_error"}, "actions"),
        ({"notes": "x" * (MAX_NOTES + 1)}, "notes"),
        ({"ended_at": T0 - timedelta(seconds=1)}, "ended_at"),
        ({"started_at": datetime(2026, 3, 2, 1, 0)}, "started_at"),
    ],
)
def test_required_fields_are_enforced(ctx, kw, field) -> None:
    with pytest.raises(WrapUpInvalid) as info:
        record_call(ctx, _wrapup(**kw))
    assert field in info.value.problems
    assert "\n" not in str(info.value)
    assert _counts(ctx) == (0, 0, 0)


def test_notes_lose_control_characters_but_keep_lines(ctx) -> None:
    call_id = record_call(ctx, _wrapup(notes="line1\r\nline\x00 2\t\x1b[31mred\x7f", outcome="callback_scheduled",
                                       follow_up_on=date(2026, 3, 5)))
    with ctx.journal.session() as s:
        assert s.get(Call, call_id).notes == "line1\nline 2\t[31mred"


def test_draft_round_trip_and_discard_on_save(ctx) -> None:
    w = _wrapup(outcome="", notes="half typed 中文")
    draft_id = save_draft(ctx, w)
    got = load_draft(ctx, customer_id="C1")
    assert got is not None and got[0] == draft_id and got[1]["notes"] == "half typed 中文"
    with pytest.raises(WrapUpInvalid):
        record_call(ctx, w)
    assert load_draft(ctx, draft_id) is not None  # a failed save keeps the draft
    w.outcome, w.draft_id = "resolved", draft_id
    record_call(ctx, w)
    assert load_draft(ctx, draft_id) is None
    assert discard_draft(ctx, draft_id) is False


def test_actions_events_and_credit_total_in_one_transaction(ctx) -> None:
    from decimal import Decimal

    from console.actions import ActionSpec
    from console.models import Action, Case

    specs = [
        ActionSpec("issue_credit", "MPRO", Decimal(300), periods=("2026-02",), suggestion_id="s1"),
        ActionSpec("issue_credit", "MPRO", Decimal(400), periods=("2026-01",), suggestion_id="s2"),  # above the limit
        ActionSpec("open_case", params={"summary": "SMS said the trial ends"}, suggestion_id="s1"),
    ]
    call_id = record_call(ctx, _wrapup(outcome="resolved_with_credit", root_cause="contract_notice_mismatch",
                                       actions=specs))
    with ctx.journal.session() as s:
        call = s.get(Call, call_id)
        assert call.credit_total == Decimal(300)  # the 400 waits for a lead
        statuses = sorted(a.status for a in s.scalars(select(Action).where(Action.call_id == call_id)))
        assert statuses == ["applied", "applied", "pending_approval"]
        assert s.scalars(select(Case)).one().call_id == call_id
        events = list(s.execute(select(OutboxEvent.type, OutboxEvent.customer_seq, OutboxEvent.payload)
                                .order_by(OutboxEvent.customer_seq)))
        assert [e.type for e in events] == ["credit.issued", "credit.requested", "case.opened", "call.recorded"]
        assert [e.customer_seq for e in events] == [1, 2, 3, 4]
        assert all(e.payload["v"] == 1 for e in events)
        assert len(events[-1].payload["action_ids"]) == 3
        assert [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))] == [e.type for e in events]
        assert audit.verify(s).ok


def test_a_bad_action_writes_nothing(ctx) -> None:
    from decimal import Decimal

    from console.actions import ActionError, ActionSpec

    bad = [ActionSpec("open_case", suggestion_id="s"), ActionSpec("issue_credit", "MPRO", Decimal("-5"), periods=("2026-02",))]
    with pytest.raises(ActionError):
        record_call(ctx, _wrapup(actions=bad))
    assert _counts(ctx) == (0, 0, 0)


@pytest.mark.parametrize("year", [1, 9999])
def test_call_times_far_outside_any_history_are_refused(year: int) -> None:
    from datetime import UTC, datetime

    from console.calls import WrapUp, validate

    t = datetime(year, 6, 1, tzinfo=UTC)
    problems = validate(WrapUp(customer_id="C1", outcome="resolved", started_at=t, saved_at=t))
    assert "outside 1900-2199" in problems["started_at"]
