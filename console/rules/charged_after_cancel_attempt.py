"""``charged_after_cancel_attempt``: the customer asked to cancel, and was billed after it.

Reference case 3: the website answered "cannot cancel before the term ends" to a customer
cancelling on the last day of the term; it worked only a day later, after the renewal, and
the next period was billed. The same finding covers a request that was simply never
carried out (the customer called to cancel, the service stayed on): what counts is that
the customer asked (``cancel_requested`` or ``cancel_rejected``), from the first billing
cycle after the request, or after the minimum term if a ``no_cancel_before_term`` clause
still bound them (``console.judgement.facts``). If the service still runs, the cancellation
the customer asked for is suggested too, and a case goes to whoever failed them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from console.credit import plan_for
from console.judgement.facts import Stop
from console.judgement.ledger import MonthJudgement
from console.rules.base import Finding, Resolution, RuleContext, local_date
from console.rules.common import (
    billed_total,
    channel_word,
    evidence,
    finding_months,
    plan_facts,
    refund_actions,
    runs,
)

CODE = "charged_after_cancel_attempt"


def _stop(months: list[MonthJudgement]) -> Stop:
    stop = next((m.stop for m in months if m.stop is not None), None)
    assert stop is not None, "every month of this rule's run has its request"
    return stop


class ChargedAfterCancelAttempt:
    code = CODE
    priority = 20

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for service, months in runs(ctx, CODE):
            stop = _stop(months)
            values: dict[str, Any] = dict(
                name=ctx.service_name(service), day=ctx.day(stop.on), channel=channel_word(ctx, stop.channel),
                why=stop.text or stop.channel or "", months=ctx.months(m.period for m in months),
                total=ctx.money(billed_total(months)),
            )
            if stop.why == "cancel_refused":
                summary = ctx.text({
                    "en": "Cancelling {name} was refused on {day} ({why}); {months} were billed afterwards ({total}).",
                    "zh_TW": "{day} 客戶申請取消{name}遭拒（{why}），之後仍收取 {months} 的費用（共 {total}）。",
                }, **values)
            else:
                summary = ctx.text({
                    "en": "The customer asked to cancel {name} on {day} ({channel}); {months} were billed afterwards ({total}).",
                    "zh_TW": "客戶已於 {day} 經{channel}申請取消{name}，之後仍收取 {months} 的費用（共 {total}）。",
                }, **values)
            yield Finding(CODE, service, evidence(months), summary, tuple(m.period for m in months))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        months = finding_months(ctx, finding)
        stop = _stop(months)
        plan = plan_for(months)
        name = ctx.service_name(service)
        refused = stop.why == "cancel_refused"
        channel = channel_word(ctx, stop.channel)
        if refused:
            title = ctx.text({"en": "Credit {name} billed after the refused cancellation; report the {channel} rule",
                              "zh_TW": "退還取消遭拒後所收的{name}費用，並回報{channel}規則"}, name=name, channel=channel)
            case = ctx.text(
                {"en": "{name}: cancellation refused on {day} by {channel} ('{why}'); billed {months}. Root cause: {channel} rule",
                 "zh_TW": "{name}：{day} 經{channel}取消遭拒（「{why}」），仍收取 {months} 費用。原因：{channel}規則"},
                name=name, day=ctx.day(stop.on), channel=stop.channel, why=stop.text or "", months=ctx.months(finding.periods),
            )
        else:
            title = ctx.text({"en": "Carry out the cancellation of {name} and credit what was billed after it",
                              "zh_TW": "完成{name}的取消並退還之後所收費用"}, name=name)
            case = ctx.text(
                {"en": "{name}: cancellation asked on {day} by {channel} was not carried out; billed {months}",
                 "zh_TW": "{name}：{day} 經{channel}申請取消未被執行，仍收取 {months} 費用"},
                name=name, day=ctx.day(stop.on), channel=stop.channel, months=ctx.months(finding.periods),
            )
        actions = refund_actions(ctx, CODE, service, plan, stop="cancel_service", case_summary=case)
        cancelled = ctx.events_of("cancelled", service)
        facts = plan_facts(plan) | {
            "attempt": {"on": stop.on, "channel": stop.channel, "text": stop.text or "", "refused": refused},
            "counts_from": stop.last_day,
            "cancelled_on": local_date(cancelled[0].at) if cancelled else None,
            "cancel": any(a.kind == "cancel_service" for a in actions),
        }
        return Resolution(title, actions, facts)


RULE = ChargedAfterCancelAttempt()
