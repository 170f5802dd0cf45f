"""The campaign list's columns: the name keeps the room to be read, down to 1024×600.

Ten count and date columns at their usual widths leave a 1024-pixel window no room for
the name ("Promo…"). The name column stretches; when what is left for it is narrower than
the names it shows, the columns the detail below repeats (its tiles show every count for
the selected campaign) step aside, least useful first, and come back as the window widens.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.campaigns.models import CampaignColumn, CampaignListModel

COLUMN_WIDTHS = {
    CampaignColumn.CHANNEL: 110,
    CampaignColumn.STATUS: 120,
    CampaignColumn.RECIPIENTS: 100,
    CampaignColumn.SENT: 78,
    CampaignColumn.DELIVERED: 82,
    CampaignColumn.OPENED: 78,
    CampaignColumn.REPLIED: 82,
    CampaignColumn.FAILED: 72,
    CampaignColumn.CREATED: 128,
    CampaignColumn.WHEN: 150,
}
"""Usual widths: times need ~120 px and the counts their headers, in both languages."""

DATE_COLUMNS = (CampaignColumn.CREATED, CampaignColumn.WHEN)
"""Columns showing ``formatting.moment``: as wide as the workspace's locale writes it."""

STEP_ASIDE = (
    CampaignColumn.CREATED,
    CampaignColumn.OPENED,
    CampaignColumn.DELIVERED,
    CampaignColumn.REPLIED,
)
"""Hidden in this order when the name needs the room (the detail's tiles show them)."""

NAME_CAP = 320
"""A name longer than this may be elided (its tooltip shows it): the counts matter too."""
_CELL_PADDING = 20  # the cell's margins and focus frame, either side


class CampaignTable(QTableView):
    """The campaign list's table: the name column stretches, some counts step aside."""

    def __init__(self, model: CampaignListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_model = model
        model.modelReset.connect(self.fit)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """The list (or a proxy of it); the sections exist, and take their widths, then."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in self.usual_widths().items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(CampaignColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.fit()

    def usual_widths(self) -> dict[CampaignColumn, int]:
        """``COLUMN_WIDTHS``, the date columns widened to their locale's longest moment
        ("28/12/2026 23:58" in Lagos, "12/28/26 11:58 PM" in the US)."""
        widths = dict(COLUMN_WIDTHS)
        dates = moment_width(self.fontMetrics())
        for column in DATE_COLUMNS:
            widths[column] = max(widths[column], dates)
        return widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the viewport has its new size after this
        self.fit()

    def name_width_needed(self) -> int:
        """The widest name shown (or the header), capped at ``NAME_CAP``."""
        metrics = self.fontMetrics()
        names = [row.name for row in self.list_model.rows()]
        header = str(
            self.list_model.headerData(CampaignColumn.NAME, Qt.Orientation.Horizontal) or ""
        )
        widest = max((metrics.horizontalAdvance(text) for text in [header, *names]), default=0)
        return min(widest + _CELL_PADDING, NAME_CAP)

    def fit(self) -> None:
        available = self.viewport().width()
        need = self.name_width_needed()
        header = self.horizontalHeader()
        others = [c for c in CampaignColumn if c is not CampaignColumn.NAME]
        used = sum(_width(header, c) for c in others if c not in STEP_ASIDE)
        keep_order = STEP_ASIDE[::-1]  # the last to step aside is the first kept
        for position, column in enumerate(keep_order):
            if available - used - _width(header, column) < need:
                # Once one steps aside so do the less useful ones: the order never changes.
                for later in keep_order[position:]:
                    self.setColumnHidden(later, True)
                break
            used += _width(header, column)
            self.setColumnHidden(column, False)


def moment_width(metrics: QFontMetrics) -> int:
    """Room for the longest date and time ``formatting.moment`` writes, with the cell's
    margins: every table column of moments is at least this wide."""
    return metrics.horizontalAdvance(fmt.widest_moment()) + _CELL_PADDING


def _width(header: QHeaderView, column: CampaignColumn) -> int:
    """The column's width when shown: the user's own, else the usual one."""
    size = header.sectionSize(column)
    return size if size > 0 else COLUMN_WIDTHS[column]
