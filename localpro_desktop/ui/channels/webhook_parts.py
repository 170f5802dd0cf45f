"""What the webhook box (``webhook_box.py``) asks the cloud, and the parts it shows: the
signing secret, asked in a password field and never shown back, and the URLs to paste,
each with a Copy button. The box itself says where to paste them in each provider's
console.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.services import webhooks
from localpro_desktop.services.account import CloudAccount, NotSignedIn
from localpro_desktop.services.webhooks import HookPlan
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.i18n import error_text, translate_message
from localpro_protocol.wire import HookInfo

# -- the cloud calls (on the pool) ----------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """What the cloud says about the channel's webhook, for this account."""

    signed_in: bool
    hook: HookInfo | None = None
    plan: HookPlan | None = None
    sms_first: bool = False
    """SMS is not set up here, so which provider's webhook to make is not known yet."""
    problem: str = ""


def look(ws: Workspace, account: CloudAccount, channel: Channel) -> Look:
    """Signed in? Which provider, which secret? Is the webhook on? (Network: the pool.)"""
    if not account.signed_in():
        return Look(signed_in=False)
    plan: HookPlan | None = None
    sms_first, problem = False, ""
    try:
        plan = webhooks.plan(ws, account, channel)
    except NotSignedIn:
        raise
    except UserError as exc:
        said = exc.args[0] if exc.args else None
        sms_first = isinstance(said, Message) and said.id == msg.WEBHOOK_SMS_FIRST
        problem = error_text(exc)
    try:
        hooks = webhooks.listing(ws, account)
    except NotSignedIn:
        raise
    except UserError as exc:  # refused by the cloud: its words
        return Look(True, problem=error_text(exc))
    hook = next((h for h in hooks if h.channel == channel.value), None)
    return Look(True, hook, plan, sms_first, problem)


@dataclass(frozen=True)
class Enabled:
    hook: HookInfo | None
    problem: str = ""
    """The service's words when it refused (a secret too long…); nothing was changed."""


def enable(ws: Workspace, account: CloudAccount, channel: Channel, secret: str | None) -> Enabled:
    try:
        return Enabled(webhooks.enable(ws, account, channel, secret))
    except NotSignedIn:
        raise
    except UserError as exc:
        return Enabled(None, error_text(exc))


# -- what the box shows and asks ------------------------------------------------------------


class SecretDialog(QDialog):
    """Asks for a provider's signing secret (WhatsApp's app secret) in a password field."""

    def __init__(self, plan: HookPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = translate_message(plan.secret_label) if plan.secret_label else ""
        label = label[:1].upper() + label[1:]  # a caption (the catalogue's is for a prompt)
        self.setWindowTitle(label)
        layout = QVBoxLayout(self)
        explanation = QLabel(self._explanation(plan.provider))
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setMinimumWidth(420)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setClearButtonEnabled(True)
        self.secret.setMaxLength(webhooks.MAX_SECRET_CHARS)
        form.addRow(label, self.secret)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Continue"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.secret.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))

    def _explanation(self, provider: str) -> str:
        if provider == "twilio":
            return self.tr(
                "Twilio signs each call with your account's auth token, so the cloud can "
                "refuse forged ones. It is under Account Info in the Twilio Console. It goes "
                "to your cloud account only, and is never shown again."
            )
        return self.tr(
            "Meta signs each call with your app's secret, so the cloud can refuse forged "
            "ones. In Meta for Developers: your app → App settings → Basic → App secret "
            "(Show). It goes to your cloud account only, and is never shown again."
        )

    def value(self) -> str:
        return self.secret.text().strip()


def ask_secret(parent: QWidget, plan: HookPlan) -> str | None:
    """The secret typed, or None when the user cancelled (tests replace this)."""
    dialog = SecretDialog(plan, parent)
    try:
        return dialog.value() if dialog.exec() else None
    finally:
        dialog.secret.clear()
        dialog.deleteLater()


class PasteRows(QWidget):
    """One row per thing to paste: its name, the text (read-only) and a Copy button."""

    sig_copied = Signal(str)
    """Something was copied (what it is called: "Callback URL")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self.edits: dict[str, QLineEdit] = {}
        self.copy_buttons: dict[str, QPushButton] = {}

    def show_hook(self, hook: HookInfo | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.edits.clear()
        self.copy_buttons.clear()
        rows = self._rows(hook) if hook is not None else []
        for row, (key, name, text) in enumerate(rows):
            caption = QLabel(name)
            edit = QLineEdit(text)
            edit.setReadOnly(True)
            edit.setCursorPosition(0)
            caption.setBuddy(edit)
            button = QPushButton(self.tr("Copy"))
            button.setToolTip(self.tr("Copy it, to paste it in the provider's console."))
            button.clicked.connect(lambda _checked=False, t=text, n=name: self._copy(t, n))
            self.grid.addWidget(caption, row, 0)
            self.grid.addWidget(edit, row, 1)
            self.grid.addWidget(button, row, 2)
            self.edits[key] = edit
            self.copy_buttons[key] = button
        self.setVisible(bool(rows))

    def _rows(self, hook: HookInfo) -> list[tuple[str, str, str]]:
        if hook.provider == "email":
            return []
        if hook.provider == "africastalking":
            urls = webhooks.paste_urls(hook)
            return [
                ("delivery", self.tr("Delivery reports"), urls["delivery"]),
                ("inbound", self.tr("Incoming messages"), urls["inbound"]),
            ]
        rows = [("url", self.tr("Callback URL"), hook.url)]
        if hook.verify_token:
            rows.append(("verify_token", self.tr("Verify token"), hook.verify_token))
        return rows

    @Slot()
    def _copy(self, text: str, name: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
        self.sig_copied.emit(name)
