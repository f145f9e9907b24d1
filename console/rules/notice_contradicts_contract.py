"""``notice_contradicts_contract``: told it would stop (or be free), billed as if it continued.

The reference story: the contract says a free year turns into a paid service unless the
customer calls to cancel; an SMS before the end said it would expire unless the customer
applied to continue; the bills kept charging. What the customer was last told before the
end decides (``console.judgement.facts``): a later "continues unless cancelled" notice
means they were correctly told. Without any notice, an ``ends_at_term`` clause is what they
were told: billed after its date is the same contradiction. A charge for a month of the
free trial is one too (the contract said it was free), credited whatever the usage.
"""

from __future__ import annotations

from collections.abc import Iterator

from console.credit import plan_for
from console.judgement.ledger import MonthJudgement
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import (
    billed_total,
    evidence,
    finding_months,
    plan_facts,
    refund_actions,
    runs,
)

CODE = "notice_contradicts_contract"

_SUMMARY = {
    "notice_stops": {
        "en": "{channel} of {sent} said {name} would end on {end}, but {months} were billed ({total}).",
        "zh_TW": "{sent} 的{channel}說{name}將於 {end} 到期停止，帳單卻仍收取 {months} 的費用（共 {total}）。",
    },
    "contract_ends": {
        "en": "The contract says {name} ends by itself on {end}, but {months} were billed ({total}).",
        "zh_TW": "合約載明{name}於 {end} 到期自動停止，帳單卻仍收取 {months} 的費用（共 {total}）。",
    },
    "trial": {
        "en": "{name} was free until {end}, but {months} were billed ({total}).",
        "zh_TW": "{name}免費至 {end}，帳單卻收取 {months} 的費用（共 {total}）。",
    },
}


class NoticeContradictsContract:
    code = CODE
    priority = 10

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for service, months in runs(ctx, CODE):
            told = _told(ctx, service, months)
            sent = told.get("sent_on")
            summary = ctx.text(
                _SUMMARY[told["by"]],
                channel=channel_name(ctx, told.get("channel") or ""), sent=ctx.day(sent),
                name=ctx.service_name(service), end=ctx.day(told["end_on"]),
                months=ctx.months(m.period for m in months), total=ctx.money(billed_total(months)),
            )
            yield Finding(CODE, service, evidence(months), summary, tuple(m.period for m in months))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        months = finding_months(ctx, finding)
        plan = plan_for(months)
        told = _told(ctx, service, months)
        name = ctx.service_name(service)
        stops = any(m.stop is not None for m in months)
        title = ctx.text(
            {"en": "Stop {name}, credit the unused months, open a case",
             "zh_TW": "停止{name}、退還未使用月份費用並立案"} if stops else
            {"en": "Credit {name} billed during the free period, open a case",
             "zh_TW": "退還{name}免費期間所收費用並立案"},
            name=name,
        )
        # The case is read by the back office: the notice by its channel, date and id (to find
        # it in their own systems), else what said it ends (the contract, the free trial).
        if told["by"] == "notice_stops":
            what = ctx.text({"en": "{channel} of {sent} ({id})", "zh_TW": "{sent} 的{channel}（{id}）"},
                            channel=channel_name(ctx, str(told.get("channel") or "")).removeprefix("The "),
                            sent=ctx.day(told.get("sent_on")), id=told.get("id") or "")  # type: ignore[arg-type]
        else:
            what = ctx.text({"en": "the contract", "zh_TW": "合約"} if told["by"] == "contract_ends"
                            else {"en": "the free trial", "zh_TW": "免費試用條款"})
        case = ctx.text(
            {"en": "{name}: {what} said it ends on {end}; billed {months} anyway",
             "zh_TW": "{name}：{what} 說 {end} 到期停止，仍收取 {months} 費用"},
            name=name, what=what, end=ctx.day(told["end_on"]), months=ctx.months(finding.periods),
        )
        actions = refund_actions(ctx, CODE, service, plan, stop="suspend_service" if stops else None, case_summary=case)
        notice = told if told["by"] == "notice_stops" else None
        facts = plan_facts(plan) | {
            "told": told,
            "notice": {k: told[k] for k in ("id", "channel", "sent_on", "text")} if notice else None,
            "end_on": told["end_on"],
            "clauses": [c.text for c in ctx.clauses if c.service_code == service
                        and c.kind in ("trial_converts_to_paid", "auto_renews", "ends_at_term")],
            "suspend": any(a.kind == "suspend_service" for a in actions),
        }
        return Resolution(title, actions, facts)


def _told(ctx: RuleContext, service: str, months: list[MonthJudgement]) -> dict[str, object]:
    """What the customer was told, from the run's deciding fact (a stop, else the trial)."""
    stop = next((m.stop for m in months if m.stop is not None), None)
    if stop is not None and stop.why == "notice_stops" and stop.source is not None:
        n = stop.source
        return {"by": "notice_stops", "id": getattr(n, "id", ""), "channel": stop.channel, "sent_on": stop.on,
                "text": stop.text or "", "end_on": stop.last_day}
    if stop is not None:
        return {"by": "contract_ends", "end_on": stop.last_day, "text": stop.text or ""}
    trial = ctx.ledger.facts[service].trial_until
    assert trial is not None, "a run of this rule has a stop or a trial"
    return {"by": "trial", "end_on": trial, "text": ""}


_CHANNEL_ZH = {"sms": "簡訊", "email": "電子郵件", "letter": "信件", "app": "App 通知", "call": "電話通知"}


def channel_name(ctx: RuleContext, channel: str) -> str:
    if ctx.language == "zh_TW":
        return _CHANNEL_ZH.get(channel, channel)
    return {"sms": "The SMS", "email": "The e-mail", "letter": "The letter", "app": "The app notice"}.get(channel, "The notice")


RULE = NoticeContradictsContract()
