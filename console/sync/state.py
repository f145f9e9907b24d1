"""What is still waiting: per-hook delivery counts for the status bar and ``sync status``.

Pending is everything not yet delivered, failing or dead (including events no worker has
tried yet), so an agent and a lead can always see what has not reached the central systems.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from console.context import ConsoleContext
from console.models import Delivery, OutboxEvent
from console.sync.registry import validate_tables


@dataclass(frozen=True)
class HookStatus:
    name: str
    kind: str
    delivered: int
    pending: int
    failing: int
    dead: int
    last_success: datetime | None
    last_error: str | None
    next_attempt_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("last_success", "next_attempt_at"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def status(ctx: ConsoleContext) -> list[HookStatus]:
    """One row per configured hook, in configuration order."""
    tables = ctx.settings.hooks
    validate_tables(tables)
    out: list[HookStatus] = []
    with ctx.journal.session() as s:
        total = int(s.scalar(select(func.count()).select_from(OutboxEvent)) or 0)
        for t in tables:
            name = t["name"]
            counts = dict(s.execute(
                select(Delivery.state, func.count()).where(Delivery.hook == name).group_by(Delivery.state)
            ).all())
            last_success = s.scalar(select(func.max(Delivery.delivered_at)).where(Delivery.hook == name))
            err = s.execute(
                select(Delivery.last_error, Delivery.next_attempt_at)
                .where(Delivery.hook == name, Delivery.state.in_(("failing", "dead")))
                .order_by(Delivery.next_attempt_at.desc()).limit(1)
            ).first()
            next_at = s.scalar(select(func.min(Delivery.next_attempt_at))
                               .where(Delivery.hook == name, Delivery.state == "failing"))
            delivered, failing, dead = (counts.get(k, 0) for k in ("delivered", "failing", "dead"))
            out.append(HookStatus(
                name=name, kind=str(t.get("kind")), delivered=delivered, pending=total - delivered - failing - dead,
                failing=failing, dead=dead, last_success=last_success, last_error=err.last_error if err else None,
                next_attempt_at=next_at,
            ))
    return out
