"""The Google Places (New) Text Search client against a local server that answers like Google.

Shapes follow Google's documentation: the request and its field mask, pages and the
60-result limit (https://developers.google.com/maps/documentation/places/web-service/text-search),
the Place resource
(https://developers.google.com/maps/documentation/places/web-service/reference/rest/v1/places),
the error model (https://cloud.google.com/apis/design/errors), and the terms on what may be
kept (https://developers.google.com/maps/documentation/places/web-service/policies).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from localpro_desktop.discovery.found import DiscoverySource
from localpro_desktop.discovery.google import (
    FIELD_MASK,
    PlacesClient,
    PlacesError,
    PlacesKeyRejected,
    PlacesQuotaExceeded,
    PlacesUnreachable,
)
from localpro_desktop.discovery.google.districts import distance_km, split_circle
from localpro_desktop.discovery.google.places import MAX_PAUSE_SECONDS
from tests.discovery.places_standin import (
    PATH,
    Reply,
    body_of,
    error_info,
    google_error,
    invalid_argument,
    places_api,
    quota_exceeded,
    service_disabled,
)

KEY = "AIzaSyD-LocalPro-test-key-0123456789abc"


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float


ABIDJAN = City("Abidjan", "CI", 5.3364, -4.0267)


def place(
    ident: str,
    name: str | None,
    *,
    lat: float | None = 5.34,
    lon: float | None = -4.02,
    **fields: Any,
) -> dict[str, Any]:
    """A Place with every field the client may ask for (the stand-in projects the mask)."""
    data: dict[str, Any] = {"id": ident, "businessStatus": "OPERATIONAL", **fields}
    if name is not None:
        data["displayName"] = {"text": name, "languageCode": "fr"}
    if lat is not None and lon is not None:
        data["location"] = {"latitude": lat, "longitude": lon}
    return data


RICH = place(
    "ChIJa1b2c3RiviEra",
    "Pharmacie de la Riviéra",
    formattedAddress="Boulevard Latrille, Abidjan, Côte d'Ivoire",
    internationalPhoneNumber="+225 27 22 44 55 66",
    nationalPhoneNumber="27 22 44 55 66",
    websiteUri="https://pharmacie-riviera.ci/",
    regularOpeningHours={
        "openNow": True,
        "periods": [{"open": {"day": 1, "hour": 8, "minute": 0}}],
        "weekdayDescriptions": ["Monday: 8:00 AM – 8:00 PM", "Sunday: Closed"],
    },
    rating=4.4,
    types=["pharmacy", "health", "store"],
)
ARABIC = place("ChIJarabicAmal", "صيدلية الأمل", nationalPhoneNumber="07 07 12 34 56")
BARE = place("ChIJbareNoFields", "Pharmacie Sainte-Thérèse", lat=None, lon=None)
BAD_PHONE = place("ChIJbadPhone", "Pharmacie du Plateau", nationalPhoneNumber="12 34")
CLOSED = place("ChIJclosedForGood", "Pharmacie Fermée", businessStatus="CLOSED_PERMANENTLY")
TEMPORARILY = place("ChIJtemporarily", "Pharmacie Travaux", businessStatus="CLOSED_TEMPORARILY")


def many(count: int, prefix: str = "ChIJpage") -> list[dict[str, Any]]:
    return [place(f"{prefix}{n:03d}", f"Pharmacie n°{n}") for n in range(count)]


def client(url: str, **kw: Any) -> PlacesClient:
    kw.setdefault("sleep", lambda _s: None)
    return PlacesClient(KEY, url, **kw)


# --- the request -----------------------------------------------------------------------


def test_one_request_carries_the_key_the_field_mask_and_the_documented_body() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        found = places.search("pharmacy", ABIDJAN, 5, language="fr")
    assert [f.ref for f in found] == ["google:ChIJa1b2c3RiviEra"]
    (request,) = server.requests
    assert request.method == "POST" and request.path == PATH
    assert request.headers["x-goog-api-key"] == KEY
    assert request.headers["x-goog-fieldmask"] == FIELD_MASK
    assert request.headers["content-type"].startswith("application/json")
    assert body_of(request) == {
        "textQuery": "pharmacie",
        "pageSize": 20,
        "languageCode": "fr",
        "regionCode": "CI",
        "locationBias": {
            "circle": {
                "center": {"latitude": ABIDJAN.lat, "longitude": ABIDJAN.lon},
                "radius": 5000.0,
            }
        },
    }


def test_the_field_mask_asks_only_for_what_a_prospect_needs() -> None:
    assert FIELD_MASK.split(",") == [
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
    ]
    assert " " not in FIELD_MASK  # "Spaces are not allowed anywhere in the field list"


def test_the_stand_in_refuses_a_request_without_field_mask_as_google_does() -> None:
    """So the client's tests would fail if it ever stopped sending the header."""
    with places_api([RICH], KEY) as server:
        answer = httpx.post(
            server.url + PATH,
            json={"textQuery": "pharmacy"},
            headers={"X-Goog-Api-Key": KEY},
        )
    assert answer.status_code == 400
    assert answer.json()["error"]["status"] == "INVALID_ARGUMENT"
    assert "FieldMask is a required parameter" in answer.json()["error"]["message"]


def test_english_words_and_no_city_name_in_the_query() -> None:
    """An explicit place in ``textQuery`` overrides ``locationBias`` (Google's note)."""
    with places_api([], KEY) as server, client(server.url) as places:
        assert places.search("hair_salon", ABIDJAN, 3) == []
    body = body_of(server.requests[0])
    assert body["textQuery"] == "hair salon"
    assert "Abidjan" not in body["textQuery"]
    assert body["languageCode"] == "en"


def test_the_base_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with places_api([RICH], KEY) as server:
        monkeypatch.setenv("LOCALPRO_PLACES_URL", server.url)
        with PlacesClient(KEY) as places:
            assert places.base_url == server.url
            assert len(places.search("pharmacy", ABIDJAN, 5)) == 1
    assert len(server.requests) == 1


# --- pages -------------------------------------------------------------------------------


def test_three_pages_of_twenty_then_google_stops_at_sixty() -> None:
    with places_api(many(75), KEY) as server, client(server.url) as places:
        found = places.search("pharmacy", ABIDJAN, 5)
    assert len(found) == 60
    assert len({f.ref for f in found}) == 60
    assert len(server.requests) == 3
    bodies = [body_of(r) for r in server.requests]
    assert "pageToken" not in bodies[0]
    assert bodies[1]["pageToken"] and bodies[2]["pageToken"]
    assert bodies[1]["pageToken"] != bodies[2]["pageToken"]
    # Every page repeats the first request, token aside.
    for body in bodies[1:]:
        assert {k: v for k, v in body.items() if k != "pageToken"} == bodies[0]


def test_pages_stop_when_google_gives_no_next_page_token() -> None:
    with places_api(many(25), KEY) as server, client(server.url) as places:
        found = places.search("pharmacy", ABIDJAN, 5)
    assert len(found) == 25
    assert len(server.requests) == 2


def test_no_match_is_an_empty_object_and_no_results() -> None:
    with places_api([], KEY) as server, client(server.url) as places:
        assert places.search("bakery", ABIDJAN, 5) == []
    assert len(server.requests) == 1


# --- what a place becomes ----------------------------------------------------------------


def test_a_full_place_becomes_a_found_place_with_e164_phones() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        (found,) = places.search("pharmacy", ABIDJAN, 5)
    assert found.source is DiscoverySource.GOOGLE
    assert found.ref == "google:ChIJa1b2c3RiviEra"
    assert found.name == "Pharmacie de la Riviéra"
    assert found.phones == ("+2252722445566",)  # both forms are one number
    assert found.unparsed_phones == ()
    assert found.website == "https://pharmacie-riviera.ci/"
    assert found.address == "Boulevard Latrille, Abidjan, Côte d'Ivoire"
    assert found.city == "Abidjan" and found.country == "CI"
    assert found.opening_hours == "Monday: 8:00 AM – 8:00 PM; Sunday: Closed"
    assert (found.lat, found.lon) == (5.34, -4.02)
    assert found.coordinates_storable is False  # Google: coordinates 30 days at most
    assert found.reachable_by == ("phone", "website")
    assert found.extra["business_status"] == "OPERATIONAL"


def test_only_the_masked_fields_travel() -> None:
    """``rating`` and ``types`` exist on the place but are not asked for, so not billed."""
    with places_api([RICH], KEY) as server, client(server.url) as places:
        answer = places.search_text({"textQuery": "pharmacy", "pageSize": 20})
    (raw,) = answer["places"]
    assert "rating" not in raw and "types" not in raw
    assert set(raw["regularOpeningHours"]) == {"weekdayDescriptions"}
    assert len(server.requests) == 1


def test_missing_fields_arabic_and_accented_names_and_closed_places() -> None:
    stand_in = [RICH, ARABIC, BARE, BAD_PHONE, CLOSED, TEMPORARILY, {"displayName": {}}]
    with places_api(stand_in, KEY) as server, client(server.url) as places:
        found = {f.ref: f for f in places.search("pharmacy", ABIDJAN, 5)}
    assert list(found) == [
        "google:ChIJa1b2c3RiviEra",
        "google:ChIJarabicAmal",
        "google:ChIJbareNoFields",
        "google:ChIJbadPhone",
        "google:ChIJtemporarily",
    ]  # closed for good and the entry without an id are gone
    arabic = found["google:ChIJarabicAmal"]
    assert arabic.name == "صيدلية الأمل"
    assert arabic.phones == ("+2250707123456",)  # national form, read with the city's country
    bare = found["google:ChIJbareNoFields"]
    assert bare.name == "Pharmacie Sainte-Thérèse"
    assert (bare.phones, bare.website, bare.address, bare.opening_hours) == ((), None, None, None)
    assert (bare.lat, bare.lon) == (None, None)
    assert bare.reachable_by == ()
    bad = found["google:ChIJbadPhone"]
    assert bad.phones == () and bad.unparsed_phones == ("12 34",)
    assert found["google:ChIJtemporarily"].extra["business_status"] == "CLOSED_TEMPORARILY"


# --- districts ---------------------------------------------------------------------------


def by_circle(body: dict[str, Any], places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Answer like a strong bias: the places within the request's circle."""
    circle = body["locationBias"]["circle"]
    centre = circle["center"]
    return [
        p
        for p in places
        if "location" in p
        and distance_km(
            centre["latitude"],
            centre["longitude"],
            p["location"]["latitude"],
            p["location"]["longitude"],
        )
        <= circle["radius"] / 1000.0
    ]


def test_a_wide_city_is_searched_district_by_district_and_merged_by_id() -> None:
    lagos = City("Lagos", "NG", 6.5244, 3.3792)
    circles = split_circle(lagos.lat, lagos.lon, 20)
    assert len(circles) > 1
    # One shop per district centre, plus one on the overlap of the first two districts.
    shops = [
        place(
            f"ChIJdistrict{n:02d}",
            f"Chemist {n}",
            lat=c.lat,
            lon=c.lon,
            internationalPhoneNumber="+234 803 123 4567",
        )
        for n, c in enumerate(circles)
    ]
    a, b = circles[0], circles[1]
    shared = place("ChIJshared", "Shared Chemist", lat=(a.lat + b.lat) / 2, lon=(a.lon + b.lon) / 2)
    far = place("ChIJfarAway", "Ibadan Chemist", lat=7.3775, lon=3.9470)
    everything = [*shops, shared, far]
    with places_api(everything, KEY, by_circle) as server, client(server.url) as places:
        found = places.search("pharmacy", lagos, 20)
    assert len(server.requests) == len(circles)  # one page each here
    refs = [f.ref for f in found]
    assert len(refs) == len(set(refs))  # the shared shop, seen twice, is there once
    assert "google:ChIJshared" in refs
    assert "google:ChIJfarAway" not in refs  # beyond the 20 km asked for
    inside = [
        s
        for s in shops
        if distance_km(lagos.lat, lagos.lon, s["location"]["latitude"], s["location"]["longitude"])
        <= 20
    ]
    assert len(found) == len(inside) + 1
    centres = {
        (
            b["locationBias"]["circle"]["center"]["latitude"],
            b["locationBias"]["circle"]["center"]["longitude"],
        )
        for b in map(body_of, server.requests)
    }
    assert len(centres) == len(circles)
    assert all(body_of(r)["locationBias"]["circle"]["radius"] <= 50000 for r in server.requests)


def test_the_far_result_of_a_single_circle_is_dropped_too() -> None:
    far = place("ChIJfarYamoussoukro", "Pharmacie de Yamoussoukro", lat=6.8276, lon=-5.2893)
    with places_api([RICH, far, BARE], KEY) as server, client(server.url) as places:
        refs = [f.ref for f in places.search("pharmacy", ABIDJAN, 5)]
    assert refs == ["google:ChIJa1b2c3RiviEra", "google:ChIJbareNoFields"]


# --- errors ------------------------------------------------------------------------------


def test_an_invalid_key_is_rejected_and_never_shown() -> None:
    with (
        places_api([RICH], "the-right-key") as server,
        client(server.url) as places,
        pytest.raises(PlacesKeyRejected) as caught,
    ):
        places.search("pharmacy", ABIDJAN, 5)
    error = caught.value
    assert error.status == 400
    assert error.google_status == "INVALID_ARGUMENT"
    assert error.reason == "API_KEY_INVALID"
    assert KEY not in str(error) and KEY not in repr(error)
    assert len(server.requests) == 1


def test_a_key_not_allowed_to_call_the_api_is_rejected() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        server.script(service_disabled())
        with pytest.raises(PlacesKeyRejected) as caught:
            places.search("pharmacy", ABIDJAN, 5)
    assert caught.value.status == 403
    assert caught.value.google_status == "PERMISSION_DENIED"
    assert caught.value.reason == "SERVICE_DISABLED"


def test_no_key_means_no_request() -> None:
    with (
        places_api([RICH], KEY) as server,
        PlacesClient("  ", server.url) as places,
        pytest.raises(PlacesKeyRejected) as caught,
    ):
        places.search("pharmacy", ABIDJAN, 5)
    assert caught.value.reason == "NO_KEY"
    assert server.requests == []


def test_an_invalid_argument_is_a_plain_places_error() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        server.script(invalid_argument("Invalid language code: xx-YY."))
        with pytest.raises(PlacesError) as caught:
            places.search("pharmacy", ABIDJAN, 5, language="xx-YY")
    error = caught.value
    assert type(error) is PlacesError
    assert (error.status, error.google_status) == (400, "INVALID_ARGUMENT")
    assert error.detail == "Invalid language code: xx-YY."


def test_429_is_retried_once_after_the_retry_after_pause() -> None:
    pauses: list[float] = []
    with places_api([RICH], KEY) as server, client(server.url, sleep=pauses.append) as places:
        server.script(quota_exceeded(retry_after="3"))
        found = places.search("pharmacy", ABIDJAN, 5)
    assert [f.ref for f in found] == ["google:ChIJa1b2c3RiviEra"]
    assert pauses == [3.0]
    assert len(server.requests) == 2
    assert body_of(server.requests[0]) == body_of(server.requests[1])


def test_429_without_retry_after_waits_the_short_default() -> None:
    pauses: list[float] = []
    with (
        places_api([RICH], KEY) as server,
        client(server.url, sleep=pauses.append, retry_pause=1.5) as places,
    ):
        server.script(quota_exceeded())
        places.search("pharmacy", ABIDJAN, 5)
    assert pauses == [1.5]


def test_a_google_retry_info_delay_is_honoured() -> None:
    pauses: list[float] = []
    details = [
        error_info("RATE_LIMIT_EXCEEDED"),
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "4s"},
    ]
    reply = Reply(429, google_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", details))
    with places_api([RICH], KEY) as server, client(server.url, sleep=pauses.append) as places:
        server.script(reply)
        places.search("pharmacy", ABIDJAN, 5)
    assert pauses == [4.0]


def test_a_long_retry_after_is_capped() -> None:
    pauses: list[float] = []
    with places_api([RICH], KEY) as server, client(server.url, sleep=pauses.append) as places:
        server.script(quota_exceeded(retry_after="3600"))
        places.search("pharmacy", ABIDJAN, 5)
    assert pauses == [MAX_PAUSE_SECONDS]


def test_429_twice_raises_quota_exceeded() -> None:
    pauses: list[float] = []
    with places_api([RICH], KEY) as server, client(server.url, sleep=pauses.append) as places:
        server.script(quota_exceeded(retry_after="2"), quota_exceeded(retry_after="7"))
        with pytest.raises(PlacesQuotaExceeded) as caught:
            places.search("pharmacy", ABIDJAN, 5)
    error = caught.value
    assert (error.status, error.google_status) == (429, "RESOURCE_EXHAUSTED")
    assert error.retry_after == 7.0
    assert pauses == [2.0]
    assert len(server.requests) == 2


def test_a_slow_answer_is_unreachable_timed_out() -> None:
    with places_api([RICH], KEY) as server, client(server.url, timeout=0.3) as places:
        server.script(Reply(200, {"places": []}, delay=1.5))
        with pytest.raises(PlacesUnreachable) as caught:
            places.search("pharmacy", ABIDJAN, 5)
    assert caught.value.timed_out is True
    assert caught.value.status is None


def test_a_cut_connection_is_unreachable() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        server.script(Reply(cut=True))
        with pytest.raises(PlacesUnreachable) as caught:
            places.search("pharmacy", ABIDJAN, 5)
    assert caught.value.timed_out is False


def test_nobody_listening_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with client(f"http://127.0.0.1:{port}") as places, pytest.raises(PlacesUnreachable):
        places.search("pharmacy", ABIDJAN, 5)


def test_a_non_json_answer_is_an_error() -> None:
    with places_api([RICH], KEY) as server, client(server.url) as places:
        server.script(Reply(200, "<html>captive portal</html>", {"Content-Type": "text/html"}))
        with pytest.raises(PlacesError) as caught:
            places.search("pharmacy", ABIDJAN, 5)
    assert caught.value.status == 200


def test_the_key_is_in_no_error_text_nor_the_client_repr() -> None:
    """Every error path; one Google message even quotes the key and must be scrubbed."""
    echo = invalid_argument(f"Invalid value for X-Goog-Api-Key: {KEY}")
    replies = [
        echo,
        service_disabled(),
        Reply(401, google_error(401, "UNAUTHENTICATED", "Request had invalid credentials.")),
        Reply(500, google_error(500, "INTERNAL", "Internal error encountered.")),
        Reply(cut=True),
    ]
    errors: list[PlacesError] = []
    with places_api([RICH], KEY) as server, client(server.url) as places:
        assert KEY not in repr(places) and KEY not in str(places)
        for reply in replies:
            server.script(reply)
            with pytest.raises(PlacesError) as caught:
                places.search("pharmacy", ABIDJAN, 5)
            errors.append(caught.value)
        server.script(quota_exceeded("0"), quota_exceeded("0"))
        with pytest.raises(PlacesQuotaExceeded) as quota:
            places.search("pharmacy", ABIDJAN, 5)
        errors.append(quota.value)
    assert [type(e).__name__ for e in errors] == [
        "PlacesError",
        "PlacesKeyRejected",
        "PlacesKeyRejected",
        "PlacesError",
        "PlacesUnreachable",
        "PlacesQuotaExceeded",
    ]
    assert errors[0].detail == "Invalid value for X-Goog-Api-Key: [key]"
    for error in errors:
        texts = [str(error), repr(error), *(str(v) for v in vars(error).values())]
        assert all(KEY not in text for text in texts), error
