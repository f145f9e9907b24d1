"""``charged_after_cancel_attempt``: the customer tried to cancel, was refused, and was billed.

Reference case 3: the website answered "cannot cancel before the term ends" to a customer
cancelling on the last days of the term; cancelling worked only a day later, after the
renewal, and the next period was billed. Every month that starts after the refused
attempt is disputed; the refusal (a website rule) is named as the cause, so a case goes
to the owner of that rule. If the service still runs, the cancellation the customer asked
for is suggested too.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from console.caller_view import EventRow
from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext, local_date
from console.rules.common import charge_evidence, disputed, plan_facts, plan_refund, refund_actions

CODE = "charged_after_cancel_attempt"


class ChargedAfterCancelAttempt:
    code = CODE
    priority = 20

    def _attempt(self, ctx: RuleContext, service: str) -> EventRow | None:
        rejected = ctx.events_of("cancel_rejected", service)
        return rejected[0] if rejected else None

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            attempt = self._attempt(ctx, s.code)
            if attempt is None:
                continue
            charges = disputed(ctx, s.code, local_date(attempt.at))
            if not charges:
                continue
            ctx.claimed.update((s.code, c.period) for c in charges)
            evidence = [ref("event", attempt.id)]
            evidence += [ref("event", e.id) for e in ctx.events if e.service_code == s.code and e.kind == "cancelled"]
            evidence += [ref("clause", c.id) for c in ctx.clauses if c.service_code == s.code and c.kind == "no_cancel_before_term"]
            evidence += charge_evidence(s.code, charges)
            total = sum((c.amount for c in charges), Decimal(0))
            summary = ctx.text(
                {
                    "en": "Cancelling {name} was refused on {day} ({why}); {months} were billed afterwards ({total}).",
                    "zh_TW": "{day} 客戶申請取消{name}遭拒（{why}），之後仍收取 {months} 的費用（共 {total}）。",
                },
                name=ctx.service_name(s.code), day=local_date(attempt.at).isoformat(),
                why=attempt.text or attempt.channel, months=", ".join(c.period for c in charges),
                total=ctx.money(total),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(c.period for c in charges))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        attempt = self._attempt(ctx, service)
        assert attempt is not None, "resolve() is only called for this rule's own findings"
        charges = [ctx.charges(service)[p] for p in finding.periods]
        plan = plan_refund(ctx, service, charges)
        name = ctx.service_name(service)
        title = ctx.text(
            {"en": "Credit {name} billed after the refused cancellation; report the {channel} rule",
             "zh_TW": "退還取消遭拒後所收的{name}費用，並回報{channel}規則"},
            name=name, channel=attempt.channel if ctx.language == "en" else _CHANNEL_ZH.get(attempt.channel, attempt.channel),
        )
        case = ctx.text(
            {"en": "{name}: cancellation refused on {day} by {channel} ('{why}'); billed {months}. Root cause: {channel} rule",
             "zh_TW": "{name}：{day} 經{channel}取消遭拒（「{why}」），仍收取 {months} 費用。原因：{channel}規則"},
            name=name, day=local_date(attempt.at).isoformat(), channel=attempt.channel,
            why=attempt.text or "", months=", ".join(finding.periods),
        )
        actions = refund_actions(ctx, CODE, service, plan, stop="cancel_service", case_summary=case)
        cancelled = ctx.events_of("cancelled", service)
        facts = plan_facts(plan) | {
            "attempt": {"on": local_date(attempt.at), "channel": attempt.channel, "text": attempt.text or ""},
            "cancelled_on": local_date(cancelled[0].at) if cancelled else None,
            "cancel": any(a.kind == "cancel_service" for a in actions),
        }
        return Resolution(title, actions, facts)


_CHANNEL_ZH = {"web": "網站", "shop": "門市", "call": "客服電話", "app": "App", "field": "業務"}
RULE = ChargedAfterCancelAttempt()
