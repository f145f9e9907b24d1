"""Pieces the built-in rules share: their runs of ledger months, the evidence, the refund.

Every built-in rule reads the expected-charge ledger (``console.judgement``): its finding is
the run of months the ledger gives its cause, its evidence is those months' chain, and its
credit is their disputed amount (``console.credit.plan_for``). The refund rules end the
same way (the customer paid for a service they should not have paid for): stop the service
if it still runs, credit the disputed months, ask for usage where it is unknown, and open
a case when another department caused it. Keeping that here keeps them consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from console.actions import ActionSpec
from console.credit import CreditPlan
from console.rules.base import Finding, RuleContext

if TYPE_CHECKING:
    from console.judgement.ledger import MonthJudgement

CASE_DUE_DAYS = 7


def suggestion_id(code: str, service: str | None) -> str:
    return f"{code}:{service or '-'}"


def runs(ctx: RuleContext, code: str) -> Iterator[tuple[str, list[MonthJudgement]]]:
    """Per service, the months the ledger gives ``code`` (not claimed by an earlier rule pack)."""
    for service, months in ctx.ledger.runs(code):
        months = [m for m in months if (service, m.period) not in ctx.claimed]
        if any(m.open for m in months):
            ctx.claimed.update((service, m.period) for m in months)
            yield service, months


def finding_months(ctx: RuleContext, finding: Finding) -> list[MonthJudgement]:
    """The ledger months behind one of the built-in rules' own findings."""
    wanted = set(finding.periods)
    return [m for m in ctx.ledger.of(finding.service_code)
            if m.period in wanted and m.cause == finding.code and not m.settled]


def evidence(months: Iterable[MonthJudgement], *first: str) -> tuple[str, ...]:
    """The evidence chain of a run: deciding facts first, then bill lines and usage, once each."""
    refs = dict.fromkeys(first)
    for m in months:
        refs.update(dict.fromkeys(m.refs))
    return tuple(refs)


def billed_total(months: Iterable[MonthJudgement]) -> Decimal:
    return sum((m.billed for m in months), Decimal(0))


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


_CHANNEL_ZH = {
    "web": "網站", "shop": "門市", "call": "客服電話", "app": "App", "field": "業務", "system": "系統",
    "sms": "簡訊", "email": "電子郵件", "letter": "信件",
}


def channel_word(ctx: RuleContext, channel: str | None) -> str:
    """An event's channel as the report language says it; an unknown word as the source wrote it."""
    if not channel:
        return ""
    return _CHANNEL_ZH.get(channel, channel) if ctx.language == "zh_TW" else channel
