"""What has been decided for a customer but is not reflected in the customer data yet.

A credit is applied in the journal the moment the agent accepts it, but the bill shows it
only once the operator's billing has taken it; a suspension likewise. Until then the
window must show them (the bill pane's "pending credit", the services' "suspension
requested"), with open cases and due callbacks, so the next agent does not do it twice.
Read from the journal only; a credit that the customer data already shows as issued
(a ``credit_issued`` event for the same service and months) is dropped when a view is given.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models.journal import Action, Callback, Case

if TYPE_CHECKING:
    from console.caller_view import CallerView

_ORDER = ["suspend_service", "cancel_service", "issue_credit", "request_evidence"]
EFFECT_KINDS = {
    "issue_credit": "credit",
    "suspend_service": "suspension",
    "cancel_service": "cancellation",
    "request_evidence": "evidence_request",
}


@dataclass(frozen=True)
class Effect:
    kind: str  # credit | suspension | cancellation | evidence_request | case | callback
    id: str  # action, case or callback id
    status: str  # applied | pending_approval | approved | open | due
    since: datetime
    service_code: str | None = None
    amount: Decimal | None = None
    currency: str = "TWD"
    periods: tuple[str, ...] = ()
    due: date | datetime | None = None
    summary: str | None = None
    reason: str | None = None  # why a credit waits (above the agent's limit)


def open_calls(column: Any, closed: Collection[str]) -> Any:
    """A condition on a ``call_id`` column: not one of the ``closed`` training calls.

    In trainer mode every ring of a scenario starts a new attempt, and the calls of attempts
    scored before it are closed (``ctx.closed_calls``, ``console.trainer.start_attempt``):
    what they credited, stopped or opened is not an earlier decision for the next trainee, who
    starts from the scenario as written (``docs/judgement.md``). Within one attempt everything
    counts, so a trainee who saves and looks the caller up again is not offered the same
    credit twice. On a floor nothing is closed.
    """
    if not closed:
        return column.is_(None) | column.is_not(None)
    return column.is_(None) | column.not_in(sorted(closed))


def pending_effects(journal_session: Session, customer_id: str, view: CallerView | None = None, *,
                    closed: Collection[str] = ()) -> list[Effect]:
    """Credits, suspensions, cancellations, evidence requests, open cases and due callbacks.

    ``closed``: calls of closed training attempts (``ctx.closed_calls``), left out.
    """
    s = journal_session
    on_bill = _credits_on_record(view) if view is not None else set()
    effects: list[Effect] = []
    actions = list(s.scalars(
        select(Action)
        .where(Action.customer_id == customer_id, Action.kind.in_(list(EFFECT_KINDS)),
               Action.status.in_(["applied", "pending_approval", "approved"]), open_calls(Action.call_id, closed))
    ))
    # Creation order; within one accepted suggestion, the order the agent reads them in.
    actions.sort(key=lambda a: (a.created_at, _ORDER.index(a.kind), a.id))
    for a in actions:
        periods = tuple(a.periods or ())
        if a.kind == "issue_credit" and periods and all((a.service_code, p) in on_bill for p in periods):
            continue
        effects.append(Effect(
            EFFECT_KINDS[a.kind], a.id, a.status, a.created_at, a.service_code, a.amount, a.currency,
            periods, summary=(a.params or {}).get("what"), reason=a.decision_reason,
        ))
    for c in s.scalars(
        select(Case).where(Case.customer_id == customer_id, Case.status == "open", open_calls(Case.call_id, closed)).order_by(Case.opened_at, Case.id)
    ):
        effects.append(Effect("case", c.id, c.status, c.opened_at, due=c.due_on, summary=c.summary))
    for cb in s.scalars(
        select(Callback).where(Callback.customer_id == customer_id, Callback.status == "due",
                               open_calls(Callback.call_id, closed))
        .order_by(Callback.due_at, Callback.id)
    ):
        effects.append(Effect("callback", cb.id, cb.status, cb.due_at, due=cb.due_at, summary=cb.note))
    return effects


def _credits_on_record(view: CallerView) -> set[tuple[str | None, str]]:
    done: set[tuple[str | None, str]] = set()
    for e in view.events:
        if e.kind == "credit_issued":
            for p in (e.params or {}).get("periods") or []:
                done.add((e.service_code, str(p)))
    return done
