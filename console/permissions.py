"""The role matrix: which role may do which service-level action, as one table of data.

Services call ``require(principal, action)`` before doing anything a role decides, so the
window hiding a menu is only a convenience: the CLI, a script or a patched window hits
the same refusal. The matrix is data (not ``if role == ...`` scattered through the code)
so ``docs/roles.md`` and the role-matrix test can be checked against it line by line.
"""

from __future__ import annotations

from typing import Protocol

from console.errors import PermissionDenied
from console.vocabulary import ROLES

# action -> (what it means, roles allowed). Keep docs/roles.md in step with this table.
ACTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "customer.view": ("look a caller up and see the suggestions", frozenset({"agent", "lead", "trainer"})),
    "call.record": ("record a call outcome", frozenset({"agent", "lead", "trainer"})),
    "credit.issue": ("issue a credit up to one's own limit", frozenset({"agent", "lead", "trainer"})),
    "approval.list": ("see the queue of credits waiting for approval", frozenset({"lead"})),
    "approval.decide": ("approve or reject a credit above an agent's limit", frozenset({"lead"})),
    "export": ("export call logs (personal data masked)", frozenset({"lead"})),
    "export.unmasked": ("export call logs with personal data unmasked", frozenset({"lead"})),
    "dashboard.view": ("see the floor dashboard", frozenset({"lead"})),
    "user.manage": ("add, disable and list users", frozenset({"lead"})),
    "audit.verify": ("verify the audit trail", frozenset({"lead"})),
    "config.change": ("change the configuration", frozenset({"lead"})),
    "scenario.import": ("import training scenarios or generate a synthetic population",
                        frozenset({"lead", "trainer"})),
    "demo.run": ("run the console in demo (training) mode", frozenset({"agent", "lead", "trainer"})),
    "sync.run": ("deliver pending events to the sync hooks", frozenset({"agent", "lead", "trainer"})),
    "sync.status": ("see the sync status", frozenset({"agent", "lead", "trainer"})),
    "sync.requeue": ("send events a hook refused (dead letters) again", frozenset({"lead"})),
}

# The same table as role -> action -> allowed, for code and tests that read it that way.
MATRIX: dict[str, dict[str, bool]] = {
    role: {action: role in roles for action, (_, roles) in ACTIONS.items()} for role in ROLES
}


class HasRole(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def role(self) -> str: ...


def allowed(role: str, action: str) -> bool:
    """True if ``role`` may do ``action``; an unknown action is a programming error."""
    try:
        _, roles = ACTIONS[action]
    except KeyError:
        raise ValueError(f"unknown service action {action!r}") from None
    return role in roles


def require(principal: HasRole, action: str) -> None:
    """Raise PermissionDenied (one line, exit code 5) unless the principal's role allows it."""
    if not allowed(principal.role, action):
        what, roles = ACTIONS[action]
        raise PermissionDenied(
            f"{principal.id} ({principal.role}) may not {what}: needs the role {' or '.join(sorted(roles))}"
        )


def actions_for(role: str) -> list[str]:
    """The actions a role may do, in table order (for menus and `user list`)."""
    return [action for action, (_, roles) in ACTIONS.items() if role in roles]
