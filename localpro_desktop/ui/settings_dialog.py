"""The settings: the workspace (country, currency, language, time zone) and the channels.

Two tabs. "Workspace" is a form the window saves when the dialog is accepted (Save);
"Channels" sets up e-mail, SMS and WhatsApp, each form saving on its own button (a channel
is tested against the provider as soon as it is saved, long before the dialog closes).
Closing with a channel form changed but not saved asks first.
"""

from typing import TypedDict
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.services.workspace import SettingsView
from localpro_desktop.ui.channels.dialog import fit_dialog
from localpro_desktop.ui.channels.page import ChannelsPage
from localpro_desktop.ui.channels.unsaved import may_close
from localpro_desktop.ui.context import UiContext


class SettingsValues(TypedDict):
    """What the form holds, as ``Workspace.update_settings`` takes it."""

    name: str
    country: str
    currency: str
    language: str
    timezone: str


class SettingsDialog(QDialog):
    """``ctx`` brings the Channels tab (the window's context when the parent has one)."""

    def __init__(
        self,
        settings: SettingsView,
        parent: QWidget | None = None,
        *,
        ctx: UiContext | None = None,
        channel: Channel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workspace settings"))
        if ctx is None and isinstance(getattr(parent, "ctx", None), UiContext):
            ctx = parent.ctx  # type: ignore[union-attr]  # checked just above
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        workspace = QWidget()
        self._build_workspace(QFormLayout(workspace), settings)
        self.tabs.addTab(workspace, self.tr("Workspace"))
        self.ctx = ctx
        self.assistant_button.setVisible(ctx is not None)
        self.channels: ChannelsPage | None = None
        if ctx is not None:
            self.channels = ChannelsPage(ctx)
            self.tabs.addTab(self.channels, self.tr("Channels"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setToolTip(self.tr("Save the workspace settings."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._initial = self.values()
        self.tabs.currentChanged.connect(self._tab_changed)
        if channel is not None:
            self.show_channels(channel)
        self._tab_changed()
        if self.channels is not None:
            fit_dialog(self, 900, 640)

    def _build_workspace(self, form: QFormLayout, settings: SettingsView) -> None:
        self.name = QLineEdit(settings.name)
        self.country = QComboBox()
        french = settings.language == "fr"
        for code, info in COUNTRIES.items():
            self.country.addItem(f"{info.name_fr if french else info.name_en} ({code})", code)
        if self.country.findData(settings.country) < 0:
            self.country.addItem(settings.country, settings.country)
        self.country.setCurrentIndex(self.country.findData(settings.country))
        self.currency = QLineEdit(settings.currency)
        self.currency.setMaxLength(3)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = sorted(z for z in available_timezones() if z.startswith(("Africa/", "Europe/")))
        self.timezone.addItems(zones)
        self.timezone.setCurrentText(settings.timezone)
        self.country.currentIndexChanged.connect(self._country_changed)
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("Country (phone numbers)"), self.country)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Time zone"), self.timezone)
        self.assistant_button = QPushButton(self.tr("Assistant…"))
        self.assistant_button.setToolTip(
            self.tr("The AI assistant's API key, model, server and monthly token cap")
        )
        self.assistant_button.clicked.connect(self.open_assistant)
        form.addRow(self.tr("AI assistant"), self.assistant_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)

    def open_assistant(self) -> QDialog | None:
        """The assistant's own settings (key, model, server, cap), saved on their own."""
        if self.ctx is None:
            return None
        from localpro_desktop.ui.assistant.settings_dialog import AssistantSettingsDialog

        dialog = AssistantSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_channels(self, channel: Channel | None = None) -> None:
        """Open on the Channels tab (on ``channel``'s form when given)."""
        if self.channels is None:
            return
        self.tabs.setCurrentWidget(self.channels)
        if channel is not None:
            self.channels.show_channel(channel)

    def _tab_changed(self, *_args: object) -> None:
        """On Channels (each channel saves on its own button) the dialog only closes,
        unless the workspace form was changed: then its Save stays offered."""
        on_channels = self.channels is not None and self.tabs.currentWidget() is self.channels
        closing_only = on_channels and self.values() == self._initial
        self.save_button.setVisible(not closing_only)
        self.cancel_button.setText(self.tr("Close") if closing_only else self.tr("Cancel"))

    def _country_changed(self) -> None:
        info = COUNTRIES.get(self.country.currentData())
        if info is not None:
            self.currency.setText(info.currency)
            self.timezone.setCurrentText(info.timezone)

    def values(self) -> SettingsValues:
        return {
            "name": self.name.text(),
            "country": self.country.currentData(),
            "currency": self.currency.text(),
            "language": self.language.currentData(),
            "timezone": self.timezone.currentText(),
        }

    def show_error(self, message: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.error.setText(message)

    def done(self, result: int) -> None:
        if self.channels is not None and not may_close(self, self.channels):
            return
        super().done(result)
