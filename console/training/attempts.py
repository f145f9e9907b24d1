"""Scoring a recorded call and keeping the attempt; the trainer's session report.

The trainee records the outcome through the same ``record_call`` as on the floor; this
module reads that call back from the (demo) journal, finds the scenario's ``expected``
block in the customer store and keeps the scored attempt. Reading back what was really
saved, rather than what the form meant to save, is the point: it scores the journal.
"""

from __future__ import annotations

import csv
import html
import uuid
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.context import ConsoleContext
from console.errors import NotFound, UserError
from console.models import Action, Call, Customer, Scenario, TrainingAttempt
from console.scenarios.document import ExpectedDoc
from console.training.scoring import RecordedAction, Scorecard, score_attempt


def score_call(ctx: ConsoleContext, call_id: str, *, hints_hidden: bool = False, keep: bool = True) -> Scorecard:
    """Score a recorded call against its scenario; keep the attempt unless ``keep`` is False."""
    with ctx.journal.session() as js:
        call = js.get(Call, call_id)
        if call is None:
            raise NotFound(f"no recorded call {call_id}")
        actions = js.scalars(select(Action).where(Action.call_id == call_id).order_by(Action.created_at)).all()
        recorded = [
            RecordedAction(a.kind, a.service_code, a.amount, tuple(a.periods or ()))
            for a in actions
            if a.status != "rejected"
        ]
        finding_codes = list(call.finding_codes or ())
        seconds = call.duration_s
        if seconds is None and call.saved_at and call.started_at:
            seconds = int((call.saved_at - call.started_at).total_seconds())
        trainee, customer_id, scenario_id = call.agent_id, call.customer_id, call.scenario_id
    with ctx.customers.session() as cs:
        if scenario_id is None and customer_id is not None:
            customer = cs.get(Customer, customer_id)
            scenario_id = customer.scenario_id if customer else None
        scenario = cs.get(Scenario, scenario_id) if scenario_id else None
        if scenario is None:
            raise UserError(f"call {call_id} is not a training call (its customer came from no scenario)")
        expected = ExpectedDoc.from_json(scenario.expected)
    card = score_attempt(expected, recorded, finding_codes, seconds=seconds, hints_hidden=hints_hidden)
    if keep:
        with ctx.journal.session() as js, js.begin():
            js.add(
                TrainingAttempt(
                    id=str(uuid.uuid4()),
                    scenario_id=scenario.id,
                    trainee=trainee,
                    call_id=call_id,
                    at=ctx.now(),
                    points=card.points,
                    max_points=card.max_points,
                    percent=card.percent,
                    over_credit=card.over_credit,
                    under_credit=card.under_credit,
                    seconds=card.seconds,
                    hints_hidden=hints_hidden,
                    details=scorecard_to_json(card),
                )
            )
    return card


def scorecard_to_json(card: Scorecard) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    data = clean(asdict(card))
    data["percent"] = card.percent
    return data


REPORT_COLUMNS = ("at", "trainee", "scenario", "percent", "points", "max_points", "over_credit", "under_credit", "seconds", "hints_hidden", "missed", "extra")


def attempt_rows(ctx: ConsoleContext, *, trainee: str | None = None, scenario: str | None = None) -> list[dict[str, Any]]:
    with ctx.journal.session() as js:
        query = select(TrainingAttempt).order_by(TrainingAttempt.trainee, TrainingAttempt.scenario_id, TrainingAttempt.at)
        if trainee:
            query = query.where(TrainingAttempt.trainee == trainee)
        if scenario:
            query = query.where(TrainingAttempt.scenario_id == scenario)
        rows = []
        for a in js.scalars(query):
            verdicts = a.details.get("actions", [])
            rows.append({
                "at": a.at.isoformat(timespec="seconds"),
                "trainee": a.trainee,
                "scenario": a.scenario_id,
                "percent": a.percent,
                "points": a.points,
                "max_points": a.max_points,
                "over_credit": str(a.over_credit),
                "under_credit": str(a.under_credit),
                "seconds": a.seconds if a.seconds is not None else "",
                "hints_hidden": "yes" if a.hints_hidden else "no",
                "missed": "; ".join(
                    [v["note"] for v in verdicts if v["status"] == "missing"] + list(a.details.get("findings_missed", []))
                ),
                "extra": "; ".join(v["note"] for v in verdicts if v["status"] == "extra"),
            })
    return rows


def write_report(rows: list[dict[str, Any]], out: Path) -> None:
    """CSV (UTF-8 with BOM, for Excel) or a printable HTML page, by the file's suffix."""
    tmp = out.with_name(out.name + ".partial")
    if out.suffix.lower() == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=REPORT_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _inert(v) for k, v in row.items()})
    elif out.suffix.lower() in (".html", ".htm"):
        tmp.write_text(_html(rows), encoding="utf-8")
    else:
        raise UserError(f"{out}: the report is written as .csv or .html")
    tmp.replace(out)


def _inert(value: Any) -> Any:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _html(rows: list[dict[str, Any]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in REPORT_COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in REPORT_COLUMNS) + "</tr>" for r in rows
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Training session report - DEMO</title>"
        "<style>body{font-family:'Noto Sans CJK TC','Noto Sans',sans-serif;margin:2em}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:4px 8px;font-size:11pt}"
        "th{background:#eee}.demo{color:#b00;font-weight:bold;letter-spacing:.2em}"
        "@media print{.demo{position:fixed;top:40%;left:20%;font-size:72pt;opacity:.12;transform:rotate(-30deg)}}</style>"
        "</head><body><p class='demo'>DEMO</p><h1>Training session report</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )
