"""The lead's menu in the window, the supervisor override, and the agent's decision notices."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from export_helpers import AGENT, LEAD, TRAINER, call_row, credit_row, insert_actions, insert_calls
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from qt_helpers import show_exposed
from ui_assist_helpers import make_ctx, scenarios_template_fixture  # noqa: F401 - fixtures

from console import audit
from console.approvals import decide
from console.auth import Principal, add_user, authenticate
from console.errors import PermissionDenied
from console.export import ExportRequest, run_export
from ui.app import make_window
from ui.approvals import SupervisorOverrideDialog
from ui.lead_menu import UserMenus

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    monkeypatch.setattr("console.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    w = make_window(ctx, "en", remember=False)
    qtbot.addWidget(w)
    return w


def _menus(window, who: Principal, signed_in: bool = True) -> UserMenus:  # type: ignore[no-untyped-def]
    return UserMenus(window, who, signed_in, Decimal("1000"))


def _lead_visible(menus: UserMenus) -> bool:
    return menus.lead_menu.menuAction().isVisible() and all(a.isVisible() for a in menus.lead_actions.values())


def test_lead_menu_for_a_signed_in_lead_only(window) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, LEAD)
    assert _lead_visible(menus) and all(a.isEnabled() for a in menus.lead_actions.values())
    assert [a.text() for a in menus.lead_menu.actions()] == ["Floor dashboard", "Export call logs…", "Approvals queue"]
    for who, signed_in in ((AGENT, True), (TRAINER, True), (LEAD, False)):  # a lead only by --role is no lead
        menus.set_principal(who, signed_in)
        assert not menus.lead_menu.menuAction().isVisible()
        assert not any(a.isVisible() or a.isEnabled() for a in menus.lead_actions.values())
    menus.shutdown()


def test_an_agent_triggering_a_lead_entry_is_refused(window) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, AGENT)
    assert menus.open_export() is None and menus.open_dashboard() is None and menus.open_approvals() is None
    assert "may not" in window.statusBar().currentMessage() and menus.views == {}
    menus.shutdown()


def test_the_export_service_refuses_an_agent_directly(ctx, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="may not export"):
        run_export(ctx, AGENT, ExportRequest("csv", tmp_path / "x.csv"))
    with pytest.raises(PermissionDenied):
        run_export(ctx, TRAINER, ExportRequest("csv", tmp_path / "x.csv"))
    assert not (tmp_path / "x.csv").exists()


@pytest.fixture
def pending(ctx) -> str:
    calls = [call_row(0), call_row(3)]  # both taken by A001
    rows = [credit_row(calls[0], "1200", "pending_approval"), credit_row(calls[1], "900", "pending_approval")]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, calls)
        insert_actions(s, rows)
    return str(rows[0]["id"])


def test_lead_opens_the_queue_the_export_and_the_dashboard(qtbot, window, pending) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, LEAD)
    show_exposed(qtbot, window)
    approvals = menus.open_approvals()
    assert approvals is not None
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 2, timeout=30_000)
    export = menus.open_export()
    assert export is not None and export.isVisible() and export.unmasked.isEnabled()
    dashboard = menus.open_dashboard()
    assert dashboard is not None
    with qtbot.waitSignal(dashboard.loaded, timeout=30_000):
        pass
    assert set(menus.views) == {"approvals", "export", "dashboard"}
    assert menus.open_approvals() is approvals  # the same window again, not a second one
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        menu = menus.lead_menu
        with qtbot.waitExposed(menu):
            menu.popup(window.mapToGlobal(QPoint(200, 30)))
        menu.grab().save(str(Path(shot) / "lead_menu.png"))
        menu.hide()
        window.grab().save(str(Path(shot) / "lead_window.png"))
        dashboard.grab().save(str(Path(shot) / "lead_dashboard.png"))
    menus.shutdown()
    assert menus.views == {}


def test_agent_sees_the_decision_after_a_lead_approves(qtbot, window, ctx, pending) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, AGENT)
    watcher = menus.watcher
    with qtbot.waitSignal(watcher.polled, timeout=30_000) as polled:
        watcher.poll()
    assert polled.args == [0] and watcher.notice.isHidden()
    with ctx.journal.session() as s, s.begin():
        decide(s, pending, LEAD, approve=True, reason="checked the usage", now=ctx.now(), workstation="ws-lead")
    with qtbot.waitSignal(watcher.decided, timeout=30_000) as decided:
        watcher.poll()
    assert decided.args[0].decision.action_id == pending and decided.args[0].decision.approved
    # C000 is not in this customer store: the notice names the id, and the amount; never the UUID.
    text = "✓ Credit NT$1,200 for C000 approved by L001: checked the usage"
    assert watcher.notice.text() == text and not watcher.notice.isHidden() and pending not in text
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        show_exposed(qtbot, window)
        window.statusBar().grab().save(str(Path(shot) / "decision_notice.png"))
    with qtbot.waitSignal(watcher.polled, timeout=30_000) as polled:
        watcher.poll()
    assert polled.args == [0]  # announced once
    menus.shutdown()


def test_the_lead_menu_entry_opens_the_queue_with_its_title(qtbot, window, pending) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, LEAD)
    window.findChild(QAction, "leadApprovals").trigger()  # triggered(bool) must not become a principal
    view = menus.views.get("approvals")
    assert view is not None and view.windowTitle() == "Approvals queue" and "override" not in menus.views
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=30_000)
    menus.shutdown()


def test_the_override_queue_checks_the_role_too(window) -> None:  # type: ignore[no-untyped-def]
    menus = _menus(window, AGENT)
    assert menus.open_override_queue(AGENT) is None and menus.open_override_queue(TRAINER) is None
    assert "may not see the queue" in window.statusBar().currentMessage() and menus.views == {}
    menus.shutdown()


@pytest.fixture
def lead_world(qtbot, scenarios_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The shipped customers; A001's NT$1,200 credit for 林美玲 (C-0002) waits; the window shows her."""
    ctx = make_ctx(scenarios_template, tmp_path)
    call = call_row(0, customer_id="C-0002", phone_e164="+886928765432", agent_id="A001")
    credit = credit_row(call, "1200", "pending_approval")
    credit.update(service_code="FIBMOD", periods=["2009-03", "2009-04"])
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, [call])
        insert_actions(s, [credit])
    w = make_window(ctx, "en", remember=False)
    qtbot.addWidget(w)
    show_exposed(qtbot, w)
    yield ctx, w
    ctx.close()


def test_opening_a_queued_credit_pops_its_customer(qtbot, lead_world) -> None:  # type: ignore[no-untyped-def]
    ctx, window = lead_world
    menus = _menus(window, LEAD)
    view = menus.open_approvals()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=30_000)
    with qtbot.waitSignal(window.popped, timeout=30_000) as popped:
        view.open_button.click()
    assert popped.args[0].view.customer.id == "C-0002" and window.result.view.customer.name == "林美玲"
    menus.shutdown()


def test_a_decision_updates_the_queue_and_the_agents_window_at_once(qtbot, lead_world) -> None:  # type: ignore[no-untyped-def]
    ctx, window = lead_world
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    lead = authenticate(ctx, "L001", "lead-password")
    menus = _menus(window, AGENT)  # the agent's window; its watcher's timer is not running here
    with qtbot.waitSignal(window.popped, timeout=30_000):
        window.pop("0928-765-432")
    view = menus.open_override_queue(lead)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=30_000)
    view.approve_button.click()
    qtbot.waitUntil(lambda: view.confirm is not None)
    with qtbot.waitSignal(menus.watcher.decided, timeout=30_000) as decided, \
            qtbot.waitSignal(window.popped, timeout=30_000) as popped:
        view.confirm.defaultButton().click()
    assert decided.args[0].customer.name == "林美玲"
    assert menus.watcher.notice.text() == "✓ Credit NT$1,200 for 林美玲 (Mar 2009, Apr 2009) approved by L001"
    assert popped.args[0].view.customer.id == "C-0002"  # the agent's screen shows the decision
    assert all(c.state != "pending_approval" for c in popped.args[0].credits)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.empty.isVisible(), timeout=30_000)
    menus.shutdown()


def test_supervisor_override_on_the_agents_screen(qtbot, window, ctx, pending) -> None:  # type: ignore[no-untyped-def]
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    lead = authenticate(ctx, "L001", "lead-password")
    menus = _menus(window, AGENT)
    action = window.findChild(QAction, "supervisorOverride")
    assert action is not None and action.isEnabled()
    action.trigger()
    dialog = window.findChild(SupervisorOverrideDialog, "supervisorOverrideDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.user.setText("L001")
    dialog.secret.setText("lead-password")
    dialog.sign_in()
    view = menus.views.get("override")
    assert view is not None and view.principal == lead and "L001" in view.windowTitle()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=30_000)
    view.approve_button.click()
    qtbot.waitUntil(lambda: view.confirm is not None)
    with qtbot.waitSignal(view.decided, timeout=30_000):
        view.confirm.defaultButton().click()
    assert menus.principal == AGENT and ctx.settings.role == "agent"  # the window still works for the agent
    menus.shutdown()


def test_the_menus_and_the_notice_follow_a_language_switch(qtbot, window, ctx, pending) -> None:  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.i18n import install_translators

    menus = _menus(window, AGENT)
    with ctx.journal.session() as s, s.begin():
        decide(s, pending, LEAD, approve=True, reason="ok", now=ctx.now(), workstation="ws-lead")
    with qtbot.waitSignal(menus.watcher.decided, timeout=30_000):
        menus.watcher.poll()
    assert menus.user_menu.title() == "&User" and menus.watcher.notice.text().startswith("✓ Credit NT$1,200")
    try:
        window.setProperty("language", "zh_TW")
        install_translators(application(), "zh_TW")
        qtbot.waitUntil(lambda: menus.user_menu.title() != "&User")
        assert menus.lead_menu.title() == "主管(&L)" and menus.who_label.text().startswith("已登入")
        assert menus.watcher.notice.text().startswith("✓ 給 C000 的 NT$1,200 折抵已由 L001 核准")
    finally:
        install_translators(application(), "en")
        window.setProperty("language", "en")
    menus.shutdown()
