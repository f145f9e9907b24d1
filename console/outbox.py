"""The transactional outbox: events written in the same transaction as what they describe.

An outcome is never saved without its event, nor sent twice as two different events: the
event row is added to the caller's session and commits (or rolls back) with the call, its
actions and its audit entry. The sync worker reads the outbox later and delivers each event
to every hook. Each event has a UUID (the idempotency key receivers use), a type, a schema
version, a versioned JSON payload (``{"v": 1, ...}``), who recorded it and where, and a
per-customer sequence number so a receiver can tell one customer's events apart in order.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import OutboxEvent
from console.vocabulary import EVENT_TYPES

VERSION = 1
# audit.head events are about the workstation, not a customer.
AUDIT_STREAM = "_audit"


def new_id() -> str:
    """A UUID version 7 (RFC 9562): time-ordered, so the indexes keyed on event ids (the
    delivery state here, the events table centrally) grow at one end instead of at random."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & (2**48 - 1)) << 80 | 0x7 << 76 | (rand >> 62 & 0xFFF) << 64 | 0b10 << 62 | rand & (2**62 - 1)
    return str(uuid.UUID(int=value))


def enqueue(
    session: Session,
    *,
    type: str,
    payload: dict[str, Any],
    customer_id: str,
    agent_id: str,
    workstation: str,
    created_at: datetime,
    call_id: str | None = None,
    customer_seq: int | None = None,
    flush: bool = True,
) -> OutboxEvent:
    """Add one event to the caller's transaction (flushed unless ``flush=False``; not committed).

    ``customer_seq`` defaults to max+1 for the customer, read inside the same transaction:
    the journal's ``BEGIN IMMEDIATE`` (SQLite) serialises writers, and the unique constraint
    on (workstation, customer, seq) turns any race elsewhere into an error, not a silent tie.
    A caller adding several events at once passes ``next_seq(...)``, ``+1``, ``+2`` ...
    """
    if type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type!r}")
    seq = next_seq(session, customer_id) if customer_seq is None else customer_seq
    body = {"v": VERSION, **{k: v for k, v in payload.items() if k != "v"}}
    event = OutboxEvent(
        id=new_id(), type=type, version=VERSION, payload=body, customer_id=customer_id,
        customer_seq=seq, agent_id=agent_id, workstation=workstation, call_id=call_id,
        created_at=created_at,
    )
    session.add(event)
    if flush:
        session.flush()
    return event


def next_seq(session: Session, customer_id: str) -> int:
    """The customer's next sequence number in this journal (inside the caller's transaction)."""
    seq = session.scalar(
        select(func.coalesce(func.max(OutboxEvent.customer_seq), 0)).where(OutboxEvent.customer_id == customer_id)
    )
    return int(seq or 0) + 1


@dataclass(frozen=True)
class Envelope:
    """An event as delivered to hooks: plain data, independent of the session it came from."""

    position: int
    id: str
    type: str
    version: int
    payload: dict[str, Any]
    customer_id: str
    customer_seq: int
    agent_id: str
    workstation: str
    call_id: str | None
    created_at: datetime

    @classmethod
    def of(cls, e: OutboxEvent) -> Envelope:
        return cls(e.position, e.id, e.type, e.version, e.payload, e.customer_id, e.customer_seq,
                   e.agent_id, e.workstation, e.call_id, e.created_at)

    def to_json(self) -> dict[str, Any]:
        """The wire form sent by the webhook and jsonl hooks (documented in docs/webhooks.md)."""
        return {
            "id": self.id,
            "type": self.type,
            "version": self.version,
            "customer_id": self.customer_id,
            "customer_seq": self.customer_seq,
            "agent_id": self.agent_id,
            "workstation": self.workstation,
            "call_id": self.call_id,
            "created_at": self.created_at.isoformat(),
            "payload": self.payload,
        }
