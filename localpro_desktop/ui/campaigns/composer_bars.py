"""The composer's top and bottom rows: back and heading; status line and the three buttons.

Its words are the composer's (translation context ``CampaignComposer``): they were written
there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from localpro_desktop.ui.style import ERROR_COLOR


class ComposerHeader(QWidget):
    """The way back ("← Campaigns") and the heading ("New campaign", "Edit campaign: …")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(
            "← " + QCoreApplication.translate("CampaignComposer", "Campaigns")
        )
        self.back_button.setToolTip(
            QCoreApplication.translate("CampaignComposer", "Back to the list of campaigns")
        )
        top.addWidget(self.back_button)
        top.addSpacing(8)
        self.heading = QLabel(QCoreApplication.translate("CampaignComposer", "New campaign"))
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.heading, 1)


class ComposerFooter(QWidget):
    """The status line (progress or the first problem) beside Cancel, Save and Send."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bottom = QHBoxLayout(self)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.status_label, 1)
        self.cancel_button = QPushButton(QCoreApplication.translate("CampaignComposer", "Cancel"))
        self.save_button = QPushButton(QCoreApplication.translate("CampaignComposer", "Save draft"))
        self.send_button = QPushButton(QCoreApplication.translate("CampaignComposer", "Send now…"))
        self.send_button.setDefault(True)
        for button in (self.cancel_button, self.save_button, self.send_button):
            button.setMinimumWidth(110)
            bottom.addWidget(button)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status_label.setText(text)
