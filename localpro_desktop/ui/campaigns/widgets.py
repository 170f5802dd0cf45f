"""Small building blocks of the Campaigns tab: colour dots and dialogs.

Colours for channels come from ``ui/style.py``; campaign and recipient states have no shared
colour yet, so they are defined here (candidates for ``ui/style.py`` if other screens need
them).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus, ShownState
from localpro_desktop.ui import labels
from localpro_desktop.ui.style import CHANNEL_COLORS, ERROR_COLOR, MUTED_COLOR

CAMPAIGN_STATUS_COLORS: dict[CampaignStatus, str] = {
    CampaignStatus.DRAFT: MUTED_COLOR,
    CampaignStatus.SCHEDULED: "#5b6bd6",
    CampaignStatus.SENT: "#d08700",
    CampaignStatus.COMPLETED: "#1b8a45",
    CampaignStatus.FAILED: ERROR_COLOR,
}
STATE_COLORS: dict[ShownState, str] = {
    **{ShownState(status.value): color for status, color in CAMPAIGN_STATUS_COLORS.items()},
    ShownState.WAITING: "#b26a00",
    ShownState.PAUSED: "#b26a00",
}
RECIPIENT_STATUS_COLORS: dict[RecipientStatus, str] = {
    RecipientStatus.PENDING: MUTED_COLOR,
    RecipientStatus.QUEUED: "#5b6bd6",
    RecipientStatus.SENT: "#00829a",
    RecipientStatus.DELIVERED: "#2f7d32",
    RecipientStatus.OPENED: "#1b8a45",
    RecipientStatus.REPLIED: "#0b6e3b",
    RecipientStatus.FAILED: ERROR_COLOR,
    RecipientStatus.SKIPPED: MUTED_COLOR,
}
PREVIEW_BUBBLES: dict[Channel, str] = {
    # The look each channel's message has on the recipient's phone or mailbox.
    Channel.WHATSAPP: "#dcf8c6",
    Channel.SMS: "#eef0f3",
    Channel.EMAIL: "#ffffff",
}
BUBBLE_TEXT = "#1b1b1b"


@cache
def dot_icon(color: str, size: int = 10) -> QIcon:
    """A filled circle: channels and states are recognised by colour before text."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def channel_icon(channel: Channel) -> QIcon:
    return dot_icon(CHANNEL_COLORS[channel])


def state_label(state: ShownState) -> str:
    """A campaign's state as the list and detail say it: never "Sent" with nothing sent."""
    if state is ShownState.WAITING:
        return QCoreApplication.translate("CampaignStates", "Waiting to send")
    if state is ShownState.PAUSED:
        return QCoreApplication.translate("CampaignStates", "Paused")
    return labels.campaign_status(state.value)


# Dialogs go through these two functions so tests can answer them without a modal loop.


def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def warn(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)
