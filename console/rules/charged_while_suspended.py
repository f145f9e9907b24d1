"""``charged_while_suspended``: billed for months after the service was switched off.

A suspension or cancellation on record means the service could not be used until it was
resumed (a ``resumed`` event), so every billing cycle that starts in between and still
carries a charge is disputed. Usage still decides (``console.judgement``): a month the
records show used is owed; a month of unknown usage counts as unused when the service is
known to have been off (resumed later, or still suspended), and is checked first when the
service is active again with no resumption on record. Months a more specific fact explains
(a contradicting notice, a cancel request) belong to that finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from console.credit import plan_for
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import (
    billed_total,
    evidence,
    finding_months,
    plan_facts,
    refund_actions,
    runs,
)

CODE = "charged_while_suspended"


class ChargedWhileSuspended:
    code = CODE
    priority = 30

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for service, months in runs(ctx, CODE):
            stop = next(m.stop for m in months if m.stop is not None)
            lang = ctx.language if ctx.language in _WHAT else "en"
            summary = ctx.text(
                {
                    "en": "{name} was {what} on {day}, yet {months} were billed ({total}).",
                    "zh_TW": "{name}已於 {day} {what}，帳單卻仍收取 {months} 的費用（共 {total}）。",
                },
                name=ctx.service_name(service), day=ctx.day(stop.on), what=_WHAT[lang][stop.why],
                months=ctx.months(m.period for m in months), total=ctx.money(billed_total(months)),
            )
            yield Finding(CODE, service, evidence(months), summary, tuple(m.period for m in months))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        months = finding_months(ctx, finding)
        stop = next(m.stop for m in months if m.stop is not None)
        plan = plan_for(months)
        title = ctx.text(
            {"en": "Credit {name} billed while it was off", "zh_TW": "退還{name}停用期間的費用"},
            name=ctx.service_name(service),
        )
        actions = refund_actions(ctx, CODE, service, plan, stop=None, case_summary=None)
        facts = plan_facts(plan) | {"stopped_on": stop.on, "stop_kind": stop.why, "resumed_on": stop.until}
        return Resolution(title, actions, facts)


_WHAT = {
    "en": {"suspended": "suspended", "cancelled": "cancelled"},
    "zh_TW": {"suspended": "暫停", "cancelled": "取消"},
}
RULE = ChargedWhileSuspended()
