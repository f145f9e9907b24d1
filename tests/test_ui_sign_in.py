"""Signing in to the window: the dialog, who the window works for, and when nobody is asked."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from qt_helpers import show_exposed
from sqlalchemy import select

from console import audit
from console.auth import Principal, add_user, authenticate, disable_user
from console.models import AuditEntry
from ui import lead_menu, sign_in
from ui.app import make_window
from ui.sign_in import SignInDialog, store_has_users

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def users(ctx) -> Principal:
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    lead = authenticate(ctx, "L001", "lead-password")
    add_user(ctx, lead, "A001", name="Amy", role="agent", secret="246810", credit_limit=Decimal("300"))
    add_user(ctx, lead, "A002", name="Bo", role="agent", secret="bo-password")
    disable_user(ctx, lead, "A002")
    return lead


def _dialog(qtbot, ctx) -> SignInDialog:
    dlg = SignInDialog(ctx)
    qtbot.addWidget(dlg)
    show_exposed(qtbot, dlg)
    return dlg


def _type(qtbot, dlg: SignInDialog, user: str, secret: str) -> None:
    """Keyboard only: the id, Tab, the secret, Enter."""
    dlg.user.setFocus()
    dlg.user.selectAll()
    qtbot.keyClicks(dlg.user, user)
    qtbot.keyClick(dlg.user, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.secret
    qtbot.keyClicks(dlg.secret, secret)
    qtbot.keyClick(dlg.secret, Qt.Key.Key_Return)


def test_store_has_users(ctx, users) -> None:
    assert store_has_users(ctx)


def test_no_users_on_a_fresh_store(ctx) -> None:
    assert not store_has_users(ctx)


def test_right_secret_signs_in(qtbot, ctx, users) -> None:
    dlg = _dialog(qtbot, ctx)
    _type(qtbot, dlg, "A001", "246810")
    assert dlg.result() == SignInDialog.DialogCode.Accepted
    assert dlg.principal == Principal("A001", "Amy", "agent", Decimal("300"))
    assert dlg.secret.text() == ""


def test_wrong_secret_and_unknown_id_get_the_same_line(qtbot, ctx, users) -> None:
    dlg = _dialog(qtbot, ctx)
    _type(qtbot, dlg, "A001", "135790")
    wrong = dlg.message.text()
    assert dlg.principal is None and dlg.isVisible() and dlg.secret.text() == ""
    _type(qtbot, dlg, "NOBODY", "135790")
    assert dlg.message.text() == wrong == "Sign-in failed: unknown id or wrong password"
    assert dlg.principal is None and dlg.isVisible()
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        dlg.grab().save(str(Path(shot) / "sign_in.png"))
    with ctx.journal.session() as s:
        failed = [e.subject for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
                  if e.action == "signin.failed"]
    assert failed == ["A001", None]  # an id that is no user is not kept (it may be a password)


def test_disabled_account_is_refused(qtbot, ctx, users) -> None:
    dlg = _dialog(qtbot, ctx)
    _type(qtbot, dlg, "A002", "bo-password")
    assert dlg.principal is None and "disabled" in dlg.message.text()


def test_empty_id_asks_for_it(qtbot, ctx, users) -> None:
    dlg = _dialog(qtbot, ctx)
    dlg.sign_in()
    assert dlg.message.text() == "Type your agent id." and dlg.principal is None


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    w = make_window(ctx, "en", remember=False)
    qtbot.addWidget(w)
    return w


def test_signed_in_principal_goes_into_the_settings(monkeypatch, window, ctx, users) -> None:
    amy = authenticate(ctx, "A001", "246810")
    monkeypatch.setattr(sign_in, "ask", lambda *a, **k: amy)
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None and menus.signed_in and menus.principal == amy
    s = ctx.settings
    assert (s.agent_id, s.role, s.credit_limit) == ("A001", "agent", Decimal("300"))
    assert "A001" in menus.who_label.text() and "Signed in" in menus.who_label.text()
    menus.shutdown()


def test_cancelled_sign_in_opens_nothing(monkeypatch, window, ctx, users) -> None:
    monkeypatch.setattr(sign_in, "ask", lambda *a, **k: None)
    monkeypatch.setattr(ctx.settings, "role", "lead")  # a flag, not a sign-in
    assert lead_menu.install(window, interactive=True) is None
    assert ctx.settings.credit_limit != Decimal("300") and window.findChild(object, "leadMenu") is None


def _never_ask(*_a: object, **_k: object) -> None:
    raise AssertionError("the window must not ask who is at the keyboard here")


def test_screenshot_never_asks_and_opens_nothing_without_a_sign_in(monkeypatch, window, ctx, users) -> None:
    monkeypatch.setattr(sign_in, "ask", _never_ask)
    monkeypatch.setattr(ctx.settings, "role", "lead")  # a flag, not a sign-in
    assert lead_menu.install(window, interactive=False) is None


def test_screenshot_works_for_whoever_signed_in_on_the_command_line(monkeypatch, window, ctx, users) -> None:
    from console.auth import sign_in as console_sign_in

    monkeypatch.setattr(sign_in, "ask", _never_ask)
    console_sign_in(ctx, "A001", "246810")
    menus = lead_menu.install(window, interactive=False)
    assert menus is not None and menus.signed_in and menus.principal.id == "A001"
    assert not menus.lead_menu.menuAction().isVisible()
    menus.shutdown()


def test_demo_mode_never_asks(monkeypatch, window, ctx, users) -> None:
    monkeypatch.setattr(sign_in, "ask", _never_ask)
    monkeypatch.setattr(ctx.settings, "demo", True)
    monkeypatch.setattr(ctx.settings, "role", "trainer")
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None and menus.principal.role == "trainer" and not menus.signed_in
    menus.shutdown()


def test_no_users_runs_as_the_settings(monkeypatch, window, ctx) -> None:
    monkeypatch.setattr(sign_in, "ask", _never_ask)
    monkeypatch.setattr(ctx.settings, "agent_id", "A009")
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None and menus.principal.id == "A009" and not menus.signed_in
    assert menus.who_label.text() == "Working as A009 (agent), not signed in"
    menus.shutdown()


def test_switch_user(monkeypatch, qtbot, window, ctx, users) -> None:
    amy = authenticate(ctx, "A001", "246810")
    monkeypatch.setattr(sign_in, "ask", lambda *a, **k: users)
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None and menus.lead_menu.menuAction().isVisible()
    assert menus.open_approvals() is not None and "approvals" in menus.views
    monkeypatch.setattr(sign_in, "ask", lambda *a, **k: amy)
    window.findChild(type(menus.act_switch), "switchUser").trigger()
    assert menus.principal == amy and ctx.settings.role == "agent"
    assert menus.views == {} and not menus.lead_menu.menuAction().isVisible()
    menus.shutdown()


def test_the_real_dialog_is_modal_and_keyboard_only(qtbot, window, ctx, users) -> None:
    """No stand-in for ``ask``: the dialog runs its own event loop until Enter signs in."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[SignInDialog] = []

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SignInDialog)
        seen.append(dlg)
        _type(qtbot, dlg, "L001", "lead-password")

    QTimer.singleShot(0, fill)
    menus = lead_menu.install(window, interactive=True)
    assert seen and menus is not None and menus.principal == users and menus.signed_in
    assert menus.lead_menu.menuAction().isVisible() and ctx.settings.role == "lead"
    with ctx.journal.session() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and (last.action, last.subject, last.details["purpose"]) == ("signin.ok", "L001", "signin")
    menus.shutdown()
