"""The signed-in user in the window: the User menu, the lead's menu, and who is shown as at work.

``install(window, interactive)`` is the one hook ``ui.app`` calls: it asks who is at the
keyboard (``ui.sign_in``) when the store has users, then adds

- a **User** menu: who is signed in, *Sign out / switch user…*, and *Supervisor approval…*
  (a lead signs in on this screen to approve a waiting credit: ``SupervisorOverrideDialog``);
- a **Lead** menu, shown only to a signed-in lead: the floor dashboard, *Export call
  logs…* (the unmasked option sits in the dialog, enabled only for a role allowed it) and
  the approvals queue;
- the signed-in user in the status bar, and the watcher that announces the decisions on
  their credits (``ui.decisions``).

Hiding entries is a convenience only: every slot and every service checks
``console.permissions`` again, so a patched menu still gets ``PermissionDenied``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from console.errors import UserError
from console.permissions import allowed, require
from ui.decisions import DecisionWatcher, refresh_if_showing

if TYPE_CHECKING:
    from console.approvals import Decision
    from console.auth import Principal
    from console.context import ConsoleContext

# ui.sign_in (argon2, the customer store's models) is imported only when someone signs in:
# a --screenshot, the demo and a store without users open the window without that cost.

# Lead menu entry -> the service action that decides whether it is offered.
LEAD_ACTIONS = {"leadDashboard": "dashboard.view", "leadExport": "export", "leadApprovals": "approval.list"}


@dataclass(frozen=True)
class SettingsUser:
    """Who the window works for while nobody signed in: the id and role of the settings."""

    id: str
    name: str
    role: str
    credit_limit: Decimal | None = None


def settings_user(ctx: ConsoleContext) -> SettingsUser:
    return SettingsUser(ctx.settings.agent_id, ctx.settings.agent_id, ctx.settings.role)


def fit_to_screen(window: QWidget, size: tuple[int, int], grow: bool = True) -> tuple[int, int]:
    """``size`` never larger than the screen; grown to most of a large one (1920x1080) if ``grow``."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return size
    avail = screen.availableGeometry()
    w, h = size
    if grow:
        w, h = max(w, int(avail.width() * 0.7)), max(h, int(avail.height() * 0.8))
    return min(w, avail.width()), min(h, avail.height())


def fill(template: str, *values: str) -> str:
    """``%1``, ``%2``... replaced in one pass (a value containing ``%2`` stays as typed)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
                  template)


class UserMenus(QObject):
    """User and Lead menus for one window; ``principal`` is whoever the window works for."""

    principal_changed = Signal(object)  # Principal or SettingsUser

    def __init__(self, window: QMainWindow, principal: Principal | SettingsUser, signed_in: bool, default_limit: Decimal) -> None:
        super().__init__(window)
        self.setObjectName("userMenus")
        self.window = window
        self.ctx = window.ctx  # type: ignore[attr-defined]
        self.default_limit = default_limit
        self.principal = principal
        self.signed_in = signed_in
        self.views: dict[str, QWidget] = {}

        self.user_menu = self._menu(self.tr("&User"))
        self.user_menu.setObjectName("userMenu")
        self.act_who = QAction(self.window)
        self.act_who.setObjectName("whoIsSignedIn")
        self.act_who.setEnabled(False)
        self.user_menu.addAction(self.act_who)
        self.user_menu.addSeparator()
        self.act_switch = self._action(self.user_menu, self.tr("Sign out / switch user…"), ("Ctrl+Shift+U",),
                                       self.switch_user, "switchUser")
        self.act_override = self._action(self.user_menu, self.tr("Supervisor approval…"), ("Ctrl+Shift+O",),
                                         self.supervisor_override, "supervisorOverride")

        self.lead_menu = self._menu(self.tr("&Lead"))
        self.lead_menu.setObjectName("leadMenu")
        self.lead_actions = {
            "leadDashboard": self._action(self.lead_menu, self.tr("Floor dashboard"), ("Ctrl+Shift+D",),
                                          self.open_dashboard, "leadDashboard"),
            "leadExport": self._action(self.lead_menu, self.tr("Export call logs…"), ("Ctrl+Shift+X",),
                                       self.open_export, "leadExport"),
            "leadApprovals": self._action(self.lead_menu, self.tr("Approvals queue"), ("Ctrl+Shift+P",),
                                          self.open_approvals, "leadApprovals"),
        }
        self.who_label = QLabel()
        self.who_label.setObjectName("whoLabel")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.who_label)
        self.watcher = DecisionWatcher(window, self.ctx, principal.id, self.ctx.now())
        self.set_principal(principal, signed_in)
        window.installEventFilter(self)

    def _menu(self, title: str) -> QMenu:
        """A menu before Help (Help stays last), or at the end when the window has no Help menu."""
        help_menu = getattr(self.window, "_menus", {}).get("help")
        menu = QMenu(title, self.window)
        bar = self.window.menuBar()
        if isinstance(help_menu, QMenu):
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    def _action(self, menu: QMenu, text: str, keys: Iterable[str], slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    # -- who -------------------------------------------------------------------------------------
    def set_principal(self, principal: Principal | SettingsUser, signed_in: bool) -> None:
        """Work for ``principal`` from now on: the settings, the menus, the status bar, the watcher."""
        self.close_views()
        self.principal, self.signed_in = principal, signed_in
        if signed_in:
            from ui.sign_in import apply_principal

            apply_principal(self.ctx, principal, self.default_limit)
        any_lead = False
        for name, action in self.lead_actions.items():
            on = signed_in and allowed(principal.role, LEAD_ACTIONS[name])
            action.setVisible(on)
            action.setEnabled(on)
            any_lead = any_lead or on
        self.lead_menu.menuAction().setVisible(any_lead)
        self.act_override.setEnabled(not any_lead)  # a lead has the queue itself
        self._show_who()
        self.watcher.follow(principal.id, self.ctx.now())
        self.principal_changed.emit(principal)

    def _show_who(self) -> None:
        p = self.principal
        if self.signed_in:
            who = fill(self.tr("Signed in: %1 %2 (%3)"), p.id, p.name, p.role)
        else:
            who = fill(self.tr("Working as %1 (%2), not signed in"), p.id, p.role)
        self.who_label.setText(who)
        self.act_who.setText(who)

    def retranslate(self) -> None:
        """The menus and the status bar in the new language (a live language switch)."""
        self.user_menu.setTitle(self.tr("&User"))
        self.act_switch.setText(self.tr("Sign out / switch user…"))
        self.act_override.setText(self.tr("Supervisor approval…"))
        self.lead_menu.setTitle(self.tr("&Lead"))
        self.lead_actions["leadDashboard"].setText(self.tr("Floor dashboard"))
        self.lead_actions["leadExport"].setText(self.tr("Export call logs…"))
        self.lead_actions["leadApprovals"].setText(self.tr("Approvals queue"))
        self._show_who()
        self.watcher.retranslate()

    def switch_user(self) -> None:
        """Sign out; the next user signs in (Cancel keeps the current user signed in)."""
        from ui.sign_in import ask, store_has_users

        try:
            has_users = store_has_users(self.ctx)
        except Exception as exc:  # noqa: BLE001 - the store is unreachable: say so, keep working
            self.window.statusBar().showMessage(self.tr("Cannot read the users: %1").replace("%1", str(exc).splitlines()[0]), 8000)
            return
        if not has_users:
            self.window.statusBar().showMessage(
                self.tr("No users in this store yet: a lead adds them with agent-console user add"), 8000)
            return
        principal = ask(self.ctx, self.window)
        if principal is None:  # Cancel: back to the session of whoever was signed in
            return
        self.set_principal(principal, True)

    # -- the lead's views ------------------------------------------------------------------------
    def _refused(self, action: str) -> bool:
        try:
            if not self.signed_in:
                raise UserError(self.tr("Sign in as a lead first"))
            require(self.principal, action)
        except UserError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return True
        return False

    def _show(self, name: str, make: Callable[[], QWidget], title: str, size: tuple[int, int],
              grow: bool = True) -> QWidget:
        view = self.views.get(name)
        if view is None:
            view = make()
            view.setObjectName(name + "View")
            view.setWindowFlag(Qt.WindowType.Window, True)
            view.setWindowTitle(title)
            view.resize(*fit_to_screen(self.window, size, grow))
            self.views[name] = view
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def open_dashboard(self) -> QWidget | None:
        if self._refused("dashboard.view"):
            return None
        from ui.dashboard import DashboardWidget  # QtCharts loads only when a lead asks

        def make() -> QWidget:
            w = DashboardWidget(self.ctx, self.principal, self.window)
            w.refresh()
            return w

        return self._show("dashboard", make, self.tr("Floor dashboard"), (1100, 720))

    def open_export(self) -> QWidget | None:
        if self._refused("export"):
            return None
        from ui.export_dialog import ExportDialog

        return self._show("export", lambda: ExportDialog(self.ctx, self.principal, self.window),
                          self.tr("Export call logs"), (640, 620), grow=False)

    def open_approvals(self) -> QWidget | None:
        """The approvals queue for the signed-in lead (the menu entry; refused to anyone else)."""
        if self._refused("approval.list"):
            return None
        return self._queue("approvals", self.principal, self.tr("Approvals queue"))  # type: ignore[arg-type]

    def open_override_queue(self, lead: Principal) -> QWidget | None:
        """The queue for a lead who signed in on this screen (the supervisor override)."""
        try:
            require(lead, "approval.list")
        except UserError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return None
        title = fill(self.tr("Approvals queue: %1 %2 signed in on this screen"), lead.id, lead.name)
        return self._queue("override", lead, title)

    def _queue(self, name: str, who: Principal, title: str) -> QWidget:
        from ui.approvals import ApprovalsWidget

        def make() -> QWidget:
            w = ApprovalsWidget(self.ctx, who, self.window, language=getattr(self.window, "language", "en"))
            w.open_caller.connect(self.open_caller)
            w.decided.connect(self.after_decision)
            w.refresh()
            return w

        view = self._show(name, make, title, (1100, 460), grow=False)
        view.setWindowTitle(title)
        return view

    def open_caller(self, phone: str) -> None:
        """Pop a queued credit's customer in this window (the lead reads the whole case)."""
        bring = getattr(self.window, "bring_to_front", None)
        if callable(bring):
            bring()
        self.window.pop(phone)  # type: ignore[attr-defined]

    def after_decision(self, decision: Decision) -> None:
        """A decision was taken here: this window's caller and the agent's notice update now."""
        refresh_if_showing(self.window, decision.customer_id)
        self.watcher.poll()  # the agent signed in on this screen (override) hears of it at once

    def supervisor_override(self) -> QWidget:
        """A lead signs in on this screen (audited as an override) and decides in the queue."""
        from ui.approvals import SupervisorOverrideDialog

        self.close_view("override")
        dialog = SupervisorOverrideDialog(self.ctx, self.window)
        dialog.setObjectName("supervisorOverrideDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: dialog.principal and self.open_override_queue(dialog.principal))
        dialog.open()
        return dialog

    def close_view(self, name: str) -> None:
        view = self.views.pop(name, None)
        if view is None:
            return
        shutdown = getattr(view, "shutdown", None)
        if callable(shutdown):
            shutdown()
        view.close()
        view.deleteLater()

    def close_views(self) -> None:
        for name in list(self.views):
            self.close_view(name)

    # -- life cycle ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def shutdown(self) -> None:
        self.watcher.stop()
        self.close_views()


def install(window: QMainWindow, interactive: bool = True) -> UserMenus | None:
    """Ask who is at the keyboard (when the store has users and a person is there), add the menus.

    Returns None when nobody signed in (the console then does not open): the user cancelled,
    the user store cannot be read and the user gave up retrying (fail closed, never open as
    the settings' role), or the store has users and nobody is there to ask (a
    ``--screenshot`` signs in on the command line first: ``ctx.principal``). In demo mode
    and on a store that never had users, the window works for the settings' id and role.
    """
    ctx = window.ctx  # type: ignore[attr-defined]
    default_limit = ctx.settings.credit_limit
    principal: Principal | SettingsUser = settings_user(ctx)
    signed_in = False
    if ctx.principal is not None:
        principal, signed_in = ctx.principal, True
    elif not ctx.settings.demo:
        from ui.sign_in import ask, store_has_users, store_unreadable

        while True:
            try:
                has_users = store_has_users(ctx)
                break
            except Exception as exc:  # noqa: BLE001 - unreadable or unreachable: fail closed
                reason = (str(exc).splitlines() or [type(exc).__name__])[0]
                if not interactive or not store_unreadable(None, reason):
                    return None
        if has_users:
            if not interactive:
                return None
            hint = ctx.settings.agent_id if ctx.settings.agent_id != "agent" else ""
            who = ask(ctx, None, user_id=hint)
            if who is None:
                return None
            principal, signed_in = who, True
    menus = UserMenus(window, principal, signed_in, default_limit)
    menus.watcher.start()
    window.people = menus  # type: ignore[attr-defined]
    return menus
