"""What the suggestions panel and the wrap-up form ask of the core, kept out of the widgets.

On a screen pop the panel needs the suggestions *for this call*: as of the pop, findings in
the agent's language and scripts in the customer's, with the journal's pending effects taken
into account (a credit decided in an earlier call is not suggested twice), the acting
principal's credit limit (a credit above it "needs approval", and the script says so) and
the trainer's template overrides. When the agent edits, accepts or rejects an action,
``script_after_decisions`` renders the suggestion's script again for the actions as they
now stand, so the words never promise what will not be done. While the
customer is on the line the agent accepts, edits or rejects each suggested action; an edit
is "within limits": a credit may be lowered or lose months, never raised above what was
suggested (and the credit limit is still enforced by ``console.actions`` at save time). A
wrap-up draft stores actions as JSON; ``spec_from_json`` turns them back into ``ActionSpec``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from console.actions import ActionError, ActionSpec, RepeatCredit, repeats, validate
from console.caller_json import money_str
from console.caller_view import CallerView
from console.context import ConsoleContext
from console.effects import pending_effects
from console.principal import credit_limit
from console.suggest import SuggestionReport, script_for, suggest_for

PROPOSED, ACCEPTED, REJECTED = "proposed", "accepted", "rejected"


def suggestions_for_call(
    ctx: ConsoleContext, view: CallerView, at: datetime, language: str | None = None,
    script_language: str | None = None,
) -> SuggestionReport:
    """Suggestions for ``view`` as of ``at``, minus what the journal already decided.

    ``language``: the agent's (findings, titles); ``script_language``: the customer's by default.
    """
    try:
        with ctx.journal.session() as js:
            effects = pending_effects(js, view.customer.id, view, closed=ctx.closed_calls)
    except Exception:  # an unreadable journal must not hide the suggestions
        effects = []
    return suggest_for(view, at=at, language=language, script_language=script_language,
                       templates_dir=ctx.settings.templates_dir, effects=effects, credit_limit=credit_limit(ctx))


def script_after_decisions(report: SuggestionReport, suggestion_id: str, decisions: Mapping[str, Sequence[Decision]]) -> str:
    """The script of ``suggestion_id`` for the agent's decisions so far (``decisions`` per suggestion).

    Rejected actions are left out of the words, edited credits are said as edited, and
    credits the agent accepted in the call's other suggestions count toward the limit.
    """
    kept = [d.spec for d in decisions.get(suggestion_id, ()) if d.status != REJECTED]
    return script_for(report, suggestion_id, kept, already=_credited_elsewhere(suggestion_id, decisions))


def approval_after_decisions(report: SuggestionReport, suggestion_id: str,
                             decisions: Mapping[str, Sequence[Decision]]) -> list[bool]:
    """Per action of ``suggestion_id``: whether, as decided so far, it will wait for a lead.

    The same reckoning as the script's ("submitted for a supervisor's approval"), so the
    actions table and the words said to the customer never disagree.
    """
    already = _credited_elsewhere(suggestion_id, decisions)
    return [d.status != REJECTED and d.spec.kind == "issue_credit" and d.spec.amount is not None
            and report.needs_approval(Decimal(d.spec.amount), already)
            for d in decisions.get(suggestion_id, ())]


def _credited_elsewhere(suggestion_id: str, decisions: Mapping[str, Sequence[Decision]]) -> Decimal:
    """What the call's other suggestions credit, as accepted: it counts toward the limit."""
    return sum((Decimal(d.spec.amount) for sid, ds in decisions.items() if sid != suggestion_id
                for d in ds if d.status == ACCEPTED and d.spec.kind == "issue_credit" and d.spec.amount is not None),
               Decimal(0))


@dataclass(frozen=True)
class Decision:
    """The agent's decision on one suggested action: the action as it will be carried out."""

    suggested: ActionSpec
    spec: ActionSpec
    status: str = PROPOSED

    @property
    def edited(self) -> bool:
        return self.spec != self.suggested


def parse_amount(text: str) -> Decimal:
    """An amount typed by the agent ("80", "NT$1,200") as an exact Decimal; one-line error otherwise."""
    cleaned = text.strip().replace(",", "").replace("NT$", "").replace("$", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ActionError(f"not an amount: {text!r}") from None
    if not value.is_finite():
        raise ActionError(f"not an amount: {text!r}")
    return value


def edit_within_limits(
    suggested: ActionSpec,
    *,
    amount: Decimal | None = None,
    periods: Sequence[str] | None = None,
    due_at: datetime | None = None,
    view: CallerView | None = None,
) -> ActionSpec:
    """The suggested action with the agent's edits, or ``ActionError`` (one line) if out of limits.

    A credit can be lowered and can drop months, never be raised above the suggested amount
    nor gain a month; a callback can be moved. Other actions have nothing to edit.
    """
    if suggested.kind == "issue_credit":
        new_periods = tuple(periods) if periods is not None else suggested.periods
        unknown = [p for p in new_periods if p not in suggested.periods]
        if unknown:
            raise ActionError(f"a credit can only cover the suggested months ({', '.join(suggested.periods)}), not {', '.join(unknown)}")
        if not new_periods:
            raise ActionError("a credit must cover at least one month; reject it instead")
        new_amount = suggested.amount if amount is None else Decimal(amount)
        limit = suggested.amount or Decimal(0)
        if new_amount is not None and new_amount > limit:
            raise ActionError(f"a credit cannot be raised above the suggested {money_str(limit)} {suggested.currency}")
        spec = replace(suggested, amount=new_amount, periods=tuple(p for p in suggested.periods if p in new_periods))
    elif suggested.kind == "schedule_callback":
        if due_at is None:
            return suggested
        if due_at.tzinfo is None:
            raise ActionError("a callback time needs a timezone")
        spec = replace(suggested, params={**dict(suggested.params), "due_at": due_at.isoformat()})
    else:
        if amount is not None or periods is not None or due_at is not None:
            raise ActionError(f"{suggested.kind} has nothing to edit")
        return suggested
    validate(spec, view)
    return spec


def spec_to_json(spec: ActionSpec) -> dict[str, Any]:
    return {
        "kind": spec.kind, "service_code": spec.service_code,
        "amount": str(spec.amount) if spec.amount is not None else None, "currency": spec.currency,
        "periods": list(spec.periods), "params": _plain(spec.params), "suggestion_id": spec.suggestion_id,
    }


def spec_from_json(data: Mapping[str, Any]) -> ActionSpec:
    """An action stored in a draft (``spec_to_json`` or ``dataclasses.asdict``) back as an ActionSpec."""
    amount = data.get("amount")
    return ActionSpec(
        kind=str(data["kind"]), service_code=data.get("service_code"),
        amount=Decimal(str(amount)) if amount not in (None, "") else None,
        currency=str(data.get("currency") or "TWD"), periods=tuple(str(p) for p in data.get("periods") or ()),
        params=dict(data.get("params") or {}), suggestion_id=data.get("suggestion_id"),
    )


def specs_from_json(items: Iterable[Mapping[str, Any]]) -> list[ActionSpec]:
    out = []
    for item in items:
        try:
            out.append(spec_from_json(item))
        except (KeyError, InvalidOperation, TypeError):
            continue  # a damaged draft entry is dropped, the rest of the draft restores
    return out


def _plain(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else str(v) if isinstance(v, Decimal) else v) for k, v in params.items()}


def repeat_credits(ctx: ConsoleContext, view: CallerView, specs: Iterable[ActionSpec]) -> list[RepeatCredit]:
    """The credits of ``specs`` that repeat months already credited or waiting, one per service.

    The wrap-up asks for a reason before saving them (``WrapUp.repeat_reason``); saving
    without one is refused by ``console.actions`` anyway. An unreadable journal reports none
    here: the save itself still checks.
    """
    try:
        with ctx.journal.session() as js:
            found = repeats(js, "", view.customer.id, list(specs), view, closed=ctx.closed_calls)
    except Exception:  # noqa: BLE001 - the save checks again, on the same journal
        return []
    return [RepeatCredit(service or "-", earlier) for service, earlier in found]


def credit_waiting(specs: Iterable[ActionSpec], limit: Decimal | None) -> Decimal | None:
    """The credit total of ``specs`` when it is above ``limit`` (it will wait for a lead), else None.

    ``limit`` is the acting principal's (``console.principal.credit_limit``: the signed-in
    user's record or the floor's default, None for a lead), so the form says before the save
    what ``console.actions.apply_actions`` will do at it.
    """
    if limit is None:
        return None
    total = sum((Decimal(s.amount) for s in specs if s.kind == "issue_credit" and s.amount is not None), Decimal(0))
    return total if total > limit else None
