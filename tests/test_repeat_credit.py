"""A second credit for months already credited or waiting: refused with the months named,
recorded (and audited) only with a reason; through ``apply_actions`` and through ``call``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.actions import ActionSpec, RepeatCredit, apply_actions
from console.caller_view import EventRow
from console.cli import main
from console.db import Store, open_store
from console.models.journal import Action, AuditEntry, Call, OutboxEvent
from console.resources import resource_path

NOW = datetime(2026, 12, 2, 6, 30, tzinfo=UTC)
CREDIT = ActionSpec("issue_credit", service_code="MPRO", amount=Decimal(100), periods=("2009-03", "2009-04"),
                    suggestion_id="notice_contradicts_contract:MPRO")


@pytest.fixture
def store(journal_url: str) -> Iterator[Store]:
    s = open_store(journal_url, "journal")
    yield s
    s.dispose()


def record(session: Session, call_id: str, *specs: ActionSpec, reason: str | None = None, limit: int = 500,
           view: object = None) -> list[object]:
    session.add(Call(id=call_id, customer_id="C1", agent_id="A001", workstation="ws", started_at=NOW, saved_at=NOW,
                     outcome="resolved_with_credit"))
    session.flush()
    return apply_actions(session, call_id=call_id, customer_id="C1", agent_id="A001", role="agent", now=NOW,
                         credit_limit=Decimal(limit), specs=specs, repeat_reason=reason, view=view)  # type: ignore[arg-type]


def test_a_second_credit_for_the_same_months_is_refused_naming_them(store: Store) -> None:
    with store.session() as s, s.begin():
        record(s, "CALL-1", CREDIT)
    with store.session() as s, s.begin():
        with pytest.raises(RepeatCredit) as err:
            record(s, "CALL-2", replace(CREDIT, amount=Decimal(50), periods=("2009-04",)))
        assert err.value.months == ["2009-04"] and "CALL-1" in str(err.value) and "\n" not in str(err.value)
        assert s.scalars(select(Action).where(Action.call_id == "CALL-2")).all() == []
        s.rollback()


@pytest.mark.parametrize("status, refused", [("pending_approval", True), ("approved", True), ("rejected", False)])
def test_a_credit_waiting_or_approved_counts_a_rejected_one_does_not(store: Store, status: str, refused: bool) -> None:
    with store.session() as s, s.begin():
        record(s, "CALL-1", CREDIT, limit=10)  # above the limit: waits for a lead
        s.execute(Action.__table__.update().values(status=status))
    with store.session() as s, s.begin():
        if refused:
            with pytest.raises(RepeatCredit):
                record(s, "CALL-2", CREDIT)
        else:
            record(s, "CALL-2", CREDIT)


def test_a_credit_on_record_and_two_credits_in_one_call_count_too(store: Store) -> None:
    from test_actions import view

    issued = EventRow(7, NOW, "system", "credit_issued", "MPRO", "credit", {"periods": ["2009-03"], "amount": "50"})
    with store.session() as s, s.begin():
        with pytest.raises(RepeatCredit, match="credit_issued event 7"):
            record(s, "CALL-1", CREDIT, view=replace(view(), events=(issued,)))
        s.rollback()
    with store.session() as s, s.begin():
        with pytest.raises(RepeatCredit, match="another credit of this call"):
            record(s, "CALL-1", CREDIT, replace(CREDIT, suggestion_id="manual", periods=("2009-04",), amount=Decimal(50)))
        s.rollback()


def test_with_a_reason_the_repeat_is_recorded_and_audited(store: Store) -> None:
    with store.session() as s, s.begin():
        record(s, "CALL-1", CREDIT)
    with store.session() as s, s.begin():
        (applied,) = record(s, "CALL-2", CREDIT, reason="  billing lost the first credit  ")
        assert applied.action.params["repeat_reason"] == "billing lost the first credit"  # type: ignore[attr-defined]
        assert applied.payload["params"]["repeat_reason"] == "billing lost the first credit"  # type: ignore[attr-defined]


# -- through the CLI, on the README's demo customer ---------------------------------------------

MPRO = resource_path("demo") / "01-mpro-trial-billed-after-notice.yaml"
CALL = ["call", "0912-345-678", "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch",
        "--accept", "notice_contradicts_contract:MPRO"]


def test_call_refuses_a_repeat_credit_unless_a_reason_is_recorded(
    customer_url: str, journal_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--db", customer_url, "--journal", journal_url]
    assert main([*base, "--role", "trainer", "import", str(MPRO)]) == 0
    assert main([*base, *CALL]) == 0
    capsys.readouterr()
    # Looked up again as of the scenario's call_at: nothing is suggested twice ...
    assert main([*base, "suggest", "0912-345-678", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    # ... and accepting the same credit again is refused with the months named.
    assert main([*base, *CALL]) == 2
    err = capsys.readouterr().err
    assert "2009-03, 2009-04 already credited or waiting" in err and err.count("\n") == 1 and "Traceback" not in err
    assert main([*base, *CALL, "--repeat-reason", "the first credit never reached billing"]) == 0
    store = open_store(journal_url, "journal")
    try:
        with store.session() as s:
            credits = s.scalars(select(Action).where(Action.kind == "issue_credit").order_by(Action.created_at)).all()
            assert len(credits) == 2 and credits[1].params["repeat_reason"] == "the first credit never reached billing"
            audited = [json.dumps(a.details) for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "credit.issued"))]
            assert any("the first credit never reached billing" in d for d in audited)
            events = [e.payload for e in s.scalars(select(OutboxEvent).where(OutboxEvent.type == "credit.issued"))]
            assert any((p.get("params") or {}).get("repeat_reason") for p in events)
    finally:
        store.dispose()
