"""Customer data: who the caller is, what they signed, were told, were billed and used.

Read-mostly and fed by the operator's systems (or, on a demo or training workstation, by
scenario files and the synthetic population). Every child row carries ``customer_id`` so a
screen pop is a handful of indexed range reads, and deleting a customer (re-importing a
scenario) cascades to everything it owns. Record ids (contracts, clauses, notifications,
bills, bill lines) are the source's own and need only be unique within one customer: their
keys are ``(customer_id, id)``, so two trainers' scenario files may both use ``B-202509``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from console.models.types import Money, UTCDateTime, str16, str32, str64, str200

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class CustomerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _customer_fk() -> Mapped[str]:
    return mapped_column(String(32), ForeignKey("customers.id", ondelete="CASCADE"), index=True)


class Customer(CustomerBase):
    __tablename__ = "customers"

    id: Mapped[str32] = mapped_column(primary_key=True)
    name: Mapped[str200]
    language: Mapped[str16] = mapped_column(default="zh_TW")
    national_id: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))
    # Which scenario file created this customer, if any: re-importing replaces it.
    scenario_id: Mapped[str | None] = mapped_column(String(100))

    phones: Mapped[list[Phone]] = relationship(back_populates="customer", cascade="all, delete-orphan", passive_deletes=True)


class Phone(CustomerBase):
    """A number normalised to E.164; one number reaches one customer."""

    __tablename__ = "phones"

    e164: Mapped[str32] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = _customer_fk()
    raw: Mapped[str | None] = mapped_column(String(64))

    customer: Mapped[Customer] = relationship(back_populates="phones")


class Contract(CustomerBase):
    __tablename__ = "contracts"
    __table_args__ = (PrimaryKeyConstraint("customer_id", "id"),)

    id: Mapped[str64]
    customer_id: Mapped[str] = _customer_fk()
    signed_on: Mapped[date] = mapped_column(Date)
    plan: Mapped[str | None] = mapped_column(String(100))


class Clause(CustomerBase):
    __tablename__ = "clauses"
    __table_args__ = (
        PrimaryKeyConstraint("customer_id", "id"),
        ForeignKeyConstraint(["customer_id", "contract_id"], ["contracts.customer_id", "contracts.id"], ondelete="CASCADE"),
    )

    id: Mapped[str64]
    contract_id: Mapped[str] = mapped_column(String(64), index=True)
    customer_id: Mapped[str] = _customer_fk()
    kind: Mapped[str32]
    service_code: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Service(CustomerBase):
    """A service the customer subscribes to, with its fee and its trial or term dates."""

    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("customer_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = _customer_fk()
    code: Mapped[str32]
    name_zh: Mapped[str200]
    name_en: Mapped[str200]
    contract_id: Mapped[str | None] = mapped_column(String(64))
    fee_amount: Mapped[Decimal] = mapped_column(Money)
    fee_per: Mapped[str16] = mapped_column(default="month")
    started_on: Mapped[date | None] = mapped_column(Date)
    trial_until: Mapped[date | None] = mapped_column(Date)
    term_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str16] = mapped_column(default="active")


class Notification(CustomerBase):
    __tablename__ = "notifications"
    __table_args__ = (
        PrimaryKeyConstraint("customer_id", "id"),
        Index("ix_notifications_customer_sent", "customer_id", "sent_at"),
    )

    id: Mapped[str64]
    customer_id: Mapped[str] = mapped_column(String(32), ForeignKey("customers.id", ondelete="CASCADE"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str16]
    service_code: Mapped[str | None] = mapped_column(String(32))
    says: Mapped[str32]
    text: Mapped[str] = mapped_column(Text)


class Bill(CustomerBase):
    __tablename__ = "bills"
    __table_args__ = (
        PrimaryKeyConstraint("customer_id", "id"),
        Index("ix_bills_customer_period", "customer_id", "period"),
    )

    id: Mapped[str64]
    customer_id: Mapped[str] = mapped_column(String(32), ForeignKey("customers.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM: the month charged for
    issued_on: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="TWD")

    lines: Mapped[list[BillLine]] = relationship(back_populates="bill", cascade="all, delete-orphan", passive_deletes=True, order_by="BillLine.id")


class BillLine(CustomerBase):
    __tablename__ = "bill_lines"
    __table_args__ = (
        PrimaryKeyConstraint("customer_id", "id"),
        ForeignKeyConstraint(["customer_id", "bill_id"], ["bills.customer_id", "bills.id"], ondelete="CASCADE"),
    )

    id: Mapped[str64]
    customer_id: Mapped[str] = _customer_fk()
    bill_id: Mapped[str] = mapped_column(String(64), index=True)
    service_code: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal] = mapped_column(Money)

    bill: Mapped[Bill] = relationship(back_populates="lines")


class Usage(CustomerBase):
    """Units used of one service in one month; a missing month means 'unknown', not zero."""

    __tablename__ = "usage"
    __table_args__ = (Index("ix_usage_customer_service_period", "customer_id", "service_code", "period", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(32), ForeignKey("customers.id", ondelete="CASCADE"))
    service_code: Mapped[str32]
    period: Mapped[str] = mapped_column(String(7))
    units: Mapped[int] = mapped_column(Integer)


class Event(CustomerBase):
    """Anything else that happened: calls, promises, installs, cancel attempts, credits."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_customer_at", "customer_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(32), ForeignKey("customers.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str16]
    kind: Mapped[str32]
    service_code: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str | None] = mapped_column(Text)
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Agent(CustomerBase):
    """Someone who signs in: an agent, a lead or a trainer."""

    __tablename__ = "agents"

    id: Mapped[str32] = mapped_column(primary_key=True)
    name: Mapped[str200]
    role: Mapped[str16] = mapped_column(default="agent")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    credit_limit: Mapped[Decimal | None] = mapped_column(Money)
    active: Mapped[bool] = mapped_column(default=True)
    # Sign-in throttling (console.auth): consecutive failures, and until when the id is locked.
    failed_signins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StoreMeta(CustomerBase):
    """Facts about this customer store that no workstation's config file can change.

    ``store.id`` names the store (a journal is bound to it, console.binding), ``users.since``
    says it has had users (so the no-sign-in bootstrap never reopens), and the floor's
    policy (default credit limit, sign-in lockout) lives here, set by a signed-in lead.
    """

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Scenario(CustomerBase):
    """A training scenario as imported: the caller's world plus what a good agent does."""

    __tablename__ = "scenarios"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    format: Mapped[int] = mapped_column(Integer)
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    brief: Mapped[dict[str, str] | None] = mapped_column(JSON)
    call_at: Mapped[datetime] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3), default="TWD")
    customer_id: Mapped[str] = _customer_fk()
    expected: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    source: Mapped[str | None] = mapped_column(String(500))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
