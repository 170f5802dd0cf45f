"""The Replies table's columns: the message keeps room to be read, down to 1024×600.

The date, the channel and the badge keep their widths; the sender and the campaign take
their usual widths when there is room and shrink first; below that the campaign steps
aside (the side shows which campaign the selected message answers) and comes back as the
window widens. The message takes what is left.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from localpro_desktop.ui.campaigns.columns import moment_width
from localpro_desktop.ui.replies.model import ReplyColumn

CHANNEL_WIDTH = 104
FLEXIBLE = {ReplyColumn.FROM: (110, 170), ReplyColumn.CAMPAIGN: (110, 190)}
"""Column → (narrowest, usual) width."""
MESSAGE_MIN = 150
"""The message column is never narrower than this while the campaign can step aside."""


class ReplyTable(QTableView):
    """The list of replies, fitting its columns to the width it gets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ReplyColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReplyColumn.BADGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(40)
        header.resizeSection(ReplyColumn.WHEN, moment_width(self.fontMetrics()))
        header.resizeSection(ReplyColumn.CHANNEL, CHANNEL_WIDTH)
        if model is not None:
            model.modelReset.connect(self.fit)
            model.layoutChanged.connect(self.fit)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the viewport has its new size after this
        self.fit()

    def fit(self) -> None:
        header = self.horizontalHeader()
        if self.model() is None or header.count() < len(ReplyColumn):
            return
        fixed = sum(
            header.sectionSize(c)
            for c in (ReplyColumn.WHEN, ReplyColumn.CHANNEL, ReplyColumn.BADGE)
        )
        room = self.viewport().width() - fixed - MESSAGE_MIN
        usual = sum(width for _least, width in FLEXIBLE.values())
        least = sum(narrow for narrow, _width in FLEXIBLE.values())
        show_campaign = room >= least
        self.setColumnHidden(ReplyColumn.CAMPAIGN, not show_campaign)
        if not show_campaign:
            header.resizeSection(ReplyColumn.FROM, FLEXIBLE[ReplyColumn.FROM][0])
            return
        # Between the narrowest and the usual widths, each takes its share of the room.
        share = 1.0 if room >= usual else (room - least) / max(usual - least, 1)
        for column, (narrow, width) in FLEXIBLE.items():
            header.resizeSection(column, int(narrow + (width - narrow) * share))
