"""SQLAlchemy 2 models of the two stores: customer data and the workstation's journal.

The two stores have separate metadata (and separate Alembic histories) because they live in
different databases: customer data is fed by the operator's systems and read here, the
journal is what this workstation records.
"""

from console.models.customer import (
    Agent,
    Bill,
    BillLine,
    Clause,
    Contract,
    Customer,
    CustomerBase,
    Event,
    Notification,
    Phone,
    Scenario,
    Service,
    StoreMeta,
    Usage,
)
from console.models.journal import (
    Action,
    AuditEntry,
    Call,
    Callback,
    Case,
    Delivery,
    Draft,
    JournalBase,
    JournalMeta,
    OutboxEvent,
    SyncLease,
    TrainingAttempt,
)

__all__ = [
    "Action", "Agent", "AuditEntry", "Bill", "BillLine", "Call", "Callback", "Case", "Clause",
    "Contract", "Customer", "CustomerBase", "Delivery", "Draft", "Event", "JournalBase",
    "JournalMeta", "Notification", "OutboxEvent", "Phone", "Scenario", "Service",
    "StoreMeta", "SyncLease", "TrainingAttempt", "Usage",
]
