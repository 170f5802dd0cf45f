"""E-mail settings: the mail server LocalPro sends from (SMTP), with presets for the usual.

Gmail and Outlook/Office 365 fill the server, port and security; "Other server" leaves
them to the user (the host's own SMTP server). Below the fields, a short plain-language
note on SPF, DKIM and DMARC: why mail from a domain without them lands in spam.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.channel_config import EMAIL_PRESETS, ChannelSettings, EmailSettings
from localpro_desktop.ui.channels.form import ChannelForm, FormProblem, muted
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message

CUSTOM = "custom"


class EmailForm(ChannelForm):
    """The SMTP server, the sender, the login and the price per e-mail."""

    channel = Channel.EMAIL

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        self._logo_path = ""
        super().__init__(ctx, parent)
        self.intro.setText(
            self.tr(
                "Campaign e-mails go out from your own mailbox through its mail server "
                "(SMTP). The password is kept in this computer's keyring, never in a file."
            )
        )
        self.test_address.setPlaceholderText(self.tr("your own address, e.g. you@example.com"))

    def title(self) -> str:
        return self.tr("E-mail")

    # -- fields ---------------------------------------------------------------------------

    def build_fields(self, form: QFormLayout) -> None:
        self.preset = QComboBox()
        for key, preset in EMAIL_PRESETS.items():
            self.preset.addItem(translate_message(preset.label), key)
        if self.preset.findData(CUSTOM) < 0:
            self.preset.addItem(self.tr("Other mail server"), CUSTOM)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.preset_hint = muted()
        form.addRow(self.tr("Mail service"), self.with_hint(self.preset, self.preset_hint))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. mail.your-domain.com"))
        self.host.textEdited.connect(self._server_edited)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.port.valueChanged.connect(self._server_edited)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (usually port 587)"), "starttls")
        self.security.addItem(self.tr("SSL/TLS (usually port 465)"), "ssl")
        self.security.addItem(self.tr("None — not encrypted"), "none")
        self.security.currentIndexChanged.connect(self._server_edited)
        server = QWidget()
        line = QHBoxLayout(server)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.host, 3)
        port_label = QLabel(self.tr("Port"))
        port_label.setBuddy(self.port)
        line.addWidget(port_label)
        line.addWidget(self.port)
        line.addWidget(self.security, 2)
        form.addRow(self.tr("Server"), server)
        self.from_address = QLineEdit()
        self.from_address.setPlaceholderText(self.tr("e.g. contact@your-shop.com"))
        form.addRow(self.tr("From address"), self.from_address)
        self.from_name = QLineEdit()
        self.from_name.setPlaceholderText(self.tr("e.g. Aissata Couture (optional)"))
        form.addRow(self.tr("From name"), self.from_name)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("usually the address itself"))
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.secret_edit)
        form.addRow(self.tr("Price per e-mail"), self.price_row(self.tr("{currency} per e-mail")))
        form.addRow(self.tr("Signature logo"), self._build_logo())
        self.watch(
            self.preset, self.host, self.port, self.security, self.from_address, self.from_name
        )
        self.watch(self.username)
        self._show_preset_hint()

    def _build_logo(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.logo_label = muted()
        self.logo_label.setWordWrap(False)
        line.addWidget(self.logo_label, 1)
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_button.clicked.connect(self._choose_logo)
        line.addWidget(self.logo_button)
        self.logo_clear = QToolButton()
        self.logo_clear.setText("✕")
        self.logo_clear.setAutoRaise(True)
        self.logo_clear.setToolTip(self.tr("No logo"))
        self.logo_clear.clicked.connect(lambda: self.set_logo(""))
        line.addWidget(self.logo_clear)
        self._show_logo()
        return row

    def add_below(self, layout: QVBoxLayout) -> None:
        self.spam_toggle = QToolButton()
        self.spam_toggle.setText(self.tr("Why some e-mails land in spam (SPF, DKIM, DMARC)"))
        self.spam_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.spam_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.spam_toggle.setCheckable(True)
        self.spam_toggle.setAutoRaise(True)
        self.spam_toggle.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.spam_toggle.toggled.connect(self._toggle_spam_text)
        layout.addWidget(self.spam_toggle)
        self.spam_text = QLabel(self.spam_explanation())
        self.spam_text.setWordWrap(True)
        self.spam_text.setTextFormat(Qt.TextFormat.PlainText)
        self.spam_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.spam_text.setContentsMargins(18, 0, 0, 0)
        self.spam_text.hide()
        layout.addWidget(self.spam_text)

    def spam_explanation(self) -> str:
        return "\n".join(
            (
                self.tr(
                    "Mailboxes such as Gmail check three records that the domain of your "
                    "address (the part after @) publishes:"
                ),
                "• "
                + self.tr(
                    "SPF lists the servers allowed to send mail for your domain. Mail from "
                    "any other server looks forged."
                ),
                "• "
                + self.tr(
                    "DKIM is a signature the server adds to each message: it proves the "
                    "message comes from your domain and was not changed on the way."
                ),
                "• "
                + self.tr(
                    "DMARC tells mailboxes what to do when SPF or DKIM fail (deliver, put in "
                    "spam or refuse) and where to report it."
                ),
                self.tr(
                    "Without them your campaign is likely to land in spam, or to be refused. "
                    "A Gmail or Outlook address has them already. For your own domain, ask "
                    "whoever manages it (your web host or IT provider) to set up SPF, DKIM "
                    "and DMARC for the server above."
                ),
            )
        )

    @Slot(bool)
    def _toggle_spam_text(self, shown: bool) -> None:
        self.spam_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.spam_text.setVisible(shown)

    # -- presets ---------------------------------------------------------------------------

    @Slot(int)
    def _preset_chosen(self, _index: int) -> None:
        key = self.preset.currentData()
        preset = EMAIL_PRESETS.get(key) if key != CUSTOM else None
        if preset is not None and not self._filling:
            with QSignalBlocker(self.host), QSignalBlocker(self.port):
                self.host.setText(preset.host)
                self.port.setValue(preset.port)
            with QSignalBlocker(self.security):
                self.security.setCurrentIndex(max(self.security.findData(preset.security), 0))
        self._show_preset_hint()

    def _show_preset_hint(self) -> None:
        preset = EMAIL_PRESETS.get(self.preset.currentData())
        hint = translate_message(preset.note) if preset is not None else ""
        self.preset_hint.setText(hint)

    @Slot()
    def _server_edited(self, *_args: object) -> None:
        """Typing another server than the preset's makes it "Other mail server"."""
        if self._filling:
            return
        key = self._matching_preset()
        if key != self.preset.currentData():
            with QSignalBlocker(self.preset):
                self.preset.setCurrentIndex(self.preset.findData(key))
            self._show_preset_hint()

    def _matching_preset(self) -> str:
        for key, preset in EMAIL_PRESETS.items():
            if key == CUSTOM:
                continue
            if (
                preset.host == self.host.text().strip()
                and preset.port == self.port.value()
                and preset.security == self.security.currentData()
            ):
                return str(key)
        return CUSTOM

    # -- logo ------------------------------------------------------------------------------

    @Slot()
    def _choose_logo(self) -> None:
        start = str(Path(self._logo_path).parent) if self._logo_path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Signature logo"),
            start,
            self.tr("Images (*.png *.jpg *.jpeg *.gif)"),
        )
        if name:
            self.set_logo(name)

    def set_logo(self, path: str) -> None:
        if path != self._logo_path:
            self._logo_path = path
            self._changed()
        self._show_logo()

    def _show_logo(self) -> None:
        if self._logo_path:
            self.logo_label.setText(Path(self._logo_path).name)
            self.logo_label.setToolTip(self._logo_path)
        else:
            self.logo_label.setText(self.tr("None (optional: shown under your signature)"))
            self.logo_label.setToolTip("")
        self.logo_clear.setVisible(bool(self._logo_path))

    # -- state -----------------------------------------------------------------------------

    def fill(self, settings: ChannelSettings | None) -> None:
        email = settings if isinstance(settings, EmailSettings) else None
        if email is None:
            self.preset.setCurrentIndex(self.preset.findData("gmail"))
            preset = EMAIL_PRESETS.get("gmail")
            self.host.setText(preset.host if preset else "")
            self.port.setValue(preset.port if preset else 587)
            self.security.setCurrentIndex(
                max(self.security.findData(preset.security if preset else "starttls"), 0)
            )
            for edit in (self.from_address, self.from_name, self.username):
                edit.clear()
            self._logo_path = ""
        else:
            self.host.setText(email.host)
            self.port.setValue(email.port)
            self.security.setCurrentIndex(max(self.security.findData(email.security), 0))
            self.preset.setCurrentIndex(self.preset.findData(self._matching_preset()))
            self.from_address.setText(email.from_address)
            self.from_name.setText(email.from_name)
            self.username.setText(email.username)
            self._logo_path = email.logo_path
        self._show_preset_hint()
        self._show_logo()

    def read(self) -> EmailSettings:
        host = self.required(self.host, self.tr("Enter the mail server's name."))
        sender = self.required(self.from_address, self.tr("Enter the address mail comes from."))
        if "@" not in sender.strip("@"):
            raise FormProblem(
                self.tr("“{address}” is not an e-mail address.").format(address=sender),
                self.from_address,
            )
        return self.keep_hidden(
            EmailSettings(
                host=host,
                port=self.port.value(),
                security=str(self.security.currentData()),
                from_address=sender,
                from_name=self.from_name.text().strip(),
                username=self.username.text().strip(),
                price=self.read_price(),
                logo_path=self._logo_path,
            ),
            (
                "host",
                "port",
                "security",
                "from_address",
                "from_name",
                "username",
                "price",
                "logo_path",
            ),
        )

    def secret_required(self) -> bool:
        return bool(self.username.text().strip())

    def missing_secret(self) -> str:
        return self.tr("Enter the password for {user}.").format(user=self.username.text().strip())

    def secret_placeholder(self) -> str:
        if self.has_secret:
            return self.tr("Stored — leave empty to keep the stored one")
        return self.tr("The mailbox's password (or app password)")
