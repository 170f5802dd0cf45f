"""What became of the period's messages, per channel, beside the messages chart.

For the messages *sent* in the period (the cohort the rates use): how many were delivered,
opened and replied to, as the recipients' receipts say; the response rate (replies over
messages sent, not over receipts); and the people who opted out of the channel in the
period (STOP, an unsubscribe link, WhatsApp's "stop promotions"). SMS has no read
receipts, so its "opened" is unknown ("—"), not zero.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.analytics import ChannelRates
from localpro_desktop.services.analytics_dashboard import AnalyticsData
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.analytics.charts import chart_font
from localpro_desktop.ui.campaigns.models import opens_tracked
from localpro_desktop.ui.style import CHANNEL_COLORS, MUTED_COLOR

COLUMNS: tuple[Channel, ...] = tuple(Channel)
"""In the order of the messages chart's legend."""
ROWS: tuple[str, ...] = ("sent", "delivered", "opened", "replied", "response_rate", "opt_outs")
UNKNOWN = "—"


class ChannelFigures(QFrame):
    """A small table: one column per channel, one row per figure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelFigures")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 4, 0, 4)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(5)
        captions = {
            "sent": (self.tr("Sent"), self.tr("Messages sent in the period.")),
            "delivered": (
                self.tr("Delivered"),
                self.tr("Of those, delivered (a later receipt or a reply proves it too)."),
            ),
            "opened": (
                self.tr("Opened"),
                self.tr("Of those, read or opened (SMS has no read receipts)."),
            ),
            "replied": (self.tr("Replied"), self.tr("Of those, answered by the person.")),
            "response_rate": (
                self.tr("Response rate"),
                self.tr("Replies over messages sent (receipts are not replies)."),
            ),
            "opt_outs": (
                self.tr("Opt-outs"),
                self.tr(
                    "People who asked for no more messages on this channel in the period "
                    "(STOP, an unsubscribe link), and have not opted back in."
                ),
            ),
        }
        self.cells: dict[tuple[str, Channel], QLabel] = {}
        for column, channel in enumerate(COLUMNS, start=1):
            head = QLabel(labels.channel(channel))
            head.setFont(chart_font(bold=True))
            head.setStyleSheet(f"color: {CHANNEL_COLORS[channel]};")
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(head, 0, column)
        for row, key in enumerate(ROWS, start=1):
            text, tip = captions[key]
            caption = QLabel(text)
            caption.setFont(chart_font())
            caption.setStyleSheet(f"color: {MUTED_COLOR};")
            caption.setToolTip(tip)
            grid.addWidget(caption, row, 0)
            for column, channel in enumerate(COLUMNS, start=1):
                cell = QLabel(UNKNOWN)
                cell.setFont(chart_font(bold=key in ("response_rate", "opt_outs")))
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setToolTip(tip)
                grid.addWidget(cell, row, column)
                self.cells[(key, channel)] = cell
        grid.setRowStretch(len(ROWS) + 1, 1)

    def show_figures(self, data: AnalyticsData) -> None:
        for channel in COLUMNS:
            rates = data.channels.get(channel)
            for key in ROWS:
                self.cells[(key, channel)].setText(
                    self._text(key, channel, rates, data.opt_outs.get(channel, 0))
                )

    @staticmethod
    def _text(key: str, channel: Channel, rates: ChannelRates | None, opt_outs: int) -> str:
        if key == "opt_outs":
            return formatting.number(opt_outs)
        if key == "response_rate":
            return formatting.percent(rates.response_rate if rates else None)
        if key == "opened" and not opens_tracked(channel):
            return UNKNOWN
        return formatting.number(int(getattr(rates, key)) if rates else 0)

    def text(self, key: str, channel: Channel) -> str:
        """What a cell shows (for tests)."""
        return self.cells[(key, channel)].text()
