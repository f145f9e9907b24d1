"""The role matrix: every role x every service-level action, as documented in docs/roles.md.

Checked three ways: the documented table equals the code's table; ``require`` allows or
refuses each pair accordingly; and for EVERY "no" of the table, the services themselves
refuse that role and change nothing (a check in the window alone would not be enough),
while a lead's same call gets past the check. The same refusals through the command line
are in tests/test_security.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from export_helpers import call_row, credit_row, insert_actions, insert_calls
from sqlalchemy import func, select

from console import audit, permissions
from console.approvals import approval_queue, decide, pending_credits
from console.auth import Principal, add_user, authenticate, disable_user, list_users, unlock_user
from console.binding import rebind
from console.dashboard import floor_dashboard
from console.data_load import import_scenarios, seed_customers
from console.errors import PermissionDenied, UserError
from console.export import ExportRequest, run_export
from console.floor_policy import set_policy
from console.models import Customer
from console.scenarios import demo_dir
from console.seed import SeedOptions
from console.sync.dead_letters import requeue
from console.vocabulary import ROLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "roles.md"
SCENARIO = demo_dir() / "01-mpro-trial-billed-after-notice.yaml"


def _documented() -> dict[tuple[str, str], bool]:
    table: dict[tuple[str, str], bool] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z.]+)`\s*\|[^|]*\|\s*(yes|no)\s*\|\s*(yes|no)\s*\|\s*(yes|no)\s*\|", line)
        if m:
            for role, cell in zip(("agent", "lead", "trainer"), m.groups()[1:], strict=True):
                table[(m.group(1), role)] = cell == "yes"
    return table


DOCUMENTED = _documented()


def test_documented_matrix_is_the_code_matrix() -> None:
    assert len(DOCUMENTED) == len(permissions.ACTIONS) * len(ROLES)
    for action in permissions.ACTIONS:
        for role in ROLES:
            assert permissions.MATRIX[role][action] == DOCUMENTED[(action, role)], (role, action)


@pytest.mark.parametrize(("action", "role"), sorted(DOCUMENTED))
def test_require_follows_the_matrix(action: str, role: str) -> None:
    who = Principal(f"{role}-1", role, role, None)
    if DOCUMENTED[(action, role)]:
        permissions.require(who, action)
    else:
        with pytest.raises(PermissionDenied, match=f"{role}-1 \\({role}\\) may not"):
            permissions.require(who, action)


def test_lead_only_actions() -> None:
    lead_only = {a for a, (_, roles) in permissions.ACTIONS.items() if roles == {"lead"}}
    assert {"approval.decide", "export", "export.unmasked", "dashboard.view", "user.manage"} <= lead_only


def test_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown service action"):
        permissions.require(Principal("x", "x", "lead", None), "export.everything")


def _with(ctx, who):  # type: ignore[no-untyped-def]
    """``ctx`` acting for ``who`` (what a sign-in does), for the services that read ``acting(ctx)``."""
    ctx.principal = who
    return ctx


# Every action the matrix refuses to some role -> the service calls that enforce it. A new
# action with a "no" must be added here, or test_every_refusal_has_a_service fails.
SERVICES: dict[str, list[Callable[..., object]]] = {
    "approval.list": [lambda ctx, who, tmp: approval_queue(ctx, who)],
    "approval.decide": [lambda ctx, who, tmp: _decide(ctx, who)],
    "export": [lambda ctx, who, tmp: run_export(ctx, who, ExportRequest("csv", tmp / "x.csv"))],
    "export.unmasked": [lambda ctx, who, tmp: run_export(ctx, who, ExportRequest("csv", tmp / "x.csv", unmasked=True))],
    "dashboard.view": [lambda ctx, who, tmp: _dashboard(ctx, who)],
    "user.manage": [
        lambda ctx, who, tmp: list_users(ctx, who),
        lambda ctx, who, tmp: add_user(ctx, who, "Z001", name="Z", role="lead", secret="long enough secret"),
        lambda ctx, who, tmp: disable_user(ctx, who, "L001"),
        lambda ctx, who, tmp: unlock_user(ctx, who, "L001"),
    ],
    "audit.verify": [lambda ctx, who, tmp: audit.verify_trail(_with(ctx, who))],
    "config.change": [lambda ctx, who, tmp: set_policy(ctx, who, "credit_limit", "100000"),
                      lambda ctx, who, tmp: rebind(ctx, who, ctx, who)],
    "scenario.import": [lambda ctx, who, tmp: import_scenarios(_with(ctx, who), [SCENARIO]),
                        lambda ctx, who, tmp: seed_customers(_with(ctx, who), SeedOptions(customers=5))],
    "sync.requeue": [lambda ctx, who, tmp: requeue(ctx, who, "crm")],
}
REFUSALS = sorted((action, role) for (action, role), allowed in DOCUMENTED.items() if not allowed)


def _decide(ctx, who):  # type: ignore[no-untyped-def]
    with ctx.journal.session() as s, s.begin():
        return decide(s, "act-call-000000-0", who, approve=True, reason="", now=ctx.now(), workstation="ws")


def _dashboard(ctx, who):  # type: ignore[no-untyped-def]
    with ctx.journal.session() as s:
        return floor_dashboard(s, who, date(2026, 3, 1), date(2026, 3, 31))


def test_every_refusal_has_a_service() -> None:
    assert {action for action, _ in REFUSALS} == set(SERVICES)


@pytest.fixture
def floor(ctx, monkeypatch: pytest.MonkeyPatch) -> Principal:
    """A lead, and one credit waiting for approval: what the refused calls would change."""
    monkeypatch.setenv(audit.KEY_ENV, "matrix-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    call = call_row(0)
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, [call])
        insert_actions(s, [credit_row(call, "1200", "pending_approval")])
    return authenticate(ctx, "L001", "lead-password")


@pytest.mark.parametrize(("action", "role"), REFUSALS)
def test_each_service_refuses_the_roles_marked_no(ctx, floor: Principal, tmp_path: Path, action: str, role: str) -> None:
    who = Principal("X001", "X", role, None)
    with ctx.customers.session() as cs:
        customers = cs.scalar(select(func.count()).select_from(Customer))
    for service in SERVICES[action]:
        with pytest.raises(PermissionDenied, match=f"X001 \\({role}\\) may not"):
            service(ctx, who, tmp_path)
        ctx.principal = None
    # Nothing changed: the credit still waits, no export file, no new customer, the lead still a lead.
    with ctx.journal.session() as s:
        assert [(p.action_id, p.amount) for p in pending_credits(s)] == [("act-call-000000-0", Decimal("1200.00"))]
    with ctx.customers.session() as cs:
        assert cs.scalar(select(func.count()).select_from(Customer)) == customers
    assert [u.role for u in list_users(ctx, floor)] == ["lead"]
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob("*.part")) == []


@pytest.mark.parametrize(("action", "role"), REFUSALS)
def test_the_same_services_let_a_lead_through(ctx, floor: Principal, tmp_path: Path, action: str, role: str) -> None:
    """The refusal above is the role's, not a broken call: the lead's same call passes the check."""
    service = SERVICES[action][0]
    try:
        service(ctx, floor, tmp_path)
    except PermissionDenied as exc:
        raise AssertionError(f"a lead was refused {action}: {exc}") from exc
    except UserError:
        pass  # past the role check (e.g. no hook named crm)
