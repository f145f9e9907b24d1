"""The journal: what this workstation recorded, safe locally the moment it is saved.

Designed whole now so later features fill it without reshaping: calls and their actions,
cases and callbacks, wrap-up drafts, the transactional outbox with per-hook delivery state,
the hash-chained audit trail, and the sync lease that keeps two workers from double-sending.
Primary keys of replicated rows are UUID strings, so the journals of a whole floor can be
merged into the central PostgreSQL without collisions.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from console.models.customer import NAMING
from console.models.types import Money, UTCDateTime, str16, str32, str64


class JournalBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Call(JournalBase):
    """One handled call and its wrap-up."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_started_at", "started_at"),
        Index("ix_calls_customer_started", "customer_id", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(32))
    phone_e164: Mapped[str | None] = mapped_column(String(32))
    agent_id: Mapped[str32]
    workstation: Mapped[str64]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the screen pop
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the customer hung up
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)  # wrap-up saved
    duration_s: Mapped[int | None] = mapped_column(Integer)
    acw_s: Mapped[int | None] = mapped_column(Integer)  # after-call work
    outcome: Mapped[str32]
    root_cause: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    finding_codes: Mapped[list[str] | None] = mapped_column(JSON)
    credit_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="TWD")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    scenario_id: Mapped[str | None] = mapped_column(String(100))

    actions: Mapped[list[Action]] = relationship(back_populates="call", cascade="all, delete-orphan", order_by="Action.created_at")


class Action(JournalBase):
    """Something the agent did for the customer; credits above a limit wait for a lead."""

    __tablename__ = "actions"
    __table_args__ = (
        # Accepting the same suggestion twice in one call yields one set of actions.
        UniqueConstraint("call_id", "idempotency_key"),
        Index("ix_actions_customer", "customer_id"),
        Index("ix_actions_status", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    call_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("calls.id", ondelete="CASCADE"))
    customer_id: Mapped[str32]
    kind: Mapped[str32]
    service_code: Mapped[str | None] = mapped_column(String(32))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="TWD")
    periods: Mapped[list[str] | None] = mapped_column(JSON)
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    suggestion_id: Mapped[str | None] = mapped_column(String(100))
    idempotency_key: Mapped[str] = mapped_column(String(200))
    # applied | pending_approval | approved | rejected
    status: Mapped[str16] = mapped_column(default="applied")
    agent_id: Mapped[str32]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)

    call: Mapped[Call | None] = relationship(back_populates="actions")


class Case(JournalBase):
    """A complaint case: one owner, followed to the end."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_customer", "customer_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str32]
    call_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("calls.id", ondelete="SET NULL"))
    owner: Mapped[str32]
    status: Mapped[str16] = mapped_column(default="open")  # open | closed
    summary: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_on: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Callback(JournalBase):
    __tablename__ = "callbacks"
    __table_args__ = (Index("ix_callbacks_due", "status", "due_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str32]
    call_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("calls.id", ondelete="SET NULL"))
    case_id: Mapped[str | None] = mapped_column(String(36))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assignee: Mapped[str32]
    status: Mapped[str16] = mapped_column(default="due")  # due | done | cancelled
    note: Mapped[str | None] = mapped_column(Text)


class Draft(JournalBase):
    """What the agent has typed into a wrap-up that is not saved yet."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agent_id: Mapped[str32]
    customer_id: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutboxEvent(JournalBase):
    """An event to deliver, written in the same transaction as what it describes.

    ``position`` orders delivery on this workstation; ``customer_seq`` orders one customer's
    events for receivers that merge several workstations.
    """

    __tablename__ = "outbox_events"
    # Unique per workstation: the central journal holds every workstation's events (j0002).
    __table_args__ = (UniqueConstraint("workstation", "customer_id", "customer_seq"),)

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str32]
    version: Mapped[int] = mapped_column(Integer, default=1)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    customer_id: Mapped[str32]
    customer_seq: Mapped[int] = mapped_column(Integer)
    agent_id: Mapped[str32]
    workstation: Mapped[str64]
    call_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Delivery(JournalBase):
    """Delivery state of one event to one hook; absent means 'not tried yet'."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_hook_state", "hook", "state"),)

    event_id: Mapped[str] = mapped_column(String(36), ForeignKey("outbox_events.id", ondelete="CASCADE"), primary_key=True)
    hook: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str16] = mapped_column(default="pending")  # pending | delivered | failing | dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(JournalBase):
    """One link of the audit hash chain: each entry carries the previous entry's hash."""

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str32]
    workstation: Mapped[str64]
    action: Mapped[str64]
    subject: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncLease(JournalBase):
    """Who may deliver from this journal right now (one worker at a time)."""

    __tablename__ = "sync_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JournalMeta(JournalBase):
    """Small facts about this journal (workstation id, demo flag)."""

    __tablename__ = "journal_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TrainingAttempt(JournalBase):
    """A trainee's attempt at a scenario, scored against its ``expected`` block."""

    __tablename__ = "training_attempts"
    __table_args__ = (Index("ix_training_attempts_scenario_trainee", "scenario_id", "trainee"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    trainee: Mapped[str32]
    call_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("calls.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column(Integer)
    max_points: Mapped[int] = mapped_column(Integer)
    percent: Mapped[int] = mapped_column(Integer)
    over_credit: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    under_credit: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    seconds: Mapped[int | None] = mapped_column(Integer)
    hints_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
