"""A channel form's "Check that it works" box: "Test connection" and "Send a test to…".

The checks talk to the provider over the network, so they run on the pool, not on the
database worker; a form with unsaved changes is saved first (the checks use what is
stored). The address of the last test is remembered, per user and per channel. Results
and errors are said in the form's message bar, in the user's words.

Its words are the form's (translation context ``ChannelForm``): they were written there
first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from localpro_desktop.services import channel_config
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import Tone

if TYPE_CHECKING:
    from localpro_desktop.ui.channels.form import ChannelForm


def _remembered(form: ChannelForm) -> tuple[QSettings, str]:
    """Where the address of the form's last test is kept: ``user_settings()`` under
    ``TEST_ADDRESS_KEY``, both from ``form.py``. Looked up there when needed (tests replace
    ``user_settings``), and not at the top: ``form.py`` imports this module."""
    from localpro_desktop.ui.channels import form as form_module

    key = form_module.TEST_ADDRESS_KEY.format(channel=form.channel.value)
    return form_module.user_settings(), key


class ChannelChecks(QFrame):
    """The two checks under a form's fields, run for the form and said in its message bar."""

    sig_busy = Signal(bool, str)
    """Checking (True, what is said meanwhile) or done (False, "")."""
    sig_checked = Signal(bool)
    """A check finished: worked (True) or failed."""

    def __init__(self, form: ChannelForm) -> None:
        super().__init__()
        self.form = form
        self.setObjectName("checks")
        self.setStyleSheet(
            "#checks { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(alternate-base); }"
        )
        inner = QVBoxLayout(self)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.setSpacing(6)
        caption = QLabel(QCoreApplication.translate("ChannelForm", "Check that it works"))
        caption.setStyleSheet("font-weight: 600;")
        inner.addWidget(caption)
        row = QHBoxLayout()
        self.test_button = QPushButton(QCoreApplication.translate("ChannelForm", "Test connection"))
        self.test_button.setToolTip(
            QCoreApplication.translate(
                "ChannelForm",
                "Connect to the provider with these settings, without sending anything.",
            )
        )
        self.test_button.clicked.connect(form.test_connection)
        row.addWidget(self.test_button)
        row.addSpacing(12)
        send_to = QLabel(QCoreApplication.translate("ChannelForm", "Send a test to"))
        row.addWidget(send_to)
        self.test_address = QLineEdit()
        self.test_address.setMinimumWidth(150)
        send_to.setBuddy(self.test_address)
        self.test_address.returnPressed.connect(form.send_test)
        row.addWidget(self.test_address, 1)
        self.send_test_button = QPushButton(QCoreApplication.translate("ChannelForm", "Send test"))
        self.send_test_button.setToolTip(
            QCoreApplication.translate(
                "ChannelForm",
                "Send one real message to this address, as your campaigns will go out.",
            )
        )
        self.send_test_button.clicked.connect(form.send_test)
        row.addWidget(self.send_test_button)
        inner.addLayout(row)
        settings, key = _remembered(form)
        remembered = settings.value(key)
        self.test_address.setText(str(remembered or ""))

    def test_connection(self) -> None:
        """Connect with the stored settings (saving the edits first) and say how it went."""
        form = self.form
        if form.is_busy():
            return
        if form.has_unsaved_changes() or not form.configured:
            form.save(then=form.test_connection)
            return
        ws, channel = form.ctx.ws, form.channel
        self.sig_busy.emit(
            True, QCoreApplication.translate("ChannelForm", "Connecting to the provider…")
        )

        def done(answer: str) -> None:
            self.sig_busy.emit(False, "")
            text = QCoreApplication.translate("ChannelForm", "The connection works.")
            if answer:
                text += " " + translate_message(answer)
            form.message.show_message(text, Tone.SUCCESS, timeout_ms=0)
            self.sig_checked.emit(True)

        form.ctx.runner.run(
            lambda: channel_config.check_connection(ws, channel),
            on_done=guarded(self, done),
            on_error=guarded(self, self._check_failed),
            database=False,
        )

    def send_test(self) -> None:
        """Send one real message to the address typed beside the button."""
        form = self.form
        if form.is_busy():
            return
        to = self.test_address.text().strip()
        if not to:
            form.message.show_message(form.test_address_missing(), Tone.ERROR)
            self.test_address.setFocus()
            return
        if form.has_unsaved_changes() or not form.configured:
            form.save(then=form.send_test)
            return
        settings, key = _remembered(form)
        settings.setValue(key, to)
        ws, channel = form.ctx.ws, form.channel
        self.sig_busy.emit(
            True, QCoreApplication.translate("ChannelForm", "Sending a test to {to}…").format(to=to)
        )

        def done(reference: str) -> None:
            self.sig_busy.emit(False, "")
            text = QCoreApplication.translate(
                "ChannelForm", "Test sent to {to}. Check that it arrived."
            ).format(to=to)
            if reference:
                text += " " + QCoreApplication.translate(
                    "ChannelForm", "Provider's reference: {id}"
                ).format(id=reference)
            form.message.show_message(text, Tone.SUCCESS, timeout_ms=0)
            self.sig_checked.emit(True)

        form.ctx.runner.run(
            lambda: channel_config.send_test(ws, channel, to),
            on_done=guarded(self, done),
            on_error=guarded(self, self._check_failed),
            database=False,
        )

    @Slot(str, bool)
    def _check_failed(self, message: str, _is_bug: bool) -> None:
        self.sig_busy.emit(False, "")
        self.form.message.show_message(
            QCoreApplication.translate("ChannelForm", "It did not work: {reason}").format(
                reason=message
            ),
            Tone.ERROR,
        )
        self.sig_checked.emit(False)
