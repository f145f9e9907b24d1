"""Who the services act for, and the credit limit that follows from it.

Every service that records, changes money or shows customer data asks ``acting(ctx)``
rather than reading ``--agent``/``--role`` itself, and the credit limit of a suggestion or a
save comes from ``credit_limit(ctx)``: one place decides where authority comes from (the
signed-in user record, or the settings while a fresh install has never had a user and in
demo mode).
Kept free of argon2 and SQLAlchemy so the window can import it before its first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.context import ConsoleContext

# The limit of a signed-in user whose record (and floor policy) gave none: console.floor_policy's default.
FLOOR_CREDIT_LIMIT = Decimal(500)


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
    """Who the services act for: the signed-in principal.

    Without one, the settings' agent and role stand in, but only in demo mode or on a
    customer store that has never had a user (the bootstrap of a fresh install), and only
    when the journal belongs to that store. Once the store has users, nobody signed in is
    refused (exit 5): no path falls back to ``--agent``/``--role``, the environment or the
    config file.
    """
    if ctx.principal is not None:
        return ctx.principal
    s = ctx.settings
    if not s.demo:
        from console.auth import users_exist  # argon2 and the store load only on this path
        from console.binding import ensure_bound
        from console.errors import PermissionDenied

        if users_exist(ctx):
            raise PermissionDenied("sign in first: this customer store has users, and --agent/--role grant nothing")
        ensure_bound(ctx)
    return Principal(s.agent_id, s.agent_id, s.role, None)


def effective_credit_limit(principal: Principal, default: Decimal) -> Decimal:
    """The principal's own limit, else ``default``."""
    return principal.credit_limit if principal.credit_limit is not None else default


def credit_limit(ctx: ConsoleContext) -> Decimal | None:
    """The most the acting principal may credit in one call without a lead; None: no limit.

    A signed-in user's limit comes from their user record, else the floor's default in the
    customer store (both resolved at sign-in, console.auth); never from the workstation's
    config file. The settings' ``credit_limit`` applies only without users and in demo mode.
    """
    p = acting(ctx)
    if p.role == "lead":
        return None
    if ctx.principal is not None:
        return effective_credit_limit(p, FLOOR_CREDIT_LIMIT)
    return effective_credit_limit(p, ctx.settings.credit_limit)
