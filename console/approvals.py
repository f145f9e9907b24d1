"""The lead's approval queue: credits above an agent's limit, approved or rejected with a reason.

An agent's credit above their limit is saved as an action with ``status="pending_approval"``
(``console.actions``); nothing reaches the billing system until a lead decides. A decision
is one journal transaction: the action's status, who decided, when and why; the call's
credit total; the outbox events (``credit.issued`` when approved, so the operator's system
applies it, and ``credit.decided`` either way, so the agent's screen and the CRM see the
decision); and an audit entry. Only leads decide, a rejection needs a reason, and a credit
is decided once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import audit, outbox
from console.errors import NotFound, UserError
from console.models import Action, Call
from console.permissions import HasRole, require
from console.vocabulary import FINDING_CODES

if TYPE_CHECKING:
    from console.caller_view import ServiceRow
    from console.context import ConsoleContext

MAX_REASON = 1000


@dataclass(frozen=True)
class PendingCredit:
    action_id: str
    call_id: str | None
    customer_id: str
    agent_id: str
    amount: Decimal
    currency: str
    service_code: str | None
    periods: tuple[str, ...]
    created_at: datetime
    note: str | None  # why it waits (set by console.actions)
    suggestion_id: str | None = None  # "<finding code>:<service>" when accepted from a suggestion


@dataclass(frozen=True)
class Decision:
    action_id: str
    approved: bool
    status: str
    decided_by: str
    decided_at: datetime
    reason: str
    event_ids: tuple[str, ...]
    customer_id: str = ""
    amount: Decimal | None = None
    currency: str = "TWD"
    periods: tuple[str, ...] = ()
    service_code: str | None = None


class AlreadyDecided(UserError):
    pass


def pending_credits(session: Session, *, agent_id: str | None = None) -> list[PendingCredit]:
    """Credits waiting for a lead, oldest first (optionally one agent's)."""
    q = (select(Action).where(Action.status == "pending_approval", Action.kind == "issue_credit")
         .order_by(Action.created_at, Action.id))
    if agent_id is not None:
        q = q.where(Action.agent_id == agent_id)
    return [
        PendingCredit(a.id, a.call_id, a.customer_id, a.agent_id, a.amount or Decimal(0), a.currency,
                      a.service_code, tuple(a.periods or ()), a.created_at, a.decision_reason, a.suggestion_id)
        for a in session.scalars(q)
    ]


def approval_queue(ctx: ConsoleContext, principal: HasRole) -> list[PendingCredit]:
    """The lead's queue (``approval.list``): every credit waiting for a decision, oldest first."""
    require(principal, "approval.list")
    with ctx.journal.session() as session:
        return pending_credits(session)


def _decision(a: Action) -> Decision:
    return Decision(a.id, a.status == "approved", a.status, a.decided_by or "", a.decided_at or a.created_at,
                    a.decision_reason or "", (), a.customer_id, a.amount, a.currency, tuple(a.periods or ()),
                    a.service_code)


def decisions_for(session: Session, call_id: str) -> list[Decision]:
    """Decided credits of one call: what the agent's window shows after a lead decides."""
    q = select(Action).where(Action.call_id == call_id, Action.status.in_(("approved", "rejected")))
    return [_decision(a) for a in session.scalars(q.order_by(Action.decided_at))]


def recent_decisions(session: Session, agent_id: str, since: datetime) -> list[Decision]:
    """Decisions on this agent's credits since a moment: what the agent's window announces."""
    q = (select(Action).where(Action.agent_id == agent_id, Action.kind == "issue_credit",
                              Action.status.in_(("approved", "rejected")), Action.decided_at >= since)
         .order_by(Action.decided_at, Action.id))
    return [_decision(a) for a in session.scalars(q)]


def decide(
    session: Session, action_id: str, principal: HasRole, *, approve: bool, reason: str, now: datetime,
    workstation: str,
) -> Decision:
    """Approve or reject one pending credit, in the caller's transaction (flushed, not committed)."""
    require(principal, "approval.decide")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise UserError("a rejection needs a reason (--reason)")
    if len(reason) > MAX_REASON:
        raise UserError(f"the reason is too long (at most {MAX_REASON} characters)")
    action = session.get(Action, action_id, with_for_update=True)
    if action is None or action.kind != "issue_credit":
        raise NotFound(f"no credit {action_id!r}")
    if action.status != "pending_approval":
        by = f" by {action.decided_by}" if action.decided_by else ""
        raise AlreadyDecided(f"credit {action_id} is not waiting for approval (it is {action.status}{by})")
    action.status = "approved" if approve else "rejected"
    action.decided_by, action.decided_at, action.decision_reason = principal.id, now, reason or None
    session.flush()
    if approve and action.call_id:
        call = session.get(Call, action.call_id)
        if call is not None:
            call.credit_total = session.scalar(
                select(func.coalesce(func.sum(Action.amount), 0)).where(
                    Action.call_id == call.id, Action.kind == "issue_credit",
                    Action.status.in_(("applied", "approved")))
            ) or Decimal(0)
    payload = _payload(action)
    envelope: dict[str, Any] = dict(customer_id=action.customer_id, agent_id=principal.id, workstation=workstation,
                                    created_at=now, call_id=action.call_id)
    events = []
    if approve:
        events.append(outbox.enqueue(session, type="credit.issued", payload=payload, **envelope))
    events.append(outbox.enqueue(session, type="credit.decided", payload=payload, **envelope))
    audit.append(session, actor=principal.id, workstation=workstation, at=now,
                 action="credit.approved" if approve else "credit.rejected", subject=action.id,
                 details={"call_id": action.call_id, "customer_id": action.customer_id,
                          "agent_id": action.agent_id, "amount": str(action.amount),
                          "currency": action.currency, "reason": reason})
    return replace(_decision(action), event_ids=tuple(e.id for e in events))


def _payload(a: Action) -> dict[str, Any]:
    return {
        "action_id": a.id, "call_id": a.call_id, "customer_id": a.customer_id, "kind": a.kind,
        "service": a.service_code, "amount": str(a.amount) if a.amount is not None else None,
        "currency": a.currency, "periods": list(a.periods or []), "status": a.status,
        "agent_id": a.agent_id, "decided_by": a.decided_by,
        "decided_at": a.decided_at.isoformat() if a.decided_at else None, "reason": a.decision_reason,
        "created_at": a.created_at.isoformat(),
    }


# -- what people read: the queue and the decision notices ----------------------------------------


@dataclass(frozen=True)
class Customer:
    """Who a credit is for, as the customer source knows them (None fields when it does not)."""

    id: str
    name: str | None = None
    phone: str | None = None  # E.164, to open the caller on screen
    services: tuple[ServiceRow, ...] = ()

    def service(self, code: str | None) -> ServiceRow | None:
        return next((s for s in self.services if s.code == code), None)


@dataclass(frozen=True)
class QueueItem:
    """One waiting credit with what a lead needs to judge it."""

    credit: PendingCredit
    customer: Customer
    findings: tuple[str, ...]  # the finding codes behind the credit
    notes: str | None  # what the agent wrote in the wrap-up
    phone: str | None  # the number the customer called from (else one of theirs)


def customers(ctx: ConsoleContext, ids: Iterable[str]) -> dict[str, Customer]:
    """Name, a phone and the services of each customer, through ``ctx.source``.

    A customer the source does not know (or cannot reach now) comes back with its id only:
    the queue still lists the credit, and the lead sees that the name is missing.
    """
    found: dict[str, Customer] = {}
    for cid in dict.fromkeys(ids):
        try:
            view = ctx.source.load(cid)
        except UserError:  # unknown, or the source is down: the id stands alone
            found[cid] = Customer(cid)
            continue
        c = view.customer
        found[cid] = Customer(cid, c.name, c.phones[0] if c.phones else None, tuple(view.services))
    return found


def _findings_of(credit: PendingCredit, call_codes: Iterable[str]) -> tuple[str, ...]:
    head = (credit.suggestion_id or "").split(":", 1)[0]
    if head in FINDING_CODES:
        return (head,)
    return tuple(c for c in call_codes if c in FINDING_CODES)


def review_queue(ctx: ConsoleContext, principal: HasRole) -> list[QueueItem]:
    """The credits waiting for a lead, oldest first, each with customer, finding, notes and months."""
    require(principal, "approval.list")
    with ctx.journal.session() as s:
        credits = pending_credits(s)
        call_ids = {c.call_id for c in credits if c.call_id}
        calls = {c.id: (c.notes, tuple(c.finding_codes or ()), c.phone_e164)
                 for c in s.scalars(select(Call).where(Call.id.in_(call_ids)))} if call_ids else {}
    people = customers(ctx, (c.customer_id for c in credits))
    items = []
    for credit in credits:
        notes, codes, phone = calls.get(credit.call_id or "", (None, (), None))
        who = people[credit.customer_id]
        items.append(QueueItem(credit, who, _findings_of(credit, codes), notes, phone or who.phone))
    return items


@dataclass(frozen=True)
class DecisionNotice:
    """A lead's decision as the agent reads it: the customer and the amount, not an id."""

    decision: Decision
    customer: Customer


def decision_notices(ctx: ConsoleContext, agent_id: str, since: datetime) -> list[DecisionNotice]:
    """``recent_decisions`` for the agent's window, with each customer's name."""
    with ctx.journal.session() as s:
        rows = recent_decisions(s, agent_id, since)
    people = customers(ctx, (d.customer_id for d in rows))
    return [DecisionNotice(d, people[d.customer_id]) for d in rows]
