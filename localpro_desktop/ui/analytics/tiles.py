"""KPI tiles: one headline number, what it is measured against, and where it is heading."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.ui import formatting
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR, STATUS_COLORS

UP_COLOR = STATUS_COLORS[PipelineStatus.CLIENT]
DOWN_COLOR = ERROR_COLOR
# A plan meter turns orange, then red, as the user nears the limit that will block them.
WARN_AT = 0.8
WARN_COLOR = STATUS_COLORS[PipelineStatus.NEGOTIATION]
METER_COLOR = STATUS_COLORS[PipelineStatus.NEW]


def trend_arrow(change: float | None) -> tuple[str, str]:
    """(text, colour) for a relative change: "▲ 12.0%" in green, "▼ 5.0%" in red."""
    if change is None:
        return "", MUTED_COLOR
    if change > 0:
        return f"▲ {formatting.percent(change)}", UP_COLOR
    if change < 0:
        return f"▼ {formatting.percent(-change)}", DOWN_COLOR
    return f"= {formatting.percent(0.0)}", MUTED_COLOR


class KpiTile(QFrame):
    """A card with a title, a big value, an optional usage meter, a detail and a trend line.

    The texts are set by the tab (which owns the translations); the tile only lays them out
    so the five tiles line up whatever the language.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("kpiTitle")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("kpiValue")
        big = QFont(self.value_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        self.value_label.setFont(big)
        self.meter = QProgressBar()
        self.meter.setObjectName("kpiMeter")
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(5)
        self.meter.setRange(0, 1000)
        keep_room = self.meter.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.meter.setSizePolicy(keep_room)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("kpiDetail")
        self.trend_label = QLabel()
        self.trend_label.setObjectName("kpiTrend")
        self.trend_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title_label, self.detail_label, self.trend_label):
            label.setWordWrap(False)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.meter)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.trend_label)
        self._meter_style = ""
        self.set_meter(None)

    def set_value(self, value: str, detail: str) -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.detail_label.setToolTip(detail)

    def set_meter(self, used_share: float | None) -> None:
        """Fill the plan meter; ``None`` (unlimited) hides it but keeps its room, so the
        five tiles stay aligned."""
        if used_share is None:
            self.meter.setVisible(False)
            return
        self.meter.setVisible(True)
        self.meter.setValue(round(min(max(used_share, 0.0), 1.0) * 1000))
        color = (
            DOWN_COLOR if used_share >= 1 else WARN_COLOR if used_share >= WARN_AT else METER_COLOR
        )
        style = (
            "QProgressBar { border: none; border-radius: 2px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 2px; background: {color}; }}"
        )
        if style != self._meter_style:
            self._meter_style = style
            self.meter.setStyleSheet(style)

    def set_trend(self, change: float | None, comparison: str, missing: str) -> None:
        """``comparison`` follows the arrow ("vs previous 30 days"); ``missing`` replaces
        both when there is nothing to compare with (no activity in the earlier period)."""
        arrow, color = trend_arrow(change)
        # The tile may be narrower than the sentence (small screens, French): keep it whole
        # in the tooltip.
        self.trend_label.setToolTip(f"{arrow} {comparison}" if arrow else missing)
        if not arrow:
            self.trend_label.setText(
                f'<span style="color:{MUTED_COLOR}">{html.escape(missing)}</span>'
            )
            return
        self.trend_label.setText(
            f'<span style="color:{color}; font-weight:600">{arrow}</span>'
            f'<span style="color:{MUTED_COLOR}">&nbsp;{html.escape(comparison)}</span>'
        )

    @property
    def trend_text(self) -> str:
        """The trend line as plain text (for tests and accessibility)."""
        doc = QTextDocument()
        doc.setHtml(self.trend_label.text())
        return doc.toPlainText().replace("\xa0", " ")
