"""``unused_paid_service``: the customer keeps paying for a service they do not use.

Nothing is billed wrongly, so nothing is credited: the contract allows the charge. But
trials that silently turn into charges are where complaints come from (cases.md, lesson
1), so a running service whose latest billed months (at least ``MIN_MONTHS`` in a row) all
show zero usage is named, and cancelling it is offered; the script asks, it does not
decide for the customer. Months another rule already explained, or already credited, end
the run, and so does an unknown month (unknown is not zero). In ledger terms
(``console.judgement``): months billed as contracted (no cause), not settled, used 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from console.actions import ActionSpec
from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import suggestion_id

CODE = "unused_paid_service"
MIN_MONTHS = 2


class UnusedPaidService:
    code = CODE
    priority = 60

    def _run(self, ctx: RuleContext, service: str) -> list[str]:
        """The latest billed months, newest last, with zero usage and not explained elsewhere."""
        run: list[str] = []
        for m in reversed(ctx.ledger.of(service)):
            if m.billed <= 0:
                continue
            if m.cause is not None or m.settled or (service, m.period) in ctx.claimed or m.units != 0:
                break
            run.append(m.period)
        return sorted(run)

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            if not ctx.is_running(s.code):
                continue
            run = self._run(ctx, s.code)
            if len(run) < MIN_MONTHS:
                continue
            charges = ctx.charges(s.code)
            evidence = [ref("bill_line", ln.id) for p in run for ln in charges[p].lines]
            evidence += [ref("usage", (s.code, p)) for p in run]
            evidence += [ref("clause", c.id) for c in ctx.clauses if c.service_code == s.code and c.kind != "other"]
            total = sum((charges[p].amount for p in run), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{name} was billed for {months} ({total}) with no usage at all.",
                    "zh_TW": "{name}在 {months} 完全沒有使用，仍計費 {total}。",
                },
                name=ctx.service_name(s.code), months=ctx.months(run), total=ctx.money(total),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(run))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        charges = ctx.charges(service)
        billed = sum((charges[p].amount for p in finding.periods if p in charges), Decimal(0))
        actions = (ActionSpec("cancel_service", service_code=service, suggestion_id=suggestion_id(CODE, service)),)
        title = ctx.text({"en": "Offer to cancel {name}, unused since {first}",
                          "zh_TW": "詢問客戶是否取消{name}（自 {first} 起未使用）"},
                         name=ctx.service_name(service), first=ctx.months(finding.periods[:1]))
        s = ctx.service(service)
        facts = {
            "credit": Decimal(0), "billed": billed, "credited_periods": [], "used_periods": [],
            "unknown_periods": [], "per_period": [], "unused_periods": list(finding.periods),
            "fee": s.fee_amount if s else None,
        }
        return Resolution(title, actions, facts)


RULE = UnusedPaidService()
