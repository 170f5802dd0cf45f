"""Finding a city online with Nominatim, for the towns and districts the bundled table lacks.

``cities.py`` knows the world's cities over 15,000 people; a search in "Cocody" (a district
of Abidjan) or a small town needs OpenStreetMap's geocoder. The public instance is run on
donated servers and its usage policy (https://operations.osmfoundation.org/policies/nominatim/)
asks, and this client does:

- **at most one request per second, from the whole application**: every client of the
  process shares one ``Throttle`` (a lock and the time the last request ended), so two
  screens or threads asking at once wait for each other; requests never overlap;
- **a User-Agent naming the application** (``LocalPro/<version> (+https://localpro.app)``),
  never an HTTP library's default;
- **answers cached** (``GeocodeCache``: the service keeps them in the workspace, so the same
  city is never asked twice, even across runs; "nothing found" is cached too);
- **the endpoint switchable without an update** (``base_url``, else ``LOCALPRO_NOMINATIM_URL``);
- **no heavy use**: one explicit search of a city, never one request per keystroke (the
  completer uses the offline table only) and never a listing of businesses (that is
  Overpass' job, ``osm/overpass.py``). A 429 is retried once at most, after the pause the
  server asks for (capped); a 403 (the policy's block for heavy users) is not retried.

Request: ``GET /search?q=&format=jsonv2&addressdetails=1&limit=5&countrycodes=&accept-language=``
(https://nominatim.org/release-docs/develop/api/Search/). Answer: a JSON list of places
(https://nominatim.org/release-docs/develop/api/Output/): ``lat``/``lon`` and the four
``boundingbox`` values as strings (min lat, max lat, min lon, max lon), ``category`` and
``type`` (the main OSM tag), ``place_rank``, ``addresstype``, ``name``, ``display_name`` and
``address`` (``city``, ``town``, ``village``, ``suburb``, ``state``, ``country_code``...).
Only settlement-like places are kept: the same name may be a street, a school or a river.
"""

from __future__ import annotations

import json
import os
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import httpx

from localpro_desktop import __version__
from localpro_desktop.discovery.cities import CityMatch

DEFAULT_URL = "https://nominatim.openstreetmap.org"
ENV_URL = "LOCALPRO_NOMINATIM_URL"
USER_AGENT = f"LocalPro/{__version__} (+https://localpro.app)"
MIN_INTERVAL_SECONDS = 1.0
RESULT_LIMIT = 5
MAX_QUERY_CHARS = 200
"""A city's name is never longer; the cache key stays short (the service's column: 300)."""
TIMEOUT_SECONDS = 10.0
RETRY_PAUSE_SECONDS = 2.0
"""Pause before the one retry of a 429 that does not say how long to wait."""
MAX_RETRY_PAUSE_SECONDS = 30.0
"""A 429 asking for a longer pause is not retried: the user is told to try later."""

SETTLEMENTS = frozenset(
    {
        "city",
        "town",
        "village",
        "hamlet",
        "municipality",
        "borough",
        "suburb",
        "quarter",
        "neighbourhood",
        "city_district",
        "district",
        "locality",
    }
)
"""``place=*`` values (and ``addresstype``s) that a business search can be run in."""
_NAME_FIELDS = ("city", "town", "village", "municipality", "suburb", "quarter", "neighbourhood")
_ADMIN_FIELDS = ("state", "region", "province", "state_district", "county")


class NominatimError(Exception):
    """No usable answer; ``status`` is the HTTP status when there was one (429, 403...)."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class NominatimUnreachable(NominatimError):
    """No answer at all (no connection, refused, timed out)."""


class GeocodeCache(Protocol):
    """Where answers are kept, as JSON text, by ``cache_key`` (the service uses SQLite)."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


class MemoryGeocodeCache:
    """A ``GeocodeCache`` for one process (tests, the command line without a workspace)."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def put(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def __len__(self) -> int:
        return len(self._values)


class Throttle:
    """At most one request per ``interval`` seconds, one at a time, across its users.

    The interval runs from the end of one request to the start of the next: a slow answer
    never lets the next request follow it closely. After a 429, ``hold_off`` makes every
    user wait as the server asked; a wait longer than ``max_wait`` is not slept through
    (the thread would hang) but refused with ``NominatimError`` (status 429), so no
    request is sent meanwhile. ``clock`` and ``sleep`` are injectable so tests can check
    the waits without waiting."""

    def __init__(
        self,
        interval: float = MIN_INTERVAL_SECONDS,
        *,
        max_wait: float = MAX_RETRY_PAUSE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self.max_wait = max_wait
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._next = float("-inf")
        """When the next request may start."""

    def hold_off(self, seconds: float) -> None:
        """No request for ``seconds`` from now (a 429's ``Retry-After``)."""
        with self._lock:
            self._next = max(self._next, self.clock() + seconds)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold the right to send one request (waiting for it first)."""
        with self._lock:
            wait = self._next - self.clock()
            if wait > self.max_wait:
                raise NominatimError(
                    "Nominatim asked to wait before searching again", status=429, retry_after=wait
                )
            if wait > 0:
                self.sleep(wait)
            try:
                yield
            finally:
                self._next = max(self._next, self.clock() + self.interval)


APP_THROTTLE = Throttle()
"""The one throttle every ``NominatimClient`` of the process uses unless given another."""


def cache_key(text: str, country: str | None, language: str) -> str:
    """The cache key of a search: case, spacing and Unicode forms do not make a new one."""
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return f"nominatim:{(country or '').strip().lower()}:{language}:{normal}"


class NominatimClient:
    """Looks cities up by name; cheap to create, all instances share ``APP_THROTTLE``."""

    def __init__(
        self,
        base_url: str | None = None,
        cache: GeocodeCache | None = None,
        *,
        language: str = "en",
        user_agent: str = USER_AGENT,
        throttle: Throttle | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        base = (base_url or os.environ.get(ENV_URL) or DEFAULT_URL).rstrip("/")
        self.search_url = base if base.endswith("/search") else f"{base}/search"
        self.cache = cache
        self.language = language
        self.user_agent = user_agent
        self.throttle = throttle or APP_THROTTLE
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> NominatimClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def search_city(self, text: str, country: str | None = None) -> list[CityMatch]:
        """Settlements named ``text`` (in ``country``, an ISO code, when given), best first.

        Cached answers come back without a request. Raises ``NominatimUnreachable`` when
        there is no connection and ``NominatimError`` for any other failure."""
        text = " ".join(text.split())[:MAX_QUERY_CHARS]
        if not text:
            return []
        code = country.strip().lower() if country and country.strip() else None
        key = cache_key(text, code, self.language)
        cached = self._cached(key)
        if cached is not None:
            return cached
        places = self._search(text, code)
        matches = parse_places(places, code)
        if self.cache is not None:
            self.cache.put(key, json.dumps([_to_json(m) for m in matches], ensure_ascii=False))
        return matches

    def _cached(self, key: str) -> list[CityMatch] | None:
        if self.cache is None:
            return None
        value = self.cache.get(key)
        if value is None:
            return None
        try:
            return [_from_json(item) for item in json.loads(value)]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # unreadable (an older format): ask again and overwrite it

    def _search(self, text: str, code: str | None) -> list[Any]:
        params = {
            "q": text,
            "format": "jsonv2",
            "addressdetails": "1",
            "limit": str(RESULT_LIMIT),
            "accept-language": self.language,
        }
        if code:
            params["countrycodes"] = code
        response = self._get(params)
        if response.status_code == 429:  # once more, after the pause asked for (app-wide)
            pause = _retry_after(response)
            self.throttle.hold_off(RETRY_PAUSE_SECONDS if pause is None else pause)
            response = self._get(params)
            if response.status_code == 429:
                pause = _retry_after(response)
                self.throttle.hold_off(RETRY_PAUSE_SECONDS if pause is None else pause)
        if response.status_code != 200:
            raise NominatimError(
                f"Nominatim answered HTTP {response.status_code}",
                status=response.status_code,
                retry_after=_retry_after(response),
            )
        try:
            answer = response.json()
        except ValueError:
            raise NominatimError("Nominatim answered with something other than JSON") from None
        if not isinstance(answer, list):
            raise NominatimError("Nominatim answered with unexpected JSON")
        return answer

    def _get(self, params: dict[str, str]) -> httpx.Response:
        with self.throttle.slot():
            try:
                return self._client.get(self.search_url, params=params)
            except httpx.HTTPError as exc:
                raise NominatimUnreachable(
                    f"Nominatim could not be reached ({type(exc).__name__})"
                ) from None


def parse_places(places: list[Any], country: str | None = None) -> list[CityMatch]:
    """The settlements among Nominatim's ``jsonv2`` places, in its order (best first).

    Places without usable coordinates are skipped; a missing name, address or bounding box
    is made do with. ``country`` (the code searched in) fills in a missing country code."""
    matches: list[CityMatch] = []
    for place in places:
        if not isinstance(place, dict) or not _is_settlement(place):
            continue
        try:
            lat = float(place["lat"])
            lon = float(place["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        address = place.get("address")
        address = address if isinstance(address, dict) else {}
        name = _name(place, address)
        if not name:
            continue
        code = str(address.get("country_code") or country or "").upper()
        admin = next((str(address[f]) for f in _ADMIN_FIELDS if address.get(f)), None)
        matches.append(
            CityMatch(
                name=name,
                country=code,
                lat=lat,
                lon=lon,
                population=0,
                admin=admin,
                source="nominatim",
                bbox=_bbox(place.get("boundingbox")),
            )
        )
    return matches


def _is_settlement(place: dict[str, Any]) -> bool:
    category = place.get("category", place.get("class"))  # "class" in format=json
    kind = place.get("type")
    if category == "place" and kind in SETTLEMENTS:
        return True
    addresstype = place.get("addresstype")
    if category == "boundary" and kind == "administrative":
        if addresstype is not None:
            return addresstype in SETTLEMENTS
        rank = place.get("place_rank")
        return isinstance(rank, int) and 12 <= rank <= 20  # cities to neighbourhoods
    return False


def _name(place: dict[str, Any], address: dict[str, Any]) -> str:
    for value in (
        place.get("name"),
        address.get(str(place.get("addresstype"))),
        *(address.get(f) for f in _NAME_FIELDS),
        str(place.get("display_name") or "").split(",")[0],
    ):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    """``["minlat", "maxlat", "minlon", "maxlon"]`` → (south, west, north, east)."""
    if not isinstance(value, list) or len(value) != 4:
        return None
    try:
        south, north, west, east = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return (south, west, north, east)


def _retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds (delta-seconds or an HTTP date), None when absent."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _to_json(match: CityMatch) -> dict[str, Any]:
    return {
        "name": match.name,
        "country": match.country,
        "lat": match.lat,
        "lon": match.lon,
        "admin": match.admin,
        "bbox": list(match.bbox) if match.bbox else None,
    }


def _from_json(item: dict[str, Any]) -> CityMatch:
    bbox = item.get("bbox")
    return CityMatch(
        name=str(item["name"]),
        country=str(item["country"]),
        lat=float(item["lat"]),
        lon=float(item["lon"]),
        admin=item.get("admin"),
        source="nominatim",
        bbox=(float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3])) if bbox else None,
    )
