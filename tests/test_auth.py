"""Sign-in: argon2 hashes, one message for every failure, disabled users, audited attempts."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from console import audit, auth
from console.auth import FAILED, SignInFailed, add_user, authenticate, disable_user, list_users
from console.errors import PermissionDenied, UserError
from console.models import Agent, AuditEntry
from ui.launcher import main

PRODUCTION_HASHER = auth._hasher


@pytest.fixture(autouse=True)
def _audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test-strength argon2 parameters: the suite shares two cores (production keeps the defaults)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", cheap)
    monkeypatch.setattr(auth, "_dummy_hash", lambda: cheap.hash("dummy"))


def test_production_hasher_is_argon2id_with_default_strength() -> None:
    assert PRODUCTION_HASHER.time_cost >= 2 and PRODUCTION_HASHER.memory_cost >= 65536
    assert PRODUCTION_HASHER.type.name == "ID"


def _audit_actions(ctx) -> list[tuple[str, str, str | None]]:
    with ctx.journal.session() as s:
        return [(e.action, e.actor, e.subject) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def _lead(ctx):
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    return authenticate(ctx, "L001", "lead-password")


def test_first_user_must_be_a_lead_then_only_leads_add_users(ctx) -> None:
    with pytest.raises(PermissionDenied, match="first user must be a lead"):
        add_user(ctx, None, "A001", name="Amy", role="agent", secret="agent-password")
    lead = _lead(ctx)
    assert (lead.id, lead.role, lead.name) == ("L001", "lead", "Lin")
    with pytest.raises(PermissionDenied, match="sign in as a lead"):
        add_user(ctx, None, "A002", name="Bo", role="lead", secret="another-password")
    add_user(ctx, lead, "A001", name="Amy", role="agent", secret="123456", credit_limit=Decimal("500"))
    amy = authenticate(ctx, "A001", "123456")
    assert amy.credit_limit == Decimal("500.00") and amy.role == "agent"
    with pytest.raises(PermissionDenied):
        add_user(ctx, amy, "A003", name="Cy", role="agent", secret="agent-password")
    with ctx.customers.session() as s:
        stored = s.get(Agent, "A001").password_hash
    assert stored.startswith("$argon2id$") and "123456" not in stored


def test_same_message_for_unknown_id_and_wrong_password(ctx) -> None:
    _lead(ctx)
    messages = []
    for agent_id, secret in (("L001", "wrong-password"), ("NOPE", "lead-password"), ("", "x"), ("L" * 500, "x")):
        with pytest.raises(SignInFailed) as info:
            authenticate(ctx, agent_id, secret)
        messages.append(str(info.value))
    assert set(messages) == {FAILED}
    # An id that is no user is audited as "?": it may be a password typed into the id box.
    assert [a for a in _audit_actions(ctx) if a[0] == "signin.failed"][:2] == [
        ("signin.failed", "L001", "L001"), ("signin.failed", "?", None)]


def test_users_without_a_password_cannot_sign_in(ctx) -> None:
    with ctx.customers.session() as s, s.begin():
        s.add(Agent(id="A009", name="Imported", role="agent", password_hash=None))
    with pytest.raises(SignInFailed, match="unknown id or wrong password"):
        authenticate(ctx, "A009", "")


def test_disabled_users_are_refused_and_everything_is_audited(ctx) -> None:
    lead = _lead(ctx)
    add_user(ctx, lead, "A001", name="Amy", role="agent", secret="agent-password")
    disable_user(ctx, lead, "A001")
    with pytest.raises(SignInFailed, match="disabled"):
        authenticate(ctx, "A001", "agent-password")
    with pytest.raises(UserError, match="your own account"):
        disable_user(ctx, lead, "L001")
    assert {u.id: u.active for u in list_users(ctx, lead)} == {"A001": False, "L001": True}
    actions = [a[0] for a in _audit_actions(ctx)]
    assert actions == ["user.add", "signin.ok", "user.add", "user.disable", "signin.refused"]
    with ctx.journal.session() as s:
        assert audit.verify(s).ok


@pytest.mark.parametrize(("secret", "message"), [("12345", "at least 6 digits"), ("short", "at least 8"),
                                                 (" padded-password", "spaces"), ("", "empty")])
def test_weak_secrets_are_refused(ctx, secret: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        add_user(ctx, None, "L001", name="Lin", role="lead", secret=secret)


def test_user_commands(ctx, customer_url: str, journal_url: str, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", customer_url, "--journal", journal_url]
    monkeypatch.setattr("sys.stdin", io.StringIO("lead-password\n"))
    assert main([*base, "user", "add", "L001", "--name", "Lin", "--role", "lead", "--password-stdin"]) == 0
    monkeypatch.setenv("AGENT_CONSOLE_PASSWORD", "lead-password")
    monkeypatch.setattr("sys.stdin", io.StringIO("654321\n"))
    assert main([*base, "--agent", "L001", "user", "add", "A001", "--name", "Amy", "--role", "agent",
                 "--credit-limit", "800", "--password-stdin"]) == 0
    assert main([*base, "--agent", "L001", "user", "disable", "A001"]) == 0
    capsys.readouterr()
    assert main([*base, "--agent", "L001", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "A001" in out and "800.00" in out and "disabled" in out and "L001" in out
    monkeypatch.setenv("AGENT_CONSOLE_PASSWORD", "wrong-password")
    assert main([*base, "--agent", "L001", "user", "list"]) == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and FAILED in err


def test_no_terminal_and_no_password_is_one_line(customer_url: str, journal_url: str,
                                                 monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.delenv("AGENT_CONSOLE_PASSWORD", raising=False)
    assert main(["--db", customer_url, "--journal", journal_url, "user", "add", "L001", "--name", "L",
                 "--role", "lead"]) == 2
    assert "AGENT_CONSOLE_PASSWORD" in capsys.readouterr().err
