"""The floor's rules that a workstation must not decide: kept in the customer store.

A workstation's config file is writable by whoever sits at it, so anything that grants
authority (the default credit limit of a user who has none of their own) or limits
guessing (how many failed sign-ins lock an id, for how long) lives in the customer store's
``store_meta`` table next to the users, and only a signed-in lead changes it
(``config.change``, audited). The same table names the store (``store.id``, which a
journal is bound to: console.binding) and remembers that it has had users (``users.since``),
so the no-sign-in bootstrap cannot reopen.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from console import audit
from console.errors import UserError
from console.models import StoreMeta
from console.permissions import HasRole, require
from console.principal import FLOOR_CREDIT_LIMIT

if TYPE_CHECKING:
    from console.context import ConsoleContext

STORE_ID = "store.id"
USERS_SINCE = "users.since"
DEFAULT_CREDIT_LIMIT = FLOOR_CREDIT_LIMIT
DEFAULT_LOCKOUT_AFTER = 5
DEFAULT_LOCKOUT_MINUTES = 15


@dataclass(frozen=True)
class Setting:
    """One policy value a lead may change: its key, meaning, default and bounds."""

    key: str
    meaning: str
    default: Decimal | int
    low: Decimal | int
    high: Decimal | int


SETTINGS: dict[str, Setting] = {
    s.key: s for s in (
        Setting("credit_limit", "largest credit a user without a limit of their own issues without approval",
                DEFAULT_CREDIT_LIMIT, Decimal(0), Decimal(10) ** 9),
        Setting("lockout_after", "consecutive failed sign-ins that lock an id", DEFAULT_LOCKOUT_AFTER, 1, 100),
        Setting("lockout_minutes", "how long a locked id stays locked (minutes)", DEFAULT_LOCKOUT_MINUTES, 1, 7 * 24 * 60),
    )
}


def get(session: Session, key: str) -> str | None:
    row = session.get(StoreMeta, key)
    return row.value if row is not None else None


def put(session: Session, key: str, value: str) -> None:
    row = session.get(StoreMeta, key)
    if row is None:
        session.add(StoreMeta(key=key, value=value))
    else:
        row.value = value


def store_id(session: Session) -> str:
    """This store's name; created on first use for a store that predates it."""
    value = get(session, STORE_ID)
    if value is None:
        value = str(uuid.uuid4())
        put(session, STORE_ID, value)
        session.flush()
    return value


def parse(key: str, text: str) -> Decimal | int:
    """A policy value from text, checked against its bounds; one line when it is not one."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise UserError(f"unknown policy {key!r}: use one of {', '.join(SETTINGS)}")
    try:
        value: Decimal | int = Decimal(text) if isinstance(setting.default, Decimal) else int(text)
    except (InvalidOperation, ValueError):
        raise UserError(f"{key} must be a {'amount' if isinstance(setting.default, Decimal) else 'whole number'}, "
                        f"not {text[:40]!r}") from None
    if isinstance(value, Decimal) and (not value.is_finite() or value != value.quantize(Decimal("0.01"))):
        raise UserError(f"{key} must be an amount in cents at most, not {text[:40]!r}")
    if not setting.low <= value <= setting.high:
        raise UserError(f"{key} must be between {setting.low} and {setting.high}, not {value}")
    return value


def value(session: Session, key: str) -> Decimal | int:
    """The floor's value for ``key``, or its default when no lead has set it."""
    raw = get(session, key)
    setting = SETTINGS[key]
    if raw is None:
        return setting.default
    try:
        return parse(key, raw)
    except UserError:  # a value edited in the database by hand: the default, never a crash
        return setting.default


def current(session: Session) -> dict[str, Decimal | int]:
    return {key: value(session, key) for key in SETTINGS}


def set_policy(ctx: ConsoleContext, who: HasRole, key: str, text: str) -> Decimal | int:
    """A lead changes one of the floor's rules (``config.change``); audited in the journal."""
    require(who, "config.change")
    new = parse(key, text)
    with ctx.customers.session() as cs, cs.begin():
        old = value(cs, key)
        put(cs, key, str(new))
    with ctx.journal.session() as js, js.begin():
        audit.append(js, actor=who.id, workstation=ctx.settings.workstation, action="config.changed",
                     at=ctx.now(), subject=key, details={"from": str(old), "to": str(new)})
    return new
