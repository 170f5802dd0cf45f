"""The Overpass client against a local server that answers like Overpass."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import pytest

from localpro_desktop import __version__
from localpro_desktop.discovery.osm.overpass import (
    OverpassBusy,
    OverpassClient,
    OverpassError,
    OverpassRuntimeError,
    OverpassUnreachable,
)
from localpro_desktop.discovery.osm.query import Around, NamedArea
from tests.discovery.overpass_standin import (
    PATH,
    Received,
    Reply,
    StandIn,
    answer,
    overpass,
    query_of,
)

ELEMENTS: list[dict[str, Any]] = [
    {
        "type": "node",
        "id": 4242001,
        "lat": 5.3575,
        "lon": -3.9889,
        "tags": {
            "amenity": "pharmacy",
            "name": "Pharmacie de la Riviéra",
            "phone": "+225 27 22 44 55 66;07 07 12 34 56",
            "contact:whatsapp": "https://wa.me/2250505123456",
            "addr:street": "Boulevard Latrille",
            "addr:city": "Abidjan",
            "opening_hours": "Mo-Sa 08:00-20:00",
        },
    },
    {
        "type": "way",
        "id": 99001,
        "center": {"lat": 5.3201, "lon": -4.0163},
        "tags": {"amenity": "pharmacy", "name": "صيدلية الأمل", "healthcare": "pharmacy"},
    },
    {
        "type": "relation",
        "id": 77,
        "center": {"lat": 5.33, "lon": -4.03},
        "tags": {"amenity": "pharmacy", "name:fr": "Pharmacie Sainte-Thérèse"},
    },
]
TIMED_OUT = 'runtime error: Query timed out in "query" at line 4 after 25 seconds.'


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _client(server: StandIn, sleeps: Sleeps | None = None, **kwargs: Any) -> OverpassClient:
    return OverpassClient(
        server.url + PATH, sleep=sleeps if sleeps is not None else Sleeps(), **kwargs
    )


def test_search_posts_the_query_and_reads_the_places() -> None:
    with overpass(ELEMENTS) as server, _client(server) as client:
        places = client.search("pharmacy", NamedArea("Abidjan", "CI"))
    [request] = server.requests
    assert request.method == "POST" and request.path == PATH
    assert request.headers["user-agent"] == f"LocalPro/{__version__} (+https://localpro.app)"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    query = query_of(request)
    assert query.startswith("[out:json][timeout:25];")
    assert '["name"="Abidjan"]' in query and '"ISO3166-1"="CI"' in query
    assert 'nwr["amenity"="pharmacy"](area.searchArea);' in query
    assert query.rstrip().endswith("out center tags;")

    assert [p.osm_ref for p in places] == ["node/4242001", "way/99001", "relation/77"]
    assert [p.name for p in places] == [
        "Pharmacie de la Riviéra",
        "صيدلية الأمل",
        "Pharmacie Sainte-Thérèse",
    ]
    first, second, third = places
    assert first.phones == ("+2252722445566", "+2250707123456")  # local number, CI region
    assert first.whatsapp == "+2250505123456"
    assert first.address == "Boulevard Latrille" and first.city == "Abidjan"
    assert (second.lat, second.lon) == (5.3201, -4.0163)
    assert second.phones == () and second.whatsapp is None and second.address is None
    assert (third.lat, third.lon) == (5.33, -4.03)


def test_the_query_carries_the_sector_tags_and_the_circle() -> None:
    with overpass([]) as server, _client(server, user_agent="LocalPro/test (+ops@x)") as c:
        assert c.search("hair_salon", Around(1500, 6.5244, 3.3792), country="NG") == []
    [request] = server.requests
    assert request.headers["user-agent"] == "LocalPro/test (+ops@x)"
    query = query_of(request)
    assert 'nwr["shop"="hairdresser"](around:1500,6.5244,3.3792);' in query
    assert 'nwr["shop"="beauty"](around:1500,6.5244,3.3792);' in query
    assert "pharmacy" not in query


def test_the_endpoint_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with overpass(ELEMENTS[:1]) as server:
        monkeypatch.setenv("LOCALPRO_OVERPASS_URL", server.url + PATH)
        with OverpassClient() as client:
            assert client.base_url == server.url + PATH
            places = client.search("pharmacy", NamedArea("Abidjan", "CI"))
    assert [p.osm_ref for p in places] == ["node/4242001"]
    monkeypatch.delenv("LOCALPRO_OVERPASS_URL")
    assert OverpassClient().base_url == "https://overpass-api.de/api/interpreter"


@pytest.mark.parametrize("status", [429, 504])
def test_busy_answers_are_retried_after_a_pause(status: int) -> None:
    sleeps = Sleeps()
    with overpass(ELEMENTS) as server, _client(server, sleeps, backoff=2.0) as client:
        server.script(Reply(status, "<html>busy</html>", {"Content-Type": "text/html"}))
        places = client.search("pharmacy", NamedArea("Abidjan", "CI"))
    assert len(server.requests) == 2
    assert query_of(server.requests[0]) == query_of(server.requests[1])
    assert sleeps == [2.0]
    assert len(places) == 3


def test_retry_after_is_honoured_and_pauses_grow() -> None:
    sleeps = Sleeps()
    with overpass(ELEMENTS) as server, _client(server, sleeps, backoff=1.0) as client:
        server.script(
            Reply(429, "", {"Retry-After": "7"}),
            Reply(504, ""),
            Reply(504, ""),
        )
        assert len(client.search("pharmacy", NamedArea("Abidjan", "CI"))) == 3
    assert sleeps == [7.0, 2.0, 4.0]
    assert len(server.requests) == 4


def test_retries_are_bounded() -> None:
    sleeps = Sleeps()
    with overpass(ELEMENTS) as server, _client(server, sleeps, max_attempts=3) as client:
        server.script(*(Reply(429, "") for _ in range(5)))
        with pytest.raises(OverpassBusy) as caught:
            client.search("pharmacy", NamedArea("Abidjan", "CI"))
    assert caught.value.status == 429 and caught.value.attempts == 3
    assert len(server.requests) == 3
    assert len(sleeps) == 2


def test_a_runtime_error_remark_is_a_failure_not_no_results() -> None:
    with overpass(ELEMENTS) as server, _client(server) as client:
        server.script(Reply(200, answer(ELEMENTS[:1], remark=TIMED_OUT)))
        with pytest.raises(OverpassRuntimeError, match="Query timed out") as caught:
            client.search("pharmacy", NamedArea("Abidjan", "CI"))
    assert caught.value.remark == TIMED_OUT
    assert len(server.requests) == 1


def test_other_remarks_are_not_errors() -> None:
    with overpass([]) as server, _client(server) as client:
        server.script(Reply(200, answer(ELEMENTS[:1], remark="runtime remark: Test")))
        assert len(client.search("pharmacy", NamedArea("Abidjan", "CI"))) == 1


def test_bad_answers_are_errors() -> None:
    with overpass(ELEMENTS) as server, _client(server) as client:
        server.script(
            Reply(
                400,
                "<p><strong>Error</strong>: line 3: parse error</p>",
                {"Content-Type": "text/html"},
            ),
            Reply(
                200, "<html>The server is probably too busy</html>", {"Content-Type": "text/html"}
            ),
        )
        with pytest.raises(OverpassError, match=r"HTTP 400.*parse error"):
            client.run("nonsense")
        with pytest.raises(OverpassError, match="other than JSON"):
            client.run("[out:json];node(1);out;")


def test_no_server_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = OverpassClient(f"http://127.0.0.1:{port}{PATH}", sleep=Sleeps())
    with pytest.raises(OverpassUnreachable):
        client.search("pharmacy", NamedArea("Abidjan", "CI"))


def test_one_query_at_a_time_across_clients() -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def slow(_request: Received) -> Reply:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.15)
        with lock:
            in_flight -= 1
        return Reply(200, answer(ELEMENTS[:1]))

    results: list[int] = []
    with StandIn(slow) as server:
        clients = [_client(server) for _ in range(3)]

        def run(client: OverpassClient) -> None:
            results.append(len(client.search("pharmacy", NamedArea("Abidjan", "CI"))))

        threads = [threading.Thread(target=run, args=(c,)) for c in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        for client in clients:
            client.close()
    assert results == [1, 1, 1]
    assert len(server.requests) == 3
    assert most == 1
