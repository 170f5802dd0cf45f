"""A Places API (New) ``Place`` object -> ``FoundPlace``.

The fields read are the ones the client's field mask asks for, as documented in the Place
resource (https://developers.google.com/maps/documentation/places/web-service/reference/rest/v1/places):
``id``, ``displayName {text, languageCode}``, ``formattedAddress``,
``location {latitude, longitude}``, ``internationalPhoneNumber``, ``nationalPhoneNumber``,
``websiteUri``, ``regularOpeningHours.weekdayDescriptions`` and ``businessStatus``
(``OPERATIONAL``, ``CLOSED_TEMPORARILY``, ``CLOSED_PERMANENTLY``). Google leaves out any
field it has no value for, so every one of them may be missing.

Phone numbers become E.164 through ``domain.phones`` with the city's country as default
region, the international form first (it carries its country code); a number that does not
parse is kept as written in ``unparsed_phones``. A place that closed for good is no
prospect and is skipped, as is an entry without a place id (nothing to refer to it by).

Google's terms let an app keep place ids indefinitely but cache latitude and longitude for
at most 30 consecutive days (Places API policies,
https://developers.google.com/maps/documentation/places/web-service/policies, and the Maps
Service Specific Terms, https://cloud.google.com/maps-platform/terms/maps-service-terms):
each result says so with ``coordinates_storable=False``, and whoever saves it drops them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.domain.phones import parse_phone

CLOSED_PERMANENTLY = "CLOSED_PERMANENTLY"


def parse_places(places: Iterable[Any], country: str, city: str | None = None) -> list[FoundPlace]:
    """Every usable place of a ``places`` array, in the answer's order."""
    found = []
    for place in places:
        item = parse_place(place, country, city)
        if item is not None:
            found.append(item)
    return found


def parse_place(place: Any, country: str, city: str | None = None) -> FoundPlace | None:
    """One ``Place``; None when it has no id or is closed for good."""
    if not isinstance(place, dict):
        return None
    place_id = _text(place.get("id"))
    if place_id is None:
        return None
    status = _text(place.get("businessStatus"))
    if status == CLOSED_PERMANENTLY:
        return None
    region = country.upper()
    phones, unparsed = _phones(place, region)
    lat, lon = _location(place.get("location"))
    extra: dict[str, Any] = {}
    if status is not None:
        extra["business_status"] = status
    return FoundPlace(
        source=DiscoverySource.GOOGLE,
        ref=f"google:{place_id}",
        name=_display_name(place.get("displayName")),
        phones=phones,
        unparsed_phones=unparsed,
        website=_text(place.get("websiteUri")),
        address=_text(place.get("formattedAddress")),
        city=city,
        country=region,
        opening_hours=_opening_hours(place.get("regularOpeningHours")),
        lat=lat,
        lon=lon,
        coordinates_storable=False,
        extra=extra,
    )


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text or None


def _display_name(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("text")) or ""
    return ""


def _phones(place: dict[str, Any], region: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Valid numbers as E.164 (international form first); if none parses, the first raw."""
    phones: list[str] = []
    raws: list[str] = []
    for key in ("internationalPhoneNumber", "nationalPhoneNumber"):
        raw = _text(place.get(key))
        if raw is None:
            continue
        parsed = parse_phone(raw, region)
        if parsed.e164 is not None:
            if parsed.e164 not in phones:
                phones.append(parsed.e164)
        else:
            raws.append(raw)
    # Both fields are one number written two ways: a raw form is only worth keeping when no
    # form of it parsed, and then once.
    unparsed = () if phones or not raws else (raws[0],)
    return tuple(phones), unparsed


def _location(value: Any) -> tuple[float | None, float | None]:
    if not isinstance(value, dict):
        return None, None
    lat, lon = _number(value.get("latitude")), _number(value.get("longitude"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    return lat, lon


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _opening_hours(value: Any) -> str | None:
    """``weekdayDescriptions`` ("Monday: 8:00 AM – 8:00 PM", …) joined with "; "."""
    if not isinstance(value, dict):
        return None
    days = value.get("weekdayDescriptions")
    if not isinstance(days, list):
        return None
    lines = [text for text in (_text(day) for day in days) if text]
    return "; ".join(lines) or None
