"""``notice_contradicts_contract``: told it would stop, billed as if it continued.

The reference story: the contract says a free year turns into a paid service unless the
customer calls to cancel; an SMS before the end said it would expire unless the customer
applied to continue; the bills kept charging. What the customer was last told before the
charges began decides: a later "continues unless cancelled" notice means the customer was
correctly told and there is nothing to credit.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from console.caller_view import NotificationRow
from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext, local_date, period_end, period_of
from console.rules.common import charge_evidence, disputed, plan_facts, plan_refund, refund_actions

CODE = "notice_contradicts_contract"
TOLD_STOPS = "ends_at_trial_end"
TOLD_CONTINUES = "continues_unless_cancelled"
CONTRACT_KINDS = ("trial_converts_to_paid", "auto_renews", "ends_at_term")


class NoticeContradictsContract:
    code = CODE
    priority = 10

    def _end(self, ctx: RuleContext, service: str, notice_day: date) -> date:
        s = ctx.service(service)
        end = (s.trial_until or s.term_until) if s is not None else None
        if end is not None:
            return end
        # No end date on record: the notice speaks of the end of its own month.
        return period_end(period_of(notice_day))

    def _decisive(self, ctx: RuleContext, service: str) -> tuple[NotificationRow, date] | None:
        notices = [n for n in ctx.notifications if n.service_code == service and n.says in (TOLD_STOPS, TOLD_CONTINUES)]
        if not notices:
            return None
        notices.sort(key=lambda n: n.sent_at)
        end = self._end(ctx, service, local_date(notices[-1].sent_at))
        before = [n for n in notices if local_date(n.sent_at) <= end]
        last = (before or notices)[-1]
        return last, self._end(ctx, service, local_date(last.sent_at))

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            decisive = self._decisive(ctx, s.code)
            if decisive is None:
                continue
            notice, end = decisive
            if notice.says != TOLD_STOPS:
                continue  # correctly told that it continues
            charges = disputed(ctx, s.code, end)
            if not charges:
                continue
            ctx.claimed.update((s.code, c.period) for c in charges)
            clauses = [c for c in ctx.clauses if c.service_code == s.code and c.kind in CONTRACT_KINDS]
            evidence = [ref("clause", c.id) for c in clauses]
            evidence.append(ref("notification", notice.id))
            evidence += charge_evidence(s.code, charges)
            total = sum((c.amount for c in charges), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{channel} of {sent} said {name} would end on {end}, but {months} were billed ({total}).",
                    "zh_TW": "{sent} 的{channel}說{name}將於 {end} 到期停止，帳單卻仍收取 {months} 的費用（共 {total}）。",
                },
                channel=channel_name(ctx, notice.channel),
                sent=local_date(notice.sent_at).isoformat(),
                name=ctx.service_name(s.code), end=end.isoformat(),
                months=", ".join(c.period for c in charges), total=ctx.money(total),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(c.period for c in charges))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        charges = [ctx.charges(service)[p] for p in finding.periods]
        plan = plan_refund(ctx, service, charges)
        decisive = self._decisive(ctx, service)
        assert decisive is not None, "resolve() is only called for this rule's own findings"
        notice, end = decisive
        name = ctx.service_name(service)
        title = ctx.text(
            {"en": "Stop {name}, credit the unused months, open a case",
             "zh_TW": "停止{name}、退還未使用月份費用並立案"},
            name=name,
        )
        case = ctx.text(
            {"en": "{name}: notice {nid} said it would end on {end}; billed {months} anyway",
             "zh_TW": "{name}：通知 {nid} 說 {end} 到期停止，仍收取 {months} 費用"},
            name=name, nid=notice.id, end=end.isoformat(), months=", ".join(finding.periods),
        )
        actions = refund_actions(ctx, CODE, service, plan, stop="suspend_service", case_summary=case)
        facts = plan_facts(plan) | {
            "notice": {"id": notice.id, "channel": notice.channel, "sent_on": local_date(notice.sent_at), "text": notice.text},
            "end_on": end,
            "clauses": [c.text for c in ctx.clauses if c.service_code == service and c.kind in CONTRACT_KINDS],
            "suspend": any(a.kind == "suspend_service" for a in actions),
        }
        return Resolution(title, actions, facts)


_CHANNEL_ZH = {"sms": "簡訊", "email": "電子郵件", "letter": "信件", "app": "App 通知", "call": "電話通知"}


def channel_name(ctx: RuleContext, channel: str) -> str:
    if ctx.language == "zh_TW":
        return _CHANNEL_ZH.get(channel, channel)
    return {"sms": "The SMS", "email": "The e-mail", "letter": "The letter", "app": "The app notice"}.get(channel, "The notice")


RULE = NoticeContradictsContract()
