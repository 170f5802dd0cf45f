"""A channel form's "Replies, receipts and opt-outs" box: the cloud's webhook for the channel.

Providers report deliveries, replies and opt-outs by calling a webhook on the internet;
the LocalPro cloud receives them for the account, even while this computer is off, and
every laptop gets them by sync (issue 11). The box says whether the channel's webhook is
on, turns it on or gives it a new address ("Receive replies…", "Change the address…"),
and then shows what to paste where in the provider's console, with a Copy button each.
WhatsApp's app secret is asked in a password field (``webhook_parts.ask_secret``), goes to
the cloud and is never shown back; Twilio's is the auth token saved with the SMS channel.

Every cloud call goes through the window's one ``CloudAccount`` (the sync scheduler's
``call``: on the pool, never on the UI thread nor on the database worker); a box opened
outside the main window (tests) keeps a scheduler of its own, never started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.account import CloudResult, Failure
from localpro_desktop.services.webhooks import HookPlan
from localpro_desktop.ui.account.scheduler import SyncScheduler, SyncStatus
from localpro_desktop.ui.channels import webhook_parts
from localpro_desktop.ui.channels.fields import muted
from localpro_desktop.ui.channels.webhook_parts import Enabled, Look, enable, look
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import OK_COLOR, WARN_COLOR, MessageBar, Tone
from localpro_protocol.wire import HookInfo

if TYPE_CHECKING:
    from localpro_desktop.ui.channels.form import ChannelForm

PROVIDERS = {"whatsapp": "WhatsApp", "twilio": "Twilio", "africastalking": "Africa's Talking"}


def find_scheduler(widget: QWidget) -> SyncScheduler | None:
    """The main window's sync scheduler, from a widget in it or in a dialog over it."""
    current: QWidget | None = widget
    while current is not None:
        window = current.window()
        found = getattr(window, "sync", None)
        if isinstance(found, SyncScheduler):
            return found
        current = window.parentWidget()
    return None


# -- the box ----------------------------------------------------------------------------------


class WebhookBox(QFrame):
    """Whether replies, receipts and opt-outs come back for the form's channel."""

    sig_loaded = Signal()
    """What the cloud says was shown (or why it could not be asked)."""
    sig_enabled = Signal(object)
    """The webhook was turned on or given a new address (the cloud's ``HookInfo``)."""

    def __init__(self, form: ChannelForm) -> None:
        super().__init__()
        self.form = form
        self.ctx = form.ctx
        self.channel = form.channel
        self.cloud: SyncScheduler | None = None
        """The window's scheduler (the page passes it; else found, else one of our own)."""
        self.state = "idle"
        """idle, loading, signed_out, offline, sms_first, problem, off, on, busy."""
        self.hook: HookInfo | None = None
        self.plan: HookPlan | None = None
        self._connected = False
        self._asked = False
        self._again = False
        self.setObjectName("webhooks")
        self.setStyleSheet(
            "#webhooks { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(alternate-base); }"
        )
        inner = QVBoxLayout(self)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.setSpacing(6)
        caption = QLabel(self.tr("Replies, receipts and opt-outs"))
        caption.setStyleSheet("font-weight: 600;")
        inner.addWidget(caption)
        inner.addWidget(muted(self._intro()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.status)
        self.sign_in_link = QLabel()
        self.sign_in_link.setTextFormat(Qt.TextFormat.RichText)
        self.sign_in_link.setText('<a href="sign-in">{}</a>'.format(self.tr("Sign in…")))
        self.sign_in_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.sign_in_link.linkActivated.connect(self.open_sign_in)
        inner.addWidget(self.sign_in_link)
        self.paste = webhook_parts.PasteRows()
        self.paste.sig_copied.connect(self._copied)
        inner.addWidget(self.paste)
        self.where = muted()
        inner.addWidget(self.where)
        self.message = MessageBar()
        inner.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton()
        self.button.clicked.connect(self._clicked)
        row.addWidget(self.button)
        inner.addLayout(row)
        self._show("idle", "")

    def _intro(self) -> str:
        if self.channel is Channel.EMAIL:
            return self.tr(
                "Opens and unsubscribes come back through your LocalPro cloud account, even "
                "while this computer is off; it gets them when it syncs."
            )
        return self.tr(
            "Your provider reports deliveries, replies and opt-outs (STOP) to your LocalPro "
            "cloud account, even while this computer is off; it gets them when it syncs."
        )

    # == the cloud ==============================================================================

    def _door(self) -> SyncScheduler:
        if self.cloud is None:
            self.cloud = find_scheduler(self) or self._own_scheduler()
        if not self._connected:
            self._connected = True
            self.cloud.sig_state.connect(self._on_sync_state)
        return self.cloud

    def _own_scheduler(self) -> SyncScheduler:
        own = SyncScheduler(self.ctx, self)  # never started: its ``call`` only
        account = own.account
        self.destroyed.connect(lambda *_args: account.close())
        return own

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._asked:
            self.reload()

    @Slot()
    def reload(self, *_args: object) -> None:
        """Ask the cloud again (after a sign-in, a saved SMS provider, a failure)."""
        if self.state in ("loading", "busy"):
            self._again = True
            return
        self._asked = True
        self._show("loading", self.tr("Checking your cloud account…"))
        ws, channel = self.ctx.ws, self.channel
        self._door().call(lambda account: look(ws, account, channel), guarded(self, self._looked))

    @Slot(object)
    def _looked(self, result: CloudResult[Look]) -> None:
        self.state = "idle"
        found = result.value
        if found is None:
            self._failed(result)
        elif not found.signed_in:
            self._show_signed_out()
        else:
            self.hook, self.plan = found.hook, found.plan
            if found.sms_first:
                self._show(
                    "sms_first",
                    self.tr(
                        "Set up and save the SMS channel above first: its provider decides "
                        "where replies come from."
                    ),
                )
            elif found.plan is None:
                self._show("problem", found.problem)
            else:
                self._show_hook()
        self.sig_loaded.emit()
        self._settled()

    def _settled(self) -> None:
        """A reload asked for while the cloud was busy with this box runs now."""
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, result: CloudResult[object]) -> None:
        if result.failure is Failure.SIGNED_OUT:
            self._show_signed_out()
        elif result.failure is Failure.OFFLINE:
            self._show(
                "offline",
                self.tr(
                    "The LocalPro cloud cannot be reached: check the internet connection "
                    "and try again."
                ),
            )
        else:
            self._show("problem", result.message)

    @Slot(object)
    def _on_sync_state(self, status: SyncStatus) -> None:
        """Signed in or out elsewhere (the account screen, an expired sign-in)."""
        if not status.loaded or self.state in ("idle", "loading", "busy"):
            return
        if status.signed_in == (self.state == "signed_out"):
            self.reload()

    # == actions ================================================================================

    @Slot()
    def _clicked(self) -> None:
        if self.state in ("off", "on"):
            self.enable()
        elif self.state in ("offline", "problem"):
            self.reload()

    def enable(self) -> None:
        """Turn the webhook on, or give it a new address (asking first)."""
        plan = self.plan
        if plan is None or self.state not in ("off", "on"):
            return
        from localpro_desktop.ui.channels import form as form_module

        if self.hook is not None and not form_module.ask(
            self,
            self.tr("Change the address?"),
            self._rotation_warning(),
            self.tr("Change it"),
            self.tr("Keep it"),
        ):
            return
        secret: str | None = None
        if plan.secret_label is not None and not plan.secret_stored:
            secret = webhook_parts.ask_secret(self, plan)
            if not secret:
                return
        rotating = self.hook is not None
        self.message.dismiss()
        self._show("busy", self.tr("Asking your cloud account for the address…"))
        ws, channel = self.ctx.ws, self.channel

        def done(result: CloudResult[Enabled]) -> None:
            self._enabled(result, rotating)
            self._settled()

        self._door().call(lambda account: enable(ws, account, channel, secret), guarded(self, done))

    def _rotation_warning(self) -> str:
        if self.channel is Channel.EMAIL:
            return self.tr(
                "The links in e-mails already sent stop working: their opens and "
                "unsubscribes no longer come back. Only do this if the address leaked."
            )
        return self.tr(
            "The current address stops working at once: paste the new one in the "
            "provider's console right after, or replies and receipts are lost meanwhile."
        )

    def _enabled(self, result: CloudResult[Enabled], rotating: bool) -> None:
        self.state = "idle"
        answer = result.value
        if result.failure is Failure.SIGNED_OUT:
            self._show_signed_out()
            return
        if answer is None or answer.hook is None:
            self._show_hook()
            if answer is not None:
                problem = answer.problem
            elif result.failure is Failure.OFFLINE:
                problem = self.tr(
                    "The LocalPro cloud cannot be reached: nothing was changed. Check the "
                    "internet connection and try again."
                )
            else:
                problem = result.message
            self.message.show_message(problem, Tone.ERROR)
            return
        self.hook = answer.hook
        self._show_hook()
        if rotating:
            text = self.tr("New address made: the previous one no longer works.")
        elif self.channel is Channel.EMAIL:
            text = self.tr(
                "Opens and unsubscribes now come back for the e-mails queued from now on."
            )
        else:
            text = self.tr("Replies, receipts and opt-outs now come back for {channel}.")
        self.message.show_message(text.format(channel=self.form.title()), Tone.SUCCESS)
        self.sig_enabled.emit(answer.hook)

    @Slot()
    def open_sign_in(self, *_args: object) -> None:
        """The account screen (sign in or create an account), over the settings."""
        from localpro_desktop.ui.account.dialog import AccountDialog

        dialog = AccountDialog(self.ctx, self._door(), self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_account_changed.connect(self.reload)
        self.sign_in_dialog = dialog
        dialog.open()

    @Slot(str)
    def _copied(self, name: str) -> None:
        self.message.show_message(
            self.tr("{name} copied.").format(name=name), Tone.SUCCESS, timeout_ms=3000
        )

    # == showing ================================================================================

    def _show_signed_out(self) -> None:
        self.hook = self.plan = None
        self._show(
            "signed_out",
            self.tr("This computer is not signed in to a LocalPro cloud account."),
        )

    def _show_hook(self) -> None:
        plan, hook = self.plan, self.hook
        if plan is None:
            return
        provider = PROVIDERS.get(plan.provider, "")
        if hook is None:
            text = self.tr("Off: nothing comes back yet.")
            self._show("off", text)
            return
        text = "✓ " + self.tr("On: they come back through your cloud account.")
        if not self._same_provider():
            text = self.tr(
                "This address was made for {old}, but the SMS channel now uses {new}: "
                "change the address."
            ).format(old=PROVIDERS.get(hook.provider, hook.provider), new=provider)
        self._show("on", text)

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.status.setText(text)
        color = {"on": OK_COLOR, "off": WARN_COLOR, "signed_out": WARN_COLOR}.get(state, "")
        if state == "on" and not self._same_provider():
            color = WARN_COLOR
        self.status.setStyleSheet(f"color: {color}; font-weight: 600;" if color else "")
        self.status.setVisible(bool(text))
        self.sign_in_link.setVisible(state == "signed_out")
        shown = self.hook if state == "on" else None
        self.paste.show_hook(shown)
        self.where.setText(self._where(shown.provider) if shown is not None else "")
        self.where.setVisible(shown is not None)
        labels = {
            "off": self.tr("Receive replies…"),
            "on": self.tr("Change the address…"),
            "offline": self.tr("Try again"),
            "problem": self.tr("Try again"),
        }
        if self.channel is Channel.EMAIL:
            labels["off"] = self.tr("Track opens and unsubscribes…")
        self.button.setText(labels.get(state, ""))
        self.button.setVisible(state in labels)
        self.button.setEnabled(state in labels)

    def _same_provider(self) -> bool:
        return self.hook is None or self.plan is None or self.hook.provider == self.plan.provider

    def _where(self, provider: str) -> str:
        if provider == "whatsapp":
            return self.tr(
                "In Meta's App Dashboard → WhatsApp → Configuration, paste the callback URL "
                "and verify token and subscribe to messages."
            )
        if provider == "twilio":
            return self.tr(
                "In the Twilio Console, paste the URL as the status callback of the number "
                "or Messaging Service you send from, and as its “A message comes in” "
                "webhook (HTTP POST)."
            )
        if provider == "africastalking":
            return self.tr(
                "In your Africa's Talking dashboard → SMS → Callback URLs, paste the first "
                "as the delivery reports callback and the second as the incoming messages "
                "callback."
            )
        return self.tr(
            "Nothing to paste: an open pixel and an unsubscribe link are added to each "
            "e-mail, through your cloud account."
        )

    def texts(self) -> list[str]:
        """Every text the box shows (labels, fields, buttons, tips): for tests."""
        found: list[str] = []
        for widget in (self, *self.findChildren(QWidget)):
            for getter in ("text", "toolTip", "placeholderText", "windowTitle"):
                method = getattr(widget, getter, None)
                if callable(method):
                    value = method()
                    if isinstance(value, str) and value:
                        found.append(value)
        return found
