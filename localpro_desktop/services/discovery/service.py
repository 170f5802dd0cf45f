"""Finding prospects by sector and city: the use case behind the screen and ``discover``.

    search(request) -> Preview | Queued      what a source found, each place new or known
    add(preview, refs, mode)                 new ones become prospects, known ones merge
    run_saved()                              the searches saved while offline, run now

A search runs on the network (call it off the UI thread). Its answer is cached per
(source, city, sector, radius), so running it again is instant, offline and free; "search
again" refreshes it. With no connection the search is saved (``discovery_searches``) and
runs by itself when the connection is back; the screen tells the user when results arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from localpro_desktop.discovery import cities
from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.discovery.google import (
    PlacesClient,
    PlacesError,
    PlacesKeyRejected,
    PlacesQuotaExceeded,
    PlacesUnreachable,
)
from localpro_desktop.discovery.google import estimate as places_estimate
from localpro_desktop.discovery.nominatim import (
    NominatimClient,
    NominatimError,
    NominatimUnreachable,
)
from localpro_desktop.discovery.osm.overpass import (
    OverpassBusy,
    OverpassClient,
    OverpassError,
    OverpassRuntimeError,
    OverpassUnreachable,
)
from localpro_desktop.discovery.osm.parse import found_place
from localpro_desktop.discovery.osm.query import Around
from localpro_desktop.discovery.osm.tags import OsmSector
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.domain.sectors import SECTOR_LIST, SECTORS, sector_key, sector_label
from localpro_desktop.services.discovery import adding, cache, settings
from localpro_desktop.services.discovery.matching import WorkspaceIndex, preview_rows
from localpro_desktop.services.discovery.model import (
    RADIUS_KM,
    AddMode,
    AddOutcome,
    CityChoice,
    CostEstimate,
    MergeRecord,
    Preview,
    Queued,
    SavedSearch,
    SearchRequest,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import DiscoverySearch


class Offline(Exception):
    """No connection to the source: the caller saves the search for later."""


@dataclass(frozen=True, slots=True)
class SectorRow:
    key: str
    label_en: str
    label_fr: str
    osm_tags: tuple[str, ...]
    """Built-in and user-added OpenStreetMap tags, as ``key=value``."""
    added_tags: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.label_fr if language.lower().startswith("fr") else self.label_en


def default_radius_km(population: int) -> float:
    """A city's usual extent: 15 km for Lagos or Abidjan, 4 km for a town."""
    if population >= 1_000_000:
        return 15.0
    if population >= 300_000:
        return 10.0
    if population >= 100_000:
        return 6.0
    return 4.0


class DiscoveryService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- the sector table ---------------------------------------------------------------

    def sectors(self) -> list[SectorRow]:
        added = settings.added_tags(self.ws)
        rows = []
        for sector in SECTOR_LIST:
            osm = settings.osm_sector_for(self.ws, sector.key)
            tags = tuple(
                f"{f.key}={value}" for f in (osm.filters if osm else ()) for value in f.values
            )
            rows.append(
                SectorRow(
                    sector.key,
                    sector.label_en,
                    sector.label_fr,
                    tags,
                    tuple(added.get(sector.key, ())),
                )
            )
        return rows

    @staticmethod
    def sector_of(text: str) -> str:
        """The sector key of ``text`` (a key or a label in either language)."""
        key = sector_key(text)
        if key is None:
            raise UserError(msg.UNKNOWN_SECTOR, text=text, names=", ".join(SECTORS))
        return key

    # -- cities -------------------------------------------------------------------------

    @staticmethod
    def warm_cities() -> None:
        """Read the offline city table now (a second or two, once per run), in the caller's
        thread: a screen calls it in the background when it opens, so typing is instant."""
        cities.load()

    def find_cities(
        self, text: str, country: str | None = None, limit: int = 10
    ) -> list[CityChoice]:
        """Cities whose name starts with ``text``, offline (for a completer)."""
        return [_choice(m) for m in cities.find_cities(text, country, limit)]

    def resolve_city(self, text: str, country: str | None = None) -> CityChoice:
        """The city to search: the offline table first, then Nominatim when online.

        ``Offline`` when only Nominatim could say and there is no connection."""
        if not text.strip():
            raise UserError(msg.EMPTY_CITY)
        code = (country or "").strip().upper() or None
        found = cities.city_named(text, code)
        if found is None and code is None:
            found = cities.city_named(text, self.ws.settings().country) or cities.city_named(
                text, None
            )
        if found is not None:
            return _choice(found)
        client = NominatimClient(
            settings.endpoint_url(self.ws, "nominatim"), cache=cache.GeocodeStore(self.ws)
        )
        try:
            answers = client.search_city(text.strip(), code)
        except NominatimUnreachable:
            raise Offline from None
        except NominatimError as exc:
            raise UserError(msg.GEOCODER_FAILED, detail=str(exc)) from None
        finally:
            client.close()
        if not answers:
            where = msg.IN_COUNTRY(country=code) if code else ""
            raise UserError(msg.UNKNOWN_CITY, city=text.strip(), where=where)
        return _choice(answers[0])

    # -- searching ----------------------------------------------------------------------

    def estimate(self, request: SearchRequest) -> CostEstimate | None:
        """What a Google search may cost, before it runs (None for free sources, or when
        the city needs looking up online first)."""
        if request.source is not DiscoverySource.GOOGLE:
            return None
        try:
            city = self.resolve_city(request.city, request.country)
        except Offline:
            return None
        radius = self._radius(request, city)
        estimate = places_estimate(request.sector, city, radius)
        return CostEstimate(estimate.requests, estimate.usd, estimate.sku)

    def search(
        self,
        request: SearchRequest,
        *,
        refresh: bool = False,
        add_mode: AddMode = AddMode.NONE,
        save_when_offline: bool = True,
    ) -> Preview | Queued:
        """Run (or read back) a search; ``Queued`` when there is no connection."""
        request = self._checked(request)
        try:
            return self._search(request, refresh=refresh)
        except Offline:
            if not save_when_offline:
                raise
            return Queued(self._save(request, add_mode), request)

    def _search(self, request: SearchRequest, *, refresh: bool) -> Preview:
        city = self.resolve_city(request.city, request.country)
        radius = self._radius(request, city)
        osm = (
            settings.osm_sector_for(self.ws, request.sector)
            if request.source is DiscoverySource.OSM
            else None
        )
        filters = [f"{f.key}={v}" for f in (osm.filters if osm else ()) for v in f.values]
        key = cache.result_key(
            request.source, city.country, city.name, request.sector, radius, filters
        )
        with self.ws.write() as session:
            cache.drop_expired(session)
        cached = None if refresh else cache.load(self.ws, key)
        if cached is not None:
            places, fetched, from_cache, unnamed = cached.places, cached.fetched_at, True, 0
        else:
            places, unnamed = self._fetch(request, osm, city, radius)
            with self.ws.write() as session:
                fetched = cache.save(
                    session,
                    key,
                    source=request.source,
                    sector=request.sector,
                    city=city.name,
                    country=city.country,
                    radius_km=radius,
                    lat=city.lat,
                    lon=city.lon,
                    places=places,
                )
            from_cache = False
        with self.ws.read() as session:
            index = WorkspaceIndex.load(session)
        rows = preview_rows(index, places, city.name)
        return Preview(request, city, radius, tuple(rows), fetched, from_cache, unnamed, key)

    def _checked(self, request: SearchRequest) -> SearchRequest:
        sector = self.sector_of(request.sector)
        if not request.city.strip():
            raise UserError(msg.EMPTY_CITY)
        low, high = RADIUS_KM
        if request.radius_km is not None and not (low <= request.radius_km <= high):
            raise UserError(
                msg.BAD_RADIUS, low=f"{low:g}", high=f"{high:g}", value=f"{request.radius_km:g}"
            )
        if (
            request.source is DiscoverySource.OSM
            and settings.osm_sector_for(self.ws, sector) is None
        ):
            label = sector_label(sector, self.ws.settings().language)
            raise UserError(msg.NO_OSM_TAGS, sector=label, key=sector)
        if request.source is DiscoverySource.GOOGLE and not settings.has_google_key(self.ws):
            raise UserError(msg.NO_GOOGLE_KEY)
        country = (request.country or "").strip().upper() or None
        return SearchRequest(
            sector, request.city.strip(), country, request.radius_km, request.source
        )

    @staticmethod
    def _radius(request: SearchRequest, city: CityChoice) -> float:
        return request.radius_km or default_radius_km(city.population)

    def _fetch(
        self, request: SearchRequest, osm: OsmSector | None, city: CityChoice, radius: float
    ) -> tuple[list[FoundPlace], int]:
        if request.source is DiscoverySource.GOOGLE:
            return self._fetch_google(request, city, radius), 0
        assert osm is not None  # _checked: an OSM search has tags
        try:
            with OverpassClient(settings.endpoint_url(self.ws, "overpass")) as client:
                raw = client.search(
                    osm, Around(radius * 1000, city.lat, city.lon), country=city.country
                )
        except OverpassUnreachable:
            raise Offline from None
        except OverpassBusy as exc:
            raise UserError(msg.OVERPASS_BUSY, status=exc.status) from None
        except OverpassRuntimeError as exc:
            raise UserError(msg.OVERPASS_INCOMPLETE, remark=exc.remark) from None
        except OverpassError as exc:
            raise UserError(msg.OVERPASS_FAILED, detail=str(exc)) from None
        places = [found_place(p, city.country) for p in raw]
        named = [p for p in places if p is not None]
        return named, len(places) - len(named)

    def _fetch_google(
        self, request: SearchRequest, city: CityChoice, radius: float
    ) -> list[FoundPlace]:
        key = settings.google_key(self.ws)
        if not key:
            raise UserError(msg.NO_GOOGLE_KEY)
        client = PlacesClient(key, settings.endpoint_url(self.ws, "places"))
        try:
            return client.search(request.sector, city, radius, language=self.ws.settings().language)
        except PlacesUnreachable:
            raise Offline from None
        except PlacesKeyRejected as exc:
            raise UserError(msg.GOOGLE_KEY_REJECTED, detail=str(exc)) from None
        except PlacesQuotaExceeded:
            raise UserError(msg.GOOGLE_QUOTA) from None
        except PlacesError as exc:
            raise UserError(msg.GOOGLE_FAILED, detail=str(exc)) from None
        finally:
            client.close()

    # -- adding -------------------------------------------------------------------------

    def add(
        self, preview: Preview, refs: Iterable[str] | None = None, mode: AddMode = AddMode.ALL
    ) -> AddOutcome:
        return adding.add_from_preview(self.ws, preview, refs, mode=mode)

    def merges(self, *, limit: int = 200, include_undone: bool = False) -> list[MergeRecord]:
        return adding.merges(self.ws, limit=limit, include_undone=include_undone)

    def undo_merge(self, merge_id: str) -> None:
        adding.undo_merge(self.ws, merge_id)

    # -- searches saved while offline --------------------------------------------------

    def _save(self, request: SearchRequest, add_mode: AddMode) -> str:
        with self.ws.write() as session:
            row = DiscoverySearch(
                source=request.source.value,
                sector=request.sector,
                city=request.city,
                country=request.country or "",
                radius_km=request.radius_km,
                add_mode=add_mode.value,
                state="queued",
                attempts=0,
                created_at=utcnow(),
                result_key="",
                found=0,
                new=0,
                added=0,
                problem="",
                told=False,
            )
            session.add(row)
            session.flush()
            return row.id

    def saved_searches(self, states: Sequence[str] = ("queued",)) -> list[SavedSearch]:
        with self.ws.read() as session:
            rows = session.scalars(
                select(DiscoverySearch)
                .where(DiscoverySearch.state.in_(states))
                .order_by(DiscoverySearch.created_at)
            ).all()
            return [_saved(row) for row in rows]

    def has_saved(self) -> bool:
        with self.ws.read() as session:
            return (
                session.scalar(
                    select(DiscoverySearch.id).where(DiscoverySearch.state == "queued").limit(1)
                )
                is not None
            )

    def run_saved(self) -> list[SavedSearch]:
        """Run the saved searches, oldest first; stops at the first one still offline.

        Returns the ones that finished now (done or failed), for the user to be told."""
        finished: list[str] = []
        for saved in self.saved_searches():
            try:
                outcome = self.search(saved.request, save_when_offline=False)
            except Offline:
                with self.ws.write() as session:
                    row = session.get(DiscoverySearch, saved.id)
                    if row is not None:
                        row.attempts += 1
                break
            except UserError as exc:
                self._finish(saved.id, problem=str(exc))
                finished.append(saved.id)
                continue
            assert isinstance(outcome, Preview)
            added = 0
            if saved.add_mode is not AddMode.NONE:
                try:
                    added = self.add(outcome, mode=saved.add_mode).added
                except UserError as exc:
                    self._finish(saved.id, preview=outcome, problem=str(exc))
                    finished.append(saved.id)
                    continue
            self._finish(saved.id, preview=outcome, added=added)
            finished.append(saved.id)
        with self.ws.read() as session:
            rows = [session.get(DiscoverySearch, ident) for ident in finished]
            return [_saved(row) for row in rows if row is not None]

    def _finish(
        self, search_id: str, *, preview: Preview | None = None, added: int = 0, problem: str = ""
    ) -> None:
        with self.ws.write() as session:
            row = session.get(DiscoverySearch, search_id)
            if row is None:
                return
            row.state = "failed" if problem and preview is None else "done"
            row.finished_at = utcnow()
            row.attempts += 1
            row.problem = problem
            if preview is not None:
                row.result_key = preview.result_key
                row.found, row.new, row.added = preview.found, preview.new, added

    def untold(self) -> list[SavedSearch]:
        """Saved searches that finished and the user has not been told of yet."""
        with self.ws.read() as session:
            rows = session.scalars(
                select(DiscoverySearch)
                .where(DiscoverySearch.state != "queued", DiscoverySearch.told.is_(False))
                .order_by(DiscoverySearch.finished_at)
            ).all()
            return [_saved(row) for row in rows]

    def mark_told(self, search_ids: Iterable[str]) -> None:
        with self.ws.write() as session:
            for ident in search_ids:
                row = session.get(DiscoverySearch, ident)
                if row is not None:
                    row.told = True

    def cancel_saved(self, search_id: str) -> None:
        with self.ws.write() as session:
            row = session.get(DiscoverySearch, search_id)
            if row is None or row.state != "queued":
                raise UserError(msg.NO_SEARCH, ident=search_id)
            session.delete(row)

    def saved_preview(self, search_id: str) -> Preview:
        """The results of a saved search that ran (from the cache, offline)."""
        with self.ws.read() as session:
            row = session.get(DiscoverySearch, search_id)
            if row is None or row.state == "queued":
                raise UserError(msg.NO_SEARCH, ident=search_id)
            request = _saved(row).request
        outcome = self.search(request, save_when_offline=False)
        assert isinstance(outcome, Preview)
        return outcome


def _choice(match: cities.CityMatch) -> CityChoice:
    return CityChoice(
        match.name, match.country, match.lat, match.lon, match.population, match.source
    )


def _saved(row: DiscoverySearch) -> SavedSearch:
    return SavedSearch(
        id=row.id,
        request=SearchRequest(
            row.sector, row.city, row.country or None, row.radius_km, DiscoverySource(row.source)
        ),
        add_mode=AddMode(row.add_mode),
        state=row.state,
        created_at=row.created_at,
        finished_at=row.finished_at,
        found=row.found,
        new=row.new,
        added=row.added,
        problem=row.problem,
        result_key=row.result_key,
    )
