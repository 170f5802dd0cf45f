"""The Channels page in a window of its own: opened from the composer's channel notice.

The same page is the "Channels" tab of the settings; here it opens straight on the
channel the campaign needs, and closing it with unsaved edits asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.ui.channels.page import ChannelsPage
from localpro_desktop.ui.channels.unsaved import may_close
from localpro_desktop.ui.context import UiContext


class ChannelsDialog(QDialog):
    """Set up the sending channels; ``sig_changed`` says which one was saved or removed."""

    sig_changed = Signal(object)
    """A channel (``Channel``) was saved or removed."""

    def __init__(
        self, ctx: UiContext, channel: Channel | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Channels"))
        layout = QVBoxLayout(self)
        self.page = ChannelsPage(ctx)
        self.page.sig_changed.connect(self.sig_changed)
        layout.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if channel is not None:
            self.page.show_channel(channel)
        fit_dialog(self, 900, 640)

    def reject(self) -> None:
        if may_close(self, self.page):
            super().reject()


def fit_dialog(dialog: QDialog, width: int, height: int) -> None:
    """``width``×``height``, or less on a small screen (1024×600 keeps room for its bars)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 24)
        height = min(height, free.height() - 48)
    dialog.resize(width, height)
