"""The role matrix: every role x every service-level action, as documented in docs/roles.md.

Checked three ways: the documented table equals the code's table; ``require`` allows or
refuses each pair accordingly; and the lead-only services themselves refuse the other roles
(a check in the window alone would not be enough).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from console import permissions
from console.approvals import decide, pending_credits
from console.auth import Principal, add_user, list_users
from console.dashboard import floor_dashboard
from console.errors import PermissionDenied
from console.export import ExportRequest, run_export
from console.vocabulary import ROLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "roles.md"


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


@pytest.mark.parametrize("role", ["agent", "trainer"])
def test_services_refuse_non_leads(ctx, tmp_path: Path, role: str) -> None:
    who = Principal("X001", "X", role, None)
    out = tmp_path / "calls.csv"
    for unmasked in (False, True):
        with pytest.raises(PermissionDenied):
            run_export(ctx, who, ExportRequest("csv", out, unmasked=unmasked))
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    with ctx.journal.session() as s:
        with pytest.raises(PermissionDenied):
            decide(s, "any", who, approve=True, reason="", now=ctx.now(), workstation="ws")
        with pytest.raises(PermissionDenied):
            floor_dashboard(s, who, date(2026, 3, 1), date(2026, 3, 31))
        assert pending_credits(s) == []
    with pytest.raises(PermissionDenied):
        list_users(ctx, who)
    with pytest.raises(PermissionDenied):
        add_user(ctx, who, "Z001", name="Z", role="lead", secret="long enough secret")
