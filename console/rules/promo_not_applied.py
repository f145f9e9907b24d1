"""``promo_not_applied``: a price was promised, the bills charged more.

Reference case 2: field sales promised a community bundle at a promotional price (the
contract's promo clause has a condition, e.g. enough households); installation came early
and the bills charged the normal price. The promised price comes from, in order: a
``promise`` event with a ``price`` param, or the ``promo_price`` clause when the customer
was promised or told it applies (a ``promise`` event or a ``promo_applies`` notice), or an
unconditional ``promo_price`` clause. A conditional promo nobody promised is not a finding:
the console cannot tell whether the condition was met. This is a price correction: the
difference is credited for every month billed above the promised price, whatever the usage.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from console.actions import ActionSpec
from console.credit import overcharge_credit
from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext, local_date
from console.rules.common import case_action, suggestion_id

CODE = "promo_not_applied"


def _price(params: dict[str, Any] | None) -> Decimal | None:
    if not params or params.get("price") is None:
        return None
    try:
        value = Decimal(str(params["price"]))
    except InvalidOperation:
        return None
    return value if value >= 0 else None


class PromoNotApplied:
    code = CODE
    priority = 40

    def _promise(self, ctx: RuleContext, service: str) -> tuple[Decimal, list[str]] | None:
        """The promised monthly price and the evidence that promised it."""
        clauses = [c for c in ctx.clauses if c.kind == "promo_price" and c.service_code == service]
        promises = [e for e in ctx.events if e.kind == "promise" and e.service_code in (service, None)
                    and (e.service_code == service or clauses)]
        notices = [n for n in ctx.notifications if n.says == "promo_applies" and n.service_code == service]
        evidence = [ref("clause", c.id) for c in clauses] + [ref("event", e.id) for e in promises]
        evidence += [ref("notification", n.id) for n in notices]
        for e in reversed(promises):
            price = _price(e.params)
            if price is not None:
                return price, evidence
        for c in clauses:
            price = _price(c.params)
            conditional = bool((c.params or {}).get("condition"))
            if price is not None and (promises or notices or not conditional):
                return price, evidence
        return None

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            promised = self._promise(ctx, s.code)
            if promised is None:
                continue
            price, evidence = promised
            done = ctx.credited_periods(s.code)
            over = [c for p, c in ctx.charges(s.code).items()
                    if c.amount > price and (s.code, p) not in ctx.claimed and p not in done]
            if not over:
                continue
            ctx.claimed.update((s.code, c.period) for c in over)
            evidence += [ref("bill_line", ln.id) for c in over for ln in c.lines]
            diff = sum((c.amount - price for c in over), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{name} was promised at {price} a month but billed {billed} for {months} ({diff} too much).",
                    "zh_TW": "{name}承諾優惠價每月 {price}，{months} 卻以 {billed} 計費（多收 {diff}）。",
                },
                name=ctx.service_name(s.code), price=ctx.money(price),
                billed="/".join(sorted({ctx.money(c.amount) for c in over})),
                months=", ".join(c.period for c in over), diff=ctx.money(diff),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(c.period for c in over))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        promised = self._promise(ctx, service)
        assert promised is not None, "resolve() is only called for this rule's own findings"
        price = promised[0]
        charges = ctx.charges(service)
        billed = {p: charges[p].amount for p in finding.periods}
        plan = overcharge_credit(billed, {p: price for p in finding.periods})
        sid = suggestion_id(CODE, service)
        name = ctx.service_name(service)
        actions: list[ActionSpec] = []
        if plan.amount > 0:
            actions.append(ActionSpec("issue_credit", service_code=service, amount=plan.amount,
                                      currency=ctx.currency, periods=plan.credited, suggestion_id=sid))
        promise = next((e for e in reversed(ctx.events) if e.kind == "promise" and e.service_code in (service, None)), None)
        case = ctx.text(
            {"en": "{name}: promised {price}/month ({promise}); billed {months} at the normal price",
             "zh_TW": "{name}：承諾每月 {price}（{promise}），{months} 仍以原價計費"},
            name=name, price=ctx.money(price),
            promise=(promise.text if promise and promise.text else "promo_price"), months=", ".join(finding.periods),
        )
        actions.append(case_action(ctx, case, sid))
        title = ctx.text(
            {"en": "Credit the promised {name} price difference and record the promise",
             "zh_TW": "退還{name}優惠價差額並記錄業務承諾"},
            name=name,
        )
        facts = {
            "credit": plan.amount, "billed": plan.billed, "promised_price": price,
            "credited_periods": list(plan.credited), "used_periods": [], "unknown_periods": [],
            "per_period": [{"period": p, "amount": a} for p, a in plan.per_period],
            "promise": {"on": local_date(promise.at) if promise else None, "text": promise.text if promise else None,
                        "channel": promise.channel if promise else None},
        }
        return Resolution(title, tuple(actions), facts)


RULE = PromoNotApplied()
