"""The Nominatim client against a local server that answers like Nominatim.

Shapes: the search API (https://nominatim.org/release-docs/develop/api/Search/) and its
``jsonv2`` output (https://nominatim.org/release-docs/develop/api/Output/): a list of
places, ``lat``/``lon`` and ``boundingbox`` as strings, ``category``/``type``,
``place_rank``, ``addresstype``, ``name`` and ``address`` with ``addressdetails=1``.
The rules checked (one request per second for the whole app, a named User-Agent, cached
answers, a switchable endpoint) are the usage policy's:
https://operations.osmfoundation.org/policies/nominatim/.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from localpro_desktop import __version__
from localpro_desktop.discovery.cities import CityMatch
from localpro_desktop.discovery.nominatim import (
    APP_THROTTLE,
    ENV_URL,
    MemoryGeocodeCache,
    NominatimClient,
    NominatimError,
    NominatimUnreachable,
    Throttle,
    cache_key,
)
from tests.discovery.nominatim_standin import PATH, Received, Reply, StandIn, nominatim


class FakeClock:
    """A clock that only moves when slept on: the waits are recorded, never waited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def throttle(clock: FakeClock) -> Throttle:
    return Throttle(clock=clock, sleep=clock.sleep)


@pytest.fixture
def server() -> Iterator[StandIn]:
    with nominatim() as stand_in:
        yield stand_in


def client_for(server: StandIn, throttle: Throttle, **kwargs: object) -> NominatimClient:
    return NominatimClient(server.url, throttle=throttle, **kwargs)  # type: ignore[arg-type]


def test_district_found_with_its_region_and_extent(server: StandIn, throttle: Throttle) -> None:
    with client_for(server, throttle, language="fr") as client:
        found = client.search_city("Cocody", "CI")
    assert found == [
        CityMatch(
            name="Cocody",
            country="CI",
            lat=5.3602164,
            lon=-3.9674371,
            population=0,
            admin="District Autonome d'Abidjan",
            source="nominatim",
            bbox=(5.3208050, -4.0060840, 5.4218560, -3.9128700),  # south, west, north, east
        )
    ]  # the "Boulevard de Cocody" road in the same answer is not a city
    (request,) = server.requests
    assert request.method == "GET"
    assert request.path == PATH
    assert request.query == {
        "q": ["Cocody"],
        "format": ["jsonv2"],
        "addressdetails": ["1"],
        "limit": ["5"],
        "countrycodes": ["ci"],
        "accept-language": ["fr"],
    }


def test_accented_and_arabic_names_travel_both_ways(server: StandIn, throttle: Throttle) -> None:
    with client_for(server, throttle) as client:
        (tiassale,) = client.search_city("Tiassalé", "ci")
        (errachidia,) = client.search_city("الرشيدية", "MA")
    assert (tiassale.name, tiassale.country, tiassale.admin) == ("Tiassalé", "CI", "Lagunes")
    assert errachidia.name == "الرشيدية"
    assert errachidia.admin == "جهة درعة تافيلالت"
    assert (errachidia.country, errachidia.lat, errachidia.lon) == ("MA", 31.9314, -4.4244)
    assert [r.query["q"] for r in server.requests] == [["Tiassalé"], ["الرشيدية"]]


def test_missing_fields_are_made_do_with(server: StandIn, throttle: Throttle) -> None:
    with client_for(server, throttle) as client:
        found = client.search_city("Kati", "ML")
    # No coordinates: skipped. No name/address/bbox/addresstype: name from display_name,
    # country from the search. A boundary without addresstype: kept by its rank (14, a
    # town), while the region (rank 8) is not a city.
    assert [(m.name, m.country, m.admin, m.bbox) for m in found] == [
        ("Kati Koko", "ML", None, None),
        ("Kati", "ML", "Koulikoro", (12.60, -8.05, 12.68, -7.95)),
    ]
    with client_for(server, throttle) as client:
        assert client.search_city("kati")[0].country == ""  # nobody said which country


def test_nothing_found_is_an_empty_list_and_is_cached(server: StandIn, throttle: Throttle) -> None:
    cache = MemoryGeocodeCache()
    with client_for(server, throttle, cache=cache) as client:
        assert client.search_city("Nowhere-sur-Mer", "SN") == []
        assert client.search_city("nowhere-sur-mer ", "sn") == []
        assert client.search_city("   ") == []
    assert len(server.requests) == 1


def test_second_search_comes_from_the_cache(server: StandIn, throttle: Throttle) -> None:
    cache = MemoryGeocodeCache()
    with client_for(server, throttle, cache=cache) as client:
        first = client.search_city("Cocody", "CI")
        again = client.search_city("  COCODY ", "ci")
    with client_for(server, throttle, cache=cache) as other:  # e.g. the next run, same store
        third = other.search_city("cocody", "CI")
    assert first == again == third
    assert len(server.requests) == 1
    stored = json.loads(cache.get(cache_key("Cocody", "CI", "en")) or "null")
    assert stored[0]["name"] == "Cocody"
    # Another country or language is another question.
    with client_for(server, throttle, cache=cache, language="fr") as client:
        client.search_city("Cocody", "CI")
    assert len(server.requests) == 2


@pytest.mark.parametrize("stored", ["{not json", '{"name": "Cocody"}', "[1, 2]", '[{"lat": 1}]'])
def test_an_unreadable_cache_entry_is_asked_again(
    server: StandIn, throttle: Throttle, stored: str
) -> None:
    cache = MemoryGeocodeCache()
    cache.put(cache_key("Cocody", "CI", "en"), stored)
    with client_for(server, throttle, cache=cache) as client:
        assert client.search_city("Cocody", "CI")[0].name == "Cocody"
    assert len(server.requests) == 1
    assert json.loads(cache.get(cache_key("Cocody", "CI", "en")) or "")[0]["name"] == "Cocody"


def test_one_request_per_second_across_clients(
    server: StandIn, throttle: Throttle, clock: FakeClock
) -> None:
    first = client_for(server, throttle)
    second = client_for(server, throttle)
    first.search_city("Cocody", "CI")
    second.search_city("Tiassalé", "CI")
    clock.now += 0.25  # the user took a quarter of a second
    first.search_city("Kati", "ML")
    clock.now += 5  # a long pause: no wait
    second.search_city("Nowhere")
    assert clock.slept == [1.0, 0.75]
    assert len(server.requests) == 4
    first.close()
    second.close()


def test_every_client_shares_the_app_throttle(server: StandIn) -> None:
    with NominatimClient(server.url) as one, NominatimClient(server.url) as two:
        assert one.throttle is two.throttle is APP_THROTTLE
    assert APP_THROTTLE.interval >= 1.0


def test_requests_never_overlap(throttle: Throttle) -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def slow(_request: Received) -> Reply:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        threading.Event().wait(0.1)
        with lock:
            in_flight -= 1
        return Reply(200, [])

    with StandIn(slow) as server:
        clients = [client_for(server, throttle) for _ in range(3)]
        threads = [
            threading.Thread(target=c.search_city, args=(f"town {i}",))
            for i, c in enumerate(clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(server.requests) == 3
    assert most == 1


def test_429_is_retried_once_after_retry_after(
    server: StandIn, throttle: Throttle, clock: FakeClock
) -> None:
    server.script(Reply(429, "Too Many Requests", {"Retry-After": "3"}))
    with client_for(server, throttle) as client:
        assert client.search_city("Cocody", "CI")[0].name == "Cocody"
    assert clock.slept == [3.0]
    assert len(server.requests) == 2


def test_429_twice_is_an_error_not_a_loop(
    server: StandIn, throttle: Throttle, clock: FakeClock
) -> None:
    busy = Reply(429, "Too Many Requests", {"Retry-After": "2"})
    server.script(busy, busy, busy)
    cache = MemoryGeocodeCache()
    with (
        client_for(server, throttle, cache=cache) as client,
        pytest.raises(NominatimError) as caught,
    ):
        client.search_city("Cocody", "CI")
    assert caught.value.status == 429
    assert len(server.requests) == 2
    assert clock.slept == [2.0]
    assert len(cache) == 0  # a failure is not remembered as "nothing found"


def test_a_long_retry_after_is_not_slept_through(
    server: StandIn, throttle: Throttle, clock: FakeClock
) -> None:
    server.script(Reply(429, "Too Many Requests", {"Retry-After": "3600"}))
    with client_for(server, throttle) as client:
        with pytest.raises(NominatimError) as caught:
            client.search_city("Cocody", "CI")
        assert caught.value.status == 429
        assert caught.value.retry_after == pytest.approx(3600)
        clock.now += 60
        with pytest.raises(NominatimError) as again:  # still holding off: nothing sent
            client.search_city("Tiassalé", "CI")
        assert again.value.retry_after == pytest.approx(3540)
        assert len(server.requests) == 1
        clock.now += 3600
        assert client.search_city("Tiassalé", "CI")[0].name == "Tiassalé"
    assert clock.slept == []


def test_blocked_403_is_not_retried(server: StandIn, throttle: Throttle) -> None:
    server.script(Reply(403, "<html><body>Access blocked</body></html>", {}))
    with client_for(server, throttle) as client, pytest.raises(NominatimError) as caught:
        client.search_city("Cocody", "CI")
    assert caught.value.status == 403
    assert not isinstance(caught.value, NominatimUnreachable)
    assert len(server.requests) == 1


def test_malformed_answers_are_errors(server: StandIn, throttle: Throttle) -> None:
    server.script(
        Reply(200, b"<html>Bad gateway</html>"),
        Reply(200, {"error": {"code": 400, "message": "Nothing to search for."}}),
    )
    with client_for(server, throttle) as client:
        with pytest.raises(NominatimError, match="other than JSON"):
            client.search_city("Cocody", "CI")
        with pytest.raises(NominatimError, match="unexpected JSON"):
            client.search_city("Cocody", "CI")
    assert len(server.requests) == 2


def test_a_slow_server_is_unreachable(server: StandIn, throttle: Throttle) -> None:
    server.script(Reply(200, [], delay=1.5))
    with client_for(server, throttle, timeout=0.3) as client, pytest.raises(NominatimUnreachable):
        client.search_city("Cocody", "CI")


def test_no_server_is_unreachable(throttle: Throttle) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with (
        NominatimClient(f"http://127.0.0.1:{port}", throttle=throttle) as client,
        pytest.raises(NominatimUnreachable),
    ):
        client.search_city("Cocody", "CI")


def test_named_user_agent(server: StandIn, throttle: Throttle) -> None:
    with client_for(server, throttle) as client:
        client.search_city("Cocody", "CI")
    agent = server.requests[0].headers["user-agent"]
    assert agent == f"LocalPro/{__version__} (+https://localpro.app)"
    assert "python-httpx" not in agent


def test_endpoint_from_the_environment(
    server: StandIn, throttle: Throttle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, server.url + "/")
    with NominatimClient(throttle=throttle) as client:
        assert client.search_city("Cocody", "CI")[0].name == "Cocody"
    with NominatimClient(server.url + "/search", throttle=throttle) as client:  # full URL too
        assert client.search_city("Tiassalé", "CI")
    assert [r.path for r in server.requests] == [PATH, PATH]
    monkeypatch.delenv(ENV_URL)
    assert NominatimClient().search_url == "https://nominatim.openstreetmap.org/search"
