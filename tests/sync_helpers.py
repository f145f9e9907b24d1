"""Helpers shared by the sync tests: a fake clock and a journal with recorded calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.calls import WrapUp, record_call
from console.context import ConsoleContext

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def record_calls(ctx: ConsoleContext, customers: list[str], *, notes: str = "ok") -> list[str]:
    ids = []
    for i, customer in enumerate(customers):
        ids.append(record_call(ctx, WrapUp(
            customer_id=customer, outcome="resolved", started_at=T0 + timedelta(minutes=i),
            saved_at=T0 + timedelta(minutes=i, seconds=30), notes=f"{notes} {i}", phone="+886912345678",
        )))
    return ids
