"""What every channel's settings form shares: its state, Save, Remove and the two checks.

A form (``email_form``, ``sms_form``, ``whatsapp_form``) lays out its own fields and turns
them into the service's settings; this base class does the rest, always through the task
runner: saving (the secret only when one was typed: an empty box keeps the stored one),
removing, and the two checks, "Test connection" and "Send a test to…" (``form_checks.py``:
they run on the pool, not on the database worker). Results and errors are said in the
form's message bar, in the user's words. Under it, whether replies, receipts and opt-outs
come back for the channel (``webhook_box.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import channel_config
from localpro_desktop.services.channel_config import (
    ChannelSettings,
    ChannelSummary,
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
)
from localpro_desktop.ui import labels
from localpro_desktop.ui.channels.fields import FormProblem as FormProblem  # re-exported
from localpro_desktop.ui.channels.fields import muted as muted  # re-exported
from localpro_desktop.ui.channels.form_checks import ChannelChecks
from localpro_desktop.ui.channels.price import make_price_edit, parse_price, typed
from localpro_desktop.ui.channels.webhook_box import WebhookBox
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import OK_COLOR, WARN_COLOR, MessageBar, Tone

_S = TypeVar("_S", EmailSettings, SmsSettings, WhatsAppSettings)

TEST_ADDRESS_KEY = "channels/test_address/{channel}"
"""Where the address of the last test is remembered (per user, per channel)."""


def user_settings() -> QSettings:
    """The user's own settings (tests replace this with an INI file of their own)."""
    return QSettings()


def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A yes/no question (tests answer it without a modal loop)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


class ChannelForm(QWidget):
    """One channel's settings, with Save, Remove, "Test connection" and "Send a test to…"."""

    sig_saved = Signal(object)
    """The channel's settings were saved or removed (the ``Channel``): the page re-reads."""
    sig_reload = Signal()
    """The user threw the edits away: the page fills the form again with what is stored."""
    sig_dirty = Signal(bool)
    """The form now has (True) or no longer has (False) changes that are not saved."""
    sig_checked = Signal(bool)
    """A check (test connection, test message) finished: worked (True) or failed."""

    channel: Channel = Channel.EMAIL

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ""
        self.configured = False
        self.loaded: ChannelSettings | None = None
        """What is stored: fields the form does not show (the rate) are kept from it."""
        self.has_secret = False
        self._busy = False
        self._dirty = False
        self._filling = False
        self._price_units: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 12, 4)
        layout.setSpacing(8)
        layout.addLayout(self._build_title())
        self.intro = muted()
        layout.addWidget(self.intro)
        self.message = MessageBar()
        layout.addWidget(self.message)
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields.setVerticalSpacing(6)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setClearButtonEnabled(True)
        self.price_edit = make_price_edit()
        self.build_fields(self.fields)
        layout.addLayout(self.fields)
        self.add_below(layout)
        layout.addWidget(self._build_checks())
        layout.addLayout(self._build_buttons())
        self.webhooks = WebhookBox(self)  # replies, receipts and opt-outs (the cloud's)
        self.sig_saved.connect(self.webhooks.reload)  # a new SMS provider, another hook
        layout.addWidget(self.webhooks)
        layout.addStretch(1)
        self.watch(self.secret_edit, self.price_edit)
        self.show_state(None, None, "")

    # == building (subclasses add their fields) ==========================================

    def build_fields(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def add_below(self, layout: QVBoxLayout) -> None:
        """Room under the fields for an explanation (e-mail: SPF, DKIM, DMARC)."""

    def title(self) -> str:
        return labels.channel(self.channel)

    def price_row(self, unit: str) -> QWidget:
        """The price box with its unit beside it ("XOF per message")."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.price_edit)
        label = muted()
        label.setProperty("unit", unit)
        self._price_units.append(label)
        line.addWidget(label, 1)
        return row

    def save_text(self) -> str:
        return self.tr("Save {channel} settings").format(channel=self.title())

    def with_hint(self, field: QWidget, hint: QLabel) -> QWidget:
        """``field`` with a line of explanation under it, as one form row.

        (A wrapped label on a row of its own gets too much height from the form layout.)
        """
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(hint)
        return box

    def secret_placeholder(self) -> str:
        """What the secret box says when empty."""
        if self.has_secret:
            return self.tr("Stored — leave empty to keep the stored one")
        return self.tr("Required")

    def _build_title(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title_label = QLabel(self.title())
        self.title_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        row.addWidget(self.title_label)
        row.addStretch(1)
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.state_label)
        return row

    def _build_checks(self) -> QWidget:
        """The "Check that it works" box (``form_checks.py``), its widgets by the form's names."""
        self.checks = ChannelChecks(self)
        self.checks.sig_busy.connect(self._set_busy)
        self.checks.sig_checked.connect(self.sig_checked)
        self.test_button = self.checks.test_button
        self.test_address = self.checks.test_address
        self.send_test_button = self.checks.send_test_button
        return self.checks

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setToolTip(
            self.tr("Forget these settings and the stored password or key.")
        )
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.revert)
        row.addWidget(self.revert_button)
        self.save_button = QPushButton(self.save_text())
        self.save_button.setMinimumWidth(110)
        self.save_button.clicked.connect(lambda: self.save())
        row.addWidget(self.save_button)
        return row

    def watch(self, *widgets: QWidget) -> None:
        """Count edits in these fields as unsaved changes."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)

    # == state ============================================================================

    def show_state(
        self, summary: ChannelSummary | None, settings: ChannelSettings | None, currency: str
    ) -> None:
        """Fill the form with what is stored (None: not set up)."""
        self.configured = settings is not None
        self.loaded = settings
        self.has_secret = bool(summary and summary.has_secret)
        self.currency = (summary.currency if summary else "") or currency
        self._filling = True
        try:
            self.fill(settings)
            self.price_edit.setText(typed(settings.price) if settings is not None else "")
            self.secret_edit.clear()
        finally:
            self._filling = False
        for label in self._price_units:
            label.setText(str(label.property("unit")).format(currency=self.currency or "—"))
        self.secret_edit.setPlaceholderText(self.secret_placeholder())
        if self.configured:
            self.state_label.setText("✓ " + self.tr("Set up"))
            self.state_label.setStyleSheet(f"color: {OK_COLOR}; font-weight: 600;")
        else:
            self.state_label.setText(self.tr("Not set up"))
            self.state_label.setStyleSheet(f"color: {WARN_COLOR}; font-weight: 600;")
        self._set_dirty(False)

    def show_problem(self, words: str) -> None:
        """The dispatcher stopped this channel (a refused password, a revoked token)."""
        if not words:
            return
        self.message.show_message(
            self.tr(
                "Sending on {channel} stopped: {problem} Its messages wait, none is lost: fix "
                "the settings and save, and they go out."
            ).format(channel=self.title(), problem=translate_message(words)),
            Tone.ERROR,
        )

    def fill(self, settings: ChannelSettings | None) -> None:
        raise NotImplementedError

    def read(self) -> ChannelSettings:
        """The settings as typed; ``FormProblem`` names what to fix."""
        raise NotImplementedError

    def keep_hidden(self, typed: _S, shown: tuple[str, ...]) -> _S:
        """The typed settings, with what the form does not show (``shown``: what it does)
        kept as stored: the sending rate or a provider address set on the command line."""
        if type(self.loaded) is not type(typed):
            return typed
        hidden = {f.name: getattr(self.loaded, f.name) for f in fields(typed)}
        return replace(typed, **{n: v for n, v in hidden.items() if n not in shown})

    def secret_required(self) -> bool:
        """Whether saving needs a secret (typed now, or stored before)."""
        return True

    def missing_secret(self) -> str:
        return self.tr("Enter the password or key.")

    def read_price(self) -> Decimal | None:
        try:
            return parse_price(self.price_edit.text())
        except ValueError:
            raise FormProblem(
                self.tr("The price is a number, such as 25 or 2.5."), self.price_edit
            ) from None

    def required(self, edit: QLineEdit, words: str) -> str:
        text = edit.text().strip()
        if not text:
            raise FormProblem(words, edit)
        return text

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def is_busy(self) -> bool:
        return self._busy

    @Slot()
    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._update_buttons()
        if changed:
            self.sig_dirty.emit(dirty)

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.save_button.setEnabled(idle and (self._dirty or not self.configured))
        self.revert_button.setVisible(self._dirty and self.configured)
        self.revert_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.configured)
        can_check = idle and (self.configured or self._dirty)
        self.test_button.setEnabled(can_check)
        self.send_test_button.setEnabled(can_check)
        if not self.configured and not self._dirty:
            tip = self.tr("Fill in the settings first.")
        else:
            tip = ""
        for button in (self.test_button, self.send_test_button):
            button.setStatusTip(tip)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if text:
            self.message.show_message(text, Tone.INFO, timeout_ms=0)
        self._update_buttons()

    # == actions ==========================================================================

    @Slot()
    def revert(self) -> None:
        """Throw the edits away and show what is stored again."""
        self._set_dirty(False)
        self.message.dismiss()
        self.sig_reload.emit()

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Check the form, then store the settings (and the secret, when one was typed)."""
        if self._busy:
            return
        try:
            settings = self.read()
        except FormProblem as problem:
            self.message.show_message(problem.text, Tone.ERROR)
            if problem.widget is not None:
                problem.widget.setFocus()
            return
        secret = self.secret_edit.text() or None
        if secret is None and not self.has_secret and self.secret_required():
            self.message.show_message(self.missing_secret(), Tone.ERROR)
            self.secret_edit.setFocus()
            return
        ws = self.ctx.ws
        self._set_busy(True, self.tr("Saving…"))

        def store() -> None:
            channel_config.save(ws, settings, secret)

        def saved(_result: object) -> None:
            self._saved(secret is not None, then)

        self.ctx.runner.run(
            store, on_done=guarded(self, saved), on_error=guarded(self, self._failed)
        )

    def _saved(self, new_secret: bool, then: Callable[[], None] | None) -> None:
        self._busy = False
        self.configured = True
        self.has_secret = self.has_secret or new_secret
        self._filling = True
        self.secret_edit.clear()
        self._filling = False
        self.secret_edit.setPlaceholderText(self.secret_placeholder())
        self._set_dirty(False)
        self.message.show_message(
            self.tr("{channel} settings saved.").format(channel=self.title()), Tone.SUCCESS
        )
        self.sig_saved.emit(self.channel)
        if then is not None:
            then()

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self._set_busy(False)
        self.message.show_message(message, Tone.ERROR)

    @Slot()
    def remove(self) -> None:
        if self._busy or not self.configured:
            return
        if not ask(
            self,
            self.tr("Remove the {channel} settings?").format(channel=self.title()),
            self.tr(
                "LocalPro forgets these settings and the stored password or key. Campaigns "
                "waiting to go out on {channel} stay queued until it is set up again."
            ).format(channel=self.title()),
            self.tr("Remove"),
            self.tr("Keep"),
        ):
            return
        ws, channel = self.ctx.ws, self.channel
        self._set_busy(True, self.tr("Removing…"))

        def removed(_result: object) -> None:
            self._busy = False
            self.message.show_message(
                self.tr("{channel} settings removed.").format(channel=self.title()),
                Tone.SUCCESS,
            )
            self.sig_saved.emit(self.channel)

        self.ctx.runner.run(
            lambda: channel_config.remove(ws, channel),
            on_done=guarded(self, removed),
            on_error=guarded(self, self._failed),
        )

    @Slot()
    def test_connection(self) -> None:
        """Connect with the stored settings (saving the edits first): ``form_checks.py``."""
        self.checks.test_connection()

    @Slot()
    def send_test(self) -> None:
        """Send one real message to the address typed beside the button: ``form_checks.py``."""
        self.checks.send_test()

    def test_address_missing(self) -> str:
        return self.tr("Type where the test should go.")
