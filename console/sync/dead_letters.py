"""Dead letters: events a hook refused for good (a 4xx other than 408/429), and sending them again.

A refused event stays dead until a lead has looked at the receiver's answer and fixed the
cause (a wrong schema, an expired credential on the receiver side); requeueing it is then a
deliberate, audited act. Requeued events go back to "pending" and the hook's low-water mark
drops below them, so the worker picks them up on its next run, still in customer order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console import audit
from console.context import ConsoleContext
from console.errors import UserError
from console.models import Delivery, JournalMeta, OutboxEvent
from console.permissions import HasRole, require


@dataclass(frozen=True)
class DeadLetter:
    event_id: str
    hook: str
    type: str
    customer_id: str
    created_at: datetime
    attempts: int
    last_error: str | None
    response: str | None


def dead_letters(ctx: ConsoleContext, hook: str | None = None, limit: int = 200) -> list[DeadLetter]:
    with ctx.journal.session() as s:
        query = (
            select(Delivery, OutboxEvent)
            .join(OutboxEvent, OutboxEvent.id == Delivery.event_id)
            .where(Delivery.state == "dead")
            .order_by(Delivery.hook, OutboxEvent.position)
            .limit(limit)
        )
        if hook:
            query = query.where(Delivery.hook == hook)
        return [
            DeadLetter(d.event_id, d.hook, e.type, e.customer_id, e.created_at, d.attempts, d.last_error, d.response)
            for d, e in s.execute(query)
        ]


def requeue(ctx: ConsoleContext, principal: HasRole, hook: str, event_ids: list[str] | None = None) -> int:
    """Send dead events of ``hook`` again (all of them when ``event_ids`` is None)."""
    require(principal, "sync.requeue")
    with ctx.journal.session() as s, s.begin():
        query = (
            select(Delivery, OutboxEvent.position)
            .join(OutboxEvent, OutboxEvent.id == Delivery.event_id)
            .where(Delivery.hook == hook, Delivery.state == "dead")
        )
        if event_ids is not None:
            query = query.where(Delivery.event_id.in_(event_ids))
        rows = s.execute(query).all()
        if event_ids is not None and len(rows) != len(set(event_ids)):
            found = {d.event_id for d, _ in rows}
            missing = next(e for e in event_ids if e not in found)
            raise UserError(f"event {missing} is not dead for hook {hook!r}")
        if not rows:
            return 0
        for delivery, _position in rows:
            delivery.state = "pending"
            delivery.attempts = 0
            delivery.next_attempt_at = None
        floor = s.get(JournalMeta, f"sync.floor.{hook}")
        lowest = min(position for _, position in rows) - 1
        if floor is not None and int(floor.value) > lowest:
            floor.value = str(lowest)
        audit.append(
            s, actor=principal.id, workstation=ctx.settings.workstation, action="sync.requeue",
            at=ctx.now(), subject=hook, details={"events": [d.event_id for d, _ in rows]},
        )
    return len(rows)
