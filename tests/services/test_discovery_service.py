"""Discovery end to end on a real workspace and a local Overpass: preview, cache, de-dup
against the workspace and within one answer, adding with the plan's limit, merges and
their undo, and the search saved while offline."""

from __future__ import annotations

import pytest

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import Metric, Plan
from localpro_desktop.services import usage
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
from tests.discovery.overpass_standin import query_of
from tests.services.discovery_kit import LAT, LON, closed_port_url, overpass_at

PHARMACIES = SearchRequest("pharmacy", "Abidjan", "CI")


def preview_of(service: DiscoveryService, request: SearchRequest = PHARMACIES) -> Preview:
    outcome = service.search(request)
    assert isinstance(outcome, Preview)
    return outcome


def test_a_search_previews_named_places_with_how_to_reach_them(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch) as server:
        preview = preview_of(service)
    query = query_of(server.requests[0])
    assert "around:15000,5.3" in query  # Abidjan is big: 15 km around its centre
    assert '["amenity"="pharmacy"]' in query
    assert preview.city.name == "Abidjan" and preview.city.country == "CI"
    assert preview.unnamed == 1
    by_name = {row.place.name: row for row in preview.rows if row.match is not MatchKind.REPEAT}
    assert set(by_name) == {
        "Pharmacie du Plateau",
        "Pharmacie Sainte Anne",
        "صيدلية النور",
        "Pharmacie des Lagunes",
    }
    assert by_name["Pharmacie du Plateau"].place.phones == ("+2252720212223",)
    assert by_name["Pharmacie Sainte Anne"].place.reachable_by == ("whatsapp",)
    assert by_name["Pharmacie des Lagunes"].place.reachable_by == ("phone", "email")
    # node 101 and way 201 are one pharmacy: the second is a repeat, not a new one
    repeats = [row for row in preview.rows if row.match is MatchKind.REPEAT]
    assert len(repeats) == 1 and repeats[0].place.ref == "osm:way/201"
    assert (preview.found, preview.new, preview.known) == (5, 4, 1)
    assert preview.without_phone == 2  # the Arabic-named one and the repeat
    assert not preview.from_cache


def test_running_a_search_again_is_answered_from_the_cache_offline(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch) as server:
        first = preview_of(service)
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", closed_port_url())
    again = preview_of(service)
    assert again.from_cache and again.found == first.found
    assert len(server.requests) == 1
    # "Search again" asks the server: with none, the search is saved for later
    assert isinstance(service.search(PHARMACIES, refresh=True), Queued)


def test_adding_new_places_counts_them_and_the_next_search_knows_them(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch):
        preview = preview_of(service)
        outcome = service.add(preview, mode=AddMode.NEW)
        assert (outcome.added, outcome.merged, outcome.over_limit) == (4, 0, 0)
        with workspace.read() as session:
            assert usage.used_this_month(session, Metric.PROSPECTS, usage.today_utc()) == 4
        again = preview_of(service, PHARMACIES)
    matches = {row.place.ref: row.match for row in again.rows}
    assert matches.pop("osm:way/201") is MatchKind.SIMILAR_NAME  # node 101's building
    assert set(matches.values()) == {MatchKind.SAME_REF}
    # adding again costs nothing: the building's reference joins node 101's prospect
    assert service.add(again).added == 0
    with workspace.read() as session:
        assert usage.used_this_month(session, Metric.PROSPECTS, usage.today_utc()) == 4
    plateau = next(row for row in again.rows if row.place.ref == "osm:node/101")
    record = ProspectService(workspace).get(plateau.known_id or "")
    assert record.source == "openstreetmap"
    assert record.source_ref == "osm:node/101 osm:way/201"
    assert record.sector == "pharmacy" and record.city == "Abidjan" and record.country == "CI"
    assert (record.latitude, record.longitude) == (LAT, LON)


def test_known_prospects_are_matched_by_phone_and_by_a_close_name_nearby_then_merged(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    prospects = ProspectService(workspace)
    by_phone = prospects.add(
        {"business_name": "Grande Pharmacie", "city": "Abidjan", "phone": "+2252720212223"}
    )
    nearby = prospects.add(
        {
            "business_name": "Pharmacie Ste Anne",
            "city": "Abidjan",
            "latitude": LAT + 0.0042,
            "longitude": LON + 0.0021,
            "email": "steanne@example.ci",
        }
    )
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch):
        preview = preview_of(service)
    rows = {row.place.ref: row for row in preview.rows}
    assert rows["osm:node/101"].match is MatchKind.SAME_PHONE
    assert rows["osm:node/101"].known_id == by_phone.id
    assert rows["osm:node/102"].match is MatchKind.SIMILAR_NAME
    assert rows["osm:node/102"].known_id == nearby.id

    outcome = service.add(preview, mode=AddMode.ALL)
    assert (outcome.added, outcome.merged) == (2, 2)
    merged = prospects.get(nearby.id)
    assert merged.whatsapp_e164 == "+2250707123456"  # filled from OSM
    assert merged.email == "steanne@example.ci"  # the user's own kept
    assert merged.business_name == "Pharmacie Ste Anne"
    assert merged.source_ref == "osm:node/102"

    merges = service.merges()
    assert {m.prospect_id for m in merges} == {by_phone.id, nearby.id}
    undo = next(m for m in merges if m.prospect_id == nearby.id)
    assert "whatsapp" in undo.fields
    service.undo_merge(undo.id)
    restored = prospects.get(nearby.id)
    assert restored.whatsapp_e164 is None and restored.source_ref == ""
    assert [m.prospect_id for m in service.merges()] == [by_phone.id]
    with pytest.raises(UserError, match="already undone"):
        service.undo_merge(undo.id)


def test_an_undo_keeps_what_the_user_changed_since_the_merge(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    prospects = ProspectService(workspace)
    known = prospects.add(
        {"business_name": "Pharmacie des Lagunes", "city": "Abidjan", "phone": "27 22 44 55 66"},
    )
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch):
        service.add(preview_of(service), mode=AddMode.ALL)
    assert prospects.get(known.id).email == "contact@lagunes.ci"
    prospects.update(known.id, {"email": "pharma.lagunes@example.ci"})
    service.undo_merge(service.merges()[0].id)
    assert prospects.get(known.id).email == "pharma.lagunes@example.ci"


def test_the_monthly_limit_adds_what_fits_and_says_how_many_did_not(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.update_settings(plan=Plan.STARTER)
    limit = usage.PLAN_LIMITS[Plan.STARTER][Metric.PROSPECTS]
    assert limit is not None
    with workspace.write() as session:
        usage.record(session, Metric.PROSPECTS, limit - 1, "test")
    service = DiscoveryService(workspace)
    with overpass_at(monkeypatch):
        outcome = service.add(preview_of(service), mode=AddMode.NEW)
    assert (outcome.added, outcome.over_limit, outcome.remaining) == (1, 3, 1)
    problem = outcome.limit_message()
    assert problem is not None and "3 new prospects were not added" in str(problem)
    with workspace.read() as session:
        assert usage.used_this_month(session, Metric.PROSPECTS, usage.today_utc()) == limit


def test_a_search_with_no_connection_is_saved_and_runs_when_the_connection_returns(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", closed_port_url())
    queued = service.search(PHARMACIES, add_mode=AddMode.NEW)
    assert isinstance(queued, Queued)
    assert service.has_saved()
    assert service.run_saved() == []  # still offline: still saved
    assert service.saved_searches()[0].id == queued.search_id
    with overpass_at(monkeypatch):
        finished = service.run_saved()
    assert [(s.id, s.state, s.found, s.new, s.added) for s in finished] == [
        (queued.search_id, "done", 5, 4, 4)
    ]
    assert not service.has_saved()
    assert [s.id for s in service.untold()] == [queued.search_id]
    service.mark_told([queued.search_id])
    assert service.untold() == []
    # its results stay readable offline
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", closed_port_url())
    assert service.saved_preview(queued.search_id).found == 5


def test_a_sector_without_osm_tags_says_how_to_add_one_and_then_searches_with_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DiscoveryService(workspace)
    transport = SearchRequest("Transport", "Abidjan", "CI")
    with pytest.raises(UserError, match="--add-tag transport"):
        service.search(transport)
    with pytest.raises(UserError, match="key=value"):
        discovery_settings.add_tag(workspace, "transport", "office logistics")
    discovery_settings.add_tag(workspace, "transport", "office=logistics")
    with overpass_at(monkeypatch, []) as server:
        outcome = service.search(transport)
    assert isinstance(outcome, Preview) and outcome.found == 0
    assert '["office"="logistics"]' in query_of(server.requests[0])
    row = next(r for r in service.sectors() if r.key == "transport")
    assert row.added_tags == ("office=logistics",)


def test_bad_input_says_what_to_fix(workspace: Workspace) -> None:
    service = DiscoveryService(workspace)
    with pytest.raises(UserError, match="Unknown sector 'spaceships'"):
        service.search(SearchRequest("spaceships", "Dakar"))
    with pytest.raises(UserError, match=r"between 0\.5 and 50 km"):
        service.search(SearchRequest("pharmacy", "Dakar", radius_km=500))
    with pytest.raises(UserError, match="city"):
        service.search(SearchRequest("pharmacy", "  "))
    with pytest.raises(UserError, match="API key"):
        service.search(SearchRequest("pharmacy", "Dakar", source=DiscoverySource.GOOGLE))


def test_endpoints_come_from_the_environment_then_the_setting(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LOCALPRO_OVERPASS_URL", raising=False)
    assert discovery_settings.endpoint_url(workspace, "overpass").startswith(
        "https://overpass-api.de"
    )
    discovery_settings.set_endpoint(workspace, "overpass", "https://overpass.example.org/api/")
    assert discovery_settings.endpoint_url(workspace, "overpass") == (
        "https://overpass.example.org/api/"
    )
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", "http://127.0.0.1:9/x")
    assert discovery_settings.endpoint_url(workspace, "overpass") == "http://127.0.0.1:9/x"
    with pytest.raises(UserError, match="must start with http"):
        discovery_settings.set_endpoint(workspace, "places", "places.googleapis.com")
    view = next(e for e in discovery_settings.endpoints(workspace) if e.name == "overpass")
    assert view.configured == "https://overpass.example.org/api/" and view.from_environment
    discovery_settings.set_endpoint(workspace, "overpass", "")
    monkeypatch.delenv("LOCALPRO_OVERPASS_URL")
    assert discovery_settings.endpoint_url(workspace, "overpass").startswith(
        "https://overpass-api.de"
    )
