"""Scoring a recorded call and keeping the attempt (the session report is ``report``).

The trainee records the outcome through the same ``record_call`` as on the floor; this
module reads that call back from the (demo) journal, finds the scenario's ``expected``
block in the customer store and keeps the scored attempt, under the trainee's name as the
trainer typed it in the window (else the id the call was recorded under) and at the real
time of the attempt (the window's clock runs on the scenario's time while it plays).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from console.context import ConsoleContext
from console.errors import NotFound, UserError
from console.models import Action, Call, Customer, Scenario, TrainingAttempt
from console.scenarios.document import ExpectedDoc
from console.trainer import wall_clock
from console.training.scoring import RecordedAction, Scorecard, score_attempt

MAX_TRAINEE = 32  # the journal's column


def trainee_name(text: str | None) -> str | None:
    """A trainee's name as typed (trimmed), None when blank; refused when too long."""
    name = " ".join((text or "").split())
    if len(name) > MAX_TRAINEE:
        raise UserError(f"a trainee's name is at most {MAX_TRAINEE} characters")
    return name or None


def score_call(ctx: ConsoleContext, call_id: str, *, hints_hidden: bool = False, keep: bool = True,
               trainee: str | None = None) -> Scorecard:
    """Score a recorded call against its scenario; keep the attempt unless ``keep`` is False.

    ``trainee`` names who made the attempt in the session report (the call's agent id if None).
    """
    name = trainee_name(trainee)
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
        trainee, customer_id, scenario_id = name or call.agent_id, call.customer_id, call.scenario_id
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
                    at=wall_clock(ctx),
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


def kept_attempts(ctx: ConsoleContext) -> int:
    """How many attempts the demo journal keeps (what a reset would delete)."""
    with ctx.journal.session() as js:
        return int(js.scalar(select(func.count()).select_from(TrainingAttempt)) or 0)


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
