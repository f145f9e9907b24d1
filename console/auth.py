"""Who is at the keyboard: users with argon2-hashed secrets, sign-in, and the principal.

Leads approve credits and export personal data, so the console must know who is signed in,
not just what the environment claims. Secrets (a password or a numeric PIN) are stored only
as argon2id hashes in ``agents.password_hash``; a sign-in gives the same message for an
unknown id and a wrong secret (so ids cannot be probed), refuses disabled users, and every
attempt, good or bad, is an audit entry. Consecutive failures lock an id for a while (the
floor's policy, console.floor_policy). The resulting ``Principal`` (role and credit limit
from the user record, never from flags or a config file) is what services get and check
with ``console.permissions.require``; ``sign_in`` also makes it the context's principal.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console import audit, binding, floor_policy
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
# Made on the first sign-in, not at import: hashing costs ~0.1 s, which a window that opens
# without asking anyone (no users yet, demo) would pay before its first frame.


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a real secret, only for timing")


class SignInFailed(PermissionDenied):
    """Unknown id, wrong secret or disabled account: one line, exit code 5."""


class SignInLocked(SignInFailed):
    """Too many consecutive failures: the id is refused until ``until`` (or a lead unlocks it)."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: str
    credit_limit: Decimal | None
    active: bool
    has_secret: bool
    locked: bool = False


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


def _locked_message(shown: str, until: datetime, after: int) -> str:
    return (f"sign-in refused: {shown} is locked after {after} failed sign-ins until {until:%Y-%m-%d %H:%M} UTC "
            f"(a lead can unlock it: agent-console user unlock {shown})")


def _record_failure(cs: Session, agent: Agent, now: datetime, after: int, minutes: int) -> datetime | None:
    """Count one more consecutive failure (in the caller's transaction); lock the id when it
    reaches ``after``. Returns the end of the lock, if this failure locked it."""
    cs.execute(update(Agent).where(Agent.id == agent.id).values(failed_signins=Agent.failed_signins + 1))
    failures = int(cs.scalar(select(Agent.failed_signins).where(Agent.id == agent.id)) or 0)
    if failures < after:
        return None
    until = now + timedelta(minutes=minutes)
    cs.execute(update(Agent).where(Agent.id == agent.id).values(locked_until=until, failed_signins=0))
    return until


def authenticate(ctx: ConsoleContext, agent_id: str, secret: str, *, purpose: str = "signin") -> Principal:
    """Check an id and secret against the customer store; audit the attempt either way.

    ``purpose`` is recorded in the audit entry ("signin", or "override" when a lead signs in
    on an agent's screen to approve a credit). After ``lockout_after`` consecutive failures
    (floor policy, default 5) the id is locked for ``lockout_minutes`` (default 15): the
    right secret is refused too until then, or until a lead unlocks it. An id that is not a
    user is audited as ``?``: what was typed there may be a password typed in the wrong box.
    """
    shown = _shown_id(agent_id)
    now = ctx.now()
    principal: Principal | None = None
    # The counters are committed before the attempt is audited and refused.
    with ctx.customers.session() as cs, cs.begin():
        agent = cs.get(Agent, agent_id) if agent_id and len(agent_id) <= 32 else None
        actor = agent.id if agent is not None else "?"
        subject = agent.id if agent is not None else None
        after = int(floor_policy.value(cs, "lockout_after"))
        minutes = int(floor_policy.value(cs, "lockout_minutes"))
        locked = agent.locked_until if agent is not None and agent.locked_until and agent.locked_until > now else None
        outcome, until = "locked", locked
        if locked is None:
            stored = agent.password_hash if agent is not None else None
            try:
                ok = _hasher.verify(stored or _dummy_hash(), secret) and stored is not None
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                ok = False
            if not ok or agent is None or stored is None:
                outcome = "failed"
                until = _record_failure(cs, agent, now, after, minutes) if agent is not None else None
            elif not agent.active:
                outcome = "disabled"
            else:
                outcome = "ok"
                agent.failed_signins, agent.locked_until = 0, None
                if _hasher.check_needs_rehash(stored):
                    agent.password_hash = hash_secret(secret)
                limit = agent.credit_limit if agent.credit_limit is not None else floor_policy.value(cs, "credit_limit")
                principal = Principal(agent.id, agent.name, agent.role, Decimal(limit))
    if outcome == "locked":
        assert until is not None
        _audit(ctx, actor, "signin.locked", subject, {"purpose": purpose, "until": until.isoformat()})
        raise SignInLocked(_locked_message(shown, until, after), until)
    if outcome == "failed":
        details: dict[str, object] = {"purpose": purpose}
        details.update({"locked_until": until.isoformat()} if until else {} if subject else {"known_id": False})
        _audit(ctx, actor, "signin.failed", subject, details)
        if until is not None:
            raise SignInLocked(_locked_message(shown, until, after), until)
        raise SignInFailed(FAILED)
    if outcome == "disabled":
        _audit(ctx, actor, "signin.refused", subject, {"purpose": purpose, "why": "disabled"})
        raise SignInFailed(f"sign-in refused: the account {shown} is disabled")
    assert principal is not None
    _audit(ctx, principal.id, "signin.ok", principal.id, {"purpose": purpose, "role": principal.role})
    return principal


def sign_in(ctx: ConsoleContext, agent_id: str, secret: str) -> Principal:
    """Sign in the person at the keyboard: authenticate, check the journal belongs to this store,
    and make the principal the one every service acts for (``console.principal.acting``)."""
    principal = authenticate(ctx, agent_id, secret)
    binding.ensure_bound(ctx)
    ctx.principal = principal
    ctx.settings.agent_id, ctx.settings.role = principal.id, principal.role
    return principal


def has_sign_in_users(session: Session) -> bool:
    """True when someone can sign in: an active user with a password or PIN exists."""
    n = session.scalar(
        select(func.count()).select_from(Agent).where(Agent.active.is_(True), Agent.password_hash.is_not(None))
    )
    return bool(n)


def store_has_users(session: Session) -> bool:
    """True once the store has ever had a user: from then on, everything signs in.

    The ``users.since`` mark stays when users are disabled or removed, so emptying the user
    table does not bring back the no-sign-in bootstrap.
    """
    return floor_policy.get(session, floor_policy.USERS_SINCE) is not None or has_sign_in_users(session)


def users_exist(ctx: ConsoleContext) -> bool:
    with ctx.customers.session() as cs:
        return store_has_users(cs)


def _active_leads(session: Session) -> list[str]:
    return list(session.scalars(
        select(Agent.id).where(Agent.role == "lead", Agent.active.is_(True), Agent.password_hash.is_not(None))
    ))


def has_lead(session: Session) -> bool:
    """Whether any active lead can sign in."""
    return bool(_active_leads(session))


def _keep_a_lead(session: Session, agent: Agent, *, role: str, active: bool) -> None:
    """Refuse the change that would leave the store without an active lead who can sign in."""
    if agent.role == "lead" and (role != "lead" or not active) and _active_leads(session) == [agent.id]:
        raise PermissionDenied(f"{_shown_id(agent.id)} is the last active lead: add another lead first")


def add_user(
    ctx: ConsoleContext, by: Principal | None, agent_id: str, *, name: str, role: str, secret: str,
    credit_limit: Decimal | None = None,
) -> UserRow:
    """Add a user, or set a new secret, name, role and limit for an existing id.

    ``by`` is the signed-in lead; it may be None only on a store that has never had a user
    (the bootstrap), and then only a lead can be added (the first user of a floor is its lead).
    """
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if not agent_id or len(agent_id) > 32 or not agent_id.isprintable() or agent_id != agent_id.strip():
        raise UserError("a user id is 1 to 32 printable characters without surrounding spaces")
    if not name.strip():
        raise UserError("a user needs a name")
    check_secret_strength(secret)
    if by is None:
        binding.ensure_bound(ctx)  # the first lead's store must be the one this journal belongs to
    with ctx.customers.session() as cs, cs.begin():
        if by is None:
            if store_has_users(cs):
                raise PermissionDenied("sign in as a lead to manage users")
            if role != "lead":
                raise PermissionDenied("there is no lead yet: the first user must be a lead (--role lead)")
        else:
            require(by, "user.manage")
        agent = cs.get(Agent, agent_id)
        created = agent is None
        if agent is None:
            agent = Agent(id=agent_id, name=name.strip(), role=role, failed_signins=0)
            cs.add(agent)
        else:
            _keep_a_lead(cs, agent, role=role, active=True)
        agent.name, agent.role, agent.active = name.strip(), role, True
        agent.credit_limit = credit_limit
        agent.password_hash = hash_secret(secret)
        agent.failed_signins, agent.locked_until = 0, None
        floor_policy.store_id(cs)
        if floor_policy.get(cs, floor_policy.USERS_SINCE) is None:
            floor_policy.put(cs, floor_policy.USERS_SINCE, ctx.now().isoformat())
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
        _keep_a_lead(cs, agent, role=agent.role, active=False)
        agent.active = False
    _audit(ctx, by.id, "user.disable", agent_id, {})


def unlock_user(ctx: ConsoleContext, by: Principal, agent_id: str) -> bool:
    """A lead lifts a sign-in lock (and the failure count); True if the id was locked."""
    require(by, "user.manage")
    with ctx.customers.session() as cs, cs.begin():
        agent = cs.get(Agent, agent_id)
        if agent is None:
            raise NotFound(f"no user {_shown_id(agent_id)}")
        was_locked = agent.locked_until is not None and agent.locked_until > ctx.now()
        agent.failed_signins, agent.locked_until = 0, None
    _audit(ctx, by.id, "user.unlock", agent_id, {"was_locked": was_locked})
    return was_locked


def list_users(ctx: ConsoleContext, by: Principal) -> list[UserRow]:
    require(by, "user.manage")
    now = ctx.now()
    with ctx.customers.session() as cs:
        return [
            UserRow(a.id, a.name, a.role, a.credit_limit, a.active, a.password_hash is not None,
                    a.locked_until is not None and a.locked_until > now)
            for a in cs.scalars(select(Agent).order_by(Agent.id))
        ]


__all__ = ["Principal", "effective_credit_limit"]  # re-exported: their home is console.principal
