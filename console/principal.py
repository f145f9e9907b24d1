"""Who the services act for, and the credit limit that follows from it.

Every service that records, changes money or shows customer data asks ``acting(ctx)``
rather than reading ``--agent``/``--role`` itself, and the credit limit of a suggestion or a
save comes from ``credit_limit(ctx)``: one place decides where authority comes from (the
signed-in user record, or the settings while a fresh install has no users and in demo mode).
Kept free of argon2 and SQLAlchemy so the window can import it before its first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.context import ConsoleContext


@dataclass(frozen=True)
class Principal:
    """A signed-in user (or the settings' stand-in before any user exists), as services see them."""

    id: str
    name: str
    role: str
    credit_limit: Decimal | None

    def __str__(self) -> str:
        return f"{self.id} ({self.role})"


def acting(ctx: ConsoleContext) -> Principal:
    """The signed-in principal; without one, the settings' agent and role."""
    if ctx.principal is not None:
        return ctx.principal
    s = ctx.settings
    return Principal(s.agent_id, s.agent_id, s.role, None)


def effective_credit_limit(principal: Principal, default: Decimal) -> Decimal:
    """The principal's own limit, else the workstation default from the settings."""
    return principal.credit_limit if principal.credit_limit is not None else default


def credit_limit(ctx: ConsoleContext) -> Decimal | None:
    """The most the acting principal may credit in one call without a lead; None: no limit."""
    p = acting(ctx)
    if p.role == "lead":
        return None
    return effective_credit_limit(p, ctx.settings.credit_limit)
