"""CallerView: everything the console knows about one caller, as plain immutable rows.

The window's panes, the rules and ``lookup --json`` all read this one structure, so what
the agent sees, what the rules reason about and what a script prints cannot drift apart.
Rows are plain dataclasses (no ORM objects), safe to hand from a worker thread to the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def mask_national_id(value: str | None) -> str | None:
    """Show the first letter and the last three digits: A1*****789."""
    if not value:
        return None
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 5) + value[-3:]


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    name: str
    language: str
    national_id_masked: str | None
    phones: tuple[str, ...]
    address: str | None = None
    scenario_id: str | None = None


@dataclass(frozen=True)
class ClauseRow:
    id: str
    contract_id: str
    kind: str
    service_code: str | None
    text: str
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class ContractRow:
    id: str
    signed_on: date
    plan: str | None
    clauses: tuple[ClauseRow, ...] = ()


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name_zh: str
    name_en: str
    contract_id: str | None
    fee_amount: Decimal
    fee_per: str
    started_on: date | None
    trial_until: date | None
    term_until: date | None
    status: str

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_TW" else self.name_en


@dataclass(frozen=True)
class NotificationRow:
    id: str
    sent_at: datetime
    channel: str
    service_code: str | None
    says: str
    text: str


@dataclass(frozen=True)
class BillLineRow:
    id: str
    bill_id: str
    service_code: str | None
    text: str
    amount: Decimal


@dataclass(frozen=True)
class BillRow:
    id: str
    period: str
    issued_on: date | None
    currency: str
    lines: tuple[BillLineRow, ...] = ()

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class UsageRow:
    service_code: str
    period: str
    units: int


@dataclass(frozen=True)
class EventRow:
    id: int
    at: datetime
    channel: str
    kind: str
    service_code: str | None
    text: str | None
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class CachedCopy:
    """Why a view is not live: the source could not answer (``reason``), so this is the copy
    of the caller read from it at ``saved_at``; the window says so, with its age."""

    saved_at: datetime
    reason: str


@dataclass(frozen=True)
class CallerView:
    """One caller's world. Notifications newest first; bills, usage and events oldest first.

    ``cached`` is None for a live read; a ``CachedCopy`` when the source was down and the
    last copy seen within its configured age is shown instead (``console.sources.tmf``).
    """

    customer: CustomerInfo
    matched_phone: str | None
    contracts: tuple[ContractRow, ...]
    services: tuple[ServiceRow, ...]
    notifications: tuple[NotificationRow, ...]
    bills: tuple[BillRow, ...]
    usage: tuple[UsageRow, ...]
    events: tuple[EventRow, ...]
    currency: str = "TWD"
    extra: dict[str, Any] = field(default_factory=dict)
    cached: CachedCopy | None = None

    @property
    def clauses(self) -> tuple[ClauseRow, ...]:
        return tuple(c for contract in self.contracts for c in contract.clauses)

    def service(self, code: str | None) -> ServiceRow | None:
        return next((s for s in self.services if s.code == code), None)

    def usage_for(self, service_code: str, period: str) -> int | None:
        """Units used in a month, or None when the month's usage is unknown."""
        for row in self.usage:
            if row.service_code == service_code and row.period == period:
                return row.units
        return None

    def bill_lines(self, service_code: str | None = None) -> list[tuple[BillRow, BillLineRow]]:
        return [
            (bill, line)
            for bill in self.bills
            for line in bill.lines
            if service_code is None or line.service_code == service_code
        ]
