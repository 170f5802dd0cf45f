"""Pure, deterministic generator of realistic demo businesses.

Why it looks the way it does:
- Output depends only on ``(seed, countries)`` through one ``random.Random(seed)``: no
  ``hash()`` of strings, no set iteration, no clock. The same seed gives the same records
  byte for byte in any process, and a shorter ``count`` yields a prefix of a longer one, so
  demo screenshots and bug reports are reproducible.
- Everything that can be precomputed per country, city and sector is built once into
  lookup tables; the per-record loop only draws random numbers, indexes tuples and formats
  strings. Phone numbers are assembled from prefixes known to be valid (the test suite
  proves it with libphonenumber) so the hot loop never parses anything.
- Records are plain frozen dataclasses: persisting them is someone else's job.

Source references look like the ids the real importers would store, so de-duplication
code can be exercised: ``gmaps:ChIJ...`` (Google place id), ``fb:page/<id>``,
``li:company/<id>``, ``osm:node/<id>`` or ``osm:way/<id>``, ``dir:<directory>/<id>`` and
``manual:<hex>``. They are unique within one generated stream.
"""

from __future__ import annotations

import base64
import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from random import Random
from types import MappingProxyType

from localpro_desktop.discovery.demo.catalog import (
    COUNTRY_LIST,
    LANDMARKS,
    SECTOR_LIST,
    SOURCE_WEIGHTS,
    SOURCE_WEIGHTS_B2B,
    TAG_WEIGHTS,
    CityInfo,
    CountryInfo,
    NameGroup,
    Neighbourhood,
    PhonePlan,
    SectorInfo,
)

__all__ = [
    "COUNTRIES",
    "SECTORS",
    "SOURCES",
    "TAGS",
    "CityInfo",
    "CountryInfo",
    "DemoBusiness",
    "Neighbourhood",
    "SectorInfo",
    "country_info",
    "iter_businesses",
    "sector_label",
]

COUNTRIES: Mapping[str, CountryInfo] = MappingProxyType({c.code: c for c in COUNTRY_LIST})
"""ISO 3166 alpha-2 code -> country, in catalog order."""

SECTORS: Mapping[str, SectorInfo] = MappingProxyType({s.id: s for s in SECTOR_LIST})
"""Stable sector id -> sector, in catalog order."""

SOURCES: tuple[str, ...] = tuple(name for name, _ in SOURCE_WEIGHTS)
TAGS: tuple[str, ...] = tuple(name for name, _ in TAG_WEIGHTS)


@dataclass(frozen=True, slots=True)
class DemoBusiness:
    """One generated prospect, shaped like what the real importers produce.

    ``phone`` and ``whatsapp`` are kept exactly as a person would have typed them so that
    normalisation code gets realistic input; the ``*_e164`` fields are the ground truth.
    """

    business_name: str
    sector: str
    city: str
    country: str
    address: str
    neighbourhood: str
    phone: str
    phone_e164: str
    whatsapp: str
    whatsapp_e164: str
    email: str
    website: str
    latitude: float
    longitude: float
    source: str
    source_ref: str
    tags: list[str]
    owner_first_name: str
    owner_last_name: str
    created_days_ago: int


def country_info(code: str) -> CountryInfo:
    """Look up a catalog country; case-insensitive because codes come from user input."""
    try:
        return COUNTRIES[code.strip().upper()]
    except KeyError:
        known = ", ".join(COUNTRIES)
        raise KeyError(f"unknown country code {code!r}; known: {known}") from None


def sector_label(sector_id: str, language: str) -> str:
    """Human label of a sector; unsupported UI languages fall back to English."""
    try:
        sector = SECTORS[sector_id]
    except KeyError:
        raise KeyError(f"unknown sector id {sector_id!r}") from None
    return sector.label_fr if language.lower().startswith("fr") else sector.label_en


# ---------------------------------------------------------------------------------------
# Precomputed tables
# ---------------------------------------------------------------------------------------

_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON_EQUATOR = 111.320
_POW10 = tuple(10**k for k in range(16))
_REF_BITS = 144  # 18 random bytes -> 24 base64url characters, 23 kept

# Honorifics that only make sense for one gender ("Mama Emeka's Kitchen" would look off).
_MALE_REWRITES = (("Mama ", "Papa "), ("Auntie ", "Uncle "))
_FEMALE_REWRITES = (("Serigne ", "Sokhna "),)

# French elision: "Le Délice de Aminata" -> "Le Délice d'Aminata".
_FR_ELISION = re.compile(r"\b([Dd])e (?=[AEIOUYÉÈÊÂÎÔaeiouyéèêâîô])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

_EMAIL_SHARE = 0.6
_WEBSITE_SHARE = 0.13
_WEBSITE_SHARE_B2B = 0.38
_TAG_COUNT_CUM = (0.45, 0.77, 0.93, 1.0)  # P(0..3 tags), cumulative


def _cumulative(weights: Sequence[float]) -> tuple[tuple[float, ...], float]:
    cum = tuple(accumulate(weights))
    if not cum or cum[-1] <= 0:
        raise ValueError("weights must contain at least one positive value")
    return cum, cum[-1]


def _ascii_slug(text: str) -> str:
    """Lowercase ASCII letters/digits only: what people use in e-mails and domains."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("", folded.lower())


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return [w for w in _NON_ALNUM.split(folded.lower().replace("'", "")) if w]


@dataclass(frozen=True, slots=True)
class _NbTable:
    info: Neighbourhood
    deg_lat_per_km: float
    deg_lon_per_km: float


@dataclass(frozen=True, slots=True)
class _CityTable:
    info: CityInfo
    language: str
    neighbourhoods: tuple[_NbTable, ...]
    groups: tuple[NameGroup, ...]
    group_cum: tuple[float, ...]
    group_total: float
    flavour: tuple[str, ...]
    landmarks: tuple[str, ...]
    fixed_prefixes: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class _CountryTable:
    info: CountryInfo
    plan: PhonePlan
    cities: tuple[_CityTable, ...]
    city_cum: tuple[float, ...]
    city_total: float
    mobile_prefixes: tuple[tuple[str, int], ...]
    style_cum: tuple[float, ...]
    style_total: float
    streets: tuple[str, ...]
    templates: tuple[str, ...]
    slugs: Mapping[str, str]


def _build_city(country: CountryInfo, city: CityInfo) -> _CityTable:
    plan = country.phone
    assert plan is not None
    weights = city.name_group_weights or tuple(g.weight for g in country.name_groups)
    if len(weights) != len(country.name_groups):
        raise ValueError(f"{city.name}: name_group_weights do not match the country groups")
    group_cum, group_total = _cumulative(weights)
    language = city.language or country.language
    nbs = tuple(
        _NbTable(
            nb,
            1.0 / _KM_PER_DEG_LAT,
            1.0 / (_KM_PER_DEG_LON_EQUATOR * math.cos(math.radians(nb.latitude))),
        )
        for nb in city.neighbourhoods
    )
    return _CityTable(
        info=city,
        language=language,
        neighbourhoods=nbs,
        groups=country.name_groups,
        group_cum=group_cum,
        group_total=group_total,
        flavour=country.flavour + city.flavour,
        landmarks=LANDMARKS[language],
        fixed_prefixes=tuple((p, plan.nsn_length - len(p)) for p in city.landline_prefixes),
    )


def _build_country(country: CountryInfo) -> _CountryTable:
    plan = country.phone
    if plan is None:
        raise ValueError(f"{country.code} has no phone plan")
    cities = tuple(_build_city(country, c) for c in country.cities)
    city_cum, city_total = _cumulative([c.weight for c in country.cities])
    style_cum, style_total = _cumulative(plan.style_weights)
    slugs: dict[str, str] = {}
    for group in country.name_groups:
        for name in (*group.male, *group.female, *group.last):
            slugs[name] = _ascii_slug(name)
    return _CountryTable(
        info=country,
        plan=plan,
        cities=cities,
        city_cum=city_cum,
        city_total=city_total,
        mobile_prefixes=tuple((p, plan.nsn_length - len(p)) for p in plan.mobile_prefixes),
        style_cum=style_cum,
        style_total=style_total,
        streets=country.streets,
        templates=country.address_templates,
        slugs=MappingProxyType(slugs),
    )


def _rewrite(patterns: Sequence[str], rewrites: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    out = []
    for pattern in patterns:
        for old, new in rewrites:
            pattern = pattern.replace(old, new)
        out.append(pattern)
    return tuple(out)


def _build_patterns() -> Mapping[tuple[str, str, str], tuple[tuple[str, ...], tuple[str, ...]]]:
    """(country, language, sector) -> (patterns for women, patterns for men)."""
    table: dict[tuple[str, str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for country in COUNTRY_LIST:
        languages = sorted({country.language, *(c.language for c in country.cities if c.language)})
        for language in languages:
            for sector in SECTOR_LIST:
                base = sector.patterns_fr if language == "fr" else sector.patterns_en
                patterns = base + sector.country_patterns.get(country.code, ())
                table[(country.code, language, sector.id)] = (
                    _rewrite(patterns, _FEMALE_REWRITES),
                    _rewrite(patterns, _MALE_REWRITES),
                )
    return MappingProxyType(table)


_COUNTRY_TABLES: Mapping[str, _CountryTable] = MappingProxyType(
    {c.code: _build_country(c) for c in COUNTRY_LIST}
)
_PATTERNS = _build_patterns()
_SECTOR_CUM, _SECTOR_TOTAL = _cumulative([s.weight for s in SECTOR_LIST])
_SOURCE_CUM, _SOURCE_TOTAL = _cumulative([w for _, w in SOURCE_WEIGHTS])
_SOURCE_NAMES = tuple(n for n, _ in SOURCE_WEIGHTS)
_SOURCE_B2B_CUM, _SOURCE_B2B_TOTAL = _cumulative([w for _, w in SOURCE_WEIGHTS_B2B])
_SOURCE_B2B_NAMES = tuple(n for n, _ in SOURCE_WEIGHTS_B2B)
_TAG_CUM, _TAG_TOTAL = _cumulative([w for _, w in TAG_WEIGHTS])
_TAG_ORDER = {name: i for i, name in enumerate(TAGS)}


def _resolve_countries(countries: Sequence[str] | None) -> tuple[_CountryTable, ...]:
    """Normalise the filter to catalog order, so ["SN", "NG"] and ["NG", "SN"] agree."""
    if countries is None:
        return tuple(_COUNTRY_TABLES.values())
    if isinstance(countries, str):
        raise TypeError("countries must be a sequence of codes, not a single string")
    wanted = {country_info(code).code for code in countries}
    if not wanted:
        raise ValueError("countries filter is empty; pass None for all countries")
    return tuple(t for code, t in _COUNTRY_TABLES.items() if code in wanted)


# ---------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------


def _split(digits: str, groups: Sequence[int], sep: str) -> str:
    parts = []
    start = 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    return sep.join(parts)


def _typed_phone(plan: PhonePlan, nsn: str, style: int, variant: float) -> str:
    """Render an NSN the way people type it; ``variant`` picks grouping and separator."""
    if style == 0:
        groupings = plan.national_groupings
        grouping = groupings[int(variant * len(groupings))]
        seps = plan.separators
        sep = seps[int(variant * 7919) % len(seps)]
        return _split(plan.trunk_prefix + nsn, grouping, sep)
    if style == 1:
        return plan.trunk_prefix + nsn
    if style == 2:
        groupings = plan.international_groupings
        grouping = groupings[int(variant * len(groupings))]
        return f"+{plan.calling_code} {_split(nsn, grouping, ' ')}"
    return f"+{plan.calling_code}{nsn}"


# ---------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------


class _Draw:
    """Small wrapper so the hot loop reads clearly while staying on one Random stream."""

    __slots__ = ("gauss", "getrandbits", "rnd")

    def __init__(self, rng: Random) -> None:
        self.rnd: Callable[[], float] = rng.random
        self.gauss: Callable[[float, float], float] = rng.gauss
        self.getrandbits: Callable[[int], int] = rng.getrandbits

    def item(self, seq: Sequence[str]) -> str:
        return seq[int(self.rnd() * len(seq))]

    def digits(self, count: int) -> str:
        return str(int(self.rnd() * _POW10[count])).zfill(count)

    def number(self, low: int, high: int) -> int:
        """Integer in [low, high], skewed towards small values like real house numbers."""
        r = self.rnd()
        return low + int(r * r * (high - low + 1))


def iter_businesses(
    *, seed: int, count: int, countries: Sequence[str] | None = None
) -> Iterator[DemoBusiness]:
    """Yield ``count`` realistic businesses, deterministically for ``(seed, countries)``.

    Records are produced lazily so 100k rows can be streamed into a database in batches;
    a smaller ``count`` yields exactly the first records of a larger one.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError("seed must be an int")
    if count < 0:
        raise ValueError("count must be >= 0")
    tables = _resolve_countries(countries)
    country_cum, country_total = _cumulative([t.info.weight for t in tables])
    return _generate(Random(seed), count, tables, country_cum, country_total)


def _generate(
    rng: Random,
    count: int,
    tables: tuple[_CountryTable, ...],
    country_cum: tuple[float, ...],
    country_total: float,
) -> Iterator[DemoBusiness]:
    draw = _Draw(rng)
    rnd = draw.rnd
    item = draw.item
    seen_names: set[str] = set()
    seen_refs: set[str] = set()
    n_tables = len(tables)

    for _ in range(count):
        table = tables[bisect_right(country_cum, rnd() * country_total)] if n_tables > 1 else (
            tables[0]
        )
        country = table.info
        plan = table.plan
        city = table.cities[bisect_right(table.city_cum, rnd() * table.city_total)]
        nb = city.neighbourhoods[int(rnd() * len(city.neighbourhoods))]
        sector = SECTOR_LIST[bisect_right(_SECTOR_CUM, rnd() * _SECTOR_TOTAL)]

        # Owner: one community, one gender, so first and last names belong together.
        group = city.groups[bisect_right(city.group_cum, rnd() * city.group_total)]
        female = rnd() < sector.female_share
        first = item(group.female if female else group.male)
        last = item(group.last)

        name = _business_name(draw, table, city, nb.info.name, sector, first, last, female)
        if name in seen_names:
            name = _disambiguate(name, nb.info.name, seen_names)
        seen_names.add(name)

        address = _address(draw, table, city, nb.info.name)
        latitude, longitude = _coordinates(draw, nb)

        # Phones: one typing habit per business, reused for the WhatsApp number.
        style = bisect_right(table.style_cum, rnd() * table.style_total)
        variant = rnd()
        fixed_share = plan.fixed_line_share * sector.landline_factor
        if city.fixed_prefixes and rnd() < fixed_share:
            prefix, rest = city.fixed_prefixes[int(rnd() * len(city.fixed_prefixes))]
            is_mobile = False
        else:
            prefix, rest = table.mobile_prefixes[int(rnd() * len(table.mobile_prefixes))]
            is_mobile = True
        nsn = prefix + draw.digits(rest)
        phone = _typed_phone(plan, nsn, style, variant)
        phone_e164 = f"+{plan.calling_code}{nsn}"

        r = rnd()
        if is_mobile and r < 0.75:
            whatsapp, whatsapp_e164 = phone, phone_e164
        elif r < (0.88 if is_mobile else 0.65):
            w_prefix, w_rest = table.mobile_prefixes[int(rnd() * len(table.mobile_prefixes))]
            w_nsn = w_prefix + draw.digits(w_rest)
            whatsapp = _typed_phone(plan, w_nsn, style, variant)
            whatsapp_e164 = f"+{plan.calling_code}{w_nsn}"
        else:
            whatsapp = whatsapp_e164 = ""

        source, source_ref = _source(draw, country, sector, seen_refs)
        website = _website(draw, table, sector, name, source)
        email = _email(draw, table, first, last, name, website)
        tags = _tags(draw, female)
        created_days_ago = min(365, int(rng.triangular(0.0, 366.0, 0.0)))

        yield DemoBusiness(
            business_name=name,
            sector=sector.id,
            city=city.info.name,
            country=country.code,
            address=address,
            neighbourhood=nb.info.name,
            phone=phone,
            phone_e164=phone_e164,
            whatsapp=whatsapp,
            whatsapp_e164=whatsapp_e164,
            email=email,
            website=website,
            latitude=latitude,
            longitude=longitude,
            source=source,
            source_ref=source_ref,
            tags=tags,
            owner_first_name=first,
            owner_last_name=last,
            created_days_ago=created_days_ago,
        )


def _business_name(
    draw: _Draw,
    table: _CountryTable,
    city: _CityTable,
    neighbourhood: str,
    sector: SectorInfo,
    first: str,
    last: str,
    female: bool,
) -> str:
    female_patterns, male_patterns = _PATTERNS[(table.info.code, city.language, sector.id)]
    pattern = draw.item(female_patterns if female else male_patterns)
    name = pattern.format(
        first=first,
        last=last,
        nb=neighbourhood,
        city=city.info.name,
        flavour=draw.item(city.flavour),
    )
    if city.language == "fr":
        name = _FR_ELISION.sub(r"\1'", name)
    if draw.rnd() < (0.35 if sector.b2b else 0.08):
        name = f"{name} {draw.item(table.info.legal_suffixes)}"
    return name


def _disambiguate(name: str, neighbourhood: str, seen: set[str]) -> str:
    """Branch-style names ("X - Mermoz", "X 2") rather than exact duplicates."""
    if neighbourhood not in name:
        candidate = f"{name} - {neighbourhood}"
        if candidate not in seen:
            return candidate
        name = candidate
    k = 2
    while f"{name} {k}" in seen:
        k += 1
    return f"{name} {k}"


def _address(draw: _Draw, table: _CountryTable, city: _CityTable, neighbourhood: str) -> str:
    template = draw.item(table.templates)
    group = city.groups[int(draw.rnd() * len(city.groups))]
    gps = ""
    if city.info.digital_address_prefix:
        gps = f"{city.info.digital_address_prefix}-{draw.digits(3)}-{draw.digits(4)}"
    return template.format(
        num=draw.number(1, 250),
        num2=draw.number(1, 60),
        num3=draw.number(1, 40),
        num4=draw.number(10, 29999),
        street=draw.item(table.streets),
        nb=neighbourhood,
        city=city.info.name,
        landmark=draw.item(city.landmarks),
        last=draw.item(group.last),
        flavour=draw.item(city.flavour),
        postal=city.info.postal_code,
        gps=gps,
    )


def _coordinates(draw: _Draw, nb: _NbTable) -> tuple[float, float]:
    """Gaussian scatter around the quartier centre, clipped to its radius (stays on land)."""
    radius = nb.info.radius_km
    sigma = radius / 2.0
    dx = draw.gauss(0.0, sigma)
    dy = draw.gauss(0.0, sigma)
    dist = math.hypot(dx, dy)
    if dist > radius:
        dx = draw.gauss(0.0, sigma)
        dy = draw.gauss(0.0, sigma)
        dist = math.hypot(dx, dy)
        if dist > radius:
            scale = radius * 0.97 / dist
            dx *= scale
            dy *= scale
    lat = nb.info.latitude + dy * nb.deg_lat_per_km
    lon = nb.info.longitude + dx * nb.deg_lon_per_km
    return round(lat, 6), round(lon, 6)


def _source(
    draw: _Draw, country: CountryInfo, sector: SectorInfo, seen: set[str]
) -> tuple[str, str]:
    if sector.b2b:
        source = _SOURCE_B2B_NAMES[bisect_right(_SOURCE_B2B_CUM, draw.rnd() * _SOURCE_B2B_TOTAL)]
    else:
        source = _SOURCE_NAMES[bisect_right(_SOURCE_CUM, draw.rnd() * _SOURCE_TOTAL)]
    while True:
        ref = _source_ref(draw, country, source)
        if ref not in seen:
            seen.add(ref)
            return source, ref


def _source_ref(draw: _Draw, country: CountryInfo, source: str) -> str:
    if source == "google_maps":
        raw = draw.getrandbits(_REF_BITS).to_bytes(18, "big")
        return "gmaps:ChIJ" + base64.urlsafe_b64encode(raw).decode("ascii")[:23]
    if source == "facebook":
        return f"fb:page/1000{draw.digits(11)}"
    if source == "openstreetmap":
        if draw.rnd() < 0.8:
            return f"osm:node/{1_000_000_000 + int(draw.rnd() * 11_000_000_000)}"
        return f"osm:way/{100_000_000 + int(draw.rnd() * 1_200_000_000)}"
    if source == "directory":
        return f"dir:{draw.item(country.directories)}/{100_000 + int(draw.rnd() * 900_000)}"
    if source == "linkedin":
        return f"li:company/{10_000_000 + int(draw.rnd() * 90_000_000)}"
    return f"manual:{draw.getrandbits(48):012x}"


def _name_slug(name: str, suffixes: Sequence[str]) -> list[str]:
    """Words of the business name without the legal suffix, ready for a domain or e-mail."""
    for suffix in suffixes:
        if name.endswith(" " + suffix):
            name = name[: -len(suffix) - 1]
            break
    return _ascii_words(name.split(" - ")[0])


def _website(
    draw: _Draw, table: _CountryTable, sector: SectorInfo, name: str, source: str
) -> str:
    share = _WEBSITE_SHARE_B2B if sector.b2b or sector.landline_factor > 2 else _WEBSITE_SHARE
    if draw.rnd() >= share:
        return ""
    words = _name_slug(name, table.info.legal_suffixes)
    if source == "facebook" and draw.rnd() < 0.6:
        return f"https://www.facebook.com/{''.join(words)}"
    label = "-".join(words) if draw.rnd() < 0.3 else "".join(words)
    domain = f"{label[:40].strip('-')}.{draw.item(table.info.web_suffixes)}"
    return ("https://www." if draw.rnd() < 0.7 else "http://") + domain


def _email(
    draw: _Draw, table: _CountryTable, first: str, last: str, name: str, website: str
) -> str:
    r = draw.rnd()
    if website and "facebook.com" not in website:
        if r < 0.85:
            domain = website.split("://", 1)[1].removeprefix("www.")
            return f"{draw.item(('contact', 'info', 'hello', 'admin'))}@{domain}"
    elif r >= _EMAIL_SHARE:
        return ""
    domain = draw.item(table.info.email_domains)
    first_slug = table.slugs.get(first) or _ascii_slug(first)
    last_slug = table.slugs.get(last) or _ascii_slug(last)
    kind = draw.rnd()
    if kind < 0.35:
        local = f"{first_slug}.{last_slug}"
    elif kind < 0.6:
        local = f"{first_slug}{last_slug}{draw.number(1, 99)}"
    elif kind < 0.75:
        local = f"{first_slug[:1]}{last_slug}"
    else:
        local = "".join(_name_slug(name, table.info.legal_suffixes))[:30] or last_slug
    return f"{local}@{domain}"


def _tags(draw: _Draw, female: bool) -> list[str]:
    r = draw.rnd()
    wanted = 0
    while r >= _TAG_COUNT_CUM[wanted]:
        wanted += 1
    picked: list[str] = []
    attempts = 0
    while len(picked) < wanted and attempts < 12:
        attempts += 1
        tag = TAGS[bisect_right(_TAG_CUM, draw.rnd() * _TAG_TOTAL)]
        if tag in picked or (tag == "women_led" and not female):
            continue
        picked.append(tag)
    picked.sort(key=_TAG_ORDER.__getitem__)
    return picked
