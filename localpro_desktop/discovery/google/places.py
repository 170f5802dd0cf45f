"""The Google Places API (New) Text Search client, with the user's own key.

What Google documents and how this client follows it:

- Text Search (New) is ``POST https://places.googleapis.com/v1/places:searchText`` with the
  key in ``X-Goog-Api-Key`` and a field mask in ``X-Goog-FieldMask``; "There is no default
  list of returned fields … If you omit the field mask, the method returns an error"
  (https://developers.google.com/maps/documentation/places/web-service/text-search).
  ``FIELD_MASK`` asks only for what a prospect needs. Its phone, website and opening-hours
  fields put every request in the "Text Search Enterprise" SKU (``pricing.py``): the bill
  follows the dearest field, so ``estimate`` prices the search before it runs.
- Pages: ``pageSize`` 20 (the most Google returns), then the previous answer's
  ``nextPageToken`` as ``pageToken`` with the rest of the request unchanged; "Text Search
  (New) returns a maximum of 60 results across all pages", so at most 3 pages a query.
  A wide city is searched district by district (``districts.py``), results merged by id.
- Area: ``locationBias.circle`` (centre and radius in metres, at most 50,000), with
  ``regionCode`` the city's country and ``languageCode`` the user's language. The bias is a
  preference, not a fence, so results further than the asked radius are dropped here.
- Errors are Google's JSON error model (https://cloud.google.com/apis/design/errors):
  ``{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT", "details": [...]}}``.
  An invalid key is ``400 INVALID_ARGUMENT`` whose ``google.rpc.ErrorInfo`` reason is
  ``API_KEY_INVALID``; a key that may not call the API (API not enabled, key restricted,
  billing off) is ``403 PERMISSION_DENIED``: both are ``PlacesKeyRejected``. ``429
  RESOURCE_EXHAUSTED`` (per-minute quota) gets one retry after a short capped pause
  (``Retry-After`` or a ``google.rpc.RetryInfo`` delay honoured), then
  ``PlacesQuotaExceeded``. No answer at all (refused, cut, timed out) is
  ``PlacesUnreachable``, which the service treats as "offline, run it later".
- Google's terms: place ids may be kept, coordinates cached 30 days at most
  (https://developers.google.com/maps/documentation/places/web-service/policies); results
  carry ``coordinates_storable=False`` (``parse.py``).

The key is the user's and billable: it is sent only in its header, and never appears in an
exception's text, a log line or the client's ``repr`` (a Google message quoting it is
scrubbed). Exceptions carry structured attributes; the service layer turns them into the
user's language. httpx is used directly: ``discovery`` may not import ``channels``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

import httpx

from localpro_desktop import __version__
from localpro_desktop.discovery.found import FoundPlace
from localpro_desktop.discovery.google.districts import Circle, distance_km, split_circle
from localpro_desktop.discovery.google.parse import parse_places
from localpro_desktop.discovery.google.pricing import cost_usd, sku_for_field_mask
from localpro_desktop.discovery.google.queries import query_words

log = logging.getLogger(__name__)

DEFAULT_URL = "https://places.googleapis.com"
ENV_URL = "LOCALPRO_PLACES_URL"
SEARCH_PATH = "/v1/places:searchText"
USER_AGENT = f"LocalPro/{__version__}"
FIELD_MASK = ",".join(
    (
        "places.id",
        "places.displayName",
        "places.formattedAddress",
        "places.location",
        "places.nationalPhoneNumber",
        "places.internationalPhoneNumber",
        "places.websiteUri",
        "places.regularOpeningHours.weekdayDescriptions",
        "places.businessStatus",
        "nextPageToken",
    )
)
PAGE_SIZE = 20
MAX_PAGES = 3
RETRY_PAUSE_SECONDS = 2.0
MAX_PAUSE_SECONDS = 10.0
TIMEOUT_SECONDS = 20.0


class CityLike(Protocol):
    """What a search needs of a city (``discovery.cities.CityMatch`` has it)."""

    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str: ...

    @property
    def lat(self) -> float: ...

    @property
    def lon(self) -> float: ...


class PlacesError(Exception):
    """Google did not give a usable answer. ``status`` is the HTTP status (None when there
    was no answer), ``google_status`` the error's ``status`` ("INVALID_ARGUMENT", …),
    ``reason`` its ``ErrorInfo`` reason ("API_KEY_INVALID", …), ``detail`` Google's own
    English message (scrubbed of the key), for logs and support."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        google_status: str | None = None,
        reason: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.google_status = google_status
        self.reason = reason
        self.detail = detail


class PlacesUnreachable(PlacesError):
    """No answer: no connection, refused, cut or timed out (``timed_out`` says which)."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class PlacesKeyRejected(PlacesError):
    """The key is missing, invalid, or not allowed to call the Places API (New)."""


class PlacesQuotaExceeded(PlacesError):
    """Still 429 RESOURCE_EXHAUSTED after the retry; ``retry_after`` in seconds if known."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class PlacesEstimate:
    """The most a search can cost: every district's 3 pages, at the field mask's SKU."""

    requests: int
    usd: Decimal
    sku: str
    per_thousand: Decimal
    free_per_month: int | None = None
    districts: int = 1


def estimate(sector_key: str, city: CityLike, radius_km: float) -> PlacesEstimate:
    """Price a search before it runs (no key, no network). The sector does not change the
    price; it is taken so the call reads like ``search``."""
    del sector_key
    circles = split_circle(city.lat, city.lon, radius_km)
    sku = sku_for_field_mask(FIELD_MASK)
    requests = len(circles) * MAX_PAGES
    return PlacesEstimate(
        requests=requests,
        usd=cost_usd(requests, sku),
        sku=sku.name,
        per_thousand=sku.per_thousand,
        free_per_month=sku.free_per_month,
        districts=len(circles),
    )


class PlacesClient:
    def __init__(
        self,
        api_key: str,
        base_url: str | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
        max_pages: int = MAX_PAGES,
        retry_pause: float = RETRY_PAUSE_SECONDS,
        max_pause: float = MAX_PAUSE_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = (base_url or os.environ.get(ENV_URL) or DEFAULT_URL).rstrip("/")
        self._key = api_key.strip()
        self._max_pages = max(1, min(max_pages, MAX_PAGES))
        self._retry_pause = retry_pause
        self._max_pause = max_pause
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"PlacesClient(base_url={self.base_url!r})"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PlacesClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def estimate(self, sector_key: str, city: CityLike, radius_km: float) -> PlacesEstimate:
        """The module's ``estimate``, for callers holding a client."""
        return estimate(sector_key, city, radius_km)

    def search(
        self, sector_key: str, city: CityLike, radius_km: float, *, language: str = "en"
    ) -> list[FoundPlace]:
        """The businesses of ``sector_key`` within ``radius_km`` of the city's centre.

        Each district's pages are fetched in turn and merged by place id (first seen
        wins); places Google placed beyond the radius are dropped, those without a
        location kept. Raises the ``PlacesError`` family.
        """
        words = query_words(sector_key, language)
        country = (city.country or "").upper()
        merged: dict[str, FoundPlace] = {}
        for circle in split_circle(city.lat, city.lon, radius_km):
            raw = self.search_circle(words, circle, language=language, region=country)
            for place in parse_places(raw, country, city.name):
                if place.ref in merged or not _within(place, city, radius_km):
                    continue
                merged[place.ref] = place
        return list(merged.values())

    def search_circle(
        self, text_query: str, circle: Circle, *, language: str = "en", region: str = ""
    ) -> list[Any]:
        """Every page (at most 3) of one Text Search biased to ``circle``: raw Places."""
        body: dict[str, Any] = {
            "textQuery": text_query,
            "pageSize": PAGE_SIZE,
            "languageCode": language,
            "locationBias": {
                "circle": {
                    "center": {"latitude": circle.lat, "longitude": circle.lon},
                    "radius": min(circle.radius_m, 50_000.0),
                }
            },
        }
        if region:
            body["regionCode"] = region
        places: list[Any] = []
        token: str | None = None
        for _page in range(self._max_pages):
            answer = self.search_text({**body, "pageToken": token} if token else body)
            page = answer.get("places")
            if isinstance(page, list):
                places.extend(page)
            next_token = answer.get("nextPageToken")
            if not isinstance(next_token, str) or not next_token:
                break
            token = next_token
        return places

    def search_text(self, body: dict[str, Any]) -> dict[str, Any]:
        """One ``places:searchText`` request; its JSON answer (``{}`` when nothing matched)."""
        if not self._key:
            raise PlacesKeyRejected("no Google Places API key is set", reason="NO_KEY")
        response = self._post(body)
        if response.status_code == 429:
            pause = self._pause(response)
            log.info("Places answered 429; retrying once in %.1f s", pause)
            self._sleep(pause)
            response = self._post(body)
            if response.status_code == 429:
                raise self._error(response)
        if response.status_code != 200:
            raise self._error(response)
        try:
            answer = response.json()
        except ValueError:
            raise PlacesError(
                "Google Places answered with something other than JSON", status=200
            ) from None
        if not isinstance(answer, dict):
            raise PlacesError("Google Places answered with unexpected JSON", status=200)
        return answer

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            return self._client.post(
                self.base_url + SEARCH_PATH,
                content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                headers={
                    "Content-Type": "application/json; charset=utf-8",
                    "X-Goog-Api-Key": self._key,
                    "X-Goog-FieldMask": FIELD_MASK,
                },
            )
        except httpx.TimeoutException as exc:
            raise PlacesUnreachable(
                f"Google Places did not answer in time ({type(exc).__name__})", timed_out=True
            ) from None
        except httpx.HTTPError as exc:
            raise PlacesUnreachable(
                f"Google Places could not be reached ({type(exc).__name__})"
            ) from None

    def _pause(self, response: httpx.Response) -> float:
        pause = self._retry_pause
        hinted = _retry_after(response)
        if hinted is not None:
            pause = hinted
        return max(0.0, min(pause, self._max_pause))

    def _error(self, response: httpx.Response) -> PlacesError:
        status = response.status_code
        google_status, reason, detail = _error_fields(response)
        detail = self._scrub(detail) if detail else None
        kw: dict[str, Any] = {
            "status": status,
            "google_status": google_status,
            "reason": reason,
            "detail": detail,
        }
        said = f": {detail}" if detail else ""
        if status == 429 or google_status == "RESOURCE_EXHAUSTED":
            return PlacesQuotaExceeded(
                f"Google Places quota exceeded (HTTP {status}){said}",
                retry_after=_retry_after(response),
                **kw,
            )
        key_invalid = reason in _KEY_REASONS or (
            status == 400 and detail is not None and "api key" in detail.lower()
        )
        if status in (401, 403) or key_invalid:
            return PlacesKeyRejected(
                f"Google Places refused the API key (HTTP {status}){said}", **kw
            )
        return PlacesError(f"Google Places answered HTTP {status}{said}", **kw)

    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "[key]") if self._key else text


_KEY_REASONS = frozenset(
    {
        "API_KEY_INVALID",
        "API_KEY_EXPIRED",
        "API_KEY_SERVICE_BLOCKED",
        "API_KEY_HTTP_REFERRER_BLOCKED",
        "API_KEY_IP_ADDRESS_BLOCKED",
        "API_KEY_ANDROID_APP_BLOCKED",
        "API_KEY_IOS_APP_BLOCKED",
        "SERVICE_DISABLED",
        "BILLING_DISABLED",
    }
)
"""``ErrorInfo`` reasons that mean "this key cannot be used for this API"."""


def _error_fields(response: httpx.Response) -> tuple[str | None, str | None, str | None]:
    """(status, ErrorInfo reason, message) of a Google error body; Nones when absent."""
    try:
        body = response.json()
    except ValueError:
        text = " ".join(response.text.split())[:300]
        return None, None, text or None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None, None
    status = error.get("status") if isinstance(error.get("status"), str) else None
    message = error.get("message") if isinstance(error.get("message"), str) else None
    reason = None
    details = error.get("details")
    for item in details if isinstance(details, list) else ():
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            reason = item["reason"]
            break
    return status, reason, message


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from ``Retry-After`` (delta form) or a ``google.rpc.RetryInfo`` ("41s")."""
    header = response.headers.get("Retry-After", "").strip()
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    details = error.get("details") if isinstance(error, dict) else None
    for item in details if isinstance(details, list) else ():
        delay = item.get("retryDelay") if isinstance(item, dict) else None
        if isinstance(delay, str) and delay.endswith("s"):
            try:
                return max(0.0, float(delay[:-1]))
            except ValueError:
                return None
    return None


def _within(place: FoundPlace, city: CityLike, radius_km: float) -> bool:
    if place.lat is None or place.lon is None:
        return True
    return distance_km(city.lat, city.lon, place.lat, place.lon) <= radius_km
