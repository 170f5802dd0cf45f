"""Discovery on its other sources, through the service: Google Places with the user's key
from the keyring (cost estimated first, coordinates never stored: Google's terms), and a
city not in the offline table looked up on Nominatim (answer cached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.discovery import (
    AddMode,
    DiscoveryService,
    DiscoverySource,
    MatchKind,
    Preview,
    Queued,
    SearchRequest,
)
from localpro_desktop.services.discovery import settings as discovery_settings
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from tests.channels.local_kit import file_keyring
from tests.discovery import nominatim_standin
from tests.discovery.places_standin import places_api
from tests.discovery.test_google_places import RICH, place
from tests.services.discovery_kit import closed_port_url, overpass_at

KEY = "AIzaSyLocalProTestKey0000000000000000"
GOOGLE = SearchRequest("pharmacy", "Abidjan", "CI", 5, DiscoverySource.GOOGLE)


@pytest.fixture
def keyring_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    with file_keyring(tmp_path) as backend:
        yield backend


def test_google_places_with_the_users_key_keeps_place_ids_not_coordinates(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, keyring_file: object
) -> None:
    service = DiscoveryService(workspace)
    with pytest.raises(UserError, match="your own API key"):
        service.search(GOOGLE)
    discovery_settings.save_google_key(workspace, KEY)
    assert discovery_settings.has_google_key(workspace)
    assert KEY not in workspace.paths.database.read_bytes().decode("latin-1")

    estimate = service.estimate(GOOGLE)
    assert estimate is not None and estimate.requests == 3 and estimate.usd > 0
    assert "Enterprise" in estimate.sku  # phone numbers: the top tier

    places = [RICH, place("ChIJsansTelephone", "Pharmacie Sans Téléphone")]
    with places_api(places, KEY) as server:
        monkeypatch.setenv("LOCALPRO_PLACES_URL", server.url)
        preview = service.search(GOOGLE)
    assert isinstance(preview, Preview)
    assert server.requests[0].headers["x-goog-api-key"] == KEY
    assert {row.place.ref for row in preview.rows} == {
        "google:ChIJa1b2c3RiviEra",
        "google:ChIJsansTelephone",
    }
    assert preview.without_phone == 1
    outcome = service.add(preview, mode=AddMode.NEW)
    assert outcome.added == 2
    record = ProspectService(workspace).get(outcome.prospect_ids[0])
    assert record.source == "google_maps" and record.source_ref.startswith("google:ChIJ")
    assert (record.latitude, record.longitude) == (None, None)  # terms: ids only

    # The same business found on OpenStreetMap joins the Google one (same phone).
    osm = [
        {
            "type": "node",
            "id": 7,
            "lat": 5.35,
            "lon": -3.99,
            "tags": {"amenity": "pharmacy", "name": "Pharmacie Riviera", "phone": "27 22 44 55 66"},
        }
    ]
    with overpass_at(monkeypatch, osm):
        osm_preview = service.search(SearchRequest("pharmacy", "Abidjan", "CI", 5))
    assert isinstance(osm_preview, Preview)
    assert osm_preview.rows[0].match is MatchKind.SAME_PHONE
    service.add(osm_preview, mode=AddMode.ALL)
    merged = ProspectService(workspace).get(osm_preview.rows[0].known_id or "")
    assert merged.source_ref.split() == ["google:ChIJa1b2c3RiviEra", "osm:node/7"]
    assert (merged.latitude, merged.longitude) == (5.35, -3.99)  # OSM's may be kept


def test_a_rejected_google_key_says_what_to_check_without_showing_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, keyring_file: object
) -> None:
    discovery_settings.save_google_key(workspace, KEY + "x")
    with places_api([RICH], KEY) as server:
        monkeypatch.setenv("LOCALPRO_PLACES_URL", server.url)
        with pytest.raises(UserError) as raised:
            DiscoveryService(workspace).search(GOOGLE)
    assert "Places API (New) is enabled" in str(raised.value)
    assert KEY not in str(raised.value)


def test_a_town_not_in_the_offline_table_is_found_on_nominatim_once(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    with nominatim_standin.nominatim() as geocoder:  # knows Cocody
        monkeypatch.setenv("LOCALPRO_NOMINATIM_URL", geocoder.url)
        with overpass_at(monkeypatch, []):
            first = service.search(SearchRequest("bakery", "Cocody", "CI", 3))
            again = service.search(SearchRequest("bakery", "Cocody", "CI", 3), refresh=True)
    assert isinstance(first, Preview) and isinstance(again, Preview)
    assert first.city.name == "Cocody" and first.city.source == "nominatim"
    assert len(geocoder.requests) == 1  # the answer is kept (Nominatim's usage policy)
    assert geocoder.requests[0].headers["user-agent"].startswith("LocalPro/")


def test_an_unknown_town_with_no_connection_is_saved_for_later(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCALPRO_NOMINATIM_URL", closed_port_url().rsplit("/", 2)[0])
    outcome = DiscoveryService(workspace).search(SearchRequest("bakery", "Cocody", "CI", 3))
    assert isinstance(outcome, Queued)
