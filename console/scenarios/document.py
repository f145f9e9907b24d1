"""A scenario file as typed, validated values (format 1), before anything touches a database.

The parser (``console.scenarios.parse``) builds these; the importer writes them; the demo
mode and the trainer's comparison read ``ExpectedDoc``. Amounts are ``Decimal``, times are
timezone-aware, phones are E.164: once a ``ScenarioDoc`` exists, nothing in it can still
be wrong in a way the database or the rules would trip over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class PhoneDoc:
    e164: str
    raw: str


@dataclass(frozen=True)
class CustomerDoc:
    id: str
    name: str
    language: str
    phones: tuple[PhoneDoc, ...]
    national_id: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class ClauseDoc:
    id: str
    kind: str
    text: str
    service: str | None = None
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class ContractDoc:
    id: str
    signed_on: date
    plan: str | None
    clauses: tuple[ClauseDoc, ...] = ()


@dataclass(frozen=True)
class ServiceDoc:
    code: str
    name_zh: str
    name_en: str
    fee_amount: Decimal
    fee_per: str = "month"
    contract: str | None = None
    started_on: date | None = None
    trial_until: date | None = None
    term_until: date | None = None
    status: str = "active"


@dataclass(frozen=True)
class NotificationDoc:
    id: str
    sent_at: datetime
    channel: str
    says: str
    text: str
    service: str | None = None


@dataclass(frozen=True)
class BillLineDoc:
    id: str
    text: str
    amount: Decimal
    service: str | None = None


@dataclass(frozen=True)
class BillDoc:
    id: str
    period: str
    issued_on: date | None
    lines: tuple[BillLineDoc, ...] = ()


@dataclass(frozen=True)
class UsageDoc:
    service: str
    period: str
    units: int


@dataclass(frozen=True)
class EventDoc:
    at: datetime
    channel: str
    kind: str
    service: str | None = None
    text: str | None = None
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class ExpectedAction:
    """One action a good agent takes. Fields unused by a kind stay None / empty."""

    kind: str
    service: str | None = None
    amount: Decimal | None = None
    periods: tuple[str, ...] = ()
    when: datetime | None = None
    what: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.service is not None:
            out["service"] = self.service
        if self.amount is not None:
            out["amount"] = str(self.amount)  # exact: Decimal as text
        if self.periods:
            out["periods"] = list(self.periods)
        if self.when is not None:
            out["when"] = self.when.isoformat()
        if self.what is not None:
            out["what"] = self.what
        if self.note is not None:
            out["note"] = self.note
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExpectedAction:
        return cls(
            kind=data["kind"],
            service=data.get("service"),
            amount=Decimal(data["amount"]) if data.get("amount") is not None else None,
            periods=tuple(data.get("periods") or ()),
            when=datetime.fromisoformat(data["when"]) if data.get("when") else None,
            what=data.get("what"),
            note=data.get("note"),
        )


@dataclass(frozen=True)
class ExpectedDoc:
    """What a good agent does: finding codes and actions (compared as sets)."""

    findings: tuple[str, ...] = ()
    actions: tuple[ExpectedAction, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"findings": list(self.findings), "actions": [a.to_json() for a in self.actions]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ExpectedDoc:
        if not data:
            return cls()
        return cls(tuple(data.get("findings") or ()), tuple(ExpectedAction.from_json(a) for a in data.get("actions") or ()))


@dataclass(frozen=True)
class ScenarioDoc:
    format: int
    id: str
    title: dict[str, str]
    call_at: datetime
    currency: str
    customer: CustomerDoc
    source: str
    brief: dict[str, str] | None = None
    contracts: tuple[ContractDoc, ...] = ()
    services: tuple[ServiceDoc, ...] = ()
    notifications: tuple[NotificationDoc, ...] = ()
    bills: tuple[BillDoc, ...] = ()
    usage: tuple[UsageDoc, ...] = ()
    events: tuple[EventDoc, ...] = ()
    expected: ExpectedDoc | None = field(default=None)
    # Remarks that do not make the file invalid ("events[2].channel: 'store' read as 'shop'").
    notes: tuple[str, ...] = ()
