"""The segments sidebar: saved groups with how many contacts each holds right now.

A handful of segments, so a small tree widget (name, count) is enough here; clicking one
filters the board exactly as picking it in the filter bar's combo does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.segments import SegmentInfo, SegmentKind
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR

SIDEBAR_WIDTH = 190
_ID = Qt.ItemDataRole.UserRole + 1


class SegmentSidebar(QFrame):
    sig_segment_chosen = Signal(str)
    """A segment was clicked: its id, or "" for all contacts."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("segmentSidebar")
        self.setStyleSheet("#segmentSidebar { border-right: 1px solid #d5d9df; }")
        self.setFixedWidth(SIDEBAR_WIDTH)
        title = QLabel(self.tr("Segments"))
        title.setStyleSheet("font-weight: 600;")
        hint = QLabel(self.tr("Saved groups of contacts. Click one to filter the board."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 6, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        self._layout = layout
        self._everyone = QTreeWidgetItem([self.tr("All contacts"), ""])
        self._everyone.setData(0, _ID, "")
        self.tree.addTopLevelItem(self._everyone)

    def add_tool(self, widget: QWidget) -> None:
        """A widget above the list (the "Ask in words" field: its answer becomes a segment)."""
        self._layout.insertWidget(2, widget)

    def set_segments(self, segments: list[SegmentInfo], everyone: int | None) -> None:
        current = self.current_id()
        while self.tree.topLevelItemCount() > 1:
            self.tree.takeTopLevelItem(1)
        self._everyone.setText(1, "" if everyone is None else fmt.number(everyone))
        self._everyone.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        for info in segments:
            item = QTreeWidgetItem([info.name, fmt.number(info.member_count)])
            item.setData(0, _ID, info.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            if info.problem:
                item.setDisabled(True)
                item.setToolTip(0, translate_message(info.problem))
            elif info.kind is SegmentKind.STATIC:
                item.setToolTip(0, self.tr("Hand-picked list of contacts"))
            elif info.rule is not None:
                item.setToolTip(0, info.rule.describe(self.language))
            self.tree.addTopLevelItem(item)
        self.select(current)

    def set_everyone(self, count: int) -> None:
        """The "All contacts" count follows the board (it knows it first)."""
        self._everyone.setText(1, fmt.number(count))

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, _ID) or "") if item is not None else ""

    def select(self, segment_id: str | None) -> None:
        """Highlight a segment without emitting (the filter bar already applied it)."""
        wanted = segment_id or ""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and str(item.data(0, _ID) or "") == wanted:
                self.tree.setCurrentItem(item)
                return
        self.tree.setCurrentItem(self._everyone)

    def ids(self) -> list[str]:
        out = []
        for row in range(1, self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None:
                out.append(str(item.data(0, _ID)))
        return out

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if not item.isDisabled():
            self.sig_segment_chosen.emit(str(item.data(0, _ID) or ""))
