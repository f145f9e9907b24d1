"""What a rule sees and returns: the caller's world as of the call, findings, resolutions.

Rules must reason about the moment of the call, not about whatever the store holds now:
a bill issued after the call, or an SMS sent later, cannot be part of what the agent says.
``RuleContext`` is the CallerView cut at ``at`` plus the few lookups every rule needs
(charges per month, usage, events of a kind, earlier credits) and the expected-charge
ledger (``console.judgement``), computed once per call. The built-in rules read the
ledger, which gives each (service, month) one cause; ``claimed`` still records the months
a rule reported, for rule packs that run after them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from console.actions import ActionSpec
from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    EventRow,
    NotificationRow,
    ServiceRow,
)
from console.formatting import cjk_spacing
from console.formatting import day as fmt_day
from console.formatting import money as fmt_money
from console.formatting import periods as fmt_periods

if TYPE_CHECKING:
    from console.judgement.ledger import Ledger

LOCAL_TZ = ZoneInfo("Asia/Taipei")
_Row = TypeVar("_Row", EventRow, NotificationRow)


@dataclass(frozen=True)
class Finding:
    code: str
    service_code: str | None
    evidence: tuple[str, ...]
    summary: str
    periods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """What a rule proposes for its finding: a title, the actions, and facts for the script."""

    title: str
    actions: tuple[ActionSpec, ...]
    facts: dict[str, Any] = field(default_factory=dict)


class Rule(Protocol):
    code: str
    priority: int  # lower runs first and claims its charges first

    def find(self, ctx: RuleContext) -> Iterable[Finding]: ...

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution: ...


def period_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def period_start(period: str) -> date:
    return date(int(period[:4]), int(period[5:7]), 1)


def period_end(period: str) -> date:
    y, m = int(period[:4]), int(period[5:7])
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


@lru_cache(maxsize=4096)  # the same months and start days come back on every pop
def cycle_start(period: str, anchor: date | None) -> date:
    """First day of the billing cycle billed as ``period``.

    Cycles run from the service's start day: a service started on the 9th is billed for
    9 Feb - 8 Mar as period 2009-02 (the line text of reference case 3). Without a start
    date, or started on the 1st, the cycle is the calendar month.
    """
    first = period_start(period)
    if anchor is None or anchor.day == 1:
        return first
    return first.replace(day=min(anchor.day, period_end(period).day))


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


@dataclass(frozen=True)
class Charge:
    """What one service cost in one month, net of adjustments on the same bills."""

    period: str
    amount: Decimal
    lines: tuple[BillLineRow, ...]
    bills: tuple[BillRow, ...]


def _by_service(rows: Iterable[_Row]) -> dict[str | None, list[_Row]]:
    grouped: dict[str | None, list[_Row]] = {}
    for row in rows:
        grouped.setdefault(row.service_code, []).append(row)
    return grouped


class RuleContext:
    """The caller's world as of ``at`` (times compared in UTC, dates in Asia/Taipei).

    Earlier credits are the one exception to "as of ``at``": a credit recorded in this
    journal or a ``credit_issued`` event counts whatever its date, because a month is never
    credited twice (a scenario customer is seen as of its ``call_at`` while the journal
    stamps today's date). The same goes for a suspension or cancellation already decided
    in the journal: it is not suggested again.
    """

    def __init__(self, view: CallerView, at: datetime, language: str, effects: Iterable[Any] = ()) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=LOCAL_TZ)
        self.at = at
        self.today = local_date(at)
        self.language = language
        self.currency = view.currency
        self.customer = view.customer
        self.contracts = view.contracts
        self.clauses = view.clauses
        self.services = view.services
        self._services: dict[str | None, ServiceRow] = {s.code: s for s in view.services}
        # The rows' times are UTC: comparing them with a UTC instant skips a time-zone
        # conversion per row (1.7 against 0.08 us; a busy caller has hundreds of rows).
        utc = at.astimezone(UTC)
        self.notifications: tuple[NotificationRow, ...] = tuple(n for n in view.notifications if n.sent_at <= utc)
        self.events: tuple[EventRow, ...] = tuple(e for e in view.events if e.at <= utc)
        self.bills: tuple[BillRow, ...] = tuple(b for b in view.bills if self._bill_known(b))
        month = period_of(self.today)
        self._usage = {(u.service_code, u.period): u.units for u in view.usage if u.period <= month}
        self.claimed: set[tuple[str, str]] = set()
        # Earlier credits, whatever their date: (service, month) -> what credited it.
        self._credits: dict[tuple[str | None, str], list[str]] = {}
        for e in view.events:
            if e.kind == "credit_issued":
                for p in (e.params or {}).get("periods") or []:
                    self._credits.setdefault((e.service_code, str(p)), []).append(f"event:{e.id}")
        self._journal_stops: set[str | None] = set()
        for eff in effects:
            if eff.kind == "credit":
                for p in eff.periods:
                    self._credits.setdefault((eff.service_code, p), []).append(f"credit:{eff.id}")
            elif eff.kind in ("suspension", "cancellation"):
                self._journal_stops.add(eff.service_code)
        self._lines: dict[str, dict[str, list[BillLineRow]]] | None = None
        self._charges: dict[str, dict[str, Charge]] | None = None
        self._ledger: Ledger | None = None

    def _bill_known(self, bill: BillRow) -> bool:
        if bill.issued_on is not None:
            return bill.issued_on <= self.today
        return period_end(bill.period) < self.today

    def service(self, code: str | None) -> ServiceRow | None:
        return self._services.get(code)

    def cycle_start(self, service: str, period: str) -> date:
        s = self.service(service)
        return cycle_start(period, s.started_on if s else None)

    def service_name(self, code: str | None) -> str:
        s = self.service(code)
        return s.name(self.language) if s else (code or "")

    def usage(self, service: str, period: str) -> int | None:
        return self._usage.get((service, period))

    def events_for(self, service: str | None) -> Sequence[EventRow]:
        """The events naming ``service`` (None: naming no service), in the view's order (by time)."""
        return self._events_by_service.get(service, ())

    def notifications_for(self, service: str | None) -> Sequence[NotificationRow]:
        """The notifications naming ``service`` (None: naming no service), in the view's order."""
        return self._notices_by_service.get(service, ())

    @cached_property
    def _events_by_service(self) -> dict[str | None, list[EventRow]]:
        return _by_service(self.events)

    @cached_property
    def _notices_by_service(self) -> dict[str | None, list[NotificationRow]]:
        return _by_service(self.notifications)

    def events_of(self, kind: str, service: str | None = None) -> list[EventRow]:
        return [e for e in self.events if e.kind == kind and (service is None or e.service_code == service)]

    @property
    def ledger(self) -> Ledger:
        """The expected-charge ledger of every billed service and month (computed once)."""
        if self._ledger is None:
            from console.judgement.ledger import judge

            self._ledger = judge(self)
        return self._ledger

    def use_ledger(self, ledger: Ledger) -> None:
        """Take the ledger already worked out for the same caller, moment and effects (it does
        not depend on the language): the customer's script in their language re-words it."""
        self._ledger = ledger

    def lines_by_month(self) -> dict[str, dict[str, list[BillLineRow]]]:
        """Per service and month, the bill lines of the bills known at the call (one pass)."""
        if self._lines is None:
            grouped: dict[str, dict[str, list[BillLineRow]]] = {}
            for bill in self.bills:
                period = bill.period
                for line in bill.lines:
                    code = line.service_code
                    if code is None:
                        continue  # plan and misc lines never take part in a finding
                    by_period = grouped.get(code)
                    if by_period is None:
                        grouped[code] = {period: [line]}
                    elif (same := by_period.get(period)) is None:
                        by_period[period] = [line]
                    else:
                        same.append(line)
            self._lines = grouped
        return self._lines

    def charges(self, service: str) -> dict[str, Charge]:
        """Per month, the net amount billed for ``service`` (months with a charge > 0)."""
        if self._charges is None:
            self._charges = {}
            bills_of: dict[str, list[BillRow]] = {}
            for bill in self.bills:
                bills_of.setdefault(bill.period, []).append(bill)
            for code, by_period in self.lines_by_month().items():
                charges: dict[str, Charge] = {}
                for period in sorted(by_period):
                    lines = by_period[period]
                    net = sum((ln.amount for ln in lines), Decimal(0))
                    if net > 0:
                        ids = {ln.bill_id for ln in lines}
                        bills = tuple(b for b in bills_of.get(period, ()) if b.id in ids)
                        charges[period] = Charge(period, net, tuple(lines), bills)
                self._charges[code] = charges
        return self._charges.get(service, {})

    @property
    def usage_by_month(self) -> Mapping[tuple[str | None, str], int | None]:
        """``usage`` as one table, (service, month) -> units, for the ledger's loop over every month."""
        return self._usage

    @property
    def credits_by_month(self) -> Mapping[tuple[str | None, str], Sequence[str]]:
        """``credit_refs`` as one table, (service, month) -> what credited it, for the ledger's loop."""
        return self._credits

    def credit_refs(self, service: str, period: str) -> tuple[str, ...]:
        """What already credited ``service`` for ``period``: ``event:<id>`` or ``credit:<action id>``."""
        return tuple(self._credits.get((service, period), ()))

    def credited_periods(self, service: str) -> set[str]:
        """Months already credited for ``service``: a ``credit_issued`` event naming them, or
        a credit this journal holds (applied, approved or waiting for a lead), at any date."""
        return {p for (s, p) in self._credits if s == service}

    def is_running(self, service: str) -> bool:
        """Whether stopping ``service`` is still to do: it is active and no stop is decided yet."""
        s = self.service(service)
        return not ((s is not None and s.status != "active") or service in self._journal_stops)

    def money(self, amount: Decimal) -> str:
        """An amount as the agent reads it in the report language (NT$100, US$12.50)."""
        return fmt_money(amount, self.currency, self.language)

    def day(self, value: date | None) -> str:
        """A date as the agent reads it in the report language, the one way the panes write it (Babel)."""
        return fmt_day(value, self.language) if value is not None else ""

    def months(self, periods: Iterable[str]) -> str:
        """Billing months ("2009-03") as the panes write them ("Mar 2009", "2009年3月")."""
        return fmt_periods(list(periods), self.language)

    def text(self, messages: dict[str, str], **values: Any) -> str:
        """Pick the message in the report language (English if missing) and fill it in."""
        template = messages.get(self.language) or messages["en"]
        text = template.format(**values)
        return cjk_spacing(text) if self.language == "zh_TW" else text
