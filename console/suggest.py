"""From a caller's world to what the agent should do: findings, suggestions and scripts.

``suggest_for`` is the one entry point for the window's panel, ``agent-console suggest``
and ``call --accept``: it runs the rules as of the call (``at``), asks each finding's rule
for its resolution (actions with exact amounts) and renders the script in the customer's
language. Suggestion ids are ``<finding code>:<service>``, stable for the same data, so a
suggestion shown in one run can be accepted by id in the next.

Summaries and titles are written in the report language (the customer's language unless
``language`` says otherwise), like the script, so what the agent reads and says agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from console.actions import ActionSpec
from console.caller_json import money_str
from console.caller_view import CallerView, CustomerInfo
from console.effects import Effect
from console.errors import UserError
from console.rules import evaluate
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import suggestion_id
from console.script_render import render_script
from console.vocabulary import LANGUAGES

__all__ = ["Finding", "Suggestion", "SuggestionReport", "report_to_json", "suggest_for"]


@dataclass(frozen=True)
class Suggestion:
    id: str
    finding: str
    title: str
    actions: tuple[ActionSpec, ...]
    script: str


@dataclass(frozen=True)
class SuggestionReport:
    customer: CustomerInfo
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]
    language: str

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
    effects: Iterable[Effect] = (),
) -> SuggestionReport:
    """Findings and suggestions for ``view`` as of ``at``.

    Pass the journal's ``pending_effects(...)`` as ``effects`` so that a credit or a stop
    decided in an earlier call (not on a bill yet) is not suggested a second time.
    """
    if not MIN_YEAR <= at.year <= MAX_YEAR:
        # Date arithmetic near year 1 or 9999 overflows; no call happens there anyway.
        raise UserError(f"the call time must be between the years {MIN_YEAR} and {MAX_YEAR}, "
                        f"not {at.isoformat()}")
    lang = report_language(view, language)
    ctx, found = evaluate(view, at, lang, effects=effects)
    suggestions = []
    for rule, finding in found:
        resolution = rule.resolve(finding, ctx)
        script = render_script(
            finding.code, lang, _script_values(ctx, finding, resolution),
            templates_dir=templates_dir, fallback=_fallback(ctx, finding, resolution),
        )
        suggestions.append(Suggestion(
            suggestion_id(finding.code, finding.service_code), finding.code, resolution.title,
            resolution.actions, script,
        ))
    return SuggestionReport(view.customer, tuple(f for _, f in found), tuple(suggestions), lang)


def _script_values(ctx: RuleContext, finding: Finding, resolution: Resolution) -> dict[str, Any]:
    service = ctx.service(finding.service_code)
    kinds = {a.kind for a in resolution.actions}
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
        does={
            "suspend": "suspend_service" in kinds, "cancel": "cancel_service" in kinds,
            "credit": "issue_credit" in kinds, "case": "open_case" in kinds,
            "callback": "schedule_callback" in kinds, "evidence": "request_evidence" in kinds,
        },
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
    c = report.customer
    return {
        "customer": {"id": c.id, "name": c.name, "language": c.language, "phones": list(c.phones)},
        "findings": [
            {"code": f.code, "service": f.service_code, "evidence": list(f.evidence), "summary": f.summary}
            for f in report.findings
        ],
        "suggestions": [
            {
                "id": s.id,
                "finding": s.finding,
                "title": s.title,
                "actions": [_action_json(a) for a in s.actions],
                "script": s.script,
            }
            for s in report.suggestions
        ],
    }


def _action_json(a: ActionSpec) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "service": a.service_code,
        "amount": money_str(a.amount) if a.amount is not None else None,
        "currency": a.currency,
        "periods": list(a.periods),
    }

