"""An Overpass JSON element -> the place a prospect can be made from.

Elements follow the Overpass JSON output (https://dev.overpass-api.de/output_formats.html#json):
``type``, ``id``, ``lat``/``lon`` for nodes, ``center`` for ways and relations asked with
``out center``, and ``tags``. Every tag may be missing. Contact tags follow the OSM wiki
(https://wiki.openstreetmap.org/wiki/Key:contact, https://wiki.openstreetmap.org/wiki/Key:phone):
several numbers in one tag are separated by ``;`` (and, in practice, by ``,``), and
WhatsApp is given as a number or as a ``wa.me`` / ``api.whatsapp.com`` link.

Phone numbers become E.164 through ``domain.phones`` with the search's country as default
region; a number that does not parse is kept as typed in ``unparsed_phones``, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.domain.phones import parse_phone

_NAME_TAGS = ("name", "name:fr", "name:en", "brand")
_PHONE_TAGS = ("phone", "contact:phone", "mobile", "contact:mobile")
_EMAIL_TAGS = ("email", "contact:email")
_WEBSITE_TAGS = ("website", "contact:website", "url")
_SEPARATORS = re.compile(r"[;,]")
_WHATSAPP_HOSTS = {"wa.me", "api.whatsapp.com", "whatsapp.com", "www.whatsapp.com"}


@dataclass(frozen=True, slots=True)
class OsmPlace:
    osm_ref: str
    """``node/123``, ``way/45``, ``relation/6``: the source reference."""
    name: str | None
    phones: tuple[str, ...]
    """E.164, in the order of the tags, without repeats."""
    unparsed_phones: tuple[str, ...]
    """Numbers as typed that are not valid numbers (for the user to fix)."""
    whatsapp: str | None
    """E.164."""
    email: str | None
    website: str | None
    address: str | None
    city: str | None
    postcode: str | None
    opening_hours: str | None
    lat: float | None
    lon: float | None
    tags: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


def parse_elements(elements: Iterable[Any], region: str) -> list[OsmPlace]:
    """Every usable element (a node, way or relation with tags), in the answer's order."""
    places = []
    for element in elements:
        place = parse_element(element, region)
        if place is not None:
            places.append(place)
    return places


def parse_element(element: Any, region: str) -> OsmPlace | None:
    if not isinstance(element, dict):
        return None
    kind, ident = element.get("type"), element.get("id")
    if kind not in ("node", "way", "relation") or not isinstance(ident, int):
        return None
    raw_tags = element.get("tags")
    if not isinstance(raw_tags, dict) or not raw_tags:
        return None
    tags = {str(k): str(v).strip() for k, v in raw_tags.items() if str(v).strip()}
    lat, lon = _coordinates(element)
    phones, unparsed = _phones(tags, region)
    whatsapp = _whatsapp(tags, region)
    website = _first(tags, _WEBSITE_TAGS)
    if website is not None and _whatsapp_link_number(website) is not None:
        website = None  # a wa.me link is how to write, not a website
    return OsmPlace(
        osm_ref=f"{kind}/{ident}",
        name=_first(tags, _NAME_TAGS),
        phones=phones,
        unparsed_phones=unparsed,
        whatsapp=whatsapp,
        email=_first(tags, _EMAIL_TAGS),
        website=website,
        address=_address(tags),
        city=tags.get("addr:city"),
        postcode=tags.get("addr:postcode"),
        opening_hours=tags.get("opening_hours"),
        lat=lat,
        lon=lon,
        tags=tags,
    )


def _first(tags: Mapping[str, str], keys: Iterable[str]) -> str | None:
    for key in keys:
        if value := tags.get(key):
            return value
    return None


def _coordinates(element: dict[str, Any]) -> tuple[float | None, float | None]:
    source = element if "lat" in element else element.get("center")
    if not isinstance(source, dict):
        return None, None
    lat, lon = source.get("lat"), source.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None, None


def _split(value: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(value) if part.strip()]


def _phones(tags: Mapping[str, str], region: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    valid: list[str] = []
    unparsed: list[str] = []
    for key in _PHONE_TAGS:
        for raw in _split(tags.get(key, "")):
            parsed = parse_phone(raw, region)
            if parsed.e164 is not None:
                if parsed.e164 not in valid:
                    valid.append(parsed.e164)
            elif raw not in unparsed:
                unparsed.append(raw)
    return tuple(valid), tuple(unparsed)


def _whatsapp_link_number(text: str) -> str | None:
    """The digits of a ``wa.me/<number>`` or ``api.whatsapp.com/send?phone=<number>`` link."""
    candidate = text.strip()
    if "://" not in candidate:
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host not in _WHATSAPP_HOSTS:
        return None
    if host == "wa.me":
        digits = parts.path.strip("/").split("/")[0]
    else:
        digits = (parse_qs(parts.query).get("phone") or [""])[0]
    digits = re.sub(r"[\s+\-.()]", "", digits)
    return digits if digits.isdigit() else None


def _whatsapp(tags: Mapping[str, str], region: str) -> str | None:
    candidates: list[str] = []
    for value in _split(tags.get("contact:whatsapp", "")):
        digits = _whatsapp_link_number(value)
        # A link's number is international (country code, no "+"); a bare tag value is
        # read like any phone of the area.
        candidates.append("+" + digits if digits is not None else value)
    for key in _WEBSITE_TAGS:
        digits = _whatsapp_link_number(tags.get(key, ""))
        if digits is not None:
            candidates.append("+" + digits)
    for candidate in candidates:
        e164 = parse_phone(candidate, region).e164
        if e164 is not None:
            return e164
    return None


def _address(tags: Mapping[str, str]) -> str | None:
    """``addr:*`` as one line: "12 Rue des Jardins, Cocody"; the full form when given."""
    if full := tags.get("addr:full"):
        return full
    street = tags.get("addr:street") or tags.get("addr:place")
    number = tags.get("addr:housenumber")
    first = " ".join(p for p in (number, street) if p) if street else None
    area = tags.get("addr:suburb") or tags.get("addr:district") or tags.get("addr:quarter")
    parts = [p for p in (first, area) if p]
    return ", ".join(parts) or None


def found_place(place: OsmPlace, country: str) -> FoundPlace | None:
    """The place in the shape every source shares; None when it has no name (a prospect
    needs one, and an unnamed shop cannot be told from its neighbours)."""
    if not place.name:
        return None
    return FoundPlace(
        source=DiscoverySource.OSM,
        ref=f"osm:{place.osm_ref}",
        name=place.name,
        phones=place.phones,
        unparsed_phones=place.unparsed_phones,
        whatsapp=place.whatsapp,
        email=place.email,
        website=place.website,
        address=place.address,
        city=place.city,
        country=country.upper(),
        opening_hours=place.opening_hours,
        lat=place.lat,
        lon=place.lon,
    )
