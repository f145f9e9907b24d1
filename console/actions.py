"""The one service that carries out what the agent accepts: suspend, cancel, credit, case...

Every path that acts for a customer (the window's accept button, ``call --accept``, a test)
comes through ``apply_actions``, so the same checks hold everywhere: one clear line for a
bad amount, an agent's credit above the limit waits for a lead instead of being applied,
and accepting the same suggestion twice in one call writes one set of rows (the
``(call_id, idempotency_key)`` unique constraint backs that up in the database). Rows are
added to the caller's journal session without committing: the call-recording service
writes them, their outbox events and the call in one transaction. Nothing here touches the
customer store; the operator's systems apply suspensions and credits from the events, and
``pending_effects`` shows the window what is decided but not yet reflected there.

A credit for a month already credited or waiting (a credit of any earlier call in this
journal, applied, approved or waiting for a lead, or a ``credit_issued`` event in the
customer data) is refused with ``RepeatCredit``, naming the months, unless the agent gives
a reason; the reason goes with the action into its event and the audit trail.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import UserError
from console.models.journal import Action, Callback, Case
from console.vocabulary import ACTION_KINDS, CURRENCIES, WHOLE_UNIT_CURRENCIES

if TYPE_CHECKING:
    from console.caller_view import CallerView

LOCAL_TZ = ZoneInfo("Asia/Taipei")
MAX_CREDIT = Decimal(1_000_000)  # no single credit is larger: a typo, not a refund
CASE_DUE_DAYS = 7
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NEEDS_SERVICE = frozenset({"suspend_service", "cancel_service", "issue_credit"})
EVENT_TYPE = {
    "issue_credit": "credit.issued",
    "suspend_service": "service.suspended",
    "cancel_service": "service.cancelled",
    "open_case": "case.opened",
    "schedule_callback": "callback.scheduled",
    "request_evidence": "evidence.requested",
}


class ActionError(UserError):
    pass


MAX_REASON = 500
REPEAT_STATES = ("applied", "pending_approval", "approved")


@dataclass(frozen=True)
class EarlierCredit:
    """A credit already given or waiting for one service and month."""

    period: str
    source: str  # "call <call id> on YYYY-MM-DD (<status>)" or "credit_issued event <id>"


class RepeatCredit(ActionError):
    """A second credit for months already credited or waiting; ``months`` names them."""

    def __init__(self, service: str, earlier: list[EarlierCredit]) -> None:
        self.service = service
        self.earlier = earlier
        self.months = sorted({e.period for e in earlier})
        sources = "; ".join(sorted({e.source for e in earlier}))
        super().__init__(
            f"{service} {', '.join(self.months)} already credited or waiting ({sources}): "
            "a second credit needs a reason"
        )


@dataclass(frozen=True)
class ActionSpec:
    kind: str  # vocabulary.ACTION_KINDS
    service_code: str | None = None
    amount: Decimal | None = None  # issue_credit
    currency: str = "TWD"
    periods: tuple[str, ...] = ()  # "YYYY-MM"
    # open_case: summary, due_on; schedule_callback: due_at (ISO), assignee, note; request_evidence: what
    params: Mapping[str, Any] = field(default_factory=dict)
    suggestion_id: str | None = None

    @property
    def idempotency_key(self) -> str:
        return f"{self.suggestion_id or 'manual'}:{self.kind}:{self.service_code or '-'}"


@dataclass(frozen=True)
class AppliedAction:
    action: Action
    event_type: str | None  # None: the action already existed in this call, no new event
    payload: dict[str, Any]
    case: Case | None = None
    callback: Callback | None = None

    @property
    def reason(self) -> str | None:
        """Why the action was not applied as asked (a credit above the agent's limit)."""
        return self.action.decision_reason


def _money_str(value: Decimal) -> str:
    return format(value.normalize() if value == value.to_integral_value() else value, "f")


def validate(spec: ActionSpec, view: CallerView | None = None) -> None:
    """Raise ActionError (one line) if ``spec`` cannot be carried out as written."""
    if spec.kind not in ACTION_KINDS:
        raise ActionError(f"unknown action {spec.kind!r}: use one of {', '.join(ACTION_KINDS)}")
    if spec.kind in NEEDS_SERVICE and not spec.service_code:
        raise ActionError(f"{spec.kind} needs a service")
    if view is not None and spec.service_code and view.service(spec.service_code) is None:
        raise ActionError(f"{spec.kind}: the customer has no service {spec.service_code}")
    for period in spec.periods:
        if not _PERIOD.match(str(period)):
            raise ActionError(f"{spec.kind}: period {period!r} is not YYYY-MM")
    if spec.kind == "issue_credit":
        _validate_credit(spec, view)
    if spec.kind == "schedule_callback":
        _due_at(spec)


def _validate_credit(spec: ActionSpec, view: CallerView | None) -> None:
    amount = spec.amount
    if amount is None or isinstance(amount, float | bool) or not isinstance(amount, Decimal | int):
        raise ActionError("a credit needs an exact amount (a decimal, never a float)")
    amount = Decimal(amount)
    if not amount.is_finite() or amount <= 0:
        raise ActionError(f"a credit must be a positive amount, not {amount}")
    if spec.currency not in CURRENCIES:
        raise ActionError(f"unknown currency {spec.currency!r}")
    # Size first: quantizing a huge amount (1E+30) overflows the decimal context.
    if amount > MAX_CREDIT:
        shown = _money_str(amount) if amount < MAX_CREDIT * 1000 else "that"
        raise ActionError(f"a credit of {shown} {spec.currency} is too large (at most {_money_str(MAX_CREDIT)})")
    if spec.currency in WHOLE_UNIT_CURRENCIES and amount != amount.to_integral_value():
        raise ActionError(f"{spec.currency} credits are in whole units, not {amount}")
    if amount != amount.quantize(Decimal("0.01")):
        raise ActionError(f"a credit cannot have a fraction of a cent: {amount}")
    if not spec.periods:
        raise ActionError("a credit must name the months it is for (YYYY-MM)")
    if view is not None:
        months = set(spec.periods)
        billed = sum(
            (line.amount for bill, line in view.bill_lines(spec.service_code) if bill.period in months),
            Decimal(0),
        )
        if amount > billed:
            raise ActionError(
                f"a credit of {_money_str(amount)} is more than the {_money_str(billed)} billed "
                f"for {spec.service_code} in {', '.join(sorted(months))}"
            )


def _due_at(spec: ActionSpec) -> datetime:
    raw = spec.params.get("due_at")
    if isinstance(raw, datetime):
        value = raw
    else:
        try:
            value = datetime.fromisoformat(str(raw))
        except ValueError:
            raise ActionError(f"a callback needs a time (ISO 8601), not {raw!r}") from None
    if not 1900 <= value.year <= 2200:  # near year 1 or 9999 the conversion to UTC overflows
        raise ActionError(f"a callback time must be between the years 1900 and 2200, not {value.isoformat()}")
    return value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)


def _due_on(spec: ActionSpec, now: datetime) -> date:
    raw = spec.params.get("due_on")
    if raw is None:
        return now.astimezone(LOCAL_TZ).date() + timedelta(days=CASE_DUE_DAYS)
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise ActionError(f"a case due date must be YYYY-MM-DD, not {raw!r}") from None


def earlier_credits(
    session: Session, customer_id: str, service: str | None, periods: Iterable[str], *,
    view: CallerView | None = None, skip_key: tuple[str, str] | None = None, closed: Collection[str] = (),
) -> list[EarlierCredit]:
    """Credits already given or waiting for ``service`` in any of ``periods``, whatever their date.

    From this journal (a credit of any call: applied, approved or waiting for a lead, not
    rejected) and from the customer data (``credit_issued`` events of ``view``).
    ``skip_key`` is ``(call_id, idempotency_key)`` of the action being written itself.
    """
    wanted = set(periods)
    found: list[EarlierCredit] = []
    rows = session.execute(
        select(Action.call_id, Action.idempotency_key, Action.periods, Action.status, Action.created_at)
        .where(Action.customer_id == customer_id, Action.kind == "issue_credit", Action.service_code == service,
               Action.status.in_(REPEAT_STATES), open_calls(Action.call_id, closed))
    )
    for call, key, months, status, at in rows:
        if skip_key is not None and (call, key) == skip_key:
            continue
        when = at.astimezone(LOCAL_TZ).date().isoformat() if at else "?"
        found += [EarlierCredit(p, f"call {call} on {when}, {status.replace('_', ' ')}") for p in months or () if p in wanted]
    for e in view.events if view is not None else ():
        if e.kind == "credit_issued" and e.service_code == service:
            found += [EarlierCredit(str(p), f"credit_issued event {e.id}")
                      for p in (e.params or {}).get("periods") or () if str(p) in wanted]
    return found


def clean_reason(text: str | None) -> str | None:
    """A repeat-credit reason as it will be recorded: one line, trimmed, bounded; None if blank."""
    cleaned = " ".join((text or "").split())
    if len(cleaned) > MAX_REASON:
        raise ActionError(f"the reason is {len(cleaned)} characters; the limit is {MAX_REASON}")
    return cleaned or None


def apply_actions(
    session: Session,
    *,
    call_id: str,
    customer_id: str,
    agent_id: str,
    role: str,
    specs: Iterable[ActionSpec],
    credit_limit: Decimal,
    now: datetime,
    view: CallerView | None = None,
    repeat_reason: str | None = None,
    closed: Collection[str] = (),
) -> list[AppliedAction]:
    """Validate every spec, then add its rows to ``session`` (flushed, not committed).

    All specs are validated before anything is added, so a bad one adds nothing. A credit
    for months already credited or waiting raises ``RepeatCredit`` unless ``repeat_reason``
    is given, which is then recorded with the credit (its event and audit entry).
    """
    specs = list(specs)
    for spec in specs:
        validate(spec, view)
    why_again = clean_reason(repeat_reason)
    found = repeats(session, call_id, customer_id, specs, view, closed=closed)
    if found and why_again is None:
        service, earlier = found[0]
        raise RepeatCredit(service or "-", earlier)
    # What this agent already credited (applied) in this call counts against the limit.
    credited = sum(
        session.scalars(
            select(Action.amount).where(
                Action.call_id == call_id, Action.kind == "issue_credit", Action.status == "applied"
            )
        ),
        Decimal(0),
    )
    results: list[AppliedAction] = []
    case_id: str | None = None
    for spec in specs:
        existing = session.scalar(
            select(Action).where(Action.call_id == call_id, Action.idempotency_key == spec.idempotency_key)
        )
        if existing is not None:
            results.append(_existing(session, existing))
            continue
        status, event_type, reason = "applied", EVENT_TYPE[spec.kind], None
        if spec.kind == "issue_credit":
            amount = Decimal(spec.amount)  # type: ignore[arg-type]
            if role != "lead" and credited + amount > credit_limit:
                status, event_type = "pending_approval", "credit.requested"
                reason = (
                    f"credit of {_money_str(amount)} {spec.currency} is above the agent's limit of "
                    f"{_money_str(credit_limit)} {spec.currency} for this call: it waits for a lead's approval"
                )
            else:
                credited += amount
        params = dict(spec.params)
        if spec.kind == "issue_credit" and why_again and any(sv == spec.service_code for sv, _ in found):
            params["repeat_reason"] = why_again
        action = Action(
            id=str(uuid.uuid4()), call_id=call_id, customer_id=customer_id, kind=spec.kind,
            service_code=spec.service_code,
            amount=Decimal(spec.amount) if spec.amount is not None else None,
            currency=spec.currency, periods=list(spec.periods) or None, params=_json_params(params),
            suggestion_id=spec.suggestion_id, idempotency_key=spec.idempotency_key, status=status,
            agent_id=agent_id, created_at=now, decision_reason=reason,
        )
        case = callback = None
        if spec.kind == "open_case":
            case = Case(
                id=str(uuid.uuid4()), customer_id=customer_id, call_id=call_id, owner=agent_id,
                status="open", summary=spec.params.get("summary"), opened_at=now, due_on=_due_on(spec, now),
            )
            case_id = case.id
            action.params = {**(action.params or {}), "case_id": case.id}
            session.add(case)
        elif spec.kind == "schedule_callback":
            callback = Callback(
                id=str(uuid.uuid4()), customer_id=customer_id, call_id=call_id, case_id=case_id,
                due_at=_due_at(spec), assignee=str(spec.params.get("assignee") or agent_id),
                status="due", note=spec.params.get("note"),
            )
            action.params = {**(action.params or {}), "callback_id": callback.id}
            session.add(callback)
        session.add(action)
        session.flush()
        results.append(AppliedAction(action, event_type, _payload(action, case, callback), case, callback))
    return results


def repeats(
    session: Session, call_id: str, customer_id: str, specs: list[ActionSpec], view: CallerView | None, *,
    closed: Collection[str] = (),
) -> list[tuple[str | None, list[EarlierCredit]]]:
    """Per credited service, the earlier credits its months repeat (this batch included)."""
    out: list[tuple[str | None, list[EarlierCredit]]] = []
    batch: dict[str | None, set[str]] = {}
    for spec in specs:
        if spec.kind != "issue_credit":
            continue
        earlier = earlier_credits(session, customer_id, spec.service_code, spec.periods, view=view,
                                  skip_key=(call_id, spec.idempotency_key), closed=closed)
        earlier += [EarlierCredit(p, "another credit of this call") for p in spec.periods
                    if p in batch.get(spec.service_code, set())]
        batch.setdefault(spec.service_code, set()).update(spec.periods)
        if earlier:
            out.append((spec.service_code, earlier))
    return out


def _existing(session: Session, action: Action) -> AppliedAction:
    params = action.params or {}
    case = session.get(Case, params["case_id"]) if "case_id" in params and action.kind == "open_case" else None
    callback = session.get(Callback, params["callback_id"]) if "callback_id" in params else None
    return AppliedAction(action, None, _payload(action, case, callback), case, callback)


def _json_params(params: Mapping[str, Any]) -> dict[str, Any] | None:
    out = {k: (v.isoformat() if isinstance(v, date | datetime) else str(v) if isinstance(v, Decimal) else v)
           for k, v in params.items()}
    return out or None


def _payload(action: Action, case: Case | None, callback: Callback | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "action_id": action.id,
        "call_id": action.call_id,
        "customer_id": action.customer_id,
        "kind": action.kind,
        "service": action.service_code,
        "amount": _money_str(action.amount) if action.amount is not None else None,
        "currency": action.currency,
        "periods": list(action.periods or []),
        "params": dict(action.params or {}),
        "status": action.status,
        "agent_id": action.agent_id,
        "suggestion_id": action.suggestion_id,
        "created_at": action.created_at.isoformat(),
    }
    if action.decision_reason:
        payload["reason"] = action.decision_reason
    if case is not None:
        payload["case"] = {"id": case.id, "owner": case.owner, "status": case.status,
                           "due_on": case.due_on.isoformat() if case.due_on else None, "summary": case.summary}
    if callback is not None:
        payload["callback"] = {"id": callback.id, "due_at": callback.due_at.isoformat(),
                               "assignee": callback.assignee, "case_id": callback.case_id}
    return payload


from console.effects import Effect, open_calls, pending_effects  # noqa: E402  (re-exported for the window)

__all__ = [
    "ActionError", "ActionSpec", "AppliedAction", "EarlierCredit", "Effect", "RepeatCredit", "apply_actions",
    "earlier_credits", "pending_effects", "repeats", "validate",
]
