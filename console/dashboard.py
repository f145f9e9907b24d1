"""The floor dashboard's numbers: calls per day by outcome, credits, top root causes and findings.

Pure aggregations over a journal (the local one, or the floor's PostgreSQL) for a period of
local days, done in SQL with small results (hour buckets, distinct code lists) so a month
of a whole floor costs a few grouped queries. Root causes are what leads take back to the
departments that contradict each other, so they are counted for every period. Clicking a
bar in the window asks ``filter_for`` for the export filter that lists exactly those calls.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import BigInteger, String, Text, cast, func, select, type_coerce
from sqlalchemy.orm import Session

from console.errors import UserError
from console.export.query import DEFAULT_TZ, ExportFilters, apply_filters
from console.models import Action, Call
from console.permissions import HasRole, require

MAX_DAYS = 366


@dataclass(frozen=True)
class Dashboard:
    filters: ExportFilters  # the period (and any agent filter) the numbers are for
    days: tuple[date, ...]
    calls_by_day: dict[date, dict[str, int]]  # day -> outcome -> calls
    credits_by_day: dict[date, tuple[int, Decimal]]  # day -> (credits issued, amount)
    credits_issued: int
    credits_amount: Decimal
    credits_pending: int
    root_causes: list[tuple[str, int]]  # most frequent first
    findings: list[tuple[str, int]]
    total_calls: int
    outcomes: tuple[str, ...] = field(default=())  # outcomes present, most frequent first


BarKind = Literal["day_outcome", "root_cause", "finding", "day_credits"]


@dataclass(frozen=True)
class Bar:
    """What a click on a chart names: a kind and its key (and the day for per-day bars)."""

    kind: BarKind
    key: str = ""
    day: date | None = None


def _hour_bucket(session: Session) -> Any:
    """started_at truncated to the UTC hour, as text 'YYYY-MM-DD HH' on both backends."""
    if session.get_bind().dialect.name == "sqlite":
        return func.substr(type_coerce(Call.started_at, String), 1, 13)
    return func.to_char(func.timezone("UTC", Call.started_at), "YYYY-MM-DD HH24")


def floor_dashboard(
    session: Session, principal: HasRole, date_from: date, date_to: date, *,
    tz: str = DEFAULT_TZ, agents: tuple[str, ...] = (), top: int = 6,
) -> Dashboard:
    require(principal, "dashboard.view")
    if date_to < date_from:
        raise UserError(f"the period ends ({date_to}) before it starts ({date_from})")
    if (date_to - date_from).days >= MAX_DAYS:
        raise UserError(f"a dashboard covers at most {MAX_DAYS} days")
    f = ExportFilters(date_from=date_from, date_to=date_to, agents=agents, tz=tz)
    f.validate()
    zone = f.zone()
    days = tuple(date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1))

    def local_day(bucket: str) -> date:
        return datetime.strptime(bucket, "%Y-%m-%d %H").replace(tzinfo=UTC).astimezone(zone).date()

    hour = _hour_bucket(session)
    by_day: dict[date, dict[str, int]] = {d: {} for d in days}
    totals: Counter[str] = Counter()
    for bucket, outcome, n in session.execute(
        apply_filters(select(hour, Call.outcome, func.count()), f).group_by(hour, Call.outcome)
    ):
        d = local_day(bucket)
        if d in by_day:
            by_day[d][outcome] = by_day[d].get(outcome, 0) + n
            totals[outcome] += n

    credits: dict[date, tuple[int, Decimal]] = {d: (0, Decimal(0)) for d in days}
    issued, amount = 0, Decimal(0)
    credit_q = (select(hour, func.count(), func.coalesce(func.sum(type_coerce(Action.amount, BigInteger)), 0))
                .join(Action, Action.call_id == Call.id)
                .where(Action.kind == "issue_credit", Action.status.in_(("applied", "approved"))))
    for bucket, n, cents in session.execute(apply_filters(credit_q, f).group_by(hour)):
        d = local_day(bucket)
        money = Decimal(int(cents)).scaleb(-2)
        if d in credits:
            c, a = credits[d]
            credits[d] = (c + n, a + money)
            issued, amount = issued + n, amount + money
    pending = session.scalar(apply_filters(
        select(func.count()).select_from(Call).join(Action, Action.call_id == Call.id)
        .where(Action.kind == "issue_credit", Action.status == "pending_approval"), f)) or 0

    causes = [
        (cause, n) for cause, n in session.execute(
            apply_filters(select(Call.root_cause, func.count()).where(Call.root_cause.is_not(None)), f)
            .group_by(Call.root_cause).order_by(func.count().desc(), Call.root_cause).limit(top))
    ]
    codes: Counter[str] = Counter()
    text = cast(Call.finding_codes, Text)
    for raw, n in session.execute(apply_filters(select(text, func.count()).where(Call.finding_codes.is_not(None)), f)
                                  .group_by(text)):
        for code in json.loads(raw) or ():
            codes[str(code)] += n
    findings = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return Dashboard(
        filters=f, days=days, calls_by_day=by_day, credits_by_day=credits, credits_issued=issued,
        credits_amount=amount.quantize(Decimal("0.01")), credits_pending=int(pending), root_causes=causes,
        findings=findings, total_calls=sum(totals.values()),
        outcomes=tuple(o for o, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def filter_for(board: Dashboard, bar: Bar) -> ExportFilters:
    """The export filter that lists exactly the calls behind one bar."""
    f = board.filters
    if bar.kind == "day_outcome":
        return replace(f, date_from=bar.day, date_to=bar.day, outcomes=(bar.key,) if bar.key else ())
    if bar.kind == "day_credits":
        return replace(f, date_from=bar.day, date_to=bar.day)
    if bar.kind == "root_cause":
        return replace(f, root_causes=(bar.key,))
    if bar.kind == "finding":
        return replace(f, findings=(bar.key,))
    raise ValueError(f"unknown bar kind {bar.kind!r}")
