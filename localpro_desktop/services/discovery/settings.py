"""Where discovery searches go, the user's Google key, and the tags the user added.

- Each service's base URL: an environment variable (``LOCALPRO_OVERPASS_URL``,
  ``LOCALPRO_NOMINATIM_URL``, ``LOCALPRO_PLACES_URL``; how tests and a company's own
  mirror point them elsewhere) wins over the workspace's setting, which wins over the
  public server. The public Overpass instance asks apps not to lean on it: a mirror is
  one setting away.
- The Google Places API key is the user's own, in this laptop's OS keyring (never in the
  workspace file, a log or an error), like the channels' secrets.
- OpenStreetMap tags the user adds to a sector (``shop=kiosk`` for grocery, ``office=…``
  for consulting) extend the built-in table; a sector with no built-in tag becomes
  searchable that way.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from localpro_desktop.channels import secrets
from localpro_desktop.discovery.osm.tags import OSM_SECTORS, OsmSector, TagFilter
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.domain.sectors import SECTORS
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey

GOOGLE_KEY_ENTRY = "google-places"
"""The keyring entry's channel part: ``channel-google-places:<device id>``."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    name: str
    env: str
    default: str


ENDPOINTS: dict[str, Endpoint] = {
    "overpass": Endpoint(
        "overpass", "LOCALPRO_OVERPASS_URL", "https://overpass-api.de/api/interpreter"
    ),
    "nominatim": Endpoint(
        "nominatim", "LOCALPRO_NOMINATIM_URL", "https://nominatim.openstreetmap.org"
    ),
    "places": Endpoint("places", "LOCALPRO_PLACES_URL", "https://places.googleapis.com"),
}

_TAG = re.compile(r"^\s*([a-z][a-z0-9_:]*)\s*=\s*([^\s\"\\]+)\s*$")


@dataclass(frozen=True, slots=True)
class EndpointView:
    name: str
    url: str
    """The one searches use now."""
    configured: str
    """What the workspace's setting says ("" when not set)."""
    from_environment: bool


def _stored(ws: Workspace, key: StateKey) -> dict[str, object]:
    with ws.read() as session:
        return local_state.get_object(session, key)


def _stored_urls(ws: Workspace) -> dict[str, str]:
    stored = _stored(ws, StateKey.DISCOVERY_ENDPOINTS)
    return {k: v for k, v in stored.items() if isinstance(v, str)}


def endpoint_url(ws: Workspace, name: str) -> str:
    endpoint = _endpoint(name)
    return os.environ.get(endpoint.env) or _stored_urls(ws).get(name) or endpoint.default


def endpoints(ws: Workspace) -> list[EndpointView]:
    stored = _stored_urls(ws)
    return [
        EndpointView(
            e.name,
            os.environ.get(e.env) or stored.get(e.name) or e.default,
            stored.get(e.name, ""),
            bool(os.environ.get(e.env)),
        )
        for e in ENDPOINTS.values()
    ]


def set_endpoint(ws: Workspace, name: str, url: str) -> None:
    """Use ``url`` for the service ``name``; an empty ``url`` goes back to the public one."""
    _endpoint(name)
    url = url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url):
        raise UserError(msg.BAD_URL, url=url)
    stored = _stored_urls(ws)
    if url:
        stored[name] = url.rstrip("/") if name != "overpass" else url
    else:
        stored.pop(name, None)
    with ws.write() as session:
        local_state.put(session, StateKey.DISCOVERY_ENDPOINTS, json.dumps(stored))


def _endpoint(name: str) -> Endpoint:
    try:
        return ENDPOINTS[name]
    except KeyError:
        raise UserError(msg.UNKNOWN_ENDPOINT, name=name, names=", ".join(ENDPOINTS)) from None


# -- the Google key ---------------------------------------------------------------------


def save_google_key(ws: Workspace, key: str) -> None:
    secrets.save_secret(ws.device_id, GOOGLE_KEY_ENTRY, key.strip(), msg.GOOGLE_KEY_LABEL())


def google_key(ws: Workspace) -> str | None:
    return secrets.load_secret(ws.device_id, GOOGLE_KEY_ENTRY, msg.GOOGLE_KEY_LABEL())


def has_google_key(ws: Workspace) -> bool:
    return secrets.has_secret(ws.device_id, GOOGLE_KEY_ENTRY)


def forget_google_key(ws: Workspace) -> None:
    secrets.delete_secret(ws.device_id, GOOGLE_KEY_ENTRY)


# -- the sector table -------------------------------------------------------------------


def parse_tag(text: str) -> tuple[str, str]:
    """``"shop=kiosk"`` -> ``("shop", "kiosk")``; ``UserError`` saying how to write it."""
    found = _TAG.match(text)
    if found is None:
        raise UserError(msg.BAD_TAG, text=text)
    return found.group(1), found.group(2)


def added_tags(ws: Workspace) -> dict[str, list[str]]:
    stored = _stored(ws, StateKey.DISCOVERY_TAGS)
    return {k: [str(t) for t in v] for k, v in stored.items() if isinstance(v, list)}


def add_tag(ws: Workspace, sector: str, tag: str) -> None:
    if sector not in SECTORS:
        raise UserError(msg.UNKNOWN_SECTOR, text=sector, names=", ".join(SECTORS))
    key, value = parse_tag(tag)
    tags = added_tags(ws)
    line = f"{key}={value}"
    if line not in tags.setdefault(sector, []):
        tags[sector].append(line)
    with ws.write() as session:
        local_state.put(session, StateKey.DISCOVERY_TAGS, json.dumps(tags))


def remove_tag(ws: Workspace, sector: str, tag: str) -> None:
    key, value = parse_tag(tag)
    tags = added_tags(ws)
    tags[sector] = [t for t in tags.get(sector, []) if t != f"{key}={value}"]
    if not tags[sector]:
        del tags[sector]
    with ws.write() as session:
        local_state.put(session, StateKey.DISCOVERY_TAGS, json.dumps(tags))


def osm_sector_for(ws: Workspace, sector: str) -> OsmSector | None:
    """The built-in filters of ``sector`` and the user's; None when it has neither."""
    built_in = OSM_SECTORS.get(sector)
    filters = list(built_in.filters) if built_in else []
    for line in added_tags(ws).get(sector, []):
        key, value = parse_tag(line)
        filters.append(TagFilter(key, (value,)))
    return OsmSector(sector, tuple(filters)) if filters else None
