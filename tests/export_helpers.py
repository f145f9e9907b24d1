"""Helpers for the lead-side tests: journal rows written straight through the ORM, and users.

Export, dashboard and approval tests need many calls with known values; writing them with a
bulk ``insert`` of the ORM models is fast (100,000 calls in a few seconds) and independent
of the wrap-up service.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.auth import Principal
from console.models import Action, Call, Case

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Taipei
LEAD = Principal("L001", "Lin Lead", "lead", None)
AGENT = Principal("A001", "Amy Agent", "agent", Decimal(500))
TRAINER = Principal("T001", "Tom Trainer", "trainer", None)


def call_row(i: int, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict(
        id=f"call-{i:06d}", customer_id=f"C{i % 50:03d}", phone_e164=f"+8869{i:08d}", agent_id=f"A{i % 3 + 1:03d}",
        workstation="ws-1", started_at=T0 + timedelta(minutes=i), saved_at=T0 + timedelta(minutes=i, seconds=300),
        duration_s=240, acw_s=60, outcome="resolved", root_cause="billing_error", notes=f"note {i}",
        finding_codes=["duplicate_charge"], credit_total=Decimal(0), currency="TWD", demo=False,
    )
    row.update(kw)
    return row


def insert_calls(session: Session, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(Call.__table__), rows)  # Core executemany: fastest for 100k rows


def credit_row(call: dict[str, Any], amount: str, status: str = "applied", n: int = 0) -> dict[str, Any]:
    return dict(
        id=f"act-{call['id']}-{n}", call_id=call["id"], customer_id=call["customer_id"], kind="issue_credit",
        service_code="VOD", amount=Decimal(amount), currency="TWD", idempotency_key=f"k-{call['id']}-{n}",
        status=status, agent_id=call["agent_id"], created_at=call["saved_at"],
    )


def insert_actions(session: Session, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(Action), rows)


def insert_case(session: Session, call: dict[str, Any], case_id: str) -> None:
    session.execute(insert(Case), [dict(id=case_id, customer_id=call["customer_id"], call_id=call["id"],
                                        owner=call["agent_id"], opened_at=call["saved_at"])])
