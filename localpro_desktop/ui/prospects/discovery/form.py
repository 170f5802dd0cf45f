"""The search form: sector, city (completed offline as the user types), radius, source.

The city list is the bundled table of the world's cities (``DiscoveryService.find_cities``):
its first read takes a couple of seconds, so every look-up runs off the UI thread, the
first one as soon as the form is built, and only the latest answer is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.countries import country
from localpro_desktop.services.discovery import (
    RADIUS_KM,
    CityChoice,
    DiscoveryService,
    DiscoverySource,
    SearchRequest,
    SectorRow,
)
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import clear_on_escape

COMPLETE_DELAY_MS = 120
CITY_LIMIT = 12


def country_name(code: str, language: str) -> str:
    known = country(code)
    if known is not None:
        return known.name(language)
    territory = QLocale.codeToTerritory(code)
    return QLocale.territoryToString(territory) if code else ""


class DiscoveryForm(QWidget):
    sig_search = Signal()
    """The user asked to search (button or Return in the city field)."""

    def __init__(self, ctx: UiContext, service: DiscoveryService) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = service
        self.sectors: list[SectorRow] = []
        self._cities: dict[str, CityChoice] = {}
        self._asked = 0
        self._build()
        self._complete_timer = QTimer(self)
        self._complete_timer.setSingleShot(True)
        self._complete_timer.setInterval(COMPLETE_DELAY_MS)
        self._complete_timer.timeout.connect(self._look_up_cities)
        self.city.textEdited.connect(lambda _text: self._complete_timer.start())
        self.city.textChanged.connect(self._show_country)
        self.city.returnPressed.connect(self.sig_search)
        self.search_button.clicked.connect(self.sig_search)
        self.load_sectors()
        # Read the city table now, while the user picks a sector.
        run_for(self, ctx.runner, service.warm_cities, database=False)

    def _build(self) -> None:
        # Combos sized by a number of characters, not by their longest item: the form
        # must fit a 1366-pixel window in French too.
        shrink = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.sector = QComboBox()
        self.sector.setSizeAdjustPolicy(shrink)
        self.sector.setMinimumContentsLength(14)
        self.sector.setAccessibleName(self.tr("Sector"))
        self.city = QLineEdit()
        self.city.setPlaceholderText(self.tr("City, e.g. Abidjan"))
        self.city.setAccessibleName(self.tr("City"))
        self.city.setMinimumWidth(170)
        clear_on_escape(self.city)
        self.city_model = QStringListModel(self)
        self.completer = QCompleter(self.city_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The service already matched (accents ignored: "Lome" finds Lomé): show it all.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.city.setCompleter(self.completer)
        self.country = QLabel()
        self.country.setStyleSheet(f"color: {MUTED_COLOR};")
        self.radius = QDoubleSpinBox()
        self.radius.setRange(0.0, RADIUS_KM[1])
        self.radius.setDecimals(1)
        self.radius.setSingleStep(1.0)
        self.radius.setSpecialValueText(self.tr("auto"))
        self.radius.setSuffix(" km")
        self.radius.setValue(0.0)
        self.radius.setToolTip(
            self.tr("How far from the city centre to search; auto follows the city's size.")
        )
        self.source = QComboBox()
        self.source.setSizeAdjustPolicy(shrink)
        self.source.setMinimumContentsLength(22)
        self.source.addItem(self.tr("OpenStreetMap (free)"), DiscoverySource.OSM)
        self.source.addItem(
            self.tr("Google Places (your key; cost shown first)"), DiscoverySource.GOOGLE
        )
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.set_busy(None)

        row = QHBoxLayout()
        row.setSpacing(8)
        for text, widget in (
            (self.tr("Sector"), self.sector),
            (self.tr("City"), self.city),
        ):
            row.addWidget(QLabel(text))
            row.addWidget(widget)
        row.addWidget(self.country)
        row.addSpacing(6)
        row.addWidget(QLabel(self.tr("Radius")))
        row.addWidget(self.radius)
        row.addSpacing(6)
        row.addWidget(QLabel(self.tr("Source")))
        row.addWidget(self.source)
        row.addWidget(self.search_button)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)

    # -- sectors ----------------------------------------------------------------------

    def load_sectors(self) -> None:
        run_for(self, self.ctx.runner, self.service.sectors, on_done=self._fill_sectors)

    def _fill_sectors(self, sectors: list[SectorRow]) -> None:
        chosen = self.sector.currentData()
        self.sectors = sectors
        self.sector.clear()
        for row in sectors:
            self.sector.addItem(row.label(self.ctx.language), row.key)
            if not row.osm_tags:
                self.sector.setItemData(
                    self.sector.count() - 1,
                    self.tr("OpenStreetMap has no tag for this sector yet: add one in Sources…"),
                    Qt.ItemDataRole.ToolTipRole,
                )
        index = self.sector.findData(chosen) if chosen else 0
        self.sector.setCurrentIndex(max(index, 0))

    # -- cities -----------------------------------------------------------------------

    def _look_up_cities(self) -> None:
        text = self.city.text().strip()
        if len(text) < 2:
            return
        self._asked += 1
        asked, service = self._asked, self.service
        run_for(
            self,
            self.ctx.runner,
            lambda: service.find_cities(text, None, CITY_LIMIT),
            database=False,
            on_done=lambda found: self._cities_found(asked, text, found),
            on_error=lambda _message, _bug: None,  # a completer can stay quiet
        )

    def _cities_found(self, asked: int, text: str, found: list[CityChoice]) -> None:
        if asked != self._asked or self.city.text().strip() != text:
            return  # the user typed on: a later answer is coming
        self._cities = {choice.label: choice for choice in found}
        self.city_model.setStringList(list(self._cities))
        if found and self.city.hasFocus():
            self.completer.complete()

    def _show_country(self, text: str) -> None:
        choice = self._cities.get(text.strip())
        self.country.setText(country_name(choice.country, self.ctx.language) if choice else "")

    def choose_city(self, choice: CityChoice) -> None:
        """Fill the city as if picked in the completer (tests, "search again")."""
        self._cities[choice.label] = choice
        self.city.setText(choice.label)

    # -- the request ------------------------------------------------------------------

    def request(self) -> SearchRequest:
        text = self.city.text().strip()
        choice = self._cities.get(text)
        city, code = (choice.name, choice.country) if choice else (text, None)
        radius = self.radius.value()
        low = RADIUS_KM[0]
        return SearchRequest(
            sector=str(self.sector.currentData() or ""),
            city=city,
            country=code,
            radius_km=max(radius, low) if radius > 0 else None,
            source=DiscoverySource(self.source.currentData()),
        )

    def set_source(self, source: DiscoverySource) -> None:
        self.source.setCurrentIndex(max(self.source.findData(source), 0))

    def set_busy(self, text: str | None) -> None:
        """``text`` while a search runs ("Searching OpenStreetMap…"); None when done."""
        self.busy.setVisible(text is not None)
        self.busy_label.setText(text or "")
        self.busy_label.setVisible(text is not None)
        self.search_button.setEnabled(text is None)
