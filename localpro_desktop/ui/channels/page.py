"""The Channels page: the three sending channels, each set up or not, and its form.

A list on the left says at a glance which channels are ready (✓) and which are not (!);
the form of the channel chosen fills the rest, in a scroll area so it fits a 1024×600
screen. What is stored is read on the database worker (never a secret: the forms only
learn whether one is stored) and read again after every save or removal.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import channel_config
from localpro_desktop.services import dispatch as dispatcher
from localpro_desktop.services.channel_config import ChannelSettings, ChannelSummary
from localpro_desktop.ui.channels.email_form import EmailForm
from localpro_desktop.ui.channels.form import ChannelForm
from localpro_desktop.ui.channels.sms_form import SmsForm
from localpro_desktop.ui.channels.whatsapp_form import WhatsAppForm
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import validity_icon

ORDER = (Channel.EMAIL, Channel.SMS, Channel.WHATSAPP)

Loaded = tuple[
    dict[Channel, ChannelSummary], dict[Channel, ChannelSettings | None], str, dict[Channel, str]
]


def _read(ctx: UiContext) -> Loaded:
    ws = ctx.ws
    summaries = {summary.channel: summary for summary in channel_config.summaries(ws)}
    stored = {channel: channel_config.load(ws, channel) for channel in ORDER}
    return summaries, stored, ws.settings().currency, dispatcher.channel_problems(ws)


class ChannelsPage(QWidget):
    """One section per channel: whether it is set up, and the form to set it up."""

    sig_loaded = Signal()
    """What is stored was read and shown (after opening, and after each save)."""
    sig_changed = Signal(object)
    """A channel (``Channel``) was saved or removed: screens re-read what can send."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self.summaries: dict[Channel, ChannelSummary] = {}
        self.problems: dict[Channel, str] = {}
        """Channels the dispatcher stopped (a refused login…), in the provider's words."""
        self.forms: dict[Channel, ChannelForm] = {
            Channel.EMAIL: EmailForm(ctx),
            Channel.SMS: SmsForm(ctx),
            Channel.WHATSAPP: WhatsAppForm(ctx),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.list = QListWidget()
        self.list.setIconSize(QSize(18, 18))
        self.list.setSpacing(2)
        self.list.setFixedWidth(190)
        self.list.setWordWrap(True)
        self.stack = QStackedWidget()
        for channel in ORDER:
            item = QListWidgetItem(self.forms[channel].title())
            item.setData(Qt.ItemDataRole.UserRole, channel)
            item.setSizeHint(QSize(170, 48))
            self.list.addItem(item)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.forms[channel])
            self.stack.addWidget(scroll)
            self.forms[channel].sig_saved.connect(self._saved)
            self.forms[channel].sig_dirty.connect(self._show_items)
            self.forms[channel].sig_reload.connect(self.reload)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self._show_items()
        self.reload()

    # == reading ============================================================================

    def reload(self) -> None:
        self.loading = True
        ctx = self.ctx
        ctx.runner.run(
            lambda: _read(ctx),
            on_done=guarded(self, self._loaded),
            on_error=guarded(self, self._load_failed),
        )

    @Slot(object)
    def _loaded(self, loaded: Loaded) -> None:
        self.summaries, stored, currency, self.problems = loaded
        for channel, form in self.forms.items():
            if not form.has_unsaved_changes():
                form.show_state(self.summaries.get(channel), stored.get(channel), currency)
            form.show_problem(self.problems.get(channel, ""))
        self.loading = False
        self._show_items()
        self.sig_loaded.emit()

    @Slot(str, bool)
    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self.loading = False
        for form in self.forms.values():
            form.message.show_message(message)
        self.sig_loaded.emit()

    @Slot(object)
    def _saved(self, channel: Channel) -> None:
        self.reload()
        self.sig_changed.emit(channel)

    # == showing ============================================================================

    @Slot()
    def _show_items(self, *_args: object) -> None:
        for row, channel in enumerate(ORDER):
            item = self.list.item(row)
            form = self.forms[channel]
            summary = self.summaries.get(channel)
            if form.has_unsaved_changes():
                state = self.tr("Changes not saved")
            elif channel in self.problems:
                state = self.tr("Sending stopped")
            elif summary is not None:
                state = self.tr("Set up")
            else:
                state = self.tr("Not set up")
            item.setText(f"{form.title()}\n{state}")
            item.setIcon(validity_icon(summary is not None and channel not in self.problems))
            item.setToolTip(
                translate_message(summary.description) if summary is not None else state
            )

    def show_channel(self, channel: Channel) -> None:
        """Open the page on ``channel``'s form."""
        self.list.setCurrentRow(ORDER.index(channel))

    def current_channel(self) -> Channel:
        return ORDER[max(self.list.currentRow(), 0)]

    def unsaved(self) -> list[Channel]:
        """Channels whose form has changes that are not saved."""
        return [channel for channel in ORDER if self.forms[channel].has_unsaved_changes()]

    def is_busy(self) -> bool:
        return self.loading or any(form.is_busy() for form in self.forms.values())
