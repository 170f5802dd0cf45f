"""Workspace settings: country (phone region), currency, language and time zone."""

from typing import TypedDict
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.services.workspace import SettingsView


class SettingsValues(TypedDict):
    """What the form holds, as ``Workspace.update_settings`` takes it."""

    name: str
    country: str
    currency: str
    language: str
    timezone: str


class SettingsDialog(QDialog):
    def __init__(self, settings: SettingsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workspace settings"))
        form = QFormLayout(self)
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
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

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
        self.error.setText(message)
