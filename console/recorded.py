"""What one saved call recorded, in the words an agent needs to tell the customer.

After Save the agent must know, before the next caller, what actually happened: a credit
applied, or waiting for a lead (above their limit), or already approved; which case was
opened; and whether any of it has left this workstation. ``recorded_call`` reads that back
from the journal (the call, its actions with their status, its case and callback), so the
window's confirmation shows what was written, not what the form meant to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from console.errors import NotFound
from console.models import Action, Call, Callback, Case

if TYPE_CHECKING:
    from console.context import ConsoleContext


@dataclass(frozen=True)
class RecordedAction:
    id: str
    kind: str
    service_code: str | None
    amount: Decimal | None
    currency: str
    periods: tuple[str, ...]
    status: str  # applied | pending_approval | approved | rejected


@dataclass(frozen=True)
class RecordedCall:
    call_id: str
    customer_id: str
    outcome: str
    saved_at: datetime
    credit_total: Decimal  # credits applied or approved (not those waiting)
    actions: tuple[RecordedAction, ...]
    case_ids: tuple[str, ...]
    callbacks_due: tuple[datetime, ...]

    @property
    def waiting(self) -> tuple[RecordedAction, ...]:
        """Credits above the agent's limit, waiting for a lead."""
        return tuple(a for a in self.actions if a.status == "pending_approval")


def recorded_call(ctx: ConsoleContext, call_id: str) -> RecordedCall:
    """The call ``call_id`` as the journal holds it; ``NotFound`` if there is no such call."""
    with ctx.journal.session() as s:
        call = s.execute(
            select(Call.id, Call.customer_id, Call.outcome, Call.saved_at, Call.credit_total).where(Call.id == call_id)
        ).one_or_none()
        if call is None:
            raise NotFound(f"no recorded call {call_id}")
        actions = tuple(
            RecordedAction(r.id, r.kind, r.service_code, r.amount, r.currency or "TWD", tuple(r.periods or ()), r.status)
            for r in s.execute(
                select(Action.id, Action.kind, Action.service_code, Action.amount, Action.currency, Action.periods,
                       Action.status)
                .where(Action.call_id == call_id)
                .order_by(Action.created_at, Action.id)
            )
        )
        cases = tuple(s.scalars(select(Case.id).where(Case.call_id == call_id).order_by(Case.opened_at, Case.id)))
        callbacks = tuple(s.scalars(select(Callback.due_at).where(Callback.call_id == call_id).order_by(Callback.due_at)))
    return RecordedCall(call.id, call.customer_id, call.outcome, call.saved_at, call.credit_total or Decimal(0),
                        actions, cases, callbacks)
