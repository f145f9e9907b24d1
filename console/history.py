"""A customer's history with us, from this workstation's journal: the window's "history" pane.

On a screen pop the agent needs, at a glance, what was already done for this caller: the
recent calls (outcome, root cause, notes, who took them), complaint cases still open,
callbacks still due, and actions that have not reached the central systems yet (waiting
for a lead's approval, or still in the outbox). The customer store cannot know any of
that; only the journal does. Rows are plain frozen dataclasses, safe to hand from a
worker thread to the GUI, built with a handful of indexed Core selects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Action, Call, Callback, Case, Delivery, OutboxEvent

# How bad a delivery state is, for summarising one event over several hooks.
_SEVERITY = {"delivered": 0, "pending": 1, "failing": 2, "dead": 3}


@dataclass(frozen=True)
class CallSummary:
    id: str
    started_at: datetime
    saved_at: datetime
    agent_id: str
    outcome: str
    root_cause: str | None
    notes: str | None
    duration_s: int | None
    credit_total: Decimal
    finding_codes: tuple[str, ...]
    demo: bool


@dataclass(frozen=True)
class OpenCase:
    id: str
    call_id: str | None
    owner: str
    summary: str | None
    opened_at: datetime
    due_on: date | None


@dataclass(frozen=True)
class DueCallback:
    id: str
    call_id: str | None
    case_id: str | None
    due_at: datetime
    assignee: str
    note: str | None


@dataclass(frozen=True)
class UndeliveredAction:
    """An action the central systems have not (yet) received.

    ``state`` is ``pending_approval`` (waiting for a lead), or the worst delivery state over
    the hooks: ``pending`` (not sent yet), ``failing`` (being retried) or ``dead`` (refused;
    a lead must look). ``last_error`` is the most recent error of a failing/dead hook.
    """

    id: str
    call_id: str | None
    kind: str
    service_code: str | None
    amount: Decimal | None
    currency: str
    status: str
    created_at: datetime
    state: str
    last_error: str | None = None


@dataclass(frozen=True)
class CustomerHistory:
    customer_id: str
    calls: tuple[CallSummary, ...]  # newest first
    open_cases: tuple[OpenCase, ...]  # oldest first
    due_callbacks: tuple[DueCallback, ...]  # soonest first
    undelivered: tuple[UndeliveredAction, ...]  # oldest first

    @property
    def is_empty(self) -> bool:
        return not (self.calls or self.open_cases or self.due_callbacks or self.undelivered)


def customer_history(
    journal_session: Session,
    customer_id: str,
    limit: int = 20,
    *,
    hooks: Sequence[str] | None = None,
) -> CustomerHistory:
    """Everything this journal knows about one customer, newest calls first.

    ``hooks`` names the configured sync hooks (``[h["name"] for h in ctx.settings.hooks]``);
    an action counts as delivered only once every one of them has it. Without ``hooks``
    the hooks seen in the delivery table are used; with no hook at all, nothing has left
    the workstation, so every action is still ``pending``.
    """
    s = journal_session
    calls = tuple(
        CallSummary(
            r.id, r.started_at, r.saved_at, r.agent_id, r.outcome, r.root_cause, r.notes,
            r.duration_s, r.credit_total, tuple(r.finding_codes or ()), bool(r.demo),
        )
        for r in s.execute(
            select(
                Call.id, Call.started_at, Call.saved_at, Call.agent_id, Call.outcome, Call.root_cause,
                Call.notes, Call.duration_s, Call.credit_total, Call.finding_codes, Call.demo,
            )
            .where(Call.customer_id == customer_id)
            .order_by(Call.started_at.desc(), Call.id)
            .limit(limit)
        )
    )
    cases = tuple(
        OpenCase(*r)
        for r in s.execute(
            select(Case.id, Case.call_id, Case.owner, Case.summary, Case.opened_at, Case.due_on)
            .where(Case.customer_id == customer_id, Case.status == "open")
            .order_by(Case.opened_at, Case.id)
        )
    )
    callbacks = tuple(
        DueCallback(*r)
        for r in s.execute(
            select(Callback.id, Callback.call_id, Callback.case_id, Callback.due_at, Callback.assignee, Callback.note)
            .where(Callback.customer_id == customer_id, Callback.status == "due")
            .order_by(Callback.due_at, Callback.id)
        )
    )
    return CustomerHistory(customer_id, calls, cases, callbacks, _undelivered(s, customer_id, hooks))


def _undelivered(s: Session, customer_id: str, hooks: Sequence[str] | None) -> tuple[UndeliveredAction, ...]:
    hook_names = set(hooks) if hooks is not None else set(s.scalars(select(Delivery.hook).distinct()))
    # Delivery summary per action, through the action id each action event carries.
    per_action: dict[str, tuple[str, str | None]] = {}
    states: dict[str, dict[str, tuple[str, str | None]]] = {}
    action_of_event: dict[str, str] = {}
    for ev_id, payload in s.execute(
        select(OutboxEvent.id, OutboxEvent.payload).where(OutboxEvent.customer_id == customer_id)
    ):
        action_id = payload.get("action_id") if isinstance(payload, dict) else None
        if action_id:
            action_of_event[ev_id] = action_id
            states[ev_id] = {}
    if action_of_event:
        for ev_id, hook, state, err in s.execute(
            select(Delivery.event_id, Delivery.hook, Delivery.state, Delivery.last_error)
            .where(Delivery.event_id.in_(list(action_of_event)))
        ):
            states[ev_id][hook] = (state, err)
    for ev_id, action_id in action_of_event.items():
        per_action[action_id] = _summarise(states[ev_id], hook_names)

    rows = []
    for r in s.execute(
        select(
            Action.id, Action.call_id, Action.kind, Action.service_code, Action.amount, Action.currency,
            Action.status, Action.created_at,
        )
        .where(Action.customer_id == customer_id)
        .order_by(Action.created_at, Action.id)
    ):
        if r.status == "pending_approval":
            rows.append(UndeliveredAction(*r, state="pending_approval"))
            continue
        if r.status == "rejected":
            continue
        state, err = per_action.get(r.id, ("pending", None))
        if state != "delivered":
            rows.append(UndeliveredAction(*r, state=state, last_error=err))
    return tuple(rows)


def _summarise(by_hook: dict[str, tuple[str, str | None]], hooks: set[str]) -> tuple[str, str | None]:
    if not hooks:
        return ("pending", None)
    worst, error = "delivered", None
    for hook in hooks:
        state, err = by_hook.get(hook, ("pending", None))
        if _SEVERITY.get(state, 1) > _SEVERITY[worst]:
            worst = state
        if err and state in ("failing", "dead"):
            error = err
    return worst, error
