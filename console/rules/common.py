"""Pieces several rules share: the refund of an unwanted charge, and its actions.

Four rules end the same way (the customer paid for a service they should not have paid
for): stop the service if it still runs, credit the unused months, ask for usage where it
is unknown, and open a case when another department caused it. Keeping that in one place
keeps the four consistent with the credit principle in ``console.credit``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from console.actions import ActionSpec
from console.credit import CreditPlan, unused_credit
from console.evidence import ref
from console.rules.base import Charge, RuleContext, local_date

CASE_DUE_DAYS = 7


def suggestion_id(code: str, service: str | None) -> str:
    return f"{code}:{service or '-'}"


def disputed(ctx: RuleContext, service: str, after: Any) -> list[Charge]:
    """Charges for billing cycles that start after ``after`` (a date), not yet explained or credited."""
    done = ctx.credited_periods(service)
    return [
        c for p, c in ctx.charges(service).items()
        if ctx.cycle_start(service, p) > after and (service, p) not in ctx.claimed and p not in done
    ]


def off_periods(ctx: RuleContext, service: str, periods: Iterable[str]) -> set[str]:
    """Months that began after the service was switched off (so it cannot have been used)."""
    stop = ctx.stopped_at(service)
    if stop is None:
        return set()
    day = local_date(stop.at)
    return {p for p in periods if ctx.cycle_start(service, p) > day}


def plan_refund(ctx: RuleContext, service: str, charges: list[Charge]) -> CreditPlan:
    billed = {c.period: c.amount for c in charges}
    usage = {c.period: ctx.usage(service, c.period) for c in charges}
    return unused_credit(billed, usage, off_periods(ctx, service, billed))


def charge_evidence(service: str, charges: list[Charge], with_usage: bool = True) -> list[str]:
    refs = [ref("bill_line", ln.id) for c in charges for ln in c.lines]
    if with_usage:
        refs += [ref("usage", (service, c.period)) for c in charges]
    return refs


def refund_actions(
    ctx: RuleContext,
    code: str,
    service: str,
    plan: CreditPlan,
    *,
    stop: str | None,
    case_summary: str | None,
) -> tuple[ActionSpec, ...]:
    sid = suggestion_id(code, service)
    actions: list[ActionSpec] = []
    if stop and ctx.is_running(service):
        actions.append(ActionSpec(stop, service_code=service, suggestion_id=sid))
    if plan.amount > 0:
        actions.append(ActionSpec(
            "issue_credit", service_code=service, amount=plan.amount, currency=ctx.currency,
            periods=plan.credited, suggestion_id=sid,
        ))
    if plan.unknown:
        actions.append(ActionSpec(
            "request_evidence", service_code=service, periods=plan.unknown,
            params={"what": "usage"}, suggestion_id=sid,
        ))
    if case_summary:
        actions.append(case_action(ctx, case_summary, sid))
    return tuple(actions)


def case_action(ctx: RuleContext, summary: str, sid: str) -> ActionSpec:
    due = ctx.today + timedelta(days=CASE_DUE_DAYS)
    return ActionSpec("open_case", params={"summary": summary, "due_on": due.isoformat()}, suggestion_id=sid)


def plan_facts(plan: CreditPlan) -> dict[str, Any]:
    return {
        "credit": plan.amount,
        "billed": plan.billed,
        "credited_periods": list(plan.credited),
        "used_periods": list(plan.used),
        "unknown_periods": list(plan.unknown),
        "per_period": [{"period": p, "amount": a} for p, a in plan.per_period],
    }
