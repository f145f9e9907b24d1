"""``agent-console suggest PHONE [--json] [--lang L] [--agent-lang L] [--at TIME]``: findings and suggestions.

The scripting and testing face of the suggestions panel. A customer imported from a
scenario is evaluated at the scenario's ``call_at`` unless ``--at`` says otherwise, so a
trainer sees the world as it was when the caller rang. What this workstation's journal
already decided (a credit, at any date; a suspension) is not suggested again. ``--lang``
is the script's language (the customer's by default), ``--agent-lang`` the findings' and
titles'; each credit says whether it needs a lead's approval for the acting principal. The
JSON shape is documented in ``docs/judgement.md``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import datetime

from console.caller_json import money_str
from console.caller_view import CallerView
from console.cli.cmd_lookup import warn_if_cached
from console.context import ConsoleContext
from console.effects import pending_effects
from console.errors import UserError
from console.permissions import require
from console.principal import acting, credit_limit
from console.rules.base import LOCAL_TZ
from console.suggest import SuggestionReport, report_to_json, suggest_for
from console.vocabulary import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("suggest", help="name what went wrong for a caller and what to do about it")
    p.add_argument("phone", metavar="PHONE", help="the caller's number, any written form")
    p.add_argument("--json", action="store_true", help="print JSON: customer, findings, suggestions")
    p.add_argument("--lang", choices=LANGUAGES, help="script language (default: the customer's)")
    p.add_argument("--agent-lang", choices=LANGUAGES,
                   help="language of the findings and titles (default: the customer's)")
    p.add_argument("--at", metavar="ISO-TIME", help="evaluate as of this time (default: the scenario's call_at, else now)")
    p.set_defaults(handler=run, auth="user")


def parse_at(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"--at: not an ISO 8601 time: {text!r} (e.g. 2009-05-12T14:30:00+08:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)


def suggest_for_phone(
    ctx: ConsoleContext, phone: str, at_text: str | None, script_language: str | None = None,
    language: str | None = None, *, settled: bool = True,
) -> tuple[CallerView, datetime, SuggestionReport]:
    """Look the caller up and suggest as of ``--at``, else the scenario's call_at, else now.

    Shared by ``suggest`` and ``call --accept`` so both see the same suggestions (ids included)
    and both leave out what the journal already decided for the customer; credits say
    whether they need a lead's approval for the acting principal. ``settled=False`` judges
    as if no earlier credit existed (how ``call --repeat-reason`` finds a repeat credit).
    """
    require(acting(ctx), "customer.view")
    view = ctx.source.find(phone)
    at = parse_at(at_text) if at_text else (ctx.source.call_time(view) or ctx.now())
    with ctx.journal.session() as journal:
        effects = pending_effects(journal, view.customer.id, view, closed=ctx.closed_calls)
    if not settled:
        view = replace(view, events=tuple(e for e in view.events if e.kind != "credit_issued"))
        effects = [e for e in effects if e.kind != "credit"]
    report = suggest_for(view, at=at, language=language, script_language=script_language,
                         templates_dir=ctx.settings.templates_dir, effects=effects, credit_limit=credit_limit(ctx))
    return view, at, report


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    view, at, report = suggest_for_phone(ctx, args.phone, args.at, args.lang, args.agent_lang)
    warn_if_cached(view)
    if args.json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    else:
        print(render_text(report, at))
    return 0


def render_text(report: SuggestionReport, at: datetime) -> str:
    c = report.customer
    out = [f"{c.name} ({c.id}) as of {at.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M} Asia/Taipei"]
    if not report.findings:
        out.append("No findings: nothing was billed against what the customer was told.")
    for f in report.findings:
        out.append(f"Finding {f.code} [{f.service_code or '-'}]: {f.summary}")
        out.append(f"  evidence: {', '.join(f.evidence)}")
    for s in report.suggestions:
        out.append("")
        out.append(f"Suggestion {s.id}: {s.title}")
        for a in s.actions:
            amount = f" {money_str(a.amount)} {a.currency}" if a.amount is not None else ""
            periods = f" for {', '.join(a.periods)}" if a.periods else ""
            wait = " (needs a lead's approval)" if a.kind == "issue_credit" and report.needs_approval(a.amount) else ""
            out.append(f"  - {a.kind} {a.service_code or ''}{amount}{periods}{wait}".rstrip())
        out.append("  Script:")
        out.extend(f"    {line}" for line in s.script.splitlines())
    return "\n".join(out)
