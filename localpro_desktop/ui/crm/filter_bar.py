"""The CRM tab's filter bar: segments toggle, search, segment, save as segment, count, add, export.

It only edits and describes the filter; the tab applies it (reads the board under it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from localpro_desktop.services.board import BoardCounts, BoardFilter
from localpro_desktop.services.segments import SegmentInfo, SegmentKind
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.widgets import clear_on_escape

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    sig_apply = Signal()
    """The typed search settled (or Enter was pressed): apply the filter now."""
    sig_segment_picked = Signal(str)
    """The segment combo changed: the segment id ("" for all contacts)."""
    sig_save_segment = Signal(str)
    """The user named a new segment to be made from the applied filter."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.segments: dict[str, SegmentInfo] = {}
        self.unsaved: SegmentInfo | None = None
        """A rule asked in words and applied, not saved: an entry of the combo while picked."""
        self._applied = BoardFilter()
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.sig_apply)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.sig_apply)
        self.segment_combo.currentIndexChanged.connect(
            lambda _index: self.sig_segment_picked.emit(self.segment_id())
        )
        self.save_segment_button.clicked.connect(self._ask_segment_name)

    def _build(self) -> None:
        self.sidebar_button = QToolButton()
        self.sidebar_button.setText(self.tr("Segments"))
        self.sidebar_button.setCheckable(True)
        self.sidebar_button.setChecked(True)
        self.sidebar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sidebar_button.setToolTip(self.tr("Show or hide the list of segments"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, companies, cities, phones…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        clear_on_escape(self.search)  # a second Escape closes the contact panel
        self.segment_combo = QComboBox()
        self.segment_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.segment_combo.setMinimumContentsLength(16)
        self.segment_combo.setToolTip(self.tr("Show only the contacts of a segment"))
        self.segment_combo.addItem(self.tr("All contacts"), "")
        self.save_segment_button = QPushButton(self.tr("Save as segment…"))
        self.save_segment_button.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_button = QPushButton(self.tr("+ Add a contact"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save the contacts shown (filter and segment) as CSV, Excel or GeoJSON")
        )
        bar = QHBoxLayout(self)
        bar.setContentsMargins(8, 6, 8, 2)
        bar.addWidget(self.sidebar_button)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.segment_combo, 1)
        bar.addWidget(self.save_segment_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addSpacing(8)
        bar.addWidget(self.add_button)
        bar.addWidget(self.export_button)

    # -- the filter -----------------------------------------------------------------------

    def segment_id(self) -> str:
        return str(self.segment_combo.currentData() or "")

    def current_filter(self) -> BoardFilter:
        """The filter the widgets describe now (typed text within the chosen segment)."""
        return BoardFilter(self.search.text().strip(), self.segments.get(self.segment_id()))

    def settle(self) -> None:
        """The filter is being applied now: a pending debounced apply is not needed."""
        self._search_timer.stop()

    def choose_segment(self, segment_id: str) -> bool:
        """Pick a segment in the combo; False when it was already picked (nothing emitted)."""
        index = max(self.segment_combo.findData(segment_id or ""), 0)
        if index == self.segment_combo.currentIndex():
            return False
        self.segment_combo.setCurrentIndex(index)  # emits sig_segment_picked
        return True

    def clear_search(self) -> None:
        """Empty the search box without applying anything."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def clear(self) -> None:
        """Back to all contacts, no text, without applying anything."""
        self.clear_search()
        self.segment_combo.blockSignals(True)
        self.segment_combo.setCurrentIndex(0)
        self.segment_combo.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- segments ---------------------------------------------------------------------------

    def set_segments(self, segments: list[SegmentInfo], wanted: str | None = None) -> None:
        """Fill the combo, keeping ``wanted`` (or the current choice) picked, quietly."""
        self.segments = {info.id: info for info in segments}
        wanted = wanted or self.segment_id()
        combo = self.segment_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All contacts"), "")
        if self.unsaved is not None and wanted != self.unsaved.id:
            self.unsaved = None  # left (or saved): an unsaved view is not kept
        for info in [*segments, *([self.unsaved] if self.unsaved else [])]:
            self.segments[info.id] = info
            combo.addItem(info.name, info.id)
            row = combo.count() - 1
            if info.problem:
                tip = translate_message(info.problem)
                combo.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
                item = combo.model().index(row, 0)
                combo.model().setData(item, 0, Qt.ItemDataRole.UserRole - 1)
            elif info.kind is SegmentKind.RULE and info.rule is not None:
                combo.setItemData(
                    row, info.rule.describe(self.language), Qt.ItemDataRole.ToolTipRole
                )
        combo.setCurrentIndex(max(combo.findData(wanted), 0))
        combo.blockSignals(False)

    def set_applied(self, flt: BoardFilter) -> None:
        """The filter the board now shows: "Save as segment" offers to keep it."""
        self._applied = flt
        unsaved = self.unsaved is not None and flt.segment_id == self.unsaved.id
        typed = bool(self.search.text().strip()) or unsaved
        can = not flt.is_static and not flt.rule.is_empty and typed
        self.save_segment_button.setEnabled(can)
        if flt.is_static:
            tip = self.tr("A hand-picked list cannot become a rule: pick “All contacts” first.")
        elif can:
            tip = self.tr("Save “{rule}” as a segment that stays up to date").format(
                rule=flt.rule.describe(self.language)
            )
        else:
            tip = self.tr("Type a search first; the segment keeps it as a rule.")
        self.save_segment_button.setToolTip(tip)

    def _ask_segment_name(self) -> None:
        suggestion = self._applied.rule.describe(self.language)
        suggestion = suggestion if len(suggestion) <= 60 else ""
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as segment"),
            self.tr("Name of the new segment (it will follow this filter as contacts change):"),
            QLineEdit.EchoMode.Normal,
            suggestion,
        )
        if ok and name.strip():
            self.sig_save_segment.emit(name)

    def add_tool(self, widget: QWidget) -> None:
        """A widget after "Save as segment…" (the "Ask in words" field)."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.save_segment_button) + 1, widget, 2)

    def show_unsaved(self, info: SegmentInfo) -> None:
        """Show the board through a rule not saved yet, as an entry of the combo."""
        self.unsaved = info
        self.set_segments([s for s in self.segments.values() if s.id != info.id], info.id)
        self.sig_segment_picked.emit(info.id)

    # -- counts -----------------------------------------------------------------------------

    def show_counts(self, counts: BoardCounts, flt: BoardFilter) -> None:
        matching, everyone = counts.matching, counts.everyone
        if flt.is_empty:
            text = (
                self.tr("1 contact")
                if everyone == 1
                else self.tr("{n} contacts").format(n=fmt.number(everyone))
            )
        else:
            text = self.tr("{n} of {total} contacts").format(
                n=fmt.number(matching), total=fmt.number(everyone)
            )
        self.count_label.setText(text)
