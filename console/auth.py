"""Who is at the keyboard: users with argon2-hashed secrets, sign-in, and the principal.

Leads approve credits and export personal data, so the console must know who is signed in,
not just what the environment claims. Secrets (a password or a numeric PIN) are stored only
as argon2id hashes in ``agents.password_hash``; a sign-in gives the same message for an
unknown id and a wrong secret (so ids cannot be probed), refuses disabled users, and every
attempt, good or bad, is an audit entry. The resulting ``Principal`` is what services get
and check with ``console.permissions.require``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import audit
from console.context import ConsoleContext
from console.errors import NotFound, PermissionDenied, UserError
from console.models import Agent
from console.permissions import require
from console.principal import Principal, effective_credit_limit
from console.vocabulary import ROLES

FAILED = "sign-in failed: unknown id or wrong password"
MIN_PIN_DIGITS = 6
MIN_PASSWORD = 8
_hasher = PasswordHasher()
# Verified against when the id is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash("not a real secret, only for timing")


class SignInFailed(PermissionDenied):
    """Unknown id, wrong secret or disabled account: one line, exit code 5."""


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: str
    credit_limit: Decimal | None
    active: bool
    has_secret: bool


def check_secret_strength(secret: str) -> None:
    """A PIN of at least 6 digits, or a password of at least 8 characters."""
    if not secret or secret != secret.strip():
        raise UserError("the password must not be empty or start/end with spaces")
    if secret.isdigit():
        if len(secret) < MIN_PIN_DIGITS:
            raise UserError(f"a PIN needs at least {MIN_PIN_DIGITS} digits")
    elif len(secret) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def parse_credit_limit(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise UserError(f"credit limit must be an amount, not {text!r}") from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise UserError(f"credit limit must be a non-negative amount in cents at most, not {text!r}")
    return amount


def _audit(ctx: ConsoleContext, actor: str, action: str, subject: str | None, details: dict[str, object]) -> None:
    with ctx.journal.session() as js, js.begin():
        audit.append(js, actor=actor[:32], workstation=ctx.settings.workstation[:64], action=action,
                     at=ctx.now(), subject=subject[:200] if subject else subject, details=details)


def _shown_id(agent_id: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in agent_id)[:32]


def authenticate(ctx: ConsoleContext, agent_id: str, secret: str, *, purpose: str = "signin") -> Principal:
    """Check an id and secret against the customer store; audit the attempt either way.

    ``purpose`` is recorded in the audit entry ("signin", or "override" when a lead signs in
    on an agent's screen to approve a credit).
    """
    shown = _shown_id(agent_id)
    with ctx.customers.session() as cs:
        agent = cs.get(Agent, agent_id) if agent_id and len(agent_id) <= 32 else None
        stored = agent.password_hash if agent is not None else None
        ok = False
        try:
            ok = _hasher.verify(stored or _DUMMY_HASH, secret) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if ok and agent is not None and not agent.active:
            _audit(ctx, shown or "?", "signin.refused", shown, {"purpose": purpose, "why": "disabled"})
            raise SignInFailed(f"sign-in refused: the account {shown} is disabled")
        if not ok or agent is None or stored is None:
            _audit(ctx, shown or "?", "signin.failed", shown, {"purpose": purpose})
            raise SignInFailed(FAILED)
        if _hasher.check_needs_rehash(stored):
            with cs.begin():
                agent.password_hash = hash_secret(secret)
        principal = Principal(agent.id, agent.name, agent.role, agent.credit_limit)
    _audit(ctx, principal.id, "signin.ok", principal.id, {"purpose": purpose, "role": principal.role})
    return principal


def has_sign_in_users(session: Session) -> bool:
    """True when someone can sign in: an active user with a password or PIN exists."""
    n = session.scalar(
        select(func.count()).select_from(Agent).where(Agent.active.is_(True), Agent.password_hash.is_not(None))
    )
    return bool(n)


def has_lead(session: Session) -> bool:
    """Whether any active lead can sign in (before the first one, anyone may add a lead)."""
    n = session.scalar(
        select(func.count()).select_from(Agent)
        .where(Agent.role == "lead", Agent.active.is_(True), Agent.password_hash.is_not(None))
    )
    return bool(n)


def add_user(
    ctx: ConsoleContext, by: Principal | None, agent_id: str, *, name: str, role: str, secret: str,
    credit_limit: Decimal | None = None,
) -> UserRow:
    """Add a user, or set a new secret, name, role and limit for an existing id.

    ``by`` is the signed-in lead; it may be None only while no lead exists yet, and then
    only a lead can be added (the first user of a floor is its lead).
    """
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if not agent_id or len(agent_id) > 32 or not agent_id.isprintable() or agent_id != agent_id.strip():
        raise UserError("a user id is 1 to 32 printable characters without surrounding spaces")
    if not name.strip():
        raise UserError("a user needs a name")
    check_secret_strength(secret)
    with ctx.customers.session() as cs, cs.begin():
        if by is None:
            if has_lead(cs):
                raise PermissionDenied("sign in as a lead to manage users")
            if role != "lead":
                raise PermissionDenied("there is no lead yet: the first user must be a lead (--role lead)")
        else:
            require(by, "user.manage")
        agent = cs.get(Agent, agent_id)
        created = agent is None
        if agent is None:
            agent = Agent(id=agent_id, name=name.strip(), role=role)
            cs.add(agent)
        agent.name, agent.role, agent.active = name.strip(), role, True
        agent.credit_limit = credit_limit
        agent.password_hash = hash_secret(secret)
        row = UserRow(agent.id, agent.name, agent.role, agent.credit_limit, True, True)
    _audit(ctx, by.id if by else "bootstrap", "user.add" if created else "user.update", agent_id,
           {"role": role, "credit_limit": str(credit_limit) if credit_limit is not None else None})
    return row


def disable_user(ctx: ConsoleContext, by: Principal, agent_id: str) -> None:
    require(by, "user.manage")
    if agent_id == by.id:
        raise UserError("you cannot disable your own account")
    with ctx.customers.session() as cs, cs.begin():
        agent = cs.get(Agent, agent_id)
        if agent is None:
            raise NotFound(f"no user {_shown_id(agent_id)}")
        agent.active = False
    _audit(ctx, by.id, "user.disable", agent_id, {})


def list_users(ctx: ConsoleContext, by: Principal) -> list[UserRow]:
    require(by, "user.manage")
    with ctx.customers.session() as cs:
        return [
            UserRow(a.id, a.name, a.role, a.credit_limit, a.active, a.password_hash is not None)
            for a in cs.scalars(select(Agent).order_by(Agent.id))
        ]


__all__ = ["Principal", "effective_credit_limit"]  # re-exported: their home is console.principal
