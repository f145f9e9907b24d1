"""Issue 14 in the window: it fails closed, and a cancelled user switch keeps the session.

The review opened the window while the user store could not be read: it came up signed out
as the ``--role`` of the settings, and a wrap-up then applied a lead's credit. Here the
store is really unreachable (a PostgreSQL port nobody listens on), the real window is
built, and only the question to the person ("Retry?") is answered by the test. The CLI
part of the issue (``--caller --screenshot`` with users) is in tests/test_security.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from argon2 import PasswordHasher

from console import audit
from console.auth import SignInFailed, SignInLocked, add_user, authenticate, sign_in, unlock_user
from console.errors import PermissionDenied, StoreError
from console.principal import acting, credit_limit
from ui import lead_menu
from ui import sign_in as ui_sign_in
from ui.app import make_window

pytestmark = pytest.mark.gui
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:9/nowhere"  # the discard port: connection refused


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "window-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def users(ctx):  # type: ignore[no-untyped-def]
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    lead = authenticate(ctx, "L001", "lead-password")
    add_user(ctx, lead, "A001", name="Amy", role="agent", secret="246810", credit_limit=Decimal("300"))
    return lead


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    w = make_window(ctx, "en", remember=False)
    qtbot.addWidget(w)
    return w


def test_an_unreadable_user_store_keeps_the_window_closed(monkeypatch, window, ctx) -> None:
    asked: list[str] = []
    monkeypatch.setattr(ctx.settings, "db_url", UNREACHABLE)
    monkeypatch.setattr(ctx.settings, "role", "lead")  # a flag: must not become the window's role
    monkeypatch.setattr(ui_sign_in, "store_unreadable", lambda parent, reason: asked.append(reason) or len(asked) < 2)
    assert lead_menu.install(window, interactive=True) is None
    assert len(asked) == 2 and "cannot open the customer database" in asked[0]  # Retry once, then Close
    assert window.findChild(object, "userMenu") is None and ctx.principal is None
    with pytest.raises(StoreError):  # nothing to record with either: the store is still unreachable
        acting(ctx)


def test_retry_after_the_store_comes_back_asks_who_is_at_the_keyboard(monkeypatch, window, ctx, customer_url,
                                                                      users) -> None:
    amy = authenticate(ctx, "A001", "246810")
    ctx.close()
    monkeypatch.setattr(ctx.settings, "db_url", UNREACHABLE)

    def store_back(parent, reason):  # type: ignore[no-untyped-def]
        ctx.settings.db_url = customer_url  # the network is back: Retry
        return True

    monkeypatch.setattr(ui_sign_in, "store_unreadable", store_back)
    monkeypatch.setattr(ui_sign_in, "ask", lambda *a, **k: amy)
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None and menus.signed_in and menus.principal == amy
    assert credit_limit(ctx) == Decimal("300.00")
    menus.shutdown()


def test_a_store_with_users_never_opens_as_the_settings(monkeypatch, window, ctx, users) -> None:
    monkeypatch.setattr(ctx.settings, "role", "lead")
    assert lead_menu.install(window, interactive=False) is None
    with pytest.raises(PermissionDenied, match="sign in first"):
        acting(ctx)


def test_cancelling_a_user_switch_keeps_the_signed_in_session(monkeypatch, qtbot, window, ctx, users) -> None:
    amy = authenticate(ctx, "A001", "246810")
    monkeypatch.setattr(ui_sign_in, "ask", lambda *a, **k: amy)
    menus = lead_menu.install(window, interactive=True)
    assert menus is not None
    window.show()
    monkeypatch.setattr(ui_sign_in, "ask", lambda *a, **k: None)
    window.findChild(type(menus.act_switch), "switchUser").trigger()
    assert window.isVisible() and menus.principal == amy and menus.signed_in
    assert acting(ctx).id == "A001" and "Signed in: A001" in menus.who_label.text()
    menus.shutdown()


def test_the_dialog_says_an_id_is_locked_and_a_lead_can_unlock_it(qtbot, ctx, users) -> None:
    dialog = ui_sign_in.SignInDialog(ctx)
    qtbot.addWidget(dialog)
    for i in range(5):
        dialog.user.setText("A001")
        dialog.secret.setText(f"wrong-{i}")
        assert not dialog.sign_in()
    dialog.user.setText("A001")
    dialog.secret.setText("246810")
    assert not dialog.sign_in()
    assert "locked" in dialog.message.text() and "a lead can unlock it" in dialog.message.text()
    unlock_user(ctx, users, "A001")
    dialog.secret.setText("246810")
    assert dialog.sign_in() and dialog.principal is not None and dialog.principal.id == "A001"


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_lock_ends_by_itself_after_the_floors_lockout_minutes(ctx, users) -> None:
    clock = _Clock()
    ctx.clock = clock
    for i in range(5):
        with pytest.raises(SignInFailed):
            authenticate(ctx, "A001", f"wrong-{i}")
    clock.now += timedelta(minutes=14, seconds=59)
    with pytest.raises(SignInLocked) as locked:
        authenticate(ctx, "A001", "246810")
    assert locked.value.until == datetime(2026, 12, 3, 9, 15, tzinfo=UTC)
    clock.now += timedelta(seconds=2)
    assert sign_in(ctx, "A001", "246810").id == "A001"
    assert acting(ctx).id == "A001" and credit_limit(ctx) == Decimal("300.00")


def test_the_dialog_refuses_a_lead_of_another_customer_store(qtbot, ctx, users, tmp_path) -> None:
    from console.context import ConsoleContext
    from console.settings import load_settings

    sign_in(ctx, "A001", "246810")  # the journal now belongs to ctx's customer store
    evil = ConsoleContext(load_settings(db=f"sqlite:///{tmp_path / 'evil.db'}", journal=ctx.settings.journal_url,
                                        config=None, agent="EVIL", role="lead"))
    with evil.customers.session() as cs, cs.begin():  # a lead written straight into the other store
        from console.auth import hash_secret
        from console.models import Agent

        cs.add(Agent(id="EVIL", name="Evil", role="lead", password_hash=hash_secret("evil-password"), failed_signins=0))
    dialog = ui_sign_in.SignInDialog(evil)
    qtbot.addWidget(dialog)
    dialog.user.setText("EVIL")
    dialog.secret.setText("evil-password")
    assert not dialog.sign_in() and dialog.principal is None
    assert "belongs to another customer store" in dialog.message.text()
    evil.close()
