"""Who is at the keyboard of the window: the sign-in dialog and the principal it yields.

Roles decide what the console offers, so the window has to know who is using it, not
what a flag or the environment claims. When the customer store has (ever had) users, the
window asks for an id and a password or PIN before it shows any customer;
``console.auth.authenticate`` checks them (same message for an unknown id and a wrong
secret, a lock after repeated failures) and writes the audit entry, and
``console.binding`` checks that the journal belongs to this store. With no users yet (a
fresh install, the demo database) nobody is blocked: the console runs as the id and role
of the settings, and the status bar says so. When the user store cannot be read, the
window does not open (it fails closed, with Retry). The signed-in principal becomes
``ctx.principal`` (and is copied into ``ctx.settings``) so every service acts for that user.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from console.auth import (
    FAILED,
    Principal,
    SignInLocked,
    authenticate,
    effective_credit_limit,
    users_exist,
)
from console.binding import ForeignStore, ensure_bound
from console.context import ConsoleContext
from console.errors import UserError


def store_has_users(ctx: ConsoleContext) -> bool:
    """True once the customer store has (ever had) users: from then on everyone signs in."""
    return users_exist(ctx)


def store_unreadable(parent: QWidget | None, reason: str) -> bool:
    """The user store cannot be read: say so; True when the user asks to try again."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("SignIn", "Agent Console cannot open"),
                      QCoreApplication.translate(
                          "SignIn", "The list of users cannot be read, so nobody can sign in and the console stays closed.\n\n%1").replace("%1", reason), parent=parent)
    box.setObjectName("storeUnreadable")
    box.setTextFormat(Qt.TextFormat.PlainText)
    retry = box.addButton(QMessageBox.StandardButton.Retry)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def apply_principal(ctx: ConsoleContext, principal: Principal, default_limit: Decimal) -> None:
    """Make the services record ``principal``: its id, role and credit limit go into the settings."""
    ctx.principal = principal
    ctx.settings.agent_id = principal.id
    ctx.settings.role = principal.role
    ctx.settings.credit_limit = effective_credit_limit(principal, default_limit)


class SignInDialog(QDialog):
    """Agent id and password/PIN; Enter signs in, Esc cancels. ``principal`` once accepted."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None, *, user_id: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.principal: Principal | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Agent Console"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.user = QLineEdit(user_id)
        self.user.setObjectName("signInUser")
        self.user.setMaxLength(32)
        self.user.setAccessibleName(self.tr("Agent id"))
        self.secret = QLineEdit()
        self.secret.setObjectName("signInSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Who is at the keyboard?")))
        form.addRow(self.tr("Agent &id"), self.user)
        form.addRow(self.tr("&Password or PIN"), self.secret)
        form.addRow(self.message)
        form.addRow(self.buttons)
        (self.secret if user_id else self.user).setFocus()

    def sign_in(self) -> bool:
        """Check the id and secret; on failure show one line and stay open."""
        user = self.user.text().strip()
        if not user:
            self.message.setText(self.tr("Type your agent id."))
            self.user.setFocus()
            return False
        try:
            who = authenticate(self.ctx, user, self.secret.text())
            ensure_bound(self.ctx)  # this store's users may write into this journal
        except ForeignStore:
            self.message.setText(self.tr(
                "This journal belongs to another customer store: sign in against the store it was first used with, or ask a lead to move it."))
            self.secret.setFocus()
            return False
        except SignInLocked as exc:
            self.message.setText(self.tr(
                "This id is locked after too many failed sign-ins until %1 UTC; a lead can unlock it.").replace("%1", f"{exc.until:%Y-%m-%d %H:%M}"))
            self.secret.setFocus()
            return False
        except UserError as exc:
            # The service's line, in the window's language when it is the usual one (the same
            # for an unknown id and a wrong secret).
            self.message.setText(self.tr("Sign-in failed: unknown id or wrong password") if str(exc) == FAILED else str(exc))
            self.secret.setFocus()
            return False
        finally:
            self.secret.clear()
        self.principal = who
        self.message.clear()
        self.accept()
        return True


def ask(ctx: ConsoleContext, parent: QWidget | None = None, user_id: str = "") -> Principal | None:
    """Show the sign-in dialog and wait; None when the user cancels."""
    dialog = SignInDialog(ctx, parent, user_id=user_id)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.principal
        return None
    finally:
        dialog.deleteLater()
