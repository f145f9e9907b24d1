"""``duplicate_charge``: the same charge billed twice for the same month.

Two lines for the same service, month, amount and wording (on one bill or on two bills
for the same month) are one charge billed twice: the ledger (``console.judgement``) expects
the month's charge without the copies, so every copy after the first is credited in full,
whatever the usage, because the customer owed it once. Months a stronger fact explains
(the service should not have been billed at all, a promised price) belong to that finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from console.actions import ActionSpec
from console.credit import plan_for
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import evidence, finding_months, runs, suggestion_id

CODE = "duplicate_charge"


class DuplicateCharge:
    code = CODE
    priority = 50

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for service, months in runs(ctx, CODE):
            total = plan_for(months).amount
            summary = ctx.text(
                {
                    "en": "{name} was billed twice for {months} ({total} too much).",
                    "zh_TW": "{name}在 {months} 重複收費（多收 {total}）。",
                },
                name=ctx.service_name(service), months=ctx.months(m.period for m in months), total=ctx.money(total),
            )
            yield Finding(CODE, service, evidence(months), summary, tuple(m.period for m in months))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        months = finding_months(ctx, finding)
        plan = plan_for(months)
        sid = suggestion_id(CODE, service)
        actions = (ActionSpec("issue_credit", service_code=service, amount=plan.amount, currency=ctx.currency,
                              periods=plan.credited, suggestion_id=sid),) if plan.amount > 0 else ()
        title = ctx.text({"en": "Credit the duplicate {name} charge", "zh_TW": "退還重複收取的{name}費用"},
                         name=ctx.service_name(service))
        facts = {
            "credit": plan.amount, "billed": plan.billed,
            "credited_periods": list(plan.credited), "used_periods": [], "unknown_periods": [],
            "per_period": [{"period": p, "amount": a} for p, a in plan.per_period],
            "lines": [{"id": ln.id, "text": ln.text, "amount": ln.amount} for m in months for ln in m.extra_lines],
        }
        return Resolution(title, actions, facts)


RULE = DuplicateCharge()
