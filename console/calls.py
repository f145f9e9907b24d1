"""Recording a call's outcome: one journal transaction, or nothing at all.

The wrap-up is the moment the agent's work becomes a fact the central systems will act on
(a credit, a suspension, a case). So the call, its actions, case and callback, one outbox
event per action plus ``call.recorded``, and the audit entries are written in ONE journal
transaction: if any part fails, nothing is written and the form keeps what was typed (and
a draft in the journal's ``drafts`` table keeps it across a crash). The window, the CLI
``call`` command and the tests all go through ``record_call``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from console import audit, outbox
from console.context import ConsoleContext
from console.errors import UserError
from console.models import Call, Draft
from console.principal import acting
from console.vocabulary import OUTCOMES, ROOT_CAUSES

if TYPE_CHECKING:
    from console.caller_view import CallerView

MAX_NOTES = 10_000
# Outcomes that make no sense without a root cause the lead can take back to a department.
ROOT_CAUSE_REQUIRED = frozenset({"resolved_with_credit", "escalated"})
# Control characters except tab and newline (CR is folded into newline first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class WrapUpInvalid(UserError):
    """The wrap-up cannot be saved as it is; ``problems`` maps field name -> message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


@dataclass
class WrapUp:
    """What the agent records at the end of a call (the form's fields, plus its clock)."""

    customer_id: str
    outcome: str
    started_at: datetime  # the screen pop
    phone: str | None = None  # E.164 of the caller
    root_cause: str | None = None
    notes: str = ""
    follow_up_on: date | None = None
    actions: Sequence[Any] = ()  # accepted console.actions.ActionSpec
    finding_codes: Sequence[str] = ()
    ended_at: datetime | None = None  # the customer hung up
    saved_at: datetime | None = None  # defaults to the context's clock
    scenario_id: str | None = None
    demo: bool = False
    draft_id: str | None = None  # discarded in the same transaction once saved
    extra: dict[str, Any] = field(default_factory=dict)
    # Why a credit repeats months already credited or waiting (console.actions.RepeatCredit).
    repeat_reason: str | None = None


def clean_notes(text: str | None) -> str:
    """Strip control characters (keeping newlines and tabs); refuse notes over the limit."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).strip()
    if len(text) > MAX_NOTES:
        raise WrapUpInvalid({"notes": f"notes are {len(text):,} characters; the limit is {MAX_NOTES:,}"})
    return text


def validate(w: WrapUp) -> dict[str, str]:
    """Every problem with a wrap-up at once, so the form can mark all the fields."""
    problems: dict[str, str] = {}
    if not (w.customer_id or "").strip():
        problems["customer_id"] = "no caller: look the customer up first"
    if not w.outcome:
        problems["outcome"] = "choose an outcome"
    elif w.outcome not in OUTCOMES:
        problems["outcome"] = f"unknown outcome {w.outcome!r}: use one of {', '.join(OUTCOMES)}"
    if w.root_cause and w.root_cause not in ROOT_CAUSES:
        problems["root_cause"] = f"unknown root cause {w.root_cause!r}: use one of {', '.join(ROOT_CAUSES)}"
    elif not w.root_cause and w.outcome in ROOT_CAUSE_REQUIRED:
        problems["root_cause"] = f"a call {w.outcome.replace('_', ' ')} needs a root cause"
    kinds = {getattr(s, "kind", None) for s in w.actions}
    if w.outcome == "callback_scheduled" and w.follow_up_on is None and "schedule_callback" not in kinds:
        problems["follow_up_on"] = "a scheduled callback needs a follow-up date"
    if w.outcome == "resolved_with_credit" and "issue_credit" not in kinds:
        problems["actions"] = "resolved with credit: accept or add a credit"
    for name in ("started_at", "ended_at", "saved_at"):
        t = getattr(w, name)
        if t is not None and t.tzinfo is None:
            problems[name] = f"{name} must be timezone-aware"
        elif t is not None and not 1900 <= t.year <= 2199:
            problems[name] = f"{name} {t.year} is outside 1900-2199"
    if "started_at" not in problems and "ended_at" not in problems and w.ended_at and w.ended_at < w.started_at:
        problems["ended_at"] = "the call cannot end before it started"
    try:
        clean_notes(w.notes)
    except WrapUpInvalid as exc:
        problems.update(exc.problems)
    return problems


def record_call(ctx: ConsoleContext, wrapup: WrapUp, *, view: CallerView | None = None) -> str:
    """Save a wrap-up in one journal transaction and return the new call's id (a UUID)."""
    problems = validate(wrapup)
    if problems:
        raise WrapUpInvalid(problems)
    s_ = ctx.settings
    who = acting(ctx)
    saved_at = wrapup.saved_at or ctx.now()
    if saved_at < wrapup.started_at:
        raise WrapUpInvalid({"saved_at": "the wrap-up cannot be saved before the call started"})
    ended_at = wrapup.ended_at or saved_at
    if saved_at < ended_at:
        raise WrapUpInvalid({"saved_at": "the wrap-up cannot be saved before the call ended"})
    notes = clean_notes(wrapup.notes)
    demo = wrapup.demo or s_.demo
    key = audit.audit_key()
    call_id = outbox.new_id()  # time-ordered UUID: the calls index grows at one end

    with ctx.journal.session() as session, session.begin():
        call = Call(
            id=call_id, customer_id=wrapup.customer_id, phone_e164=wrapup.phone, agent_id=who.id,
            workstation=s_.workstation, started_at=wrapup.started_at, ended_at=ended_at, saved_at=saved_at,
            duration_s=round((ended_at - wrapup.started_at).total_seconds()),
            acw_s=round((saved_at - ended_at).total_seconds()),
            outcome=wrapup.outcome, root_cause=wrapup.root_cause, notes=notes or None,
            follow_up_on=wrapup.follow_up_on, finding_codes=list(wrapup.finding_codes) or None,
            credit_total=Decimal(0), demo=demo, scenario_id=wrapup.scenario_id,
        )
        session.add(call)
        applied = _apply(ctx, session, call, wrapup, saved_at, view)
        call.credit_total = sum(
            (a.action.amount for a in applied
             if a.action.kind == "issue_credit" and a.action.status in ("applied", "approved")),
            Decimal(0),
        )
        # Several events and audit links in one go: read the customer's sequence and the
        # chain head once, flush once at commit.
        seq = outbox.next_seq(session, wrapup.customer_id)
        link = None
        envelope = dict(agent_id=who.id, workstation=s_.workstation, created_at=saved_at, call_id=call_id,
                        customer_id=wrapup.customer_id, flush=False)
        trail = dict(actor=who.id, workstation=s_.workstation, at=saved_at, key=key, flush=False)
        action_ids: list[str] = []
        for a in applied:
            if a.event_type is None:  # the same suggestion accepted twice: no second event
                continue
            payload = dict(a.payload)
            action_id = _action_id(a)
            if action_id:
                payload.setdefault("action_id", action_id)
                action_ids.append(action_id)
            outbox.enqueue(session, type=a.event_type, payload=payload, customer_seq=seq, **envelope)
            seq += 1
            link = audit.append(session, action=a.event_type, subject=action_id or call_id, after=link,
                                details={"call_id": call_id, **_audit_details(payload)}, **trail)
        outbox.enqueue(session, type="call.recorded", payload=_call_payload(call, action_ids),
                       customer_seq=seq, **envelope)
        audit.append(session, action="call.recorded", subject=call_id, after=link,
                     details={"customer_id": wrapup.customer_id, "outcome": wrapup.outcome,
                              "credit_total": str(call.credit_total), "actions": len(applied)}, **trail)
        if wrapup.draft_id:
            draft = session.get(Draft, wrapup.draft_id)
            if draft is not None:
                session.delete(draft)
    return call_id


def _apply(ctx: ConsoleContext, session: Any, call: Call, w: WrapUp, now: datetime, view: Any) -> list[Any]:
    """Write the accepted actions (and their case/callback) through console.actions."""
    specs = list(w.actions)
    if not specs:
        return []
    from console.actions import apply_actions  # imported when needed: most calls carry no action
    from console.principal import credit_limit

    who = acting(ctx)
    limit = credit_limit(ctx)
    return list(apply_actions(
        session, call_id=call.id, customer_id=w.customer_id, agent_id=who.id, role=who.role, specs=specs,
        credit_limit=limit if limit is not None else ctx.settings.credit_limit, now=now, view=view,
        repeat_reason=w.repeat_reason, closed=ctx.closed_calls,
    ))


def _action_id(applied: Any) -> str | None:
    for attr in ("action_id", "id"):
        value = getattr(applied, attr, None)
        if isinstance(value, str):
            return value
    action = getattr(applied, "action", None)
    return getattr(action, "id", None)


def _audit_details(payload: dict[str, Any]) -> dict[str, Any]:
    keep = ("kind", "service", "amount", "currency", "status", "periods", "reason")
    details = {k: payload[k] for k in keep if k in payload}
    repeat = (payload.get("params") or {}).get("repeat_reason")
    if repeat:
        details["repeat_reason"] = repeat
    return details


def _call_payload(call: Call, action_ids: list[str]) -> dict[str, Any]:
    return {
        "call_id": call.id,
        "customer_id": call.customer_id,
        "phone": call.phone_e164,
        "agent_id": call.agent_id,
        "workstation": call.workstation,
        "started_at": call.started_at.isoformat(),
        "ended_at": call.ended_at.isoformat() if call.ended_at else None,
        "saved_at": call.saved_at.isoformat(),
        "duration_s": call.duration_s,
        "acw_s": call.acw_s,
        "outcome": call.outcome,
        "root_cause": call.root_cause,
        "notes": call.notes,
        "follow_up_on": call.follow_up_on.isoformat() if call.follow_up_on else None,
        "finding_codes": list(call.finding_codes or ()),
        "credit_total": str(call.credit_total),
        "currency": call.currency or "TWD",
        "action_ids": action_ids,
        "scenario_id": call.scenario_id,
        "demo": call.demo,
    }


# -- drafts: what the agent typed, kept until the wrap-up is saved ------------------------


def wrapup_to_draft(w: WrapUp) -> dict[str, Any]:
    """The form's content as JSON (actions as plain dicts)."""
    def spec(a: Any) -> Any:
        return _jsonable(dataclasses.asdict(a)) if dataclasses.is_dataclass(a) else _jsonable(a)

    return {
        "customer_id": w.customer_id, "phone": w.phone, "outcome": w.outcome, "root_cause": w.root_cause,
        "notes": w.notes, "follow_up_on": w.follow_up_on.isoformat() if w.follow_up_on else None,
        "actions": [spec(a) for a in w.actions], "finding_codes": list(w.finding_codes),
        "started_at": w.started_at.isoformat(), "ended_at": w.ended_at.isoformat() if w.ended_at else None,
        "scenario_id": w.scenario_id, "demo": w.demo, "extra": _jsonable(w.extra),
        "repeat_reason": w.repeat_reason,
    }


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def save_draft(ctx: ConsoleContext, data: dict[str, Any] | WrapUp, *, draft_id: str | None = None,
               customer_id: str | None = None) -> str:
    """Keep (or overwrite) a draft; returns its id. Never validates: a draft may be half-typed."""
    if isinstance(data, WrapUp):
        customer_id = customer_id or data.customer_id
        draft_id = draft_id or data.draft_id
        data = wrapup_to_draft(data)
    draft_id = draft_id or str(uuid.uuid4())
    with ctx.journal.session() as session, session.begin():
        draft = session.get(Draft, draft_id)
        if draft is None:
            draft = Draft(id=draft_id, agent_id=ctx.settings.agent_id)
            session.add(draft)
        draft.customer_id = customer_id or data.get("customer_id")
        draft.data = _jsonable(data)
        draft.updated_at = ctx.now()
    return draft_id


def load_draft(ctx: ConsoleContext, draft_id: str | None = None, *, customer_id: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """A draft by id, or this agent's newest draft for a customer: (id, data), or None."""
    with ctx.journal.session() as session:
        if draft_id is not None:
            draft = session.get(Draft, draft_id)
        else:
            draft = session.scalars(
                select(Draft).where(Draft.agent_id == ctx.settings.agent_id, Draft.customer_id == customer_id)
                .order_by(Draft.updated_at.desc()).limit(1)
            ).first()
        return (draft.id, dict(draft.data)) if draft is not None else None


def discard_draft(ctx: ConsoleContext, draft_id: str) -> bool:
    with ctx.journal.session() as session, session.begin():
        draft = session.get(Draft, draft_id)
        if draft is None:
            return False
        session.delete(draft)
        return True
