"""Choosing the tile server: a per-user setting (QSettings), not a workspace one.

Where tiles come from is about the user's connection and the server's terms (OpenStreetMap's
standard tiles by default; a paid or self-hosted server for heavy users), so it lives with
the user's preferences under ``map/tile_url`` and ``map/tile_attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.ui.map.tiles import (
    DEFAULT_ATTRIBUTION,
    DEFAULT_TILE_URL,
    TileUrlError,
    validate_template,
)
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR

URL_KEY = "map/tile_url"
ATTRIBUTION_KEY = "map/tile_attribution"


def map_settings() -> QSettings:
    """The user's settings store (tests replace this with an INI file of their own)."""
    return QSettings()


@dataclass(frozen=True)
class TileSettings:
    url: str = DEFAULT_TILE_URL
    attribution: str = DEFAULT_ATTRIBUTION


def load_tile_settings(settings: QSettings) -> TileSettings:
    """The saved source, or OpenStreetMap when none (or an unusable one) is saved."""
    url = str(settings.value(URL_KEY, DEFAULT_TILE_URL) or DEFAULT_TILE_URL)
    try:
        url = validate_template(url)
    except TileUrlError:
        return TileSettings()
    default_attribution = DEFAULT_ATTRIBUTION if url == DEFAULT_TILE_URL else ""
    attribution = str(settings.value(ATTRIBUTION_KEY, default_attribution) or "")
    return TileSettings(url, attribution)


def save_tile_settings(settings: QSettings, value: TileSettings) -> None:
    settings.setValue(URL_KEY, value.url)
    settings.setValue(ATTRIBUTION_KEY, value.attribution)
    settings.sync()


class TileSourceDialog(QDialog):
    def __init__(self, current: TileSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map tiles"))
        self.setMinimumWidth(560)
        self.url = QLineEdit(current.url)
        self.url.setPlaceholderText(DEFAULT_TILE_URL)
        self.attribution = QLineEdit(current.attribution)
        self.attribution.setPlaceholderText(DEFAULT_ATTRIBUTION)
        explain = QLabel(
            self.tr(
                "Tile address with {z}, {x} and {y}. Tiles you look at are kept on this "
                "computer so the map works offline; LocalPro never downloads whole areas "
                "in advance. Respect the tile server's terms and credit it below."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(f"color: {MUTED_COLOR};")
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setWordWrap(True)
        self.error.hide()
        reset = QPushButton(self.tr("Use OpenStreetMap"))
        reset.clicked.connect(self._reset)
        form = QFormLayout()
        form.addRow(self.tr("Tile address"), self.url)
        form.addRow(self.tr("Credit shown on the map"), self.attribution)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _reset(self) -> None:
        self.url.setText(DEFAULT_TILE_URL)
        self.attribution.setText(DEFAULT_ATTRIBUTION)

    def _check_and_accept(self) -> None:
        try:
            validate_template(self.url.text())
        except TileUrlError:
            self.error.setText(
                self.tr("Give an address starting with http:// or https:// with {z}, {x} and {y}.")
            )
            self.error.show()
            return
        self.accept()

    def value(self) -> TileSettings:
        return TileSettings(validate_template(self.url.text()), self.attribution.text().strip())
