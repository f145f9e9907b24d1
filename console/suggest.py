"""From a caller's world to what the agent should do: findings, suggestions and scripts.

``suggest_for`` is the one entry point for the window's panel, ``agent-console suggest``
and ``call --accept``: it runs the rules as of the call (``at``) over the expected-charge
ledger (``console.judgement``), asks each finding's rule for its resolution (actions with
exact amounts) and renders the script. Suggestion ids are ``<finding code>:<service>``,
stable for the same data, so a suggestion shown in one run can be accepted by id in the next.

Two languages: findings and titles are written for the agent (``language``), the script
for the customer (``script_language``, the customer's own by default); both default to the
customer's language. A credit above the acting principal's limit (``credit_limit``; None
means no limit) ``needs_approval``, and the script says it was submitted for a
supervisor's approval instead of promising it on the next bill. When the agent edits a
credit, ``script_for`` renders the script again for the credit as it now stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from console.actions import ActionSpec
from console.caller_json import money_str
from console.caller_view import CallerView, CustomerInfo
from console.effects import Effect
from console.errors import UserError
from console.judgement import MonthJudgement, explain
from console.rules import evaluate
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import suggestion_id
from console.script_render import render_script
from console.vocabulary import LANGUAGES

__all__ = ["Finding", "Suggestion", "SuggestionReport", "report_to_json", "script_for", "suggest_for"]


@dataclass(frozen=True)
class Suggestion:
    id: str
    finding: str
    title: str
    actions: tuple[ActionSpec, ...]
    script: str
    needs_approval: bool = False  # a credit of it is above the principal's limit
    # What the script was rendered from (script language), to render it again after an edit.
    values: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class SuggestionReport:
    customer: CustomerInfo
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]
    language: str  # findings, titles and case summaries: the agent's
    script_language: str = ""  # the scripts: the customer's unless asked otherwise
    credit_limit: Decimal | None = None  # the acting principal's; None: no limit (a lead)
    months: tuple[MonthJudgement, ...] = ()  # the expected-charge ledger behind the findings
    templates_dir: Path | None = None
    currency: str = "TWD"

    def needs_approval(self, amount: Decimal | None, already: Decimal = Decimal(0)) -> bool:
        """Whether a credit of ``amount`` (after ``already`` credited in the call) waits for a lead."""
        return self.credit_limit is not None and amount is not None and already + amount > self.credit_limit

    def suggestion(self, suggestion_id: str) -> Suggestion:
        for s in self.suggestions:
            if s.id == suggestion_id:
                return s
        known = ", ".join(s.id for s in self.suggestions) or "none"
        raise UserError(f"no suggestion {suggestion_id!r} for this caller (suggestions: {known})")


def report_language(view: CallerView, language: str | None) -> str:
    lang = language or view.customer.language
    if lang not in LANGUAGES:
        if language:
            raise UserError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
        lang = "en"
    return lang


MIN_YEAR, MAX_YEAR = 1900, 2200


def suggest_for(
    view: CallerView, *, at: datetime, language: str | None = None, templates_dir: Path | None = None,
    effects: Iterable[Effect] = (), script_language: str | None = None, credit_limit: Decimal | None = None,
) -> SuggestionReport:
    """Findings and suggestions for ``view`` as of ``at``.

    Pass the journal's ``pending_effects(...)`` as ``effects`` so that a credit or a stop
    decided in an earlier call (not on a bill yet) is not suggested a second time, and the
    acting principal's ``credit_limit`` (``console.principal.credit_limit``) so that each
    credit says whether it needs a lead's approval.
    """
    if not MIN_YEAR <= at.year <= MAX_YEAR:
        # Date arithmetic near year 1 or 9999 overflows; no call happens there anyway.
        raise UserError(f"the call time must be between the years {MIN_YEAR} and {MAX_YEAR}, "
                        f"not {at.isoformat()}")
    lang = report_language(view, language)
    script_lang = report_language(view, script_language)
    effects = list(effects)
    ctx, found = evaluate(view, at, lang, effects=effects)
    resolved = [(rule, f, rule.resolve(f, ctx)) for rule, f in found]
    said = {(f.code, f.service_code): (ctx, f, r) for _, f, r in resolved}
    if script_lang != lang:
        # The customer hears the script in their language: the same judgement, worded again.
        sctx, sfound = evaluate(view, at, script_lang, effects=effects, ledger=ctx.ledger)
        said = {(f.code, f.service_code): (sctx, f, rule.resolve(f, sctx)) for rule, f in sfound}
    report = SuggestionReport(view.customer, tuple(f for _, f, _ in resolved), (), lang, script_lang, credit_limit,
                              tuple(ctx.ledger), templates_dir, view.currency)
    suggestions = []
    for _rule, finding, resolution in resolved:
        sctx, sfinding, sres = said.get((finding.code, finding.service_code), (ctx, finding, resolution))
        approval = any(report.needs_approval(a.amount) for a in resolution.actions if a.kind == "issue_credit")
        values = _script_values(sctx, sfinding, sres, resolution.actions) | {"needs_approval": approval}
        script = render_script(finding.code, script_lang, values, templates_dir=templates_dir,
                               fallback=partial(_fallback, sctx, sfinding, sres))
        suggestions.append(Suggestion(
            suggestion_id(finding.code, finding.service_code), finding.code, resolution.title,
            resolution.actions, script, approval, values,
        ))
    return replace(report, suggestions=tuple(suggestions))


def script_for(
    report: SuggestionReport, suggestion_id: str, specs: Sequence[ActionSpec], *, already: Decimal = Decimal(0),
) -> str:
    """The suggestion's script for the actions as the agent now has them (edited or rejected).

    ``specs`` are the suggestion's actions the agent keeps (accepted or still proposed, as
    edited); ``already`` is what other suggestions of this call credit, for the limit. The
    script then speaks of the credit as it stands: the amount and months typed, "submitted
    for a supervisor's approval" once above the limit, and no credit at all once rejected.
    """
    s = report.suggestion(suggestion_id)
    credit = next((a for a in specs if a.kind == "issue_credit" and a.amount is not None), None)
    kinds = {a.kind for a in specs}
    values = dict(s.values)
    values["does"] = _does(kinds)
    if credit is None:
        values.update(credit=Decimal(0), credited_periods=[], per_period=[], needs_approval=False)
    else:
        amount = Decimal(credit.amount)  # type: ignore[arg-type]
        periods = [p for p in values.get("credited_periods", []) if p in credit.periods] or list(credit.periods)
        values.update(credit=amount, credited_periods=periods,
                      per_period=[r for r in values.get("per_period", []) if r["period"] in periods],
                      needs_approval=report.needs_approval(amount, already))
    lang = report.script_language or report.language
    fallback = _FALLBACK[lang if lang in _FALLBACK else "en"].format(
        summary=values.get("finding", {}).get("summary", ""), title=values.get("title", ""), credit="")
    return render_script(s.finding, lang, values, templates_dir=report.templates_dir, fallback=fallback)


def _does(kinds: set[str]) -> dict[str, bool]:
    return {
        "suspend": "suspend_service" in kinds, "cancel": "cancel_service" in kinds,
        "credit": "issue_credit" in kinds, "case": "open_case" in kinds,
        "callback": "schedule_callback" in kinds, "evidence": "request_evidence" in kinds,
    }


def _script_values(ctx: RuleContext, finding: Finding, resolution: Resolution, actions: Sequence[ActionSpec]) -> dict[str, Any]:
    service = ctx.service(finding.service_code)
    values: dict[str, Any] = {
        "credit": Decimal(0), "billed": Decimal(0), "credited_periods": [], "used_periods": [],
        "unknown_periods": [], "per_period": [],
    }
    values.update(resolution.facts)
    values.update(
        customer={"id": ctx.customer.id, "name": ctx.customer.name},
        service={
            "code": finding.service_code,
            "name": ctx.service_name(finding.service_code),
            "fee": service.fee_amount if service else None,
        },
        finding={"code": finding.code, "summary": finding.summary, "periods": list(finding.periods),
                 "evidence": list(finding.evidence)},
        title=resolution.title,
        currency=ctx.currency,
        today=ctx.today,
        does=_does({a.kind for a in actions}),
    )
    return values


_FALLBACK = {
    "zh_TW": "很抱歉造成您的不便。{summary}\n我們將為您處理：{title}。{credit}處理進度會再通知您。",
    "en": "I am sorry for the trouble. {summary}\nWhat we will do: {title}. {credit}We will keep you informed.",
}
_FALLBACK_CREDIT = {
    "zh_TW": "退還 NT${amount}（{months}）。",
    "en": "A credit of {amount} {currency} for {months}. ",
}


def _fallback(ctx: RuleContext, finding: Finding, resolution: Resolution) -> str:
    """The plain text shown when the template cannot be rendered (no Jinja2 involved)."""
    lang = ctx.language if ctx.language in _FALLBACK else "en"
    credit = ""
    for a in resolution.actions:
        if a.kind == "issue_credit" and a.amount is not None:
            credit += _FALLBACK_CREDIT[lang].format(amount=money_str(a.amount), currency=a.currency, months=", ".join(a.periods))
    return _FALLBACK[lang].format(summary=finding.summary, title=resolution.title, credit=credit)


def report_to_json(report: SuggestionReport) -> dict[str, Any]:
    """The documented shape of ``suggest --json`` (``docs/judgement.md``)."""
    c = report.customer
    return {
        "customer": {"id": c.id, "name": c.name, "language": c.language, "phones": list(c.phones)},
        "language": report.language,
        "script_language": report.script_language or report.language,
        "findings": [
            {"code": f.code, "service": f.service_code, "evidence": list(f.evidence), "summary": f.summary,
             "periods": list(f.periods)}
            for f in report.findings
        ],
        "suggestions": [
            {
                "id": s.id,
                "finding": s.finding,
                "title": s.title,
                "actions": [_action_json(a, report) for a in s.actions],
                "script": s.script,
            }
            for s in report.suggestions
        ],
        "months": [_month_json(m, report) for m in report.months],
    }


def _action_json(a: ActionSpec, report: SuggestionReport) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": a.kind,
        "service": a.service_code,
        "amount": money_str(a.amount) if a.amount is not None else None,
        "currency": a.currency,
        "periods": list(a.periods),
    }
    if a.kind == "issue_credit":
        out["needs_approval"] = report.needs_approval(a.amount)
    return out


def _month_json(m: MonthJudgement, report: SuggestionReport) -> dict[str, Any]:
    return {
        "service": m.service, "period": m.period, "billed": money_str(m.billed),
        "expected": money_str(m.expected) if m.expected is not None else None,
        "disputed": money_str(m.disputed), "why": m.why, "usage": m.use, "cause": m.cause,
        "settled": m.settled, "explanation": explain(m, report.language, report.currency),
    }
