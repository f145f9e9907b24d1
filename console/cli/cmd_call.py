"""``agent-console call PHONE --outcome CODE [--accept ID]...``: record a call without the window.

The scripting and testing face of the wrap-up form, through the same ``record_call``: the
caller is looked up, the suggestions are computed as of the call (``--at``, else the
scenario's ``call_at``, else now), the accepted ones become actions, and the new call's id
is printed. A credit for months already credited or waiting (an earlier call, a credit on
record) is refused, naming the months, unless ``--repeat-reason TEXT`` says why; the reason
is recorded with the credit and in the audit trail.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from console.calls import WrapUp, record_call
from console.cli.cmd_lookup import warn_if_cached
from console.cli.cmd_suggest import suggest_for_phone
from console.context import ConsoleContext
from console.errors import UserError
from console.suggest import SuggestionReport
from console.vocabulary import OUTCOMES, ROOT_CAUSES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("call", help="record a call's outcome (prints the new call id)")
    p.add_argument("phone", metavar="PHONE", help="the caller's number, any written form")
    p.add_argument("--outcome", required=True, choices=OUTCOMES, metavar="CODE", help=", ".join(OUTCOMES))
    p.add_argument("--accept", action="append", default=[], metavar="SUGGESTION_ID",
                   help="accept a suggestion (see 'suggest PHONE'); repeatable")
    p.add_argument("--root-cause", choices=ROOT_CAUSES, metavar="TAG", help=", ".join(ROOT_CAUSES))
    p.add_argument("--note", default="", metavar="TEXT", help="notes (up to 10,000 characters)")
    p.add_argument("--follow-up", metavar="DATE", help="follow-up date YYYY-MM-DD")
    p.add_argument("--at", metavar="ISO-TIME", help="when the call happened (default: the scenario's call_at, else now)")
    p.add_argument("--repeat-reason", metavar="TEXT",
                   help="why a credit repeats months already credited or waiting (required for such a credit)")
    p.set_defaults(handler=run, auth="user")


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    # Suggestions leave out what this journal already decided for the customer (credits,
    # stops), so accepting the same suggestion on a second call cannot credit a month twice.
    view, at, report = suggest_for_phone(ctx, args.phone, args.at)
    warn_if_cached(view)
    wanted = list(dict.fromkeys(args.accept))
    known = {s.id for s in report.suggestions}
    if any(sid not in known for sid in wanted):
        # Not suggested now: perhaps because its months were credited already. Judged as if
        # they were not, the suggestion comes back: a second credit, refused without a reason.
        _, _, again = suggest_for_phone(ctx, args.phone, args.at, settled=False)
        if all(sid in known or sid in {s.id for s in again.suggestions} for sid in wanted):
            report = _merged(report, again, wanted)
    specs = [spec for sid in wanted for spec in report.suggestion(sid).actions]
    follow_up = None
    if args.follow_up:
        try:
            follow_up = date.fromisoformat(args.follow_up)
        except ValueError:
            raise UserError(f"--follow-up: not a date (YYYY-MM-DD): {args.follow_up!r}") from None
    call_id = record_call(ctx, WrapUp(
        customer_id=view.customer.id, phone=view.matched_phone, outcome=args.outcome,
        root_cause=args.root_cause, notes=args.note, follow_up_on=follow_up, actions=specs,
        finding_codes=[f.code for f in report.findings], started_at=at, ended_at=at, saved_at=at,
        scenario_id=view.customer.scenario_id, demo=ctx.settings.demo, repeat_reason=args.repeat_reason,
    ), view=view)
    print(call_id)
    return 0


def _merged(report: SuggestionReport, again: SuggestionReport, wanted: list[str]) -> SuggestionReport:
    """``report`` plus the wanted suggestions only the unsettled judgement ``again`` has."""
    known = {s.id for s in report.suggestions}
    extra = tuple(s for s in again.suggestions if s.id in wanted and s.id not in known)
    return replace(report, suggestions=report.suggestions + extra)
