"""``promo_not_applied``: a price was promised, the bills charged more.

Reference case 2: field sales promised a community bundle at a promotional price (the
contract's promo clause has a condition, e.g. enough households); installation came early
and the bills charged the normal price. Which price was promised, and when a conditional
promo counts, is decided once in ``console.judgement.facts`` (``Price``). This is a price
correction: the difference is credited for every month billed above the promised price,
whatever the usage.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from console.actions import ActionSpec
from console.credit import plan_for
from console.rules.base import Finding, Resolution, RuleContext, local_date
from console.rules.common import case_action, evidence, finding_months, runs, suggestion_id

CODE = "promo_not_applied"


class PromoNotApplied:
    code = CODE
    priority = 40

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for service, months in runs(ctx, CODE):
            price = next(m.price for m in months if m.price is not None)
            diff = sum((m.disputed for m in months), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{name} was promised at {price} a month but billed {billed} for {months} ({diff} too much).",
                    "zh_TW": "{name}承諾優惠價每月 {price}，{months} 卻以 {billed} 計費（多收 {diff}）。",
                },
                name=ctx.service_name(service), price=ctx.money(price.amount),
                billed="/".join(sorted({ctx.money(m.billed) for m in months})),
                months=ctx.months(m.period for m in months), diff=ctx.money(diff),
            )
            yield Finding(CODE, service, evidence(months), summary, tuple(m.period for m in months))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        months = finding_months(ctx, finding)
        price = next(m.price for m in months if m.price is not None)
        plan = plan_for(months)
        sid = suggestion_id(CODE, service)
        name = ctx.service_name(service)
        actions: list[ActionSpec] = []
        if plan.amount > 0:
            actions.append(ActionSpec("issue_credit", service_code=service, amount=plan.amount,
                                      currency=ctx.currency, periods=plan.credited, suggestion_id=sid))
        promise = price.promise
        case = ctx.text(
            {"en": "{name}: promised {price}/month ({promise}); billed {months} at the normal price",
             "zh_TW": "{name}：承諾每月 {price}（{promise}），{months} 仍以原價計費"},
            name=name, price=ctx.money(price.amount),
            promise=(promise.text if promise and promise.text else "promo_price"), months=ctx.months(finding.periods),
        )
        actions.append(case_action(ctx, case, sid))
        title = ctx.text(
            {"en": "Credit the promised {name} price difference and record the promise",
             "zh_TW": "退還{name}優惠價差額並記錄業務承諾"},
            name=name,
        )
        facts = {
            "credit": plan.amount, "billed": plan.billed, "promised_price": price.amount,
            "credited_periods": list(plan.credited), "used_periods": [], "unknown_periods": [],
            "per_period": [{"period": p, "amount": a} for p, a in plan.per_period],
            "promise": {"on": local_date(promise.at) if promise else None, "text": promise.text if promise else None,
                        "channel": promise.channel if promise else None},
        }
        return Resolution(title, tuple(actions), facts)


RULE = PromoNotApplied()
