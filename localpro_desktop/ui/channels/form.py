"""What every channel's settings form shares: its state, Save, Remove and the two checks.

A form (``email_form``, ``sms_form``, ``whatsapp_form``) lays out its own fields and turns
them into the service's settings; this base class does the rest, always through the task
runner: saving (the secret only when one was typed: an empty box keeps the stored one),
removing, "Test connection" and "Send a test to…". The checks talk to the provider over
the network, so they run on the pool, not on the database worker; a form with unsaved
changes is saved first (the checks use what is stored). Results and errors are said in
the form's message bar, in the user's words.
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
    QFrame,
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
from localpro_desktop.ui.channels.price import make_price_edit, parse_price, typed
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR
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


class FormProblem(Exception):
    """A field the user must fix before saving: the words, and the field to focus."""

    def __init__(self, text: str, widget: QWidget | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.widget = widget


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {MUTED_COLOR};")
    return label


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
        box = QFrame()
        box.setObjectName("checks")
        box.setStyleSheet(
            "#checks { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(alternate-base); }"
        )
        inner = QVBoxLayout(box)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.setSpacing(6)
        caption = QLabel(self.tr("Check that it works"))
        caption.setStyleSheet("font-weight: 600;")
        inner.addWidget(caption)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr("Connect to the provider with these settings, without sending anything.")
        )
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        row.addSpacing(12)
        send_to = QLabel(self.tr("Send a test to"))
        row.addWidget(send_to)
        self.test_address = QLineEdit()
        self.test_address.setMinimumWidth(150)
        send_to.setBuddy(self.test_address)
        self.test_address.returnPressed.connect(self.send_test)
        row.addWidget(self.test_address, 1)
        self.send_test_button = QPushButton(self.tr("Send test"))
        self.send_test_button.setToolTip(
            self.tr("Send one real message to this address, as your campaigns will go out.")
        )
        self.send_test_button.clicked.connect(self.send_test)
        row.addWidget(self.send_test_button)
        inner.addLayout(row)
        remembered = user_settings().value(TEST_ADDRESS_KEY.format(channel=self.channel.value))
        self.test_address.setText(str(remembered or ""))
        return box

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
        """Connect with the stored settings (saving the edits first) and say how it went."""
        if self._busy:
            return
        if self._dirty or not self.configured:
            self.save(then=self.test_connection)
            return
        ws, channel = self.ctx.ws, self.channel
        self._set_busy(True, self.tr("Connecting to the provider…"))

        def done(answer: str) -> None:
            self._set_busy(False)
            text = self.tr("The connection works.")
            if answer:
                text += " " + translate_message(answer)
            self.message.show_message(text, Tone.SUCCESS, timeout_ms=0)
            self.sig_checked.emit(True)

        self.ctx.runner.run(
            lambda: channel_config.check_connection(ws, channel),
            on_done=guarded(self, done),
            on_error=guarded(self, self._check_failed),
            database=False,
        )

    @Slot()
    def send_test(self) -> None:
        """Send one real message to the address typed beside the button."""
        if self._busy:
            return
        to = self.test_address.text().strip()
        if not to:
            self.message.show_message(self.test_address_missing(), Tone.ERROR)
            self.test_address.setFocus()
            return
        if self._dirty or not self.configured:
            self.save(then=self.send_test)
            return
        user_settings().setValue(TEST_ADDRESS_KEY.format(channel=self.channel.value), to)
        ws, channel = self.ctx.ws, self.channel
        self._set_busy(True, self.tr("Sending a test to {to}…").format(to=to))

        def done(reference: str) -> None:
            self._set_busy(False)
            text = self.tr("Test sent to {to}. Check that it arrived.").format(to=to)
            if reference:
                text += " " + self.tr("Provider's reference: {id}").format(id=reference)
            self.message.show_message(text, Tone.SUCCESS, timeout_ms=0)
            self.sig_checked.emit(True)

        self.ctx.runner.run(
            lambda: channel_config.send_test(ws, channel, to),
            on_done=guarded(self, done),
            on_error=guarded(self, self._check_failed),
            database=False,
        )

    def test_address_missing(self) -> str:
        return self.tr("Type where the test should go.")

    @Slot(str, bool)
    def _check_failed(self, message: str, _is_bug: bool) -> None:
        self._set_busy(False)
        self.message.show_message(
            self.tr("It did not work: {reason}").format(reason=message), Tone.ERROR
        )
        self.sig_checked.emit(False)
