"""``agent-console training score|report``: the trainer's scorecards and session reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.context import ConsoleContext
from console.training.attempts import score_call
from console.training.report import session_report, write_report
from console.training.scoring import Scorecard


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("training", help="score training calls and write session reports (on the demo database)")
    p.set_defaults(demo_mode=True)
    tsub = p.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    s = tsub.add_parser("score", help="score a recorded call against its scenario's expected resolution")
    s.add_argument("call_id", metavar="CALL_ID")
    s.add_argument("--hidden-hints", action="store_true", help="the trainee worked without the suggestions panel")
    s.set_defaults(handler=run_score)
    r = tsub.add_parser("report", help="write the session report (per trainee, per scenario)")
    r.add_argument("--out", required=True, metavar="PATH", help="a .csv (Excel) or .html (printable) file")
    r.add_argument("--trainee", metavar="ID")
    r.add_argument("--scenario", metavar="ID")
    r.add_argument("--lang", choices=("zh_TW", "en"), help="the report's language (default: the console's language)")
    r.set_defaults(handler=run_report)


def render(card: Scorecard) -> str:
    lines = [f"Score: {card.percent}% ({card.points}/{card.max_points})"]
    if card.findings_expected:
        lines.append(f"Contradictions spotted: {', '.join(card.findings_spotted) or '-'}")
    if card.findings_missed:
        lines.append(f"Missed: {', '.join(card.findings_missed)}" + ("  (worked without hints)" if card.hints_hidden else ""))
    for v in card.actions:
        label = {"right": "right", "partly_right": "partly right", "missing": "MISSING", "extra": "EXTRA"}[v.status]
        subject = v.expected or v.recorded
        assert subject is not None
        what = " ".join(x for x in (subject.kind, subject.service or "") if x)
        lines.append(f"  [{label}] {what}{'  - ' + v.note if v.note and v.status != 'missing' else ''}")
    if card.over_credit:
        lines.append(f"Over-credited by {card.over_credit}")
    if card.under_credit:
        lines.append(f"Under-credited by {card.under_credit}")
    if card.seconds is not None:
        lines.append(f"Time to resolution: {card.seconds // 60}:{card.seconds % 60:02d}")
    return "\n".join(lines)


def run_score(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    print(render(score_call(ctx, args.call_id, hints_hidden=args.hidden_hints)))
    return 0


def run_report(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    language = args.lang or ctx.settings.ui_language or "en"
    report = session_report(ctx, language=language, trainee=args.trainee, scenario=args.scenario)
    out = write_report(report, Path(args.out))
    n = len(report.attempts)
    print(f"{n} attempt{'' if n == 1 else 's'} written to {out}")
    return 0
