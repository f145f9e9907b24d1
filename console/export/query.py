"""Which calls an export reads, and how it reads them: filters and a constant-memory stream.

The journal may hold millions of calls (the floor's PostgreSQL), so calls are read through
a streaming cursor (``yield_per``: a server-side cursor on PostgreSQL) in batches; each
batch then fetches its own actions and cases with one indexed query each (the same filters
plus the batch's started_at window). Memory stays at one batch whatever the period. A local SQLite journal is read through a separate
read-only connection: the journal's writers use ``BEGIN IMMEDIATE``, and a long export
must never hold the write lock an agent saving a call is waiting for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    Engine,
    Select,
    String,
    Text,
    bindparam,
    cast,
    create_engine,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.engine import Connection, make_url

from console.db import translate_sqlite_errors
from console.errors import UserError
from console.export.columns import ActionItem
from console.models import Action, Call, Case
from console.models.types import UTCDateTime
from console.vocabulary import FINDING_CODES, OUTCOMES, ROOT_CAUSES

DEFAULT_TZ = "Asia/Taipei"
BATCH = 2000


@dataclass(frozen=True)
class ExportFilters:
    """What to export: a period of local days (both ends included) and any-of filters."""

    date_from: date | None = None
    date_to: date | None = None
    agents: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    root_causes: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    tz: str = DEFAULT_TZ
    include_demo: bool = False

    def validate(self) -> None:
        for option, day in (("--from", self.date_from), ("--to", self.date_to)):
            # Days far outside any call centre's history cannot be turned into UTC bounds.
            if day is not None and not EARLIEST_DAY <= day <= LATEST_DAY:
                raise UserError(f"{option} {day} is outside {EARLIEST_DAY.year}-{LATEST_DAY.year}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(f"--from {self.date_from} is after --to {self.date_to}")
        for name, values, known in (
            ("outcome", self.outcomes, OUTCOMES),
            ("root cause", self.root_causes, ROOT_CAUSES),
            ("finding code", self.findings, FINDING_CODES),
        ):
            for v in values:
                if v not in known:
                    raise UserError(f"unknown {name} {v!r}: use one of {', '.join(known)}")
        self.zone()

    def zone(self) -> tzinfo:
        try:
            return ZoneInfo(self.tz)
        except (ValueError, KeyError, OSError):
            raise UserError(f"unknown time zone {self.tz!r}") from None

    def describe(self) -> dict[str, Any]:
        """For the audit entry: the filters as plain JSON."""
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "agents": list(self.agents), "outcomes": list(self.outcomes),
            "root_causes": list(self.root_causes), "findings": list(self.findings), "tz": self.tz,
        }


EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2199, 12, 31)


def parse_day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} must be a date like 2026-03-31, not {text!r}") from None


def calls_select(filters: ExportFilters) -> Select[Any]:
    """The calls of an export, oldest first (the order of the file)."""
    # Raw reads of the three costliest columns (timestamps, JSON, money): the record builder
    # converts them itself, several times faster than the generic type processors.
    q = select(
        Call.id, type_coerce(Call.started_at, String), Call.duration_s, Call.acw_s, Call.agent_id,
        Call.customer_id, Call.phone_e164, cast(Call.finding_codes, Text),
        type_coerce(Call.credit_total, BigInteger), Call.currency, Call.outcome, Call.root_cause, Call.notes,
    )
    return apply_filters(q, filters).order_by(Call.started_at, Call.id)


def count_select(filters: ExportFilters) -> Select[Any]:
    return apply_filters(select(func.count()).select_from(Call), filters)


def apply_filters(q: Select[Any], f: ExportFilters) -> Select[Any]:
    start, end = local_bounds(f)
    if start is not None:
        q = q.where(Call.started_at >= start)
    if end is not None:
        q = q.where(Call.started_at < end)
    if f.agents:
        q = q.where(Call.agent_id.in_(f.agents))
    if f.outcomes:
        q = q.where(Call.outcome.in_(f.outcomes))
    if f.root_causes:
        q = q.where(Call.root_cause.in_(f.root_causes))
    if f.findings:
        # finding_codes is a JSON list of vocabulary codes; '"code"' in its text form is exact
        # (codes never contain quotes) and portable across SQLite and PostgreSQL.
        text = cast(Call.finding_codes, Text)
        q = q.where(or_(*(text.contains(f'"{code}"', autoescape=True) for code in f.findings)))
    if not f.include_demo:
        q = q.where(Call.demo.is_(False))
    return q


def _batch_range(filters: ExportFilters, q: Select[Any]) -> Select[Any]:
    """Restrict a join through ``calls`` to one batch: same filters, a started_at window."""
    return apply_filters(q, filters).where(
        Call.started_at >= bindparam("first", type_=UTCDateTime), Call.started_at <= bindparam("last", type_=UTCDateTime)
    )


def _actions_select(filters: ExportFilters) -> Select[Any]:
    q = select(Action.call_id, Action.kind, Action.service_code, Action.amount, Action.currency, Action.status)
    q = q.join(Call, Call.id == Action.call_id)
    return _batch_range(filters, q).order_by(Action.call_id, Action.created_at, Action.id)


def _cases_select(filters: ExportFilters) -> Select[Any]:
    # Cases have no call_id index: the join goes through the customer index.
    q = select(Case.call_id, Case.id).join(Call, (Case.customer_id == Call.customer_id) & (Case.call_id == Call.id))
    return _batch_range(filters, q).order_by(Case.call_id, Case.opened_at, Case.id)


def reader_engine(url: str, fallback: Engine) -> tuple[Engine, bool]:
    """A read-only engine for a SQLite journal file; the store's own engine otherwise.

    Returns the engine and whether the caller owns it (and must dispose of it).
    """
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        ro = u.set(database=f"file:{u.database}?mode=ro", query={**u.query, "uri": "true"})
        engine = create_engine(ro, hide_parameters=True)
        # A damaged journal is the same one line (exit 4) here as for every other command.
        translate_sqlite_errors(engine, "journal", Path(u.database))
        return engine, True
    return fallback, False


@dataclass(frozen=True)
class Batch:
    """One batch of calls as read (raw rows) with the actions and cases that belong to them."""

    rows: Sequence[Any]
    actions: dict[str, list[ActionItem]]
    cases: dict[str, list[str]]


def stream_batches(conn: Connection, filters: ExportFilters, *, batch: int = BATCH) -> Iterator[Batch]:
    """Yield the export's calls in batches, reading one batch at a time (constant memory).

    Rows are raw: started_at as stored (text on SQLite, a datetime on PostgreSQL), finding
    codes as JSON text, credit_total in cents; ``console.export.convert`` turns them into
    records or CSV rows.
    """
    actions_q, cases_q = _actions_select(filters), _cases_select(filters)
    result = conn.execution_options(yield_per=batch).execute(calls_select(filters))
    for rows in result.partitions():
        first, last = _instant(rows[0][1]), _instant(rows[-1][1])
        actions: dict[str, list[ActionItem]] = {}
        for a in conn.execute(actions_q, {"first": first, "last": last}):
            actions.setdefault(a[0], []).append(ActionItem(a[1], a[2], a[3], a[4], a[5]))
        cases: dict[str, list[str]] = {}
        for c in conn.execute(cases_q, {"first": first, "last": last}):
            cases.setdefault(c[0], []).append(c[1])
        yield Batch(rows, actions, cases)


def _instant(value: Any) -> datetime:
    """started_at as read raw: text on SQLite (naive UTC), an aware datetime on PostgreSQL."""
    if type(value) is str:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def local_bounds(filters: ExportFilters) -> tuple[datetime | None, datetime | None]:
    """The UTC instants the period covers (inclusive start, exclusive end)."""
    zone = filters.zone()
    start = datetime.combine(filters.date_from, time(), zone).astimezone(UTC) if filters.date_from else None
    end = (datetime.combine(filters.date_to + timedelta(days=1), time(), zone).astimezone(UTC)
           if filters.date_to else None)
    return start, end
