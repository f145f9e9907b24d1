"""The trainer panel's services: the scenario catalogue, "ringing" a scenario, loading new ones.

A trainer picks a scenario that is in the demo database, rings it (the console screen-pops
its caller with the console's clock set to the scenario's ``call_at``, then running on from
there so that call duration and time to resolution are real), reads the caller's brief,
and loads scenario files they wrote without restarting. The widgets only display this.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from console.context import ConsoleContext, system_clock
from console.data_load import import_scenarios
from console.errors import UserError
from console.models import Phone, Scenario


@dataclass(frozen=True)
class ScenarioInfo:
    id: str
    title: dict[str, str]
    brief: dict[str, str]
    call_at: datetime
    customer_id: str
    phone: str | None  # E.164 of the caller
    has_expected: bool

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or next(iter(self.title.values()), self.id)

    def brief_in(self, language: str) -> str:
        return self.brief.get(language) or self.brief.get("en") or next(iter(self.brief.values()), "")


def list_scenarios(ctx: ConsoleContext) -> list[ScenarioInfo]:
    """Every scenario imported into the customer store, in the order of their file names."""
    with ctx.customers.session() as s:
        rows = s.execute(select(Scenario).order_by(Scenario.id)).scalars().all()
        phones: dict[str, str] = {}
        for cid, e164 in s.execute(select(Phone.customer_id, Phone.e164).order_by(Phone.e164)):
            phones.setdefault(cid, e164)
        # Shipped files are numbered (01-..., 02-...): list them in the trainer's file order.
        rows = sorted(rows, key=lambda r: (Path(r.source).name if r.source else r.id, r.id))
        return [
            ScenarioInfo(r.id, dict(r.title or {}), dict(r.brief or {}), r.call_at, r.customer_id,
                         phones.get(r.customer_id), r.expected is not None)
            for r in rows
        ]


@dataclass(frozen=True)
class LoadResult:
    imported: tuple[str, ...]
    errors: tuple[str, ...]  # one line per file that did not import

    @property
    def ok(self) -> bool:
        return not self.errors


def load_scenarios(ctx: ConsoleContext, paths: Sequence[str | Path]) -> LoadResult:
    """Validate and import scenario files or folders into the running console's store."""
    if not paths:
        raise UserError("choose a scenario file or folder")
    report = import_scenarios(ctx, paths)  # checks scenario.import for the acting principal
    errors = tuple(str(r.error).splitlines()[0] for r in report.failed if r.error)
    return LoadResult(tuple(report.imported), errors)


class DemoClock:
    """The console's clock in trainer mode: the rung scenario's ``call_at``, running on from there.

    Before any scenario is rung (or after ``stop``) it is the real clock. ``monotonic`` is
    injectable so tests can move time without sleeping.
    """

    def __init__(self, base: Callable[[], datetime] = system_clock, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._base = base
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._anchor: tuple[datetime, float] | None = None

    def start(self, at: datetime) -> None:
        with self._lock:
            self._anchor = (at, self._monotonic())

    def stop(self) -> None:
        with self._lock:
            self._anchor = None

    @property
    def running(self) -> bool:
        return self._anchor is not None

    def real(self) -> datetime:
        """The clock underneath: when something happened in the training room, not in the story."""
        return self._base()

    def __call__(self) -> datetime:
        from datetime import timedelta

        with self._lock:
            anchor = self._anchor
        if anchor is None:
            return self._base()
        at, started = anchor
        return at + timedelta(seconds=max(0.0, self._monotonic() - started))


def wall_clock(ctx: ConsoleContext) -> datetime:
    """The real time, even while a rung scenario's clock runs (when an attempt was made)."""
    clock = ctx.clock
    return clock.real() if isinstance(clock, DemoClock) else ctx.now()


def start_attempt(ctx: ConsoleContext) -> frozenset[str]:
    """A scenario was rung: a new training attempt begins.

    Attempts scored so far are closed (``console.effects.open_calls``): the next trainee
    starts from the scenario as written, not from what the previous one credited.
    """
    from console.models.journal import TrainingAttempt

    with ctx.journal.session() as js:
        ctx.closed_calls = frozenset(js.scalars(
            select(TrainingAttempt.call_id).where(TrainingAttempt.call_id.is_not(None))))
    return ctx.closed_calls


def install_demo_clock(ctx: ConsoleContext) -> DemoClock:
    """Give ``ctx`` a DemoClock (once) and return it."""
    if isinstance(ctx.clock, DemoClock):
        return ctx.clock
    clock = DemoClock(base=ctx.clock)
    ctx.clock = clock
    return clock
