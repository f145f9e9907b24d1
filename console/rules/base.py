"""What a rule sees and returns: the caller's world as of the call, findings, resolutions.

Rules must reason about the moment of the call, not about whatever the store holds now:
a bill issued after the call, or an SMS sent later, cannot be part of what the agent says.
``RuleContext`` is the CallerView cut at ``at`` plus the few lookups every rule needs
(charges per month, usage, events of a kind), computed once per call. ``claimed`` records
which (service, month) charges a more specific rule already explained, so one overcharge
yields one finding and one credit, never two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol
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
from console.formatting import money as fmt_money

LOCAL_TZ = ZoneInfo("Asia/Taipei")


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


class RuleContext:
    """The caller's world as of ``at`` (times compared in UTC, dates in Asia/Taipei)."""

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
        self.notifications: tuple[NotificationRow, ...] = tuple(n for n in view.notifications if n.sent_at <= at)
        self.events: tuple[EventRow, ...] = tuple(e for e in view.events if e.at <= at)
        self.bills: tuple[BillRow, ...] = tuple(b for b in view.bills if self._bill_known(b))
        month = period_of(self.today)
        self._usage = {(u.service_code, u.period): u.units for u in view.usage if u.period <= month}
        self.claimed: set[tuple[str, str]] = set()
        # What this workstation's journal already decided (console.effects.Effect rows):
        # a credit decided in an earlier call is not suggested again, nor a stop.
        self._journal_credits: set[tuple[str | None, str]] = set()
        self._journal_stops: set[str | None] = set()
        for e in effects:
            if e.since > at:
                continue
            if e.kind == "credit":
                self._journal_credits.update((e.service_code, p) for p in e.periods)
            elif e.kind in ("suspension", "cancellation"):
                self._journal_stops.add(e.service_code)
        self._charges: dict[str | None, dict[str, Charge]] | None = None

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

    def events_of(self, kind: str, service: str | None = None) -> list[EventRow]:
        return [e for e in self.events if e.kind == kind and (service is None or e.service_code == service)]

    def charges(self, service: str) -> dict[str, Charge]:
        """Per month, the net amount billed for ``service`` (months with a charge > 0)."""
        if self._charges is None:
            self._charges = self._all_charges()
        return self._charges.get(service, {})

    def _all_charges(self) -> dict[str | None, dict[str, Charge]]:
        # One pass over every bill line, for all services at once.
        grouped: dict[str | None, dict[str, tuple[list[BillLineRow], list[BillRow]]]] = {}
        for bill in self.bills:
            for line in bill.lines:
                if line.service_code is None:
                    continue  # plan and misc lines never take part in a finding
                lines, bills = grouped.setdefault(line.service_code, {}).setdefault(bill.period, ([], []))
                lines.append(line)
                if not bills or bills[-1] is not bill:
                    bills.append(bill)
        result: dict[str | None, dict[str, Charge]] = {}
        for service, by_period in grouped.items():
            charges: dict[str, Charge] = {}
            for period in sorted(by_period):
                lines, bills = by_period[period]
                net = sum((ln.amount for ln in lines), Decimal(0))
                if net > 0:
                    charges[period] = Charge(period, net, tuple(lines), tuple(bills))
            result[service] = charges
        return result

    def credited_periods(self, service: str) -> set[str]:
        """Months already credited for ``service``: a ``credit_issued`` event naming them, or
        a credit this journal holds (applied, approved or waiting for a lead)."""
        done = {p for s, p in self._journal_credits if s == service}
        for e in self.events_of("credit_issued", service):
            periods = (e.params or {}).get("periods") or []
            done.update(str(p) for p in periods)
        return done

    def stopped_at(self, service: str) -> EventRow | None:
        """The first suspension or cancellation of ``service`` on record, if any."""
        stops = [e for e in self.events if e.service_code == service and e.kind in ("suspended", "cancelled")]
        return stops[0] if stops else None

    def is_running(self, service: str) -> bool:
        s = self.service(service)
        if (s is not None and s.status != "active") or service in self._journal_stops:
            return False
        return self.stopped_at(service) is None

    def money(self, amount: Decimal) -> str:
        """An amount as the agent reads it in the report language (NT$100, US$12.50)."""
        return fmt_money(amount, self.currency, self.language)

    def text(self, messages: dict[str, str], **values: Any) -> str:
        """Pick the message in the report language (English if missing) and fill it in."""
        template = messages.get(self.language) or messages["en"]
        text = template.format(**values)
        return cjk_spacing(text) if self.language == "zh_TW" else text
