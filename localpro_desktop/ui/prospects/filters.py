"""The Prospects tab's search bar: text, sector, city, source, converted, and the count.

The drop-downs list what the data holds (``Choices``, loaded by the tab on the database
worker); the cities follow the chosen sector, so no combination leads to an empty list.
Typing is debounced: the bar says "changed" once the user pauses, a drop-down at once.

Its words are the Prospects tab's (translation context ``ProspectsTab``): they were
written there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from localpro_desktop.services.prospect_search import Choices, ProspectFilter
from localpro_desktop.ui import labels
from localpro_desktop.ui.widgets import clear_on_escape

SEARCH_DELAY_MS = 250


class ProspectFilterBar(QWidget):
    sig_changed = Signal()
    """The filter changed: a drop-down at once, the search text once typing pauses."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._choices: Choices | None = None
        self.extra: dict[str, Any] = {}
        """Conditions asked in words that no field shows (country, has a phone, on the map)."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("ProspectsTab", "Search names, phones, e-mails, notes…")
        )
        self.search.setClearButtonEnabled(True)
        clear_on_escape(self.search)
        self.search.setMinimumWidth(240)
        self.sector_combo = _filter_combo(QCoreApplication.translate("ProspectsTab", "All sectors"))
        self.city_combo = _filter_combo(QCoreApplication.translate("ProspectsTab", "All cities"))
        self.source_combo = _filter_combo(QCoreApplication.translate("ProspectsTab", "All sources"))
        self.converted_combo = _filter_combo(
            QCoreApplication.translate("ProspectsTab", "Converted or not")
        )
        self.converted_combo.addItem(
            QCoreApplication.translate("ProspectsTab", "Not converted yet"), False
        )
        self.converted_combo.addItem(
            QCoreApplication.translate("ProspectsTab", "Already contacts"), True
        )
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setMinimumWidth(110)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for combo in self.combos:
            layout.addWidget(combo, 1)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.sig_changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.sig_changed)
        self.sector_combo.currentIndexChanged.connect(self._sector_changed)
        for combo in (self.city_combo, self.source_combo, self.converted_combo):
            combo.currentIndexChanged.connect(self.sig_changed)

    @property
    def combos(self) -> tuple[QComboBox, ...]:
        return (self.sector_combo, self.city_combo, self.source_combo, self.converted_combo)

    def current_filter(self) -> ProspectFilter:
        text = self.search.text().strip()
        flt = ProspectFilter(
            sector=self.sector_combo.currentData(),
            city=self.city_combo.currentData(),
            source=self.source_combo.currentData(),
            converted=self.converted_combo.currentData(),
            text=text or None,
        )
        return replace(flt, **self.extra) if self.extra else flt

    def add_tool(self, widget: QWidget) -> None:
        """A widget at the end of the bar (the "Ask in words" field)."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(widget, 2)

    def show_filter(self, flt: ProspectFilter) -> None:
        """Set every field from ``flt`` (asked in words), quietly: the caller applies once."""
        widgets = (self.search, *self.combos)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text or "")
        _choose(self.sector_combo, flt.sector, labels.sector(flt.sector or "", self.language))
        self._fill_cities()
        _choose(self.city_combo, flt.city, flt.city or "")
        _choose(self.source_combo, flt.source, labels.source(flt.source or ""))
        self.converted_combo.setCurrentIndex(
            0 if flt.converted is None else (2 if flt.converted else 1)
        )
        for widget in widgets:
            widget.blockSignals(False)
        extra = {"country": flt.country, "has_phone": flt.has_phone}
        extra["has_coordinates"] = flt.has_coordinates
        self.extra = {name: value for name, value in extra.items() if value is not None}

    def settle(self) -> None:
        """The filter is being applied now: a pending "typing paused" is not needed."""
        self._timer.stop()

    def clear(self) -> None:
        """Back to everything, without a "changed" per widget (the caller applies once)."""
        widgets = (self.search, *self.combos)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self.combos:
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.extra = {}
        self._fill_cities()

    def active(self) -> str:
        """The drop-downs in use, as shown ("Bakery · Dakar"), for the empty state."""
        flt = self.current_filter()
        shown = [
            self.sector_combo.currentText() if flt.sector else "",
            self.city_combo.currentText() if flt.city else "",
            self.source_combo.currentText() if flt.source else "",
            self.converted_combo.currentText() if flt.converted is not None else "",
        ]
        return " · ".join(part for part in shown if part)

    def fill_choices(self, choices: Choices) -> None:
        self._choices = choices
        sectors = sorted(
            ((labels.sector(s, self.language), s) for s in choices.sectors),
            key=lambda item: item[0].casefold(),
        )
        _refill(self.sector_combo, sectors)
        sources = sorted(
            ((labels.source(s), s) for s in choices.sources),
            key=lambda item: item[0].casefold(),
        )
        _refill(self.source_combo, sources)
        self._fill_cities()

    def cities(self) -> list[str]:
        """Every city in the data (empty until the choices arrive)."""
        return self._choices.cities() if self._choices is not None else []

    def _sector_changed(self) -> None:
        self._fill_cities()
        self.sig_changed.emit()

    def _fill_cities(self) -> None:
        """Cities follow the chosen sector, so no combination leads to an empty list."""
        if self._choices is not None:
            cities = self._choices.cities(self.sector_combo.currentData())
            _refill(self.city_combo, [(city, city) for city in cities])


def _filter_combo(everything: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(everything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setMaxVisibleItems(20)
    return combo


def _choose(combo: QComboBox, value: str | None, text: str) -> None:
    """Pick ``value`` (None: the "All …" item), adding it when the data does not hold it."""
    index = 0 if value is None else combo.findData(value)
    if index < 0:
        combo.addItem(text or str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a filter's choices, keeping the current one even if the data lost it."""
    current = combo.currentData()
    everything = combo.itemText(0)
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, value)
    if current is not None:
        index = combo.findData(current)
        if index < 0:
            combo.addItem(str(current), current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    combo.blockSignals(False)
