"""The documented export columns, in order, and the plain record one exported call becomes.

One list of columns shared by the three writers and ``docs/export.md``, so a CSV header,
an XLSX header and a JSONL key can never disagree. A record is a plain tuple in column
order (cheap to build a million times); list-valued cells (finding codes, actions) stay
structured here and each writer renders them its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal, NamedTuple

Kind = Literal["text", "int", "datetime", "money", "codes", "actions"]


@dataclass(frozen=True)
class Column:
    key: str
    kind: Kind
    width: int  # XLSX column width, in characters
    doc: str


COLUMNS: tuple[Column, ...] = (
    Column("call_id", "text", 38, "the call's id (UUID)"),
    Column("started_at", "datetime", 20, "screen pop, local time of the export's time zone"),
    Column("duration_s", "int", 11, "call duration in seconds"),
    Column("after_call_work_s", "int", 11, "after-call work in seconds"),
    Column("agent_id", "text", 10, "who took the call"),
    Column("customer_id", "text", 14, "the customer's id"),
    Column("phone", "text", 16, "caller number; masked to the last 3 digits unless --unmasked"),
    Column("finding_codes", "codes", 30, "findings shown to the agent, separated by ';'"),
    Column("actions", "actions", 44, "actions taken: kind, service, amount, currency, status; separated by '; '"),
    Column("credit_total", "money", 12, "total credited on this call (a number)"),
    Column("currency", "text", 8, "currency of the amounts"),
    Column("outcome", "text", 20, "outcome code"),
    Column("root_cause", "text", 24, "root-cause tag"),
    Column("case_id", "text", 38, "complaint case opened on the call, if any ('; ' between several)"),
    Column("notes", "text", 60, "the agent's notes; personal data masked unless --unmasked"),
)
HEADERS: tuple[str, ...] = tuple(c.key for c in COLUMNS)


class ActionItem(NamedTuple):
    kind: str
    service_code: str | None
    amount: Decimal | None
    currency: str
    status: str

    def text(self) -> str:
        parts = [self.kind]
        if self.service_code:
            parts.append(self.service_code)
        if self.amount is not None:
            parts.append(f"{self.amount} {self.currency}")
        if self.status != "applied":
            parts.append(f"({self.status})")
        return " ".join(parts)


class Record(NamedTuple):
    call_id: str
    started_at: datetime  # aware, in the export's time zone
    duration_s: int | None
    after_call_work_s: int | None
    agent_id: str
    customer_id: str | None
    phone: str | None
    finding_codes: tuple[str, ...]
    actions: tuple[ActionItem, ...]
    credit_total: Decimal
    currency: str
    outcome: str
    root_cause: str | None
    case_id: str | None
    notes: str | None
