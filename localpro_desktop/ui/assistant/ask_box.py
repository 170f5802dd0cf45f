"""What a question is asked with: the mode (and campaign), the personal-data box, the text.

The mode and campaign belong to a conversation: chosen for a new one, shown (not
changeable) for an existing one. The personal-data box is per conversation and off by
default. Ctrl+Enter sends.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.assistant.context import Mode
from localpro_desktop.ui.assistant.model import mode_label
from localpro_desktop.ui.style import MUTED_COLOR


class ModeBar(QWidget):
    """Mode picker, campaign picker (campaign mode only) and the personal-data box."""

    sig_personal_toggled = Signal(bool)
    """The user ticked or unticked the personal-data box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.mode = QComboBox()
        for mode in Mode:
            self.mode.addItem(mode_label(mode), mode.value)
        self.mode.setToolTip(self.tr("What the assistant is told about, for this conversation"))
        self.campaign = QComboBox()
        self.campaign.setMinimumContentsLength(18)
        self.campaign.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.campaign.setToolTip(self.tr("The campaign to optimise"))
        self.personal = QCheckBox(
            self.tr("Include contacts' names, numbers and e-mails in this conversation")
        )
        self.personal.setToolTip(
            self.tr(
                "Off: only figures (counts, rates) and your own message texts are sent to the "
                "AI server. On: the names, phone numbers and e-mail addresses of your 50 most "
                "recently updated contacts are sent too, with each question of this "
                "conversation."
            )
        )
        self.personal.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.personal.toggled.connect(self.sig_personal_toggled)
        layout.addWidget(self.mode)
        layout.addWidget(self.campaign)
        layout.addWidget(self.personal, 1)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def set_campaigns(self, campaigns: list[tuple[str, str]]) -> None:
        """(id, name) of the campaigns one may ask about, newest first."""
        wanted = self.campaign.currentData()
        self.campaign.clear()
        self.campaign.addItem(self.tr("Choose a campaign…"), None)
        for ident, name in campaigns:
            self.campaign.addItem(name, ident)
        index = self.campaign.findData(wanted) if wanted else 0
        self.campaign.setCurrentIndex(max(index, 0))

    def current_mode(self) -> Mode:
        return Mode(self.mode.currentData())

    def campaign_id(self) -> str | None:
        if self.current_mode() is not Mode.CAMPAIGN:
            return None
        data = self.campaign.currentData()
        return str(data) if data else None

    def show_conversation(self, mode: Mode, campaign_id: str | None, personal: bool) -> None:
        """An existing conversation: its mode and campaign, fixed; its box, changeable."""
        self.mode.setCurrentIndex(max(self.mode.findData(mode.value), 0))
        if campaign_id is not None and self.campaign.findData(campaign_id) < 0:
            self.campaign.addItem(self.tr("(deleted campaign)"), campaign_id)
        self.campaign.setCurrentIndex(max(self.campaign.findData(campaign_id), 0))
        self.mode.setEnabled(False)
        self.campaign.setEnabled(False)
        self.set_personal(personal)

    def new_conversation(self) -> None:
        self.mode.setEnabled(True)
        self.campaign.setEnabled(True)
        self.set_personal(False)

    def set_personal(self, on: bool) -> None:
        self.personal.blockSignals(True)
        self.personal.setChecked(on)
        self.personal.blockSignals(False)

    @Slot()
    def _mode_changed(self, *_args: object) -> None:
        self.campaign.setVisible(self.current_mode() is Mode.CAMPAIGN)


class QuestionBox(QWidget):
    """The question being typed, with Send and Stop."""

    sig_send = Signal()
    """Send (or Ctrl+Enter)."""
    sig_stop = Signal()
    """Stop the answer being written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("Ask the assistant… (Ctrl+Enter sends)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(72)
        layout.addWidget(self.edit, 1)
        buttons = QVBoxLayout()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(False)
        self.send_button.setToolTip(self.tr("Send the question (Ctrl+Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the answer here; what came is kept"))
        self.stop_button.setEnabled(False)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self.sig_send)
        self.stop_button.clicked.connect(self.sig_stop)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.sig_send)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)


def muted_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"color: {MUTED_COLOR};")
    return label
