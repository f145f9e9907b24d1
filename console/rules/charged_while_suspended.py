"""``charged_while_suspended``: billed for months after the service was switched off.

A suspension or cancellation on record means the service could not be used afterwards,
so every month that starts after it and still carries a charge is credited in full
(no usage data needed). Months a more specific rule already explained (a refused
cancellation, a contradicting notice) are left to that rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext, local_date
from console.rules.common import charge_evidence, disputed, plan_facts, plan_refund, refund_actions

CODE = "charged_while_suspended"


class ChargedWhileSuspended:
    code = CODE
    priority = 30

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            stop = ctx.stopped_at(s.code)
            if stop is None:
                continue
            charges = disputed(ctx, s.code, local_date(stop.at))
            if not charges:
                continue
            ctx.claimed.update((s.code, c.period) for c in charges)
            evidence = [ref("event", stop.id), *charge_evidence(s.code, charges, with_usage=False)]
            total = sum((c.amount for c in charges), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{name} was {what} on {day}, yet {months} were billed ({total}).",
                    "zh_TW": "{name}已於 {day} {what}，帳單卻仍收取 {months} 的費用（共 {total}）。",
                },
                name=ctx.service_name(s.code), day=local_date(stop.at).isoformat(),
                what=_WHAT[ctx.language if ctx.language in _WHAT else "en"][stop.kind],
                months=", ".join(c.period for c in charges), total=ctx.money(total),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(c.period for c in charges))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        stop = ctx.stopped_at(service)
        assert stop is not None, "resolve() is only called for this rule's own findings"
        charges = [ctx.charges(service)[p] for p in finding.periods]
        plan = plan_refund(ctx, service, charges)
        title = ctx.text(
            {"en": "Credit {name} billed while it was off", "zh_TW": "退還{name}停用期間的費用"},
            name=ctx.service_name(service),
        )
        actions = refund_actions(ctx, CODE, service, plan, stop=None, case_summary=None)
        facts = plan_facts(plan) | {"stopped_on": local_date(stop.at), "stop_kind": stop.kind}
        return Resolution(title, actions, facts)


_WHAT = {
    "en": {"suspended": "suspended", "cancelled": "cancelled"},
    "zh_TW": {"suspended": "暫停", "cancelled": "取消"},
}
RULE = ChargedWhileSuspended()
