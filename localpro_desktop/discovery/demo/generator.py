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
``manual:<hex>``.

Within one generated stream, source refs, phone numbers (phone and WhatsApp), e-mails and
website domains are unique and business names are unique per city: a dedupe engine fed
with demo data should find no duplicates it was not meant to find. The same shop name in
two different cities is allowed, as in real life.
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
from string import Formatter
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
from localpro_desktop.domain.sectors import SECTORS as PRODUCT_SECTORS

_Rnd = Callable[[], float]

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
"""ISO 3166 alpha-2 code -> the demo's flavour of a supported country (``domain.countries``
is the product's list; the demo covers each of them)."""

SECTORS: Mapping[str, SectorInfo] = MappingProxyType({s.id: s for s in SECTOR_LIST})
"""Sector key -> the demo's naming habits of a sector of ``domain.sectors``."""

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
        sector = PRODUCT_SECTORS[sector_id]
    except KeyError:
        raise KeyError(f"unknown sector id {sector_id!r}") from None
    return sector.label(language)


# ---------------------------------------------------------------------------------------
# Precomputed tables
# ---------------------------------------------------------------------------------------

_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON_EQUATOR = 111.320
_POW10 = tuple(10**k for k in range(16))
_SIGMA_SHARE = 0.5  # gaussian sigma as a share of the neighbourhood radius
_TWO_PI = 2.0 * math.pi
_REF_BITS = 144  # 18 random bytes -> 24 base64url characters, 23 kept

# Honorifics that only make sense for one gender ("Mama Emeka's Kitchen" would look off).
_MALE_REWRITES = (("Mama ", "Papa "), ("Auntie ", "Uncle "))
_FEMALE_REWRITES = (("Serigne ", "Sokhna "),)

# French elision: "Le Délice de Aminata" -> "Le Délice d'Aminata".
# "Y" is left out on purpose: "de Yaoundé", "de Yamoussoukro".
_FR_ELISION = re.compile(r"\b([Dd])e (?=[AEIOUÉÈÊÂÎÔaeiouéèêâîô])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

_EMAIL_SHARE = 0.55
_WEBSITE_SHARE = 0.1
_WEBSITE_SHARE_B2B = 0.3
_NAME_ATTEMPTS = 6
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
    sigma_km: float
    # 1 - exp(-R^2 / 2 sigma^2): lets the radius be drawn from a Rayleigh law truncated at R.
    truncation: float


@dataclass(frozen=True, slots=True)
class _Template:
    """A format string plus the placeholders it uses, so unused values are never drawn."""

    text: str
    fields: frozenset[str]
    elide: bool = False

    @classmethod
    def parse(cls, text: str, *, french: bool = False) -> _Template:
        fields = frozenset(name for _, name, _, _ in Formatter().parse(text) if name)
        return cls(text, fields, french and ("de {" in text or "De {" in text))


def _rewrite(patterns: Sequence[str], rewrites: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    out = []
    for pattern in patterns:
        for old, new in rewrites:
            pattern = pattern.replace(old, new)
        out.append(pattern)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _NamePatterns:
    female: tuple[_Template, ...]
    male: tuple[_Template, ...]
    trades: tuple[str, ...]


def _sector_patterns(country: CountryInfo, language: str) -> tuple[_NamePatterns, ...]:
    """Naming patterns per sector (aligned with SECTOR_LIST), pre-adjusted for gender."""
    french = language == "fr"
    out = []
    for sector in SECTOR_LIST:
        base = sector.patterns_fr if french else sector.patterns_en
        trades = (sector.trades_fr if french else sector.trades_en) or (
            sector.label_fr if french else sector.label_en,
        )
        patterns = base + sector.country_patterns.get(country.code, ())
        out.append(
            _NamePatterns(
                female=tuple(
                    _Template.parse(p, french=french) for p in _rewrite(patterns, _FEMALE_REWRITES)
                ),
                male=tuple(
                    _Template.parse(p, french=french) for p in _rewrite(patterns, _MALE_REWRITES)
                ),
                trades=trades,
            )
        )
    return tuple(out)


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
    name_patterns: tuple[_NamePatterns, ...]


@dataclass(frozen=True, slots=True)
class _CountryTable:
    info: CountryInfo
    plan: PhonePlan
    cities: tuple[_CityTable, ...]
    city_cum: tuple[float, ...]
    city_total: float
    mobile_prefixes: tuple[tuple[str, int], ...]
    phone_habits: tuple[str, ...]
    habit_cum: tuple[float, ...]
    habit_total: float
    streets: tuple[str, ...]
    templates: tuple[_Template, ...]
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
            nb.radius_km * _SIGMA_SHARE,
            1.0 - math.exp(-1.0 / (2.0 * _SIGMA_SHARE * _SIGMA_SHARE)),
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
        name_patterns=_sector_patterns(country, language),
    )


def _build_country(country: CountryInfo) -> _CountryTable:
    plan = country.phone
    if plan is None:
        raise ValueError(f"{country.code} has no phone plan")
    cities = tuple(_build_city(country, c) for c in country.cities)
    city_cum, city_total = _cumulative([c.weight for c in country.cities])
    habits, habit_cum, habit_total = _phone_habits(plan)
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
        phone_habits=habits,
        habit_cum=habit_cum,
        habit_total=habit_total,
        streets=country.streets,
        templates=tuple(_Template.parse(t) for t in country.address_templates),
        slugs=MappingProxyType(slugs),
    )


# ---------------------------------------------------------------------------------------
# Phone typing habits
# ---------------------------------------------------------------------------------------


def _digit_template(groups: Sequence[int], sep: str) -> str:
    """Format string that lays out an NSN's digits in groups, e.g. '{0[0]}{0[1]} {0[2]}...'."""
    parts = []
    index = 0
    for size in groups:
        parts.append("".join(f"{{0[{i}]}}" for i in range(index, index + size)))
        index += size
    return sep.join(parts)


def _phone_habits(plan: PhonePlan) -> tuple[tuple[str, ...], tuple[float, ...], float]:
    """Every way people type numbers in this country, as ``str.format`` templates of the NSN.

    Precompiling the layouts turns formatting into one C call per number; a business draws
    one habit and uses it for both its phone and its WhatsApp number.
    """
    national, compact, international, international_compact = plan.style_weights
    trunk = plan.trunk_prefix
    habits: list[tuple[str, float]] = []
    for groups in plan.national_groupings:
        # The trunk prefix is typed as part of the first group ("0803 123 4567").
        first, *others = groups
        nsn_groups = (first - len(trunk), *others)
        for sep in plan.separators:
            share = national / (len(plan.national_groupings) * len(plan.separators))
            habits.append((trunk + _digit_template(nsn_groups, sep), share))
    habits.append((trunk + "{0}", compact))
    for groups in plan.international_groupings:
        share = international / len(plan.international_groupings)
        habits.append((f"+{plan.calling_code} " + _digit_template(groups, " "), share))
    habits.append((f"+{plan.calling_code}{{0}}", international_compact))
    cum, total = _cumulative([w for _, w in habits])
    return tuple(t for t, _ in habits), cum, total


_COUNTRY_TABLES: Mapping[str, _CountryTable] = MappingProxyType(
    {c.code: _build_country(c) for c in COUNTRY_LIST}
)
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
# The generator
#
# The hot loop inlines ``seq[int(rnd() * len(seq))]`` instead of calling a helper: with
# ~40 draws per record, call overhead alone would eat most of the time budget.
# ---------------------------------------------------------------------------------------


def iter_businesses(
    *, seed: int, count: int, countries: Sequence[str] | None = None
) -> Iterator[DemoBusiness]:
    """Yield ``count`` realistic businesses, deterministically for ``(seed, countries)``.

    Records are produced lazily so 100k rows can be streamed into a database in batches;
    a smaller ``count`` yields exactly the first records of a larger one. Validation happens
    here, eagerly, so a bad argument fails at the call site rather than on first ``next()``.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError("seed must be an int")
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("count must be an int")
    if count < 0:
        raise ValueError("count must be >= 0")
    tables = _resolve_countries(countries)
    return _generate(Random(_stream_seed(seed, tables)), count, tables)


def _stream_seed(seed: int, tables: tuple[_CountryTable, ...]) -> int | str:
    """Seed of the random stream: the plain seed, or the seed bound to the country filter.

    Without this, ``countries=["SN"]`` and ``countries=["KE"]`` would replay the same
    stream and produce look-alike records. A ``str`` seed is hashed by ``random`` with
    SHA-512 (not ``hash()``), so it stays reproducible across processes.
    """
    if len(tables) == len(_COUNTRY_TABLES):
        return seed
    return f"{seed}:{'+'.join(t.info.code for t in tables)}"


def _generate(rng: Random, count: int, tables: tuple[_CountryTable, ...]) -> Iterator[DemoBusiness]:
    rnd = rng.random
    getrandbits = rng.getrandbits
    triangular = rng.triangular
    country_cum, country_total = _cumulative([t.info.weight for t in tables])
    state = _Seen()
    for _ in range(count):
        table = tables[bisect_right(country_cum, rnd() * country_total)]
        country = table.info
        city = table.cities[bisect_right(table.city_cum, rnd() * table.city_total)]
        nbt = city.neighbourhoods[int(rnd() * len(city.neighbourhoods))]
        nb_name = nbt.info.name
        sector_index = bisect_right(_SECTOR_CUM, rnd() * _SECTOR_TOTAL)
        sector = SECTOR_LIST[sector_index]

        female, first, last = _owner(rnd, city, sector)

        name = _unique_name(
            rnd, table, city, nb_name, sector_index, sector, first, last, female, state.names
        )
        address = _address(rnd, table, city, nb_name)

        latitude, longitude = _position(rnd, nbt)

        phone, phone_e164, whatsapp, whatsapp_e164 = _phones(
            rnd, table, city, sector, state.numbers
        )

        source, source_ref = _source(rnd, getrandbits, country, sector, state.refs)
        website = _website(rnd, table, city, sector, name, source, state.domains)
        email = _email(rnd, table, first, last, name, website, state.emails)
        tags = _tags(rnd, female)
        created_days_ago = min(365, int(triangular(0.0, 366.0, 0.0)))

        yield DemoBusiness(
            name,
            sector.id,
            city.info.name,
            country.code,
            address,
            nb_name,
            phone,
            phone_e164,
            whatsapp,
            whatsapp_e164,
            email,
            website,
            latitude,
            longitude,
            source,
            source_ref,
            tags,
            first,
            last,
            created_days_ago,
        )


def _owner(rnd: _Rnd, city: _CityTable, sector: SectorInfo) -> tuple[bool, str, str]:
    """(female, first, last): one community, one gender, so the names belong together."""
    group = city.groups[bisect_right(city.group_cum, rnd() * city.group_total)]
    female = rnd() < sector.female_share
    firsts = group.female if female else group.male
    first = firsts[int(rnd() * len(firsts))]
    last = group.last[int(rnd() * len(group.last))]
    while last == first:  # "Ouma Ouma": some names are both given and family names
        last = group.last[int(rnd() * len(group.last))]
    return female, first, last


def _position(rnd: _Rnd, nbt: _NbTable) -> tuple[float, float]:
    """(latitude, longitude) around the neighbourhood's centre.

    Truncated 2-D gaussian: exact, no rejection loop, never outside the radius.
    """
    radius_km = nbt.sigma_km * math.sqrt(-2.0 * math.log(1.0 - rnd() * nbt.truncation))
    angle = rnd() * _TWO_PI
    latitude = round(nbt.info.latitude + radius_km * math.sin(angle) * nbt.deg_lat_per_km, 6)
    longitude = round(nbt.info.longitude + radius_km * math.cos(angle) * nbt.deg_lon_per_km, 6)
    return latitude, longitude


def _phones(
    rnd: _Rnd, table: _CountryTable, city: _CityTable, sector: SectorInfo, seen: set[str]
) -> tuple[str, str, str, str]:
    """(phone, phone E.164, WhatsApp, WhatsApp E.164) of one business.

    One typing habit per business, reused for the WhatsApp number.
    """
    plan = table.plan
    habit = table.phone_habits[bisect_right(table.habit_cum, rnd() * table.habit_total)]
    fixed = city.fixed_prefixes
    if fixed and rnd() < plan.fixed_line_share * sector.landline_factor:
        is_mobile = False
        phone_e164, nsn = _new_number(rnd, plan, fixed, seen)
    else:
        is_mobile = True
        phone_e164, nsn = _new_number(rnd, plan, table.mobile_prefixes, seen)
    phone = habit.format(nsn)

    r = rnd()
    if is_mobile and r < 0.75:
        whatsapp, whatsapp_e164 = phone, phone_e164
    elif r < (0.88 if is_mobile else 0.65):
        whatsapp_e164, w_nsn = _new_number(rnd, plan, table.mobile_prefixes, seen)
        whatsapp = habit.format(w_nsn)
    else:
        whatsapp = whatsapp_e164 = ""
    return phone, phone_e164, whatsapp, whatsapp_e164


class _Seen:
    """Keys already handed out in this stream.

    Only membership is ever tested, so set iteration order can never leak into the output.
    """

    __slots__ = ("domains", "emails", "names", "numbers", "refs")

    def __init__(self) -> None:
        self.names: set[tuple[str, str, str]] = set()
        self.refs: set[str] = set()
        self.numbers: set[str] = set()
        self.emails: set[str] = set()
        self.domains: set[str] = set()


def _new_number(
    rnd: _Rnd, plan: PhonePlan, prefixes: Sequence[tuple[str, int]], seen: set[str]
) -> tuple[str, str]:
    """(E.164, NSN) of a number nobody else in the stream has: shared numbers mean dupes."""
    while True:
        prefix, rest = prefixes[int(rnd() * len(prefixes))]
        nsn = prefix + str(int(rnd() * _POW10[rest])).zfill(rest)
        e164 = f"+{plan.calling_code}{nsn}"
        if e164 not in seen:
            seen.add(e164)
            return e164, nsn


def _business_name(
    rnd: _Rnd,
    table: _CountryTable,
    city: _CityTable,
    neighbourhood: str,
    sector_index: int,
    sector: SectorInfo,
    first: str,
    last: str,
    female: bool,
) -> str:
    patterns = city.name_patterns[sector_index]
    choices = patterns.female if female else patterns.male
    pattern = choices[int(rnd() * len(choices))]
    fields = pattern.fields
    flavour = city.flavour[int(rnd() * len(city.flavour))] if "flavour" in fields else ""
    trades = patterns.trades
    trade = trades[int(rnd() * len(trades))] if "trade" in fields else ""
    name = pattern.text.format(
        first=first, last=last, nb=neighbourhood, city=city.info.name, flavour=flavour, trade=trade
    )
    if pattern.elide:
        name = _FR_ELISION.sub(r"\1'", name)
    if rnd() < (0.35 if sector.b2b else 0.08):
        suffixes = table.info.legal_suffixes
        name = f"{name} {suffixes[int(rnd() * len(suffixes))]}"
    return name


def _unique_name(
    rnd: _Rnd,
    table: _CountryTable,
    city: _CityTable,
    neighbourhood: str,
    sector_index: int,
    sector: SectorInfo,
    first: str,
    last: str,
    female: bool,
    seen: set[tuple[str, str, str]],
) -> str:
    """Redraw a few times, then fall back to branch-style names ("X - Mermoz", "X II")."""
    code = table.info.code
    city_name = city.info.name
    name = ""
    for _ in range(_NAME_ATTEMPTS):
        name = _business_name(
            rnd, table, city, neighbourhood, sector_index, sector, first, last, female
        )
        if (code, city_name, name) not in seen:
            seen.add((code, city_name, name))
            return name
    if neighbourhood not in name:
        name = f"{name} - {neighbourhood}"
    candidate = name
    k = 2
    while (code, city_name, candidate) in seen:
        candidate = f"{name} {_roman(k)}"
        k += 1
    seen.add((code, city_name, candidate))
    return candidate


def _roman(number: int) -> str:
    """Roman numerals, as used for second branches ("Divine Grace Supermarket II")."""
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _small_number(rnd: _Rnd, low: int, high: int) -> int:
    """Integer in [low, high] skewed towards small values, like real house numbers."""
    r = rnd()
    return low + int(r * r * (high - low + 1))


def _address(rnd: _Rnd, table: _CountryTable, city: _CityTable, neighbourhood: str) -> str:
    template = table.templates[int(rnd() * len(table.templates))]
    fields = template.fields
    values: dict[str, object] = {"nb": neighbourhood}
    if "num" in fields:
        values["num"] = _small_number(rnd, 1, 250)
    if "num2" in fields:
        values["num2"] = _small_number(rnd, 1, 60)
    if "num3" in fields:
        values["num3"] = _small_number(rnd, 1, 40)
    if "num4" in fields:
        values["num4"] = _small_number(rnd, 10, 29999)
    if "street" in fields:
        values["street"] = table.streets[int(rnd() * len(table.streets))]
    if "city" in fields:
        values["city"] = city.info.name
    if "landmark" in fields:
        values["landmark"] = city.landmarks[int(rnd() * len(city.landmarks))]
    if "last" in fields:
        # Streets are named after local families, so use the city's name mix.
        group = city.groups[bisect_right(city.group_cum, rnd() * city.group_total)]
        family = group.last[int(rnd() * len(group.last))]
        values["last"] = family[:1].upper() + family[1:]  # "le Roux" -> "Le Roux Street"
    if "flavour" in fields:
        values["flavour"] = city.flavour[int(rnd() * len(city.flavour))]
    if "postal" in fields:
        values["postal"] = city.info.postal_code
    if "gps" in fields:
        # GhanaPost GPS digital address, e.g. "GA-492-7396".
        values["gps"] = (
            f"{city.info.digital_address_prefix}-{int(rnd() * 900) + 100}"
            f"-{str(int(rnd() * 10_000)).zfill(4)}"
        )
    return template.text.format_map(values)


def _source(
    rnd: _Rnd,
    getrandbits: Callable[[int], int],
    country: CountryInfo,
    sector: SectorInfo,
    seen: set[str],
) -> tuple[str, str]:
    if sector.b2b:
        source = _SOURCE_B2B_NAMES[bisect_right(_SOURCE_B2B_CUM, rnd() * _SOURCE_B2B_TOTAL)]
    else:
        source = _SOURCE_NAMES[bisect_right(_SOURCE_CUM, rnd() * _SOURCE_TOTAL)]
    while True:
        ref = _source_ref(rnd, getrandbits, country, source)
        if ref not in seen:
            seen.add(ref)
            return source, ref


def _source_ref(
    rnd: _Rnd, getrandbits: Callable[[int], int], country: CountryInfo, source: str
) -> str:
    if source == "google_maps":
        raw = getrandbits(_REF_BITS).to_bytes(18, "big")
        return "gmaps:ChIJ" + base64.urlsafe_b64encode(raw).decode("ascii")[:23]
    if source == "facebook":
        return f"fb:page/{100_000_000_000_000 + int(rnd() * 100_000_000_000)}"
    if source == "openstreetmap":
        if rnd() < 0.8:
            return f"osm:node/{1_000_000_000 + int(rnd() * 11_000_000_000)}"
        return f"osm:way/{100_000_000 + int(rnd() * 1_200_000_000)}"
    if source == "directory":
        directory = country.directories[int(rnd() * len(country.directories))]
        return f"dir:{directory}/{100_000 + int(rnd() * 900_000)}"
    if source == "linkedin":
        return f"li:company/{10_000_000 + int(rnd() * 90_000_000)}"
    return f"manual:{getrandbits(48):012x}"


def _name_slug(name: str, suffixes: Sequence[str]) -> list[str]:
    """Words of the business name without the legal suffix, ready for a domain or e-mail."""
    for suffix in suffixes:
        if name.endswith(" " + suffix):
            name = name[: -len(suffix) - 1]
            break
    return _ascii_words(name.split(" - ")[0])


def _website(
    rnd: _Rnd,
    table: _CountryTable,
    city: _CityTable,
    sector: SectorInfo,
    name: str,
    source: str,
    seen: set[str],
) -> str:
    """A site or Facebook page derived from the name; taken names get the city appended."""
    share = _WEBSITE_SHARE_B2B if sector.b2b or sector.landline_factor > 2 else _WEBSITE_SHARE
    if rnd() >= share:
        return ""
    words = _name_slug(name, table.info.legal_suffixes)
    facebook = source == "facebook" and rnd() < 0.6
    joiner = "-" if not facebook and rnd() < 0.3 else ""
    web_suffixes = table.info.web_suffixes
    suffix = "facebook.com" if facebook else web_suffixes[int(rnd() * len(web_suffixes))]
    label = joiner.join(words)[:40].strip("-")
    key = f"{label}.{suffix}"
    if key in seen:
        label = joiner.join((label, *_ascii_words(city.info.name)))
        key = f"{label}.{suffix}"
        k = 2
        while key in seen:
            key = f"{label}{k}.{suffix}"
            k += 1
    seen.add(key)
    if facebook:
        return f"https://www.facebook.com/{key.removesuffix('.facebook.com')}"
    return ("https://www." if rnd() < 0.7 else "http://") + key


_ROLE_MAILBOXES = ("contact", "info", "hello", "admin")


def _email(
    rnd: _Rnd,
    table: _CountryTable,
    first: str,
    last: str,
    name: str,
    website: str,
    seen: set[str],
) -> str:
    """Mostly free-mail addresses as small businesses really use; unique per stream."""
    r = rnd()
    if website and "facebook.com" not in website:
        if r < 0.85:
            # Domains are unique per stream, so this address is unique too.
            domain = website.split("://", 1)[1].removeprefix("www.")
            return f"{_ROLE_MAILBOXES[int(rnd() * len(_ROLE_MAILBOXES))]}@{domain}"
    elif r >= _EMAIL_SHARE:
        return ""
    domains = table.info.email_domains
    domain = domains[int(rnd() * len(domains))]
    first_slug = table.slugs.get(first) or _ascii_slug(first)
    last_slug = table.slugs.get(last) or _ascii_slug(last)
    kind = rnd()
    if kind < 0.35:
        local = f"{first_slug}.{last_slug}"
    elif kind < 0.6:
        local = f"{first_slug}{last_slug}{_small_number(rnd, 1, 99)}"
    elif kind < 0.75:
        local = f"{first_slug[:1]}{last_slug}"
    else:
        local = "".join(_name_slug(name, table.info.legal_suffixes))[:30] or last_slug
    address = f"{local}@{domain}"
    while address in seen:
        # What people do when their name is taken: add digits.
        address = f"{local}{_small_number(rnd, 1, 999)}@{domain}"
    seen.add(address)
    return address


def _tags(rnd: _Rnd, female: bool) -> list[str]:
    r = rnd()
    wanted = 0
    while r >= _TAG_COUNT_CUM[wanted]:
        wanted += 1
    if not wanted:
        return []
    picked: list[str] = []
    attempts = 0
    while len(picked) < wanted and attempts < 12:
        attempts += 1
        tag = TAGS[bisect_right(_TAG_CUM, rnd() * _TAG_TOTAL)]
        if tag in picked or (tag == "women_led" and not female):
            continue
        picked.append(tag)
    picked.sort(key=_TAG_ORDER.__getitem__)
    return picked
