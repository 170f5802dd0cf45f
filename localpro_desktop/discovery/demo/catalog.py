"""Static reference data behind the demo generator: countries, cities, people, sectors.

Everything here is plain, immutable data so that the generator stays pure and fast and so
that a reviewer can check realism (coordinates, prefixes, names) without reading code.

Design notes:
- Cities are described by real neighbourhood centres with small radii rather than one big
  circle, because several cities (Dakar, Abidjan, Lagos, Mombasa, Cape Town...) sit on
  peninsulas, islands or lagoons and a big circle would drop businesses into the sea.
- Phone prefixes are national significant number (NSN) prefixes that libphonenumber accepts
  for *any* remaining digits; the test suite re-checks this on large samples.
- Person names are grouped by community and weighted per city, so Kano gets mostly Hausa
  owners and Kisumu mostly Luo ones instead of a uniform national mix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.domain.sectors import SECTORS


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """A real quartier centre; generated points stay within ``radius_km`` of it."""

    name: str
    latitude: float
    longitude: float
    radius_km: float


@dataclass(frozen=True, slots=True)
class CityInfo:
    """A real city and the neighbourhoods that demo businesses are spread over."""

    name: str
    latitude: float
    longitude: float
    radius_km: float
    neighbourhoods: tuple[Neighbourhood, ...]
    weight: float = field(default=1.0, repr=False)
    landline_prefixes: tuple[str, ...] = field(default=(), repr=False)
    postal_code: str = field(default="", repr=False)
    language: str = field(default="", repr=False)
    name_group_weights: tuple[float, ...] = field(default=(), repr=False)
    flavour: tuple[str, ...] = field(default=(), repr=False)
    digital_address_prefix: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class NameGroup:
    """First and last names of one community, kept together so owners sound coherent."""

    label: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class PhonePlan:
    """Just enough of a national numbering plan to build valid numbers without parsing.

    ``national_groupings`` split the national form (trunk prefix + NSN) and
    ``international_groupings`` split the bare NSN, the way people usually type them.
    ``style_weights`` are for: national grouped, national compact, international grouped,
    international compact.
    """

    calling_code: str
    trunk_prefix: str
    nsn_length: int
    mobile_prefixes: tuple[str, ...]
    national_groupings: tuple[tuple[int, ...], ...]
    international_groupings: tuple[tuple[int, ...], ...]
    fixed_line_share: float
    style_weights: tuple[float, float, float, float]
    separators: tuple[str, ...] = (" ",)


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """Public facts about a country plus the flavour data the generator draws from."""

    code: str
    name_en: str
    name_fr: str
    currency: str
    language: str
    timezone: str
    cities: tuple[CityInfo, ...]
    weight: float = field(default=1.0, repr=False)
    phone: PhonePlan | None = field(default=None, repr=False)
    name_groups: tuple[NameGroup, ...] = field(default=(), repr=False)
    streets: tuple[str, ...] = field(default=(), repr=False)
    address_templates: tuple[str, ...] = field(default=(), repr=False)
    flavour: tuple[str, ...] = field(default=(), repr=False)
    legal_suffixes: tuple[str, ...] = field(default=(), repr=False)
    email_domains: tuple[str, ...] = field(default=(), repr=False)
    web_suffixes: tuple[str, ...] = field(default=(), repr=False)
    directories: tuple[str, ...] = field(default=(), repr=False)

    @property
    def calling_code(self) -> str:
        """Country calling code without '+', e.g. '221'."""
        return self.phone.calling_code if self.phone else ""

    def name(self, language: str) -> str:
        """Country name in the UI language; English is the fallback for anything else."""
        return self.name_fr if language.lower().startswith("fr") else self.name_en


@dataclass(frozen=True, slots=True)
class SectorInfo:
    """A business sector with a stable id and the naming habits of that trade."""

    id: str
    label_en: str
    label_fr: str
    weight: float = field(default=1.0, repr=False)
    trades_en: tuple[str, ...] = field(default=(), repr=False)
    trades_fr: tuple[str, ...] = field(default=(), repr=False)
    patterns_en: tuple[str, ...] = field(default=(), repr=False)
    patterns_fr: tuple[str, ...] = field(default=(), repr=False)
    country_patterns: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False
    )
    female_share: float = field(default=0.4, repr=False)
    b2b: bool = field(default=False, repr=False)
    landline_factor: float = field(default=1.0, repr=False)


def _t(text: str) -> tuple[str, ...]:
    """Split a comma-separated literal; keeps long name lists readable in this file."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _nb(name: str, lat: float, lon: float, radius_km: float = 0.6) -> Neighbourhood:
    return Neighbourhood(name, lat, lon, radius_km)


def _facts(code: str) -> dict[str, str]:
    """The public facts of a supported country come from the product (domain.countries)."""
    country = COUNTRIES[code]
    return {
        "code": country.code,
        "name_en": country.name_en,
        "name_fr": country.name_fr,
        "currency": country.currency,
        "language": country.language,
        "timezone": country.timezone,
    }


# ---------------------------------------------------------------------------------------
# Phone numbering: digits after the calling code, verified against libphonenumber in tests.
# ---------------------------------------------------------------------------------------

_KE_MOBILE = _t(
    "710, 711, 712, 713, 714, 715, 716, 717, 718, 719, 720, 721, 722, 723, 724, 725, 726, "
    "727, 728, 729, 740, 741, 742, 743, 745, 746, 748, 757, 758, 759, 768, 769, 790, 791, "
    "792, 793, 794, 795, 796, 797, 798, 799, 730, 731, 732, 733, 734, 735, 736, 737, 738, "
    "739, 750, 751, 752, 753, 754, 755, 756, 762, 780, 781, 782, 783, 784, 785, 786, 787, "
    "788, 789, 770, 771, 772, 773, 774, 775, 776, 777, 778, 779, 110, 111, 112, 113, 114, "
    "115, 100, 101, 102"
)

_NG_MOBILE = _t(
    "803, 806, 813, 816, 703, 706, 810, 814, 903, 906, 913, 916, 805, 807, 815, 811, 705, "
    "905, 915, 802, 808, 812, 701, 708, 902, 901, 907, 912, 809, 817, 818, 908, 909"
)

_CM_MOBILE = _t(
    "650, 651, 652, 653, 654, 655, 656, 657, 658, 659, 670, 671, 672, 673, 674, 675, 676, "
    "677, 678, 679, 680, 681, 682, 683, 690, 691, 692, 693, 694, 695, 696, 697, 698, 699, "
    "620, 622, 660, 661, 662, 663, 664, 665, 666"
)

# ---------------------------------------------------------------------------------------
# Senegal
# ---------------------------------------------------------------------------------------

_SN = CountryInfo(
    **_facts("SN"),
    weight=0.11,
    cities=(
        CityInfo(
            name="Dakar",
            latitude=14.7167,
            longitude=-17.4677,
            radius_km=12.0,
            neighbourhoods=(
                _nb("Plateau", 14.6700, -17.4330, 0.5),
                _nb("Médina", 14.6835, -17.4510, 0.6),
                _nb("Point E", 14.6960, -17.4650, 0.5),
                _nb("Mermoz", 14.7065, -17.4758, 0.6),
                _nb("Ouakam", 14.7230, -17.4880, 0.6),
                _nb("Parcelles Assainies", 14.7640, -17.4400, 1.0),
                _nb("Grand Yoff", 14.7380, -17.4560, 0.8),
                _nb("HLM", 14.7120, -17.4450, 0.5),
            ),
            weight=5.0,
            landline_prefixes=_t("3382, 3383, 3384, 3386, 3387, 3388"),
            postal_code="10200",
            flavour=_t("Cap-Vert, Ndakaaru, Lébou"),
        ),
        CityInfo(
            name="Thiès",
            latitude=14.7910,
            longitude=-16.9260,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Escale", 14.7900, -16.9290, 0.5),
                _nb("Randoulène", 14.7990, -16.9370, 0.6),
                _nb("Médina Fall", 14.8050, -16.9200, 0.6),
                _nb("Cité Lamy", 14.7820, -16.9150, 0.6),
                _nb("Diakhao", 14.7830, -16.9400, 0.6),
                _nb("Nguinth", 14.8100, -16.9350, 0.6),
            ),
            weight=1.3,
            landline_prefixes=("33951",),
            postal_code="21000",
            flavour=_t("Cayor, Rail"),
        ),
        CityInfo(
            name="Touba",
            latitude=14.8600,
            longitude=-15.8800,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Touba Mosquée", 14.8610, -15.8760, 0.6),
                _nb("Darou Khoudoss", 14.8680, -15.8800, 0.7),
                _nb("Ndamatou", 14.8540, -15.8880, 0.7),
                _nb("Guédé Bousso", 14.8520, -15.8700, 0.7),
                _nb("Darou Marnane", 14.8720, -15.8680, 0.7),
            ),
            weight=1.3,
            landline_prefixes=("33975",),
            postal_code="22000",
            flavour=_t("Khadimou Rassoul, Serigne Touba, Mame Diarra"),
        ),
        CityInfo(
            name="Kaolack",
            latitude=14.1500,
            longitude=-16.0750,
            radius_km=4.0,
            neighbourhoods=(
                _nb("Escale", 14.1465, -16.0738, 0.5),
                _nb("Médina Baye", 14.1600, -16.0850, 0.6),
                _nb("Léona", 14.1420, -16.0680, 0.5),
                _nb("Kasnack", 14.1400, -16.0820, 0.5),
                _nb("Ndorong", 14.1390, -16.0600, 0.5),
                _nb("Sam", 14.1550, -16.0650, 0.5),
            ),
            weight=0.9,
            landline_prefixes=("33941",),
            postal_code="23000",
            flavour=_t("Saloum, Baye Niass"),
        ),
        CityInfo(
            name="Ziguinchor",
            latitude=12.5650,
            longitude=-16.2720,
            radius_km=4.0,
            neighbourhoods=(
                _nb("Escale", 12.5770, -16.2730, 0.4),
                _nb("Boucotte", 12.5650, -16.2650, 0.6),
                _nb("Tilène", 12.5620, -16.2800, 0.5),
                _nb("Lyndiane", 12.5520, -16.2580, 0.6),
                _nb("Kandé", 12.5600, -16.2500, 0.6),
                _nb("Néma", 12.5520, -16.2720, 0.6),
            ),
            weight=0.6,
            landline_prefixes=("33991",),
            postal_code="27000",
            name_group_weights=(0.5, 0.3, 1.2),
            flavour=_t("Casamance, Kassoumay"),
        ),
    ),
    phone=PhonePlan(
        calling_code="221",
        trunk_prefix="",
        nsn_length=9,
        mobile_prefixes=_t("77, 78, 76, 70, 75"),
        national_groupings=((2, 3, 2, 2),),
        international_groupings=((2, 3, 2, 2),),
        fixed_line_share=0.10,
        style_weights=(0.62, 0.2, 0.12, 0.06),
        separators=(" ", " ", " ", ".", "-"),
    ),
    name_groups=(
        NameGroup(
            "wolof_serer",
            _t(
                "Mamadou, Moussa, Ousmane, Abdoulaye, Ibrahima, Cheikh, Modou, Babacar, Serigne, "
                "Alioune, Pape, Mouhamed, Lamine, Malick, Assane, Saliou, Ndiaga, Massamba, "
                "Mbaye, Birame, Matar, Khadim, El Hadji, Boubacar, Omar, Djibril"
            ),
            _t(
                "Fatou, Aminata, Awa, Khady, Ndèye, Coumba, Astou, Adama, Sokhna, Bineta, "
                "Rokhaya, Marième, Seynabou, Yacine, Ngoné, Maimouna, Codou, Mame Diarra, "
                "Fatoumata, Aïda, Dieynaba, Penda, Absa, Nogaye"
            ),
            _t(
                "Diop, Ndiaye, Fall, Gueye, Faye, Mbaye, Sarr, Seck, Diouf, Thiam, Niang, Ndao, "
                "Sène, Dieng, Wade, Mbengue, Diagne, Lo, Samb, Thiaw, Mboup, Ndour, Ciss, Dione, "
                "Mbodj, Sylla, Gaye, Touré, Cissé"
            ),
            weight=0.7,
        ),
        NameGroup(
            "pulaar",
            _t(
                "Amadou, Mamadou, Oumar, Abdoulaye, Samba, Demba, Hamidou, Alpha, Thierno, "
                "Souleymane, Harouna, Boubacar, Aliou, Moussa"
            ),
            _t(
                "Aïssatou, Mariama, Kadiatou, Oumou, Djenaba, Hawa, Fatoumata, Coumba, Ramata, "
                "Dado, Kadia, Binta"
            ),
            _t("Sow, Ba, Diallo, Kane, Sy, Barry, Baldé, Bâ, Tall, Ly, Dia, Wane, Deh, Anne"),
            weight=0.25,
        ),
        NameGroup(
            "diola_casamance",
            _t("Jean, Ansoumana, Lamine, Malamine, Ousmane, Bakary, Pascal, Seydou, Ibou"),
            _t("Marie, Awa, Fatou, Khadidiatou, Nafi, Mariama, Augustine, Odile, Binta"),
            _t("Badji, Sané, Diatta, Bassène, Goudiaby, Manga, Sagna, Coly, Tendeng, Diédhiou"),
            weight=0.05,
        ),
    ),
    streets=_t(
        "Avenue Léopold Sédar Senghor, Avenue Cheikh Ahmadou Bamba, Avenue El Hadji Malick Sy, "
        "Avenue Lamine Guèye, Avenue Blaise Diagne, Boulevard de la République, Rue Carnot, "
        "Avenue Cheikh Anta Diop, Route Nationale 1, Avenue Lat Dior, Rue Moussé Diop, "
        "Avenue Bourguiba, Boulevard du Centenaire, Rue Félix Faure"
    ),
    address_templates=(
        "{street}, {nb}",
        "{num} {street}, {nb}",
        "Villa n° {num}, {nb}",
        "Rue {num2} x Rue {num3}, {nb}",
        "Lot {num}, {nb}",
        "{nb}, en face {landmark}",
        "{nb}, près {landmark}",
    ),
    flavour=_t(
        "Teranga, Baobab, Touba, Jàmm, Ndiambour, Sine, Lat Dior, Keur Yallah, Serigne Fallou, "
        "Baye Fall, Sunu Gox, Dëggo, Liggeey, Kasa, Ndeye Sali, Diamono"
    ),
    legal_suffixes=_t("SARL, SUARL, SA, GIE"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, yahoo.fr, hotmail.com, orange.sn"),
    web_suffixes=_t("sn, com, com"),
    directories=_t("senegalbiz, goafricaonline, annuaire-senegal"),
)

# ---------------------------------------------------------------------------------------
# Côte d'Ivoire
# ---------------------------------------------------------------------------------------

_CI = CountryInfo(
    **_facts("CI"),
    weight=0.12,
    cities=(
        CityInfo(
            name="Abidjan",
            latitude=5.3364,
            longitude=-4.0267,
            radius_km=12.0,
            neighbourhoods=(
                _nb("Plateau", 5.3230, -4.0180, 0.4),
                _nb("Cocody", 5.3540, -3.9870, 0.6),
                _nb("Angré", 5.3950, -3.9900, 0.8),
                _nb("Yopougon", 5.3450, -4.0800, 0.8),
                _nb("Adjamé", 5.3560, -4.0230, 0.6),
                _nb("Treichville", 5.2950, -4.0080, 0.5),
                _nb("Marcory", 5.2980, -3.9880, 0.5),
                _nb("Abobo", 5.4160, -4.0160, 1.0),
            ),
            weight=6.0,
            landline_prefixes=_t(
                "27202, 27203, 27212, 27213, 27215, 27217, 27222, 27224, 27225, 27234, 27235, "
                "27243, 27244, 27245"
            ),
            flavour=_t("Babi, Lagune Ébrié"),
        ),
        CityInfo(
            name="Bouaké",
            latitude=7.6900,
            longitude=-5.0300,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Commerce", 7.6920, -5.0300, 0.5),
                _nb("Koko", 7.7000, -5.0200, 0.6),
                _nb("Air France", 7.6800, -5.0250, 0.6),
                _nb("Dar-es-Salam", 7.7050, -5.0400, 0.6),
                _nb("Belleville", 7.6850, -5.0400, 0.6),
                _nb("Ahougnansou", 7.6700, -5.0350, 0.6),
            ),
            weight=1.2,
            landline_prefixes=_t("27316, 27319"),
            flavour=_t("Gbêkê, Baoulé"),
        ),
        CityInfo(
            name="Yamoussoukro",
            latitude=6.8200,
            longitude=-5.2767,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Habitat", 6.8200, -5.2750, 0.5),
                _nb("Dioulakro", 6.8150, -5.2850, 0.5),
                _nb("Kokrenou", 6.8300, -5.2650, 0.5),
                _nb("N'Zuessy", 6.8050, -5.2900, 0.5),
                _nb("Morofé", 6.8350, -5.2850, 0.5),
            ),
            weight=0.7,
            landline_prefixes=("27306",),
            flavour=_t("Yakro, Basilique"),
        ),
        CityInfo(
            name="Daloa",
            latitude=6.8774,
            longitude=-6.4502,
            radius_km=4.0,
            neighbourhoods=(
                _nb("Commerce", 6.8770, -6.4500, 0.5),
                _nb("Lobia", 6.8850, -6.4400, 0.6),
                _nb("Tazibouo", 6.8650, -6.4300, 0.6),
                _nb("Kennedy", 6.8700, -6.4600, 0.5),
                _nb("Orly", 6.8850, -6.4600, 0.5),
            ),
            weight=0.6,
            landline_prefixes=("27327",),
            name_group_weights=(0.4, 0.4, 1.0),
            flavour=_t("Haut-Sassandra"),
        ),
        CityInfo(
            name="Korhogo",
            latitude=9.4580,
            longitude=-5.6296,
            radius_km=4.0,
            neighbourhoods=(
                _nb("Commerce", 9.4580, -5.6296, 0.5),
                _nb("Soba", 9.4650, -5.6200, 0.6),
                _nb("Petit Paris", 9.4500, -5.6350, 0.6),
                _nb("Haoussabougou", 9.4650, -5.6400, 0.5),
                _nb("Résidentiel", 9.4500, -5.6200, 0.5),
            ),
            weight=0.6,
            landline_prefixes=("27367",),
            name_group_weights=(0.15, 1.0, 0.05),
            flavour=_t("Poro, Sénoufo"),
        ),
    ),
    phone=PhonePlan(
        calling_code="225",
        trunk_prefix="",
        nsn_length=10,
        mobile_prefixes=_t("07, 05, 01"),
        national_groupings=((2, 2, 2, 2, 2),),
        international_groupings=((2, 2, 2, 2, 2),),
        fixed_line_share=0.08,
        style_weights=(0.6, 0.2, 0.14, 0.06),
        separators=(" ", " ", " ", "."),
    ),
    name_groups=(
        NameGroup(
            "akan",
            _t(
                "Kouadio, Konan, Yao, Kouassi, Koffi, Kouamé, N'Guessan, Kouakou, Jean-Baptiste, "
                "Didier, Serge, Arsène, Hervé, Franck, Rodrigue, Christian, Marcel, Armand"
            ),
            _t(
                "Adjoua, Affoué, Amenan, Akissi, Ahou, Aya, Amoin, Brigitte, Christelle, Nadège, "
                "Estelle, Ruth, Grâce, Sandrine, Prisca, Mireille, Bernadette"
            ),
            _t(
                "Kouassi, Yao, Konan, Kouamé, N'Guessan, Koffi, Aka, Assi, Tanoh, Kacou, Brou, "
                "Amani, Ehui, Kouadio, Yapi, Assemien, N'Dri, Kra, Anoh, Adou"
            ),
            weight=0.45,
        ),
        NameGroup(
            "mande_senoufo",
            _t(
                "Moussa, Seydou, Bakary, Drissa, Lassina, Adama, Ibrahim, Souleymane, Mamadou, "
                "Abdoulaye, Karim, Yacouba, Siaka, Zoumana, Issouf"
            ),
            _t(
                "Mariam, Aminata, Fanta, Salimata, Kadiatou, Awa, Fatoumata, Assita, Mawa, "
                "Rokia, Korotoum, Djeneba"
            ),
            _t(
                "Koné, Traoré, Ouattara, Coulibaly, Bamba, Diabaté, Touré, Cissé, Soro, Silué, "
                "Tuo, Dosso, Fofana, Kamagaté, Diarrassouba, Sanogo, Yéo, Doumbia"
            ),
            weight=0.4,
        ),
        NameGroup(
            "krou",
            _t("Zadi, Gnahoré, Dago, Séri, Gbané, Guéi, Jean, Paul, Olivier, Patrice"),
            _t("Gisèle, Odette, Josiane, Rachel, Élodie, Pélagie, Viviane"),
            _t("Gnagne, Zadi, Gnahoré, Dago, Séri, Gueu, Tapé, Oulaï, Bléhi, Digbeu, Zézé"),
            weight=0.15,
        ),
    ),
    streets=_t(
        "Boulevard Latrille, Rue des Jardins, Boulevard de Marseille, Avenue Chardy, "
        "Boulevard Valéry Giscard d'Estaing, Rue Lepic, Boulevard Nangui Abrogoua, "
        "Avenue Noguès, Rue du Commerce, Boulevard de la Paix, Avenue Houphouët-Boigny, "
        "Boulevard Mitterrand, Avenue Jean-Paul II"
    ),
    address_templates=(
        "{street}, {nb}",
        "{nb}, Rue {num2}",
        "Lot {num}, Îlot {num2}, {nb}",
        "{nb}, Cité {flavour}, Villa {num2}",
        "{nb}, en face {landmark}",
        "{nb}, près {landmark}",
        "{nb}, BP {num4} {city}",
    ),
    flavour=_t(
        "Akwaba, Éburnie, Espoir, Grâce Divine, Éléphant, Le Bon Berger, Émergence, La Paix, "
        "Baoulé, Kanaga, Dieu Merci, Anoumabo, Assinie, Comoé, Ivoire, Kpaka"
    ),
    legal_suffixes=_t("SARL, SA, SARLU"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, yahoo.fr, outlook.fr, hotmail.fr"),
    web_suffixes=_t("ci, com, com"),
    directories=_t("goafricaonline, annuaireci, infopages-ci"),
)

# ---------------------------------------------------------------------------------------
# Nigeria
# ---------------------------------------------------------------------------------------

_NG = CountryInfo(
    **_facts("NG"),
    weight=0.22,
    cities=(
        CityInfo(
            name="Lagos",
            latitude=6.5244,
            longitude=3.3792,
            radius_km=20.0,
            neighbourhoods=(
                _nb("Ikeja", 6.6018, 3.3515, 1.0),
                _nb("Yaba", 6.5095, 3.3711, 0.8),
                _nb("Surulere", 6.4990, 3.3500, 0.9),
                _nb("Victoria Island", 6.4310, 3.4230, 0.5),
                _nb("Lekki Phase 1", 6.4480, 3.4730, 0.6),
                _nb("Ikoyi", 6.4520, 3.4350, 0.5),
                _nb("Apapa", 6.4520, 3.3620, 0.5),
                _nb("Oshodi", 6.5550, 3.3430, 0.8),
            ),
            weight=5.0,
            name_group_weights=(1.0, 0.5, 0.2),
            flavour=_t("Eko, Lasgidi, Gidi"),
        ),
        CityInfo(
            name="Abuja",
            latitude=9.0579,
            longitude=7.4951,
            radius_km=15.0,
            neighbourhoods=(
                _nb("Garki", 9.0350, 7.4850, 0.8),
                _nb("Wuse", 9.0700, 7.4650, 0.8),
                _nb("Maitama", 9.0880, 7.4930, 0.8),
                _nb("Asokoro", 9.0420, 7.5250, 0.7),
                _nb("Gwarinpa", 9.1080, 7.4100, 1.0),
                _nb("Jabi", 9.0630, 7.4230, 0.7),
                _nb("Utako", 9.0720, 7.4400, 0.6),
            ),
            weight=2.0,
            name_group_weights=(0.5, 0.5, 0.6),
            flavour=_t("Zuma Rock, FCT, Aso"),
        ),
        CityInfo(
            name="Kano",
            latitude=12.0000,
            longitude=8.5200,
            radius_km=8.0,
            neighbourhoods=(
                _nb("Sabon Gari", 12.0150, 8.5300, 0.7),
                _nb("Nassarawa GRA", 11.9900, 8.5450, 0.8),
                _nb("Fagge", 12.0100, 8.5150, 0.6),
                _nb("Bompai", 12.0200, 8.5550, 0.7),
                _nb("Tarauni", 11.9700, 8.5400, 0.7),
                _nb("Gwale", 11.9800, 8.5000, 0.7),
            ),
            weight=1.8,
            name_group_weights=(0.05, 0.1, 1.0),
            flavour=_t("Dala, Kurmi, Sahel"),
        ),
        CityInfo(
            name="Ibadan",
            latitude=7.3900,
            longitude=3.9000,
            radius_km=10.0,
            neighbourhoods=(
                _nb("Bodija", 7.4300, 3.9150, 0.8),
                _nb("Dugbe", 7.3880, 3.8830, 0.6),
                _nb("Mokola", 7.4000, 3.8950, 0.6),
                _nb("Challenge", 7.3450, 3.8850, 0.7),
                _nb("Ring Road", 7.3700, 3.8650, 0.7),
                _nb("Sango", 7.4250, 3.8950, 0.6),
                _nb("Iwo Road", 7.4050, 3.9350, 0.7),
            ),
            weight=1.5,
            name_group_weights=(1.0, 0.1, 0.05),
            flavour=_t("Oyo, Mapo"),
        ),
        CityInfo(
            name="Port Harcourt",
            latitude=4.8156,
            longitude=7.0200,
            radius_km=8.0,
            neighbourhoods=(
                _nb("Old GRA", 4.7900, 7.0100, 0.5),
                _nb("D-Line", 4.8050, 7.0150, 0.5),
                _nb("Rumuokoro", 4.8700, 6.9950, 0.7),
                _nb("Trans-Amadi", 4.8100, 7.0400, 0.6),
                _nb("Mile 1 Diobu", 4.7950, 6.9950, 0.5),
                _nb("Rumuola", 4.8350, 7.0050, 0.6),
            ),
            weight=1.2,
            name_group_weights=(0.2, 1.0, 0.1),
            flavour=_t("Garden City, Rivers, Bonny"),
        ),
    ),
    phone=PhonePlan(
        calling_code="234",
        trunk_prefix="0",
        nsn_length=10,
        mobile_prefixes=_NG_MOBILE,
        national_groupings=((4, 3, 4), (4, 3, 4), (4, 7)),
        international_groupings=((3, 3, 4),),
        fixed_line_share=0.0,
        style_weights=(0.55, 0.25, 0.12, 0.08),
        separators=(" ", " ", " ", "-"),
    ),
    name_groups=(
        NameGroup(
            "yoruba",
            _t(
                "Adebayo, Oluwaseun, Babatunde, Olumide, Tunde, Femi, Kunle, Segun, Adewale, "
                "Ayodele, Damilola, Gbenga, Rotimi, Kayode, Wale, Tobi, Emmanuel, Samuel, "
                "Oluwafemi, Akin, Dapo"
            ),
            _t(
                "Funmilayo, Folake, Titilayo, Bukola, Yetunde, Kemi, Omolara, Temitope, Bisi, "
                "Ronke, Adeola, Morenike, Abimbola, Tolani, Blessing, Funke, Shade, Iyabo"
            ),
            _t(
                "Adeyemi, Adebayo, Ogunleye, Balogun, Olawale, Afolabi, Adeleke, Akinola, "
                "Olatunji, Ojo, Adesanya, Ogunbiyi, Oyelaran, Bakare, Fashola, Oladipo, Alabi, "
                "Odunsi, Ajayi, Oyewole, Ogundipe, Adeniyi, Lawal"
            ),
            weight=0.45,
        ),
        NameGroup(
            "igbo_south",
            _t(
                "Chinedu, Emeka, Obinna, Chukwuemeka, Ifeanyi, Nnamdi, Uchenna, Ikenna, Kelechi, "
                "Chidi, Tochukwu, Daniel, Godwin, Victor, Collins, Ebuka, Ekene"
            ),
            _t(
                "Chiamaka, Ngozi, Adaeze, Chioma, Nkechi, Amaka, Ifeoma, Obiageli, Chinwe, "
                "Uju, Ebere, Precious, Joy, Grace, Nneka, Ogechi"
            ),
            _t(
                "Okafor, Okonkwo, Nwosu, Eze, Obi, Nwachukwu, Okeke, Chukwu, Okoro, Ogbonna, "
                "Ekwueme, Okoye, Umeh, Onwuka, Nwankwo, Anyanwu, Ibe, Ezeh, Bassey, Effiong, "
                "Etim, Amadi, Wokoma"
            ),
            weight=0.35,
        ),
        NameGroup(
            "hausa_fulani",
            _t(
                "Abubakar, Musa, Ibrahim, Aliyu, Sani, Usman, Bashir, Yusuf, Umar, Nasiru, "
                "Kabiru, Aminu, Shehu, Haruna, Lawan, Bello, Isa"
            ),
            _t(
                "Aisha, Hauwa, Zainab, Fatima, Hadiza, Amina, Maryam, Halima, Rukayya, Khadija, "
                "Bilkisu, Safiya, Hafsat"
            ),
            _t(
                "Ibrahim, Bello, Abubakar, Mohammed, Yusuf, Danjuma, Garba, Suleiman, Abdullahi, "
                "Usman, Dantata, Sani, Aminu, Kabir, Shehu, Lawal, Musa, Idris, Tanko"
            ),
            weight=0.2,
        ),
    ),
    streets=_t(
        "Allen Avenue, Awolowo Road, Adeola Odeku Street, Herbert Macaulay Way, "
        "Ahmadu Bello Way, Ikorodu Road, Obafemi Awolowo Way, Murtala Mohammed Way, Broad Street, "
        "Aminu Kano Crescent, Adetokunbo Ademola Crescent, Nnamdi Azikiwe Street, "
        "Aba Road, Ring Road, Airport Road, Market Road"
    ),
    address_templates=(
        "{num} {street}, {nb}",
        "{num} {last} Street, {nb}",
        "Plot {num}, {street}, {nb}",
        "Shop {num2}, {flavour} Plaza, {nb}",
        "{num} {last} Close, off {street}, {nb}",
        "Opposite {landmark}, {nb}",
    ),
    flavour=_t(
        "Divine Grace, God's Own, Royal, Crown, Jubilee, Blessed, Unity, Zenith, Excellence, "
        "Faithful, Triumph, Victory, Goodness, Heritage, Mercy, Treasure, Kings, Elshaddai"
    ),
    legal_suffixes=_t("Ltd, Nig. Ltd, Enterprises, Ventures, Limited"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, gmail.com, yahoo.com, outlook.com"),
    web_suffixes=_t("com.ng, ng, com"),
    directories=_t("vconnect, businesslist-ng, nigeriagalleria"),
)

# ---------------------------------------------------------------------------------------
# Ghana
# ---------------------------------------------------------------------------------------

_GH = CountryInfo(
    **_facts("GH"),
    weight=0.12,
    cities=(
        CityInfo(
            name="Accra",
            latitude=5.6037,
            longitude=-0.1870,
            radius_km=12.0,
            neighbourhoods=(
                _nb("Osu", 5.5590, -0.1800, 0.5),
                _nb("Adabraka", 5.5620, -0.2080, 0.6),
                _nb("Kaneshie", 5.5680, -0.2350, 0.6),
                _nb("Madina", 5.6700, -0.1650, 0.8),
                _nb("East Legon", 5.6350, -0.1550, 0.8),
                _nb("Achimota", 5.6170, -0.2300, 0.7),
                _nb("Dansoman", 5.5500, -0.2650, 0.5),
                _nb("Airport Residential", 5.6000, -0.1800, 0.6),
            ),
            weight=4.0,
            landline_prefixes=("302",),
            digital_address_prefix="GA",
            name_group_weights=(1.0, 0.8, 0.3),
            flavour=_t("Gold Coast, Ga Mashie"),
        ),
        CityInfo(
            name="Kumasi",
            latitude=6.6885,
            longitude=-1.6244,
            radius_km=8.0,
            neighbourhoods=(
                _nb("Adum", 6.6900, -1.6250, 0.5),
                _nb("Asafo", 6.6800, -1.6150, 0.6),
                _nb("Bantama", 6.7000, -1.6350, 0.6),
                _nb("Suame", 6.7200, -1.6300, 0.7),
                _nb("Asokwa", 6.6650, -1.6050, 0.6),
                _nb("Ahodwo", 6.6700, -1.6400, 0.6),
                _nb("Tafo", 6.7300, -1.6100, 0.7),
            ),
            weight=2.0,
            landline_prefixes=_t("3220, 3221, 3222, 3225"),
            digital_address_prefix="AK",
            name_group_weights=(1.0, 0.1, 0.15),
            flavour=_t("Ashanti, Manhyia, Kejetia"),
        ),
        CityInfo(
            name="Tamale",
            latitude=9.4008,
            longitude=-0.8393,
            radius_km=6.0,
            neighbourhoods=(
                _nb("Central", 9.4030, -0.8420, 0.5),
                _nb("Lamashegu", 9.3900, -0.8550, 0.6),
                _nb("Kalpohin", 9.4200, -0.8500, 0.6),
                _nb("Vittin", 9.3800, -0.8300, 0.6),
                _nb("Sakasaka", 9.4080, -0.8600, 0.5),
                _nb("Changli", 9.4100, -0.8300, 0.5),
            ),
            weight=0.8,
            landline_prefixes=_t("3720, 3722, 3726"),
            digital_address_prefix="NT",
            name_group_weights=(0.2, 0.05, 1.0),
            flavour=_t("Dagbon, Savannah"),
        ),
        CityInfo(
            name="Takoradi",
            latitude=4.9000,
            longitude=-1.7600,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Market Circle", 4.8990, -1.7600, 0.4),
                _nb("Anaji", 4.9220, -1.7750, 0.6),
                _nb("Effia", 4.9150, -1.7650, 0.5),
                _nb("Kwesimintsim", 4.9200, -1.7900, 0.6),
                _nb("Tanokrom", 4.9100, -1.7500, 0.5),
            ),
            weight=0.7,
            landline_prefixes=_t("3120, 3122, 3126"),
            digital_address_prefix="WS",
            name_group_weights=(1.0, 0.2, 0.1),
            flavour=_t("Oil City, Sekondi"),
        ),
        CityInfo(
            name="Cape Coast",
            latitude=5.1100,
            longitude=-1.2600,
            radius_km=4.0,
            neighbourhoods=(
                _nb("Kotokuraba", 5.1115, -1.2460, 0.4),
                _nb("Abura", 5.1200, -1.2600, 0.6),
                _nb("Pedu", 5.1300, -1.2700, 0.6),
                _nb("UCC", 5.1150, -1.2900, 0.6),
                _nb("Adisadel", 5.1150, -1.2500, 0.4),
            ),
            weight=0.5,
            landline_prefixes=_t("3320, 3321, 3323"),
            digital_address_prefix="CC",
            name_group_weights=(1.0, 0.1, 0.05),
            flavour=_t("Oguaa, Fetu"),
        ),
    ),
    phone=PhonePlan(
        calling_code="233",
        trunk_prefix="0",
        nsn_length=9,
        mobile_prefixes=_t("24, 54, 55, 53, 20, 50, 26, 56, 27, 57"),
        national_groupings=((3, 3, 4),),
        international_groupings=((2, 3, 4),),
        fixed_line_share=0.05,
        style_weights=(0.55, 0.25, 0.12, 0.08),
        separators=(" ", " ", " ", "-"),
    ),
    name_groups=(
        NameGroup(
            "akan",
            _t(
                "Kwame, Kofi, Kwaku, Kwabena, Yaw, Kwesi, Kojo, Kwadwo, Emmanuel, Samuel, Isaac, "
                "Joseph, Daniel, Richard, Prince, Eric, Michael, Ebenezer, Nana"
            ),
            _t(
                "Ama, Akosua, Abena, Adwoa, Afua, Yaa, Esi, Efua, Akua, Gifty, Comfort, "
                "Patience, Mercy, Felicia, Gladys, Abigail, Vida, Esther, Nana Ama"
            ),
            _t(
                "Mensah, Owusu, Boateng, Asante, Appiah, Osei, Agyeman, Darko, Amoah, Ofori, "
                "Acheampong, Sarpong, Antwi, Badu, Donkor, Frimpong, Gyamfi, Opoku, Asamoah, "
                "Nyarko, Bonsu, Adjei, Ansah, Quansah"
            ),
            weight=0.6,
        ),
        NameGroup(
            "ga_ewe",
            _t("Nii, Kpakpo, Selorm, Kafui, Edem, Kwashie, Kodjo, Elikem, Seth, Godwin"),
            _t("Naa, Dzifa, Esinam, Akpene, Enyonam, Delali, Adjoa, Afi, Mawusi, Sena"),
            _t(
                "Tetteh, Quaye, Lamptey, Addo, Agbeko, Amegah, Kpodo, Agbodza, Quartey, "
                "Ankrah, Nortey, Dzamesi, Ahiabu, Kumordzi"
            ),
            weight=0.25,
        ),
        NameGroup(
            "northern",
            _t(
                "Abdul-Rahman, Alhassan, Mahama, Iddrisu, Fuseini, Abdulai, Zakaria, Mohammed, "
                "Issah, Yakubu, Sulemana"
            ),
            _t("Mariama, Ayishetu, Hawa, Fati, Salamatu, Memunatu, Rahinatu, Lamisi, Sanatu"),
            _t("Alhassan, Mahama, Iddrisu, Abdulai, Fuseini, Yakubu, Seidu, Salifu, Issahaku"),
            weight=0.15,
        ),
    ),
    streets=_t(
        "Oxford Street, Ring Road Central, Kwame Nkrumah Avenue, Liberation Road, Spintex Road, "
        "Independence Avenue, Farrar Avenue, Harper Road, Prempeh II Street, Lake Road, "
        "Market Street, High Street, Station Road, Hospital Road"
    ),
    address_templates=(
        "{num} {street}, {nb}",
        "{street}, {nb} ({gps})",
        "House No. {num}, {nb}",
        "Shop {num2}, {flavour} Plaza, {nb}",
        "Near {landmark}, {nb}",
        "{nb}, {gps}",
    ),
    flavour=_t(
        "Akwaaba, God Is Good, Adom, Nyame Adom, Sika, Black Star, Abundance, Hope, Sankofa, "
        "Gye Nyame, Obaatanpa, Peace, Grace, Osagyefo, Ebenezer, Amazing Love"
    ),
    legal_suffixes=_t("Ltd, Enterprise, Co. Ltd, Ventures"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, yahoo.com, outlook.com"),
    web_suffixes=_t("com.gh, com, com"),
    directories=_t("ghanayello, businessghana, ghanabizdirectory"),
)

# ---------------------------------------------------------------------------------------
# Kenya
# ---------------------------------------------------------------------------------------

_KE = CountryInfo(
    **_facts("KE"),
    weight=0.13,
    cities=(
        CityInfo(
            name="Nairobi",
            latitude=-1.2864,
            longitude=36.8172,
            radius_km=15.0,
            neighbourhoods=(
                _nb("CBD", -1.2840, 36.8230, 0.6),
                _nb("Westlands", -1.2650, 36.8050, 0.7),
                _nb("Kilimani", -1.2900, 36.7850, 0.7),
                _nb("Eastleigh", -1.2750, 36.8500, 0.7),
                _nb("South B", -1.3080, 36.8350, 0.6),
                _nb("Kasarani", -1.2200, 36.8980, 0.8),
                _nb("Kibera", -1.3130, 36.7870, 0.6),
                _nb("Embakasi", -1.3200, 36.9000, 0.8),
            ),
            weight=5.0,
            landline_prefixes=("20",),
            postal_code="00100",
            name_group_weights=(1.0, 0.6, 0.4, 0.5, 0.4, 0.15),
            flavour=_t("Nairobi, Green City"),
        ),
        CityInfo(
            name="Mombasa",
            latitude=-4.0435,
            longitude=39.6682,
            radius_km=10.0,
            neighbourhoods=(
                _nb("Mombasa CBD", -4.0610, 39.6700, 0.4),
                _nb("Tudor", -4.0380, 39.6640, 0.4),
                _nb("Nyali", -4.0300, 39.7100, 0.6),
                _nb("Bamburi", -3.9950, 39.7150, 0.7),
                _nb("Kisauni", -4.0050, 39.6850, 0.6),
                _nb("Likoni", -4.0880, 39.6550, 0.5),
                _nb("Changamwe", -4.0200, 39.6300, 0.6),
            ),
            weight=1.5,
            landline_prefixes=("41",),
            postal_code="80100",
            name_group_weights=(0.3, 0.3, 0.1, 0.2, 0.3, 1.2),
            flavour=_t("Pwani, Tusker, Fort Jesus"),
        ),
        CityInfo(
            name="Kisumu",
            latitude=-0.0917,
            longitude=34.7680,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Kisumu CBD", -0.1000, 34.7600, 0.4),
                _nb("Kondele", -0.0850, 34.7700, 0.5),
                _nb("Nyalenda", -0.1100, 34.7700, 0.5),
                _nb("Mamboleo", -0.0700, 34.7900, 0.6),
                _nb("Manyatta", -0.0950, 34.7800, 0.5),
            ),
            weight=0.9,
            landline_prefixes=("57",),
            postal_code="40100",
            name_group_weights=(0.1, 1.2, 0.05, 0.3, 0.05, 0.05),
            flavour=_t("Lakeside, Dunga, Nyanza"),
        ),
        CityInfo(
            name="Nakuru",
            latitude=-0.2900,
            longitude=36.0700,
            radius_km=9.0,
            neighbourhoods=(
                _nb("Nakuru CBD", -0.2850, 36.0700, 0.5),
                _nb("Section 58", -0.2800, 36.0850, 0.5),
                _nb("Milimani", -0.2950, 36.0600, 0.5),
                _nb("Lanet", -0.2900, 36.1400, 0.7),
                _nb("Kaptembwo", -0.3000, 36.0350, 0.6),
                _nb("Shabab", -0.2950, 36.0850, 0.5),
            ),
            weight=0.9,
            landline_prefixes=("51",),
            postal_code="20100",
            name_group_weights=(1.0, 0.2, 0.7, 0.2, 0.1, 0.05),
            flavour=_t("Flamingo, Menengai, Rift"),
        ),
        CityInfo(
            name="Eldoret",
            latitude=0.5143,
            longitude=35.2698,
            radius_km=6.0,
            neighbourhoods=(
                _nb("Eldoret CBD", 0.5150, 35.2700, 0.5),
                _nb("Langas", 0.4900, 35.2600, 0.6),
                _nb("Huruma", 0.5300, 35.2850, 0.6),
                _nb("Elgon View", 0.5250, 35.2550, 0.6),
                _nb("Kapsoya", 0.5050, 35.3000, 0.6),
            ),
            weight=0.8,
            landline_prefixes=("53",),
            postal_code="30100",
            name_group_weights=(0.4, 0.1, 1.2, 0.4, 0.05, 0.02),
            flavour=_t("Champions, Uasin Gishu"),
        ),
    ),
    phone=PhonePlan(
        calling_code="254",
        trunk_prefix="0",
        nsn_length=9,
        mobile_prefixes=_KE_MOBILE,
        national_groupings=((4, 6), (4, 3, 3)),
        international_groupings=((3, 6), (3, 3, 3)),
        fixed_line_share=0.04,
        style_weights=(0.5, 0.28, 0.14, 0.08),
        separators=(" ", " ", " ", "-"),
    ),
    name_groups=(
        NameGroup(
            "kikuyu",
            _t(
                "John, Peter, James, Joseph, Kamau, Njoroge, Mwangi, Samuel, Francis, Stephen, "
                "David, Paul, Simon, Githinji, Kariuki"
            ),
            _t(
                "Mary, Grace, Jane, Wanjiku, Wambui, Njeri, Nyambura, Wairimu, Lucy, Esther, "
                "Ann, Margaret, Wanjiru, Muthoni, Faith"
            ),
            _t(
                "Kamau, Mwangi, Njoroge, Kariuki, Maina, Ndungu, Githinji, Gitau, Kimani, "
                "Macharia, Muriuki, Waweru, Njuguna, Karanja, Wainaina, Ngugi, Kinyanjui"
            ),
            weight=0.3,
        ),
        NameGroup(
            "luo",
            _t(
                "Otieno, Odhiambo, Ochieng, Onyango, Omondi, Okoth, Ouma, Owino, George, "
                "Fredrick, Kevin, Brian, Tom, Evans"
            ),
            _t(
                "Atieno, Akinyi, Achieng, Adhiambo, Awino, Anyango, Auma, Akoth, Millicent, "
                "Beatrice, Caroline, Pamela"
            ),
            _t(
                "Otieno, Odhiambo, Ochieng, Onyango, Omondi, Okoth, Ouma, Owino, Oduor, Okello, "
                "Oketch, Opiyo, Wandera, Adongo, Obiero"
            ),
            weight=0.2,
        ),
        NameGroup(
            "kalenjin",
            _t(
                "Kipchoge, Kiprono, Kiplagat, Kibet, Kipkemboi, Kiprotich, Wesley, Gilbert, "
                "Hillary, Geoffrey, Vincent"
            ),
            _t("Chebet, Jepkosgei, Chepkoech, Jeptoo, Jepchirchir, Cherono, Chelangat, Nancy"),
            _t(
                "Kiptoo, Rotich, Koech, Korir, Kirui, Langat, Cheruiyot, Kemboi, Kibet, "
                "Tanui, Kosgei, Sang, Bett, Mutai, Chirchir"
            ),
            weight=0.15,
        ),
        NameGroup(
            "luhya",
            _t("Wafula, Wanjala, Barasa, Wekesa, Simiyu, Makokha, Patrick, Dennis, Moses"),
            _t("Nafula, Nekesa, Naliaka, Nasimiyu, Khisa, Rose, Jackline, Sarah, Violet"),
            _t(
                "Wafula, Wanjala, Barasa, Wekesa, Simiyu, Makokha, Wasike, Juma, Shikuku, "
                "Khaemba, Mukhwana, Nyongesa"
            ),
            weight=0.15,
        ),
        NameGroup(
            "kamba",
            _t("Mutua, Musyoka, Kioko, Mutiso, Wambua, Mwendwa, Nzioka, Benjamin, Charles"),
            _t("Mwende, Nduku, Mumbua, Ndinda, Kavata, Mwikali, Syombua, Josephine"),
            _t("Mutua, Musyoka, Kioko, Mutiso, Wambua, Nzioka, Kilonzo, Munyao, Mulwa, Muli"),
            weight=0.12,
        ),
        NameGroup(
            "swahili_coast",
            _t("Mohamed, Ali, Hassan, Omar, Salim, Bakari, Rashid, Hamisi, Abdalla, Juma"),
            _t("Fatuma, Mwanajuma, Zawadi, Rehema, Amina, Halima, Mwanaisha, Salma, Zuhura"),
            _t("Mohamed, Ali, Salim, Bakari, Omar, Hamisi, Said, Abdalla, Mwinyi, Kahindi"),
            weight=0.08,
        ),
    ),
    streets=_t(
        "Moi Avenue, Kenyatta Avenue, Tom Mboya Street, Haile Selassie Avenue, Ngong Road, "
        "Waiyaki Way, Jogoo Road, Kimathi Street, Biashara Street, Ronald Ngala Street, "
        "Mama Ngina Street, Oginga Odinga Street, Uhuru Highway, River Road, Digo Road"
    ),
    address_templates=(
        "{street}, {nb}",
        "{flavour} House, {street}, {nb}",
        "Shop {num2}, {last} Plaza, {nb}",
        "{nb}, P.O. Box {num4}-{postal}",
        "{street}, {nb}, P.O. Box {num4}-{postal}",
        "Near {landmark}, {nb}",
    ),
    flavour=_t(
        "Baraka, Jambo, Upendo, Neema, Harambee, Tumaini, Simba, Amani, Fahari, Jamii, "
        "Mlimani, Nyota, Kilele, Tujenge, Bidii, Faraja"
    ),
    legal_suffixes=_t("Ltd, Enterprises, Limited, Agencies"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, yahoo.com, outlook.com"),
    web_suffixes=_t("co.ke, co.ke, com"),
    directories=_t("yellowpageskenya, businesslist-ke, kenyaplex"),
)

# ---------------------------------------------------------------------------------------
# Cameroon
# ---------------------------------------------------------------------------------------

_CM = CountryInfo(
    **_facts("CM"),
    weight=0.11,
    cities=(
        CityInfo(
            name="Douala",
            latitude=4.0550,
            longitude=9.7200,
            radius_km=8.0,
            neighbourhoods=(
                _nb("Akwa", 4.0480, 9.7020, 0.4),
                _nb("Bonapriso", 4.0300, 9.7000, 0.4),
                _nb("Deïdo", 4.0600, 9.7100, 0.5),
                _nb("Bonamoussadi", 4.0900, 9.7400, 0.7),
                _nb("Makepe", 4.0800, 9.7500, 0.6),
                _nb("New Bell", 4.0350, 9.7150, 0.5),
                _nb("Bépanda", 4.0650, 9.7350, 0.5),
                _nb("Ndokoti", 4.0450, 9.7400, 0.5),
            ),
            weight=3.5,
            landline_prefixes=_t("2334, 2339"),
            name_group_weights=(0.5, 1.0, 0.15, 0.2),
            flavour=_t("Wouri, Ngondo"),
        ),
        CityInfo(
            name="Yaoundé",
            latitude=3.8480,
            longitude=11.5021,
            radius_km=10.0,
            neighbourhoods=(
                _nb("Centre-ville", 3.8670, 11.5170, 0.5),
                _nb("Bastos", 3.8900, 11.5100, 0.6),
                _nb("Mvog-Mbi", 3.8500, 11.5200, 0.6),
                _nb("Essos", 3.8700, 11.5350, 0.6),
                _nb("Biyem-Assi", 3.8350, 11.4850, 0.7),
                _nb("Nlongkak", 3.8800, 11.5200, 0.5),
                _nb("Mokolo", 3.8750, 11.5000, 0.5),
                _nb("Emana", 3.9050, 11.5200, 0.6),
            ),
            weight=3.0,
            landline_prefixes=_t("2222, 2223"),
            name_group_weights=(1.0, 0.5, 0.15, 0.15),
            flavour=_t("Mont Fébé, Sept Collines"),
        ),
        CityInfo(
            name="Bafoussam",
            latitude=5.4778,
            longitude=10.4176,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Centre commercial", 5.4780, 10.4200, 0.5),
                _nb("Tamdja", 5.4850, 10.4100, 0.5),
                _nb("Famla", 5.4700, 10.4050, 0.5),
                _nb("Kouogouo", 5.4900, 10.4300, 0.6),
                _nb("Djeleng", 5.4650, 10.4250, 0.5),
            ),
            weight=0.8,
            landline_prefixes=("2334",),
            name_group_weights=(0.1, 1.0, 0.05, 0.05),
            flavour=_t("Mifi, Grassfield"),
        ),
        CityInfo(
            name="Garoua",
            latitude=9.3014,
            longitude=13.3977,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Centre", 9.3050, 13.3980, 0.5),
                _nb("Roumdé Adjia", 9.3180, 13.3950, 0.6),
                _nb("Yelwa", 9.3250, 13.4050, 0.6),
                _nb("Poumpoumré", 9.3120, 13.4150, 0.6),
                _nb("Lopéré", 9.3300, 13.3850, 0.6),
            ),
            weight=0.7,
            landline_prefixes=("2227",),
            name_group_weights=(0.1, 0.1, 1.0, 0.02),
            flavour=_t("Bénoué, Sahel"),
        ),
        CityInfo(
            name="Bamenda",
            latitude=5.9597,
            longitude=10.1460,
            radius_km=6.0,
            neighbourhoods=(
                _nb("Commercial Avenue", 5.9600, 10.1500, 0.5),
                _nb("Nkwen", 5.9750, 10.1700, 0.6),
                _nb("Mankon", 5.9600, 10.1300, 0.6),
                _nb("Up Station", 5.9450, 10.1550, 0.5),
                _nb("Mile 4 Nkwen", 5.9850, 10.1800, 0.5),
            ),
            weight=0.8,
            landline_prefixes=("2333",),
            language="en",
            name_group_weights=(0.05, 0.2, 0.05, 1.0),
            flavour=_t("Abakwa, Ntarikon"),
        ),
    ),
    phone=PhonePlan(
        calling_code="237",
        trunk_prefix="",
        nsn_length=9,
        mobile_prefixes=_CM_MOBILE,
        national_groupings=((1, 2, 2, 2, 2), (3, 2, 2, 2), (3, 3, 3)),
        international_groupings=((1, 2, 2, 2, 2), (3, 2, 2, 2)),
        fixed_line_share=0.06,
        style_weights=(0.55, 0.22, 0.15, 0.08),
        separators=(" ", " ", " ", "."),
    ),
    name_groups=(
        NameGroup(
            "beti_centre",
            _t(
                "Jean, Paul, Pierre, Emmanuel, Serge, Hervé, Blaise, Martial, Thierry, Yannick, "
                "Christian, Joseph, Landry, Patrice"
            ),
            _t(
                "Marie, Brigitte, Chantal, Josiane, Sandrine, Carine, Solange, Pauline, "
                "Françoise, Nadège, Élise, Clarisse"
            ),
            _t(
                "Mbarga, Nkoulou, Essomba, Ngono, Atangana, Owona, Fouda, Onana, Ondoa, Abena, "
                "Manga, Mvondo, Bella, Ekotto, Ebode, Tsala"
            ),
            weight=0.35,
        ),
        NameGroup(
            "bamileke_douala",
            _t(
                "Jean-Claude, Alain, Bertrand, Samuel, Rodrigue, Armel, Léopold, Cyrille, "
                "Franck, Guy, Brice, Arnaud"
            ),
            _t(
                "Pélagie, Clémence, Cécile, Rosine, Edwige, Murielle, Laure, Gisèle, Odile, "
                "Patricia, Vanessa"
            ),
            _t(
                "Tchinda, Fotso, Kamga, Tchakounté, Kengne, Tchouamo, Nana, Fokou, Djoumessi, "
                "Nguemo, Kemajou, Tagne, Wamba, Ekwalla, Ebongue, Doumbe, Ekambi, Eboa, Ngando"
            ),
            weight=0.35,
        ),
        NameGroup(
            "fulbe_north",
            _t("Aboubakar, Hamadou, Oumarou, Bouba, Hayatou, Adamou, Ibrahim, Moussa, Alim"),
            _t("Aïssatou, Hadja, Halimatou, Kaltoumi, Djaïratou, Hawaou, Maïmouna, Ramatou"),
            _t("Oumarou, Bouba, Hamadou, Bello, Hayatou, Moussa, Ahmadou, Alim, Yaya, Dahirou"),
            weight=0.15,
        ),
        NameGroup(
            "anglophone_northwest",
            _t("Godlove, Divine, Emmanuel, Clovis, Ernest, Elvis, Derick, Julius, Fidelis"),
            _t("Blessing, Peace, Mercy, Precious, Relindis, Bih, Gwendoline, Glory, Enanga"),
            _t("Che, Ngwa, Tanyi, Fru, Ndi, Ambe, Neba, Tabi, Nfor, Awah, Fon, Ngu, Tamfu"),
            weight=0.15,
        ),
    ),
    streets=_t(
        "Boulevard de la Liberté, Rue Joss, Avenue Kennedy, Boulevard du 20 Mai, "
        "Avenue Charles de Gaulle, Boulevard Ahmadou Ahidjo, Rue Njo-Njo, Rue Tokoto, "
        "Avenue Douala Manga Bell, Rue de Nachtigal, Boulevard de l'Unité, Rue des Écoles"
    ),
    address_templates=(
        "{street}, {nb}",
        "Carrefour {nb}, en face {landmark}",
        "{nb}, près {landmark}",
        "{nb}, BP {num4}",
        "{nb}, {street}, immeuble {flavour}",
    ),
    flavour=_t(
        "Espoir, Grâce, Wouri, Sanaga, Émergence, Bonheur, Providence, Succès, La Référence, "
        "Mont Cameroun, Lions, Saint Michel, Excellence, Bonne Foi, Dieu Merci, Ndolo"
    ),
    legal_suffixes=_t("SARL, SA, SARLU"),
    email_domains=_t("gmail.com, gmail.com, yahoo.fr, yahoo.fr, hotmail.fr"),
    web_suffixes=_t("cm, com, com"),
    directories=_t("goafricaonline, annuaire-cameroun, cameroun-pages"),
)

# ---------------------------------------------------------------------------------------
# Morocco
# ---------------------------------------------------------------------------------------

_MA = CountryInfo(
    **_facts("MA"),
    weight=0.1,
    cities=(
        CityInfo(
            name="Casablanca",
            latitude=33.5731,
            longitude=-7.5898,
            radius_km=12.0,
            neighbourhoods=(
                _nb("Maârif", 33.5850, -7.6320, 0.7),
                _nb("Gauthier", 33.5900, -7.6250, 0.4),
                _nb("Derb Sultan", 33.5700, -7.6000, 0.7),
                _nb("Hay Hassani", 33.5650, -7.6700, 0.8),
                _nb("Sidi Maârouf", 33.5300, -7.6450, 0.8),
                _nb("Aïn Sebaâ", 33.5980, -7.5350, 0.5),
                _nb("Hay Mohammadi", 33.5850, -7.5700, 0.6),
                _nb("Bourgogne", 33.5960, -7.6400, 0.4),
            ),
            weight=4.0,
            landline_prefixes=_t("520, 522"),
            postal_code="20000",
            name_group_weights=(1.0, 0.3),
            flavour=_t("Dar Beida, Anfa"),
        ),
        CityInfo(
            name="Rabat",
            latitude=34.0000,
            longitude=-6.8400,
            radius_km=7.0,
            neighbourhoods=(
                _nb("Agdal", 33.9990, -6.8480, 0.6),
                _nb("Hassan", 34.0180, -6.8280, 0.5),
                _nb("Hay Riad", 33.9600, -6.8700, 0.8),
                _nb("Souissi", 33.9800, -6.8300, 0.7),
                _nb("Hay Nahda", 33.9850, -6.8100, 0.5),
            ),
            weight=1.5,
            landline_prefixes=("537",),
            postal_code="10000",
            name_group_weights=(1.0, 0.3),
            flavour=_t("Chellah, Oudayas"),
        ),
        CityInfo(
            name="Marrakech",
            latitude=31.6295,
            longitude=-7.9811,
            radius_km=9.0,
            neighbourhoods=(
                _nb("Guéliz", 31.6340, -8.0100, 0.7),
                _nb("Médina", 31.6300, -7.9890, 0.7),
                _nb("Hivernage", 31.6230, -8.0130, 0.5),
                _nb("Daoudiate", 31.6500, -8.0050, 0.6),
                _nb("Sidi Youssef Ben Ali", 31.6120, -7.9650, 0.6),
                _nb("M'Hamid", 31.5950, -8.0400, 0.8),
                _nb("Massira", 31.6100, -8.0550, 0.7),
            ),
            weight=1.5,
            landline_prefixes=_t("5243, 5244"),
            postal_code="40000",
            name_group_weights=(0.8, 0.7),
            flavour=_t("Koutoubia, Menara, Majorelle"),
        ),
        CityInfo(
            name="Fès",
            latitude=34.0331,
            longitude=-5.0003,
            radius_km=7.0,
            neighbourhoods=(
                _nb("Fès el-Bali", 34.0640, -4.9730, 0.6),
                _nb("Ville Nouvelle", 34.0370, -5.0000, 0.7),
                _nb("Saïss", 34.0050, -5.0050, 0.7),
                _nb("Narjiss", 34.0200, -4.9700, 0.6),
                _nb("Zouagha", 34.0300, -5.0300, 0.6),
                _nb("Atlas", 34.0250, -4.9900, 0.5),
            ),
            weight=1.3,
            landline_prefixes=_t("5356, 5359"),
            postal_code="30000",
            name_group_weights=(1.0, 0.25),
            flavour=_t("Fassi, Qaraouiyine"),
        ),
        CityInfo(
            name="Meknès",
            latitude=33.8935,
            longitude=-5.5473,
            radius_km=5.0,
            neighbourhoods=(
                _nb("Hamria", 33.8950, -5.5400, 0.6),
                _nb("Médina", 33.8950, -5.5650, 0.5),
                _nb("Marjane", 33.8700, -5.5300, 0.7),
                _nb("Bassatine", 33.9050, -5.5250, 0.6),
                _nb("Sidi Baba", 33.8800, -5.5700, 0.6),
            ),
            weight=0.8,
            landline_prefixes=("5355",),
            postal_code="50000",
            name_group_weights=(1.0, 0.4),
            flavour=_t("Bab Mansour, Ismaïlia"),
        ),
    ),
    phone=PhonePlan(
        calling_code="212",
        trunk_prefix="0",
        nsn_length=9,
        mobile_prefixes=_t("60, 61, 62, 63, 64, 65, 66, 67, 69, 70, 76, 77, 78"),
        national_groupings=((2, 2, 2, 2, 2), (2, 2, 2, 2, 2), (4, 6)),
        international_groupings=((1, 2, 2, 2, 2), (3, 6)),
        fixed_line_share=0.22,
        style_weights=(0.6, 0.2, 0.13, 0.07),
        separators=(" ", " ", " ", ".", "-"),
    ),
    name_groups=(
        NameGroup(
            "arab",
            _t(
                "Mohamed, Ahmed, Youssef, Hamza, Mehdi, Omar, Karim, Rachid, Saïd, Abdelaziz, "
                "Hicham, Anas, Othmane, Ayoub, Ilyas, Adil, Khalid, Nabil, Abdellah, Mustapha"
            ),
            _t(
                "Fatima, Khadija, Salma, Meryem, Imane, Hajar, Nadia, Siham, Zineb, Loubna, "
                "Houda, Asmae, Sanae, Ghizlane, Samira, Kawtar, Nawal, Hanane"
            ),
            _t(
                "Alaoui, El Idrissi, Bennani, Benjelloun, Tazi, Berrada, Chraibi, El Fassi, "
                "Benkirane, Lahlou, Sqalli, El Amrani, Mansouri, El Ouazzani, Naciri, Kettani, "
                "Filali, Cherkaoui, Bouazzaoui, Lamrani, Benali, Zerouali"
            ),
            weight=0.65,
        ),
        NameGroup(
            "amazigh",
            _t(
                "Lahcen, Brahim, Mohamed, Hassan, Idir, Aksil, Massinissa, Yuba, Anir, Moha, "
                "Ali, Driss, Hammou"
            ),
            _t("Tiziri, Dihya, Itto, Tanirt, Tafsut, Fadma, Aicha, Ijja, Tilelli, Yamna"),
            _t(
                "Ait Lahcen, Ouali, Oubella, Ouhammou, Ait El Haj, Amellal, Ouakrim, Bouzid, "
                "Id Brahim, Ait Taleb, Oukhouya, Azouz, Ait Ouahmane, Amzil, Akdim, Outaleb"
            ),
            weight=0.35,
        ),
    ),
    streets=_t(
        "Boulevard Mohammed V, Avenue Hassan II, Boulevard Zerktouni, Rue Allal Ben Abdellah, "
        "Avenue des FAR, Boulevard Anfa, Rue Ibn Batouta, Avenue Mohammed VI, "
        "Boulevard Abdelmoumen, Rue Moulay Idriss, Avenue Allal El Fassi, Boulevard Ghandi"
    ),
    address_templates=(
        "{num}, {street}, {nb}",
        "{num}, Rue {num2}, {nb}",
        "Résidence {flavour}, Imm {num2}, Appt {num3}, {nb}",
        "{num}, {street}, {nb}, {postal}",
        "Lot {num}, {nb}",
    ),
    flavour=_t(
        "Atlas, Al Amal, Annour, Al Baraka, Essaada, Zitoune, Andalous, Al Fath, Assalam, "
        "Al Wafa, Yasmine, Al Boustane, Al Manar, Riad, Ennasr, Al Khayr"
    ),
    legal_suffixes=_t("SARL, SARL AU, SA"),
    email_domains=_t("gmail.com, gmail.com, hotmail.com, hotmail.fr, yahoo.fr, menara.ma"),
    web_suffixes=_t("ma, ma, com"),
    directories=_t("pagesjaunes-ma, telecontact, kerix"),
)

# ---------------------------------------------------------------------------------------
# South Africa
# ---------------------------------------------------------------------------------------

_ZA = CountryInfo(
    **_facts("ZA"),
    weight=0.09,
    cities=(
        CityInfo(
            name="Johannesburg",
            latitude=-26.2041,
            longitude=28.0473,
            radius_km=18.0,
            neighbourhoods=(
                _nb("Braamfontein", -26.1940, 28.0340, 0.6),
                _nb("Sandton", -26.1070, 28.0570, 1.0),
                _nb("Soweto", -26.2360, 27.9080, 1.0),
                _nb("Rosebank", -26.1460, 28.0420, 0.6),
                _nb("Melville", -26.1760, 28.0090, 0.5),
                _nb("Hillbrow", -26.1900, 28.0480, 0.5),
                _nb("Fordsburg", -26.2070, 28.0220, 0.5),
                _nb("Maboneng", -26.2040, 28.0580, 0.4),
            ),
            weight=3.0,
            landline_prefixes=("11",),
            postal_code="2001",
            name_group_weights=(1.0, 1.0, 0.3, 0.2, 0.15),
            flavour=_t("Jozi, Egoli, Gold Reef"),
        ),
        CityInfo(
            name="Cape Town",
            latitude=-33.9249,
            longitude=18.4241,
            radius_km=28.0,
            neighbourhoods=(
                _nb("City Bowl", -33.9240, 18.4200, 0.5),
                _nb("Woodstock", -33.9290, 18.4470, 0.4),
                _nb("Observatory", -33.9380, 18.4700, 0.5),
                _nb("Bellville", -33.9000, 18.6300, 1.0),
                _nb("Khayelitsha", -34.0380, 18.6800, 1.0),
                _nb("Gugulethu", -33.9800, 18.5700, 0.7),
                _nb("Claremont", -33.9800, 18.4650, 0.6),
                _nb("Mitchells Plain", -34.0450, 18.6200, 0.8),
            ),
            weight=2.2,
            landline_prefixes=_t("210, 211, 212, 213, 215, 216, 217, 218, 219"),
            postal_code="8001",
            name_group_weights=(0.9, 0.1, 0.6, 1.0, 0.05),
            flavour=_t("Kaap, Table Mountain, Mother City"),
        ),
        CityInfo(
            name="Durban",
            latitude=-29.8587,
            longitude=31.0218,
            radius_km=19.5,
            neighbourhoods=(
                _nb("Berea", -29.8500, 31.0000, 0.6),
                _nb("Glenwood", -29.8700, 30.9900, 0.5),
                _nb("Morningside", -29.8300, 31.0100, 0.5),
                _nb("Umlazi", -29.9700, 30.8900, 1.0),
                _nb("Pinetown", -29.8150, 30.8600, 0.8),
                _nb("Chatsworth", -29.9120, 30.8850, 0.8),
            ),
            weight=1.8,
            landline_prefixes=("31",),
            postal_code="4001",
            name_group_weights=(1.2, 0.1, 0.2, 0.2, 1.0),
            flavour=_t("eThekwini, Golden Mile"),
        ),
        CityInfo(
            name="Pretoria",
            latitude=-25.7479,
            longitude=28.2293,
            radius_km=15.0,
            neighbourhoods=(
                _nb("Pretoria CBD", -25.7460, 28.1880, 0.6),
                _nb("Arcadia", -25.7450, 28.2150, 0.5),
                _nb("Hatfield", -25.7480, 28.2380, 0.5),
                _nb("Sunnyside", -25.7590, 28.2050, 0.5),
                _nb("Brooklyn", -25.7700, 28.2380, 0.5),
                _nb("Mamelodi", -25.7110, 28.3580, 1.0),
                _nb("Centurion", -25.8600, 28.1880, 1.0),
            ),
            weight=1.6,
            landline_prefixes=_t("120, 121, 123, 125, 126, 127, 128, 129"),
            postal_code="0002",
            name_group_weights=(0.4, 1.2, 1.0, 0.3, 0.1),
            flavour=_t("Tshwane, Jacaranda, Union"),
        ),
        CityInfo(
            name="Bloemfontein",
            latitude=-29.1167,
            longitude=26.2167,
            radius_km=8.0,
            neighbourhoods=(
                _nb("Bloemfontein CBD", -29.1170, 26.2150, 0.5),
                _nb("Westdene", -29.1100, 26.2000, 0.5),
                _nb("Willows", -29.1250, 26.2100, 0.5),
                _nb("Brandwag", -29.1000, 26.1950, 0.5),
                _nb("Bayswater", -29.0850, 26.2300, 0.6),
                _nb("Batho", -29.1450, 26.2500, 0.6),
            ),
            weight=0.8,
            landline_prefixes=("51",),
            postal_code="9301",
            name_group_weights=(0.2, 1.2, 1.0, 0.2, 0.05),
            flavour=_t("Mangaung, Rose City"),
        ),
    ),
    phone=PhonePlan(
        calling_code="27",
        trunk_prefix="0",
        nsn_length=9,
        mobile_prefixes=_t(
            "60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 76, 78, 79, 81, 82, 83, 84"
        ),
        national_groupings=((3, 3, 4),),
        international_groupings=((2, 3, 4),),
        fixed_line_share=0.2,
        style_weights=(0.55, 0.2, 0.17, 0.08),
        separators=(" ", " ", " ", "-"),
    ),
    name_groups=(
        NameGroup(
            "nguni",
            _t(
                "Sipho, Themba, Mandla, Bongani, Sibusiso, Nkosinathi, Siyabonga, Xolani, Lwazi, "
                "Luthando, Sizwe, Mthunzi, Andile, Lungile"
            ),
            _t(
                "Thandiwe, Nomvula, Zanele, Nokuthula, Lindiwe, Ayanda, Siphokazi, Nomsa, "
                "Thandeka, Ntombi, Zodwa, Nandi, Busisiwe, Noluthando"
            ),
            _t(
                "Dlamini, Nkosi, Ndlovu, Khumalo, Mkhize, Zulu, Ngcobo, Buthelezi, Mthembu, "
                "Shabalala, Zungu, Cele, Mahlangu, Sithole, Dube, Mabaso, Mthethwa, Ntshona, "
                "Booi, Jali, Mgoduka"
            ),
            weight=0.35,
        ),
        NameGroup(
            "sotho_tswana",
            _t("Thabo, Tumelo, Kagiso, Tshepo, Lerato, Katlego, Neo, Mpho, Lebogang, Karabo"),
            _t("Palesa, Dineo, Refilwe, Mpho, Boitumelo, Kgomotso, Nthabiseng, Keabetswe"),
            _t(
                "Mokoena, Molefe, Motaung, Mofokeng, Tshabalala, Maseko, Radebe, Modise, Tau, "
                "Moloi, Phiri, Sebego, Masilela, Letsoalo, Mokgosi"
            ),
            weight=0.3,
        ),
        NameGroup(
            "afrikaans",
            _t("Johan, Pieter, Willem, Marthinus, Hendrik, Jacques, Francois, Riaan, Gerhard"),
            _t("Anri, Elna, Marietjie, Annelie, Liezl, Charlene, Suné, Elmarie, Ilse"),
            _t(
                "van der Merwe, Botha, Pretorius, du Plessis, Nel, Venter, Coetzee, Steyn, "
                "Joubert, van Wyk, Fourie, Kruger, Swanepoel, le Roux"
            ),
            weight=0.15,
        ),
        NameGroup(
            "cape_english",
            _t("Michael, Ashley, Shaun, Clinton, Ridwaan, Faiek, Brandon, Keegan, Mark"),
            _t("Sarah, Chantel, Natasha, Fatima, Nadia, Shireen, Michelle, Bronwyn, Kelly"),
            _t(
                "Adams, Petersen, Jacobs, Williams, Hendricks, Isaacs, Davids, Abrahams, "
                "Smith, Johnson, Daniels, Arendse, September, Solomons"
            ),
            weight=0.12,
        ),
        NameGroup(
            "indian_durban",
            _t("Pravin, Rajesh, Kevin, Yusuf, Vishal, Dinesh, Ashwin, Sanjay, Imraan"),
            _t("Priya, Kavitha, Nirasha, Ayesha, Sharon, Shamila, Reshma, Anusha, Thershni"),
            _t("Naidoo, Pillay, Govender, Reddy, Moodley, Chetty, Singh, Maharaj, Moosa, Patel"),
            weight=0.08,
        ),
    ),
    streets=_t(
        "Main Road, Jan Smuts Avenue, Church Street, Voortrekker Road, Long Street, Oxford Road, "
        "Louis Botha Avenue, Beyers Naudé Drive, Rivonia Road, Pretorius Street, Florida Road, "
        "Klipfontein Road, Steve Biko Road, Vilakazi Street, Commissioner Street"
    ),
    address_templates=(
        "{num} {street}, {nb}, {postal}",
        "{num} {street}, {nb}",
        "Shop {num2}, {flavour} Centre, {street}, {nb}",
        "Unit {num2}, {flavour} Park, {nb}",
        "{num} {last} Street, {nb}",
    ),
    flavour=_t(
        "Ubuntu, Mzansi, Sunrise, Protea, Rainbow, Khaya, Masakhane, Kasi, Golden Gate, "
        "Phakama, Siyakhula, Msunduzi, Karoo, Baobab, Umoya, Thembalethu"
    ),
    legal_suffixes=_t("(Pty) Ltd, (Pty) Ltd, CC, Trading"),
    email_domains=_t("gmail.com, gmail.com, gmail.com, webmail.co.za, mweb.co.za, telkomsa.net"),
    web_suffixes=_t("co.za, co.za, com"),
    directories=_t("yellowpages-za, brabys, snupit"),
)

COUNTRY_LIST: tuple[CountryInfo, ...] = (_SN, _CI, _NG, _GH, _KE, _CM, _MA, _ZA)
"""Catalog order; it is also the order the generator uses, which keeps output stable."""

# ---------------------------------------------------------------------------------------
# Language-level address fragments
# ---------------------------------------------------------------------------------------

LANDMARKS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # French forms already carry "de"/"du" so templates can say "en face {landmark}".
        "fr": _t(
            "du marché central, de la grande mosquée, de la pharmacie, de l'église, "
            "de la station Total, de l'école primaire, du rond-point, de la gare routière, "
            "de la poste, de la boulangerie, du commissariat, de la mairie"
        ),
        "en": _t(
            "the main market, the central mosque, the Total filling station, the post office, "
            "the police station, the primary school, the Catholic church, the bus stop, "
            "the roundabout, the district hospital, the bank, the taxi rank"
        ),
    }
)

# ---------------------------------------------------------------------------------------
# Sectors
#
# Patterns use {first} {last} (owner), {flavour} (country/city word), {trade} (a word from
# the sector's trade list in the business language), {nb} and {city}. Trade lists multiply
# the name space so that thousands of shops per city rarely need disambiguation.
# ---------------------------------------------------------------------------------------


def _sector(
    sector_id: str,
    *,
    weight: float,
    trades_en: str,
    trades_fr: str,
    patterns_en: tuple[str, ...],
    patterns_fr: tuple[str, ...],
    country_patterns: dict[str, tuple[str, ...]] | None = None,
    female_share: float = 0.4,
    b2b: bool = False,
    landline_factor: float = 1.0,
) -> SectorInfo:
    sector = SECTORS[sector_id]  # the product's sectors: the demo only adds naming habits
    return SectorInfo(
        id=sector_id,
        label_en=sector.label_en,
        label_fr=sector.label_fr,
        weight=weight,
        trades_en=_t(trades_en),
        trades_fr=_t(trades_fr),
        patterns_en=patterns_en,
        patterns_fr=patterns_fr,
        country_patterns=MappingProxyType(dict(country_patterns or {})),
        female_share=female_share,
        b2b=b2b,
        landline_factor=landline_factor,
    )


_SECTOR_LIST: tuple[SectorInfo, ...] = (
    _sector(
        "restaurant",
        weight=1.6,
        trades_en="Kitchen, Restaurant, Eatery, Grill & Bar, Food Joint, Canteen, Food Spot, Diner",
        trades_fr="Restaurant, Resto, Snack-Bar, Cafétéria, Restaurant-Bar, Grill",
        patterns_en=(
            "Mama {first}'s Kitchen",
            "{first}'s {trade}",
            "{flavour} {trade}",
            "{last} {trade}",
            "{first}'s Place",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} Chez {first}",
            "Chez {first}",
            "{trade} {flavour}",
            "Le Délice de {first}",
            "{trade} {first} {last}",
            "Chez {first} {last}",
            "{trade} Le Délice de {first}",
        ),
        country_patterns={
            "SN": ("Dibiterie {last}", "Dibiterie {flavour}", "Restaurant Teranga {first}"),
            "CI": ("Maquis {flavour}", "Maquis Chez {first}", "Garbadrome {first}"),
            "NG": ("Mama {first} Buka", "{flavour} Amala Spot", "{first}'s Pepper Soup Joint"),
            "GH": ("{first}'s Chop Bar", "{flavour} Chop Bar", "Auntie {first}'s Waakye"),
            "KE": ("{flavour} Nyama Choma", "{first}'s Hotel & Butchery"),
            "CM": ("Chez {first} Poisson Braisé", "Snack-Bar {flavour}"),
            "MA": ("Café Restaurant {flavour}", "Snack {flavour}", "Restaurant Dar {last}"),
            "ZA": ("{flavour} Shisanyama", "{first}'s Braai Spot", "{flavour} Kota Corner"),
        },
        female_share=0.55,
    ),
    _sector(
        "hair_salon",
        weight=1.4,
        trades_en=(
            "Hair Salon, Unisex Salon, Beauty Palace, Barbershop, Hair Studio, Beauty Salon, "
            "Hair & Beauty, Hair Empire"
        ),
        trades_fr="Salon de Coiffure, Coiffure, Institut de Beauté, Salon, Coiffure & Esthétique",
        patterns_en=(
            "{first}'s {trade}",
            "{flavour} {trade}",
            "{first} {trade}",
            "Classic Cuts by {first}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {first} Beauté",
            "{trade} {first}",
            "{flavour} Coiff",
            "{trade} {flavour}",
            "Coiffure {first} & Style",
            "{trade} Chez {first}",
        ),
        country_patterns={
            "KE": ("{first} Kinyozi", "{flavour} Kinyozi & Salon"),
            "NG": ("{first} Braids & Weaves",),
        },
        female_share=0.75,
    ),
    _sector(
        "grocery",
        weight=1.8,
        trades_en=(
            "Provision Store, Mini Mart, Supermarket, Grocery, Provisions, Stores, "
            "General Store, Foodstuffs"
        ),
        trades_fr="Boutique, Alimentation, Épicerie, Superette, Alimentation Générale, Dépôt",
        patterns_en=(
            "{last} {trade}",
            "{flavour} {trade}",
            "{first}'s {trade}",
            "{first} & Sons {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {first}",
            "{trade} {flavour}",
            "{trade} {last}",
            "{trade} {first} {last}",
            "{trade} Chez {first}",
        ),
        country_patterns={
            "KE": ("{last} General Shop", "{flavour} Duka"),
            "ZA": ("{flavour} Spaza Shop", "{first}'s Spaza"),
            "MA": ("Hanout {first}", "Épicerie {flavour}"),
            "SN": ("Boutique Serigne {first}",),
        },
        female_share=0.4,
    ),
    _sector(
        "pharmacy",
        weight=0.7,
        trades_en="Pharmacy, Chemists, Pharmacy & Stores, Pharmaceuticals, Chemist & Drugstore",
        trades_fr="Pharmacie, Grande Pharmacie, Pharmacie Nouvelle",
        patterns_en=(
            "{last} {trade}",
            "{flavour} {trade}",
            "{nb} {trade}",
            "{first} {last} {trade}",
            "{nb} {flavour} {trade}",
        ),
        patterns_fr=(
            "{trade} {flavour}",
            "Pharmacie {nb}",
            "Grande Pharmacie de {city}",
            "Pharmacie {first} {last}",
            "Pharmacie du Marché {nb}",
            "{trade} {flavour} {nb}",
        ),
        country_patterns={"KE": ("{last} Chemist",)},
        female_share=0.5,
        landline_factor=2.5,
    ),
    _sector(
        "hardware",
        weight=1.0,
        trades_en=(
            "Hardware, Hardware & General Stores, Building Materials, Hardware & Paints, "
            "Iron & Steel, Plumbing & Electricals"
        ),
        trades_fr="Quincaillerie, Quincaillerie Générale, Matériaux, Quincaillerie Moderne",
        patterns_en=(
            "{last} {trade}",
            "{flavour} {trade}",
            "{first} {trade}",
            "{first} {last} {trade}",
            "{last} & Sons {trade}",
        ),
        patterns_fr=(
            "Quincaillerie {flavour} Matériaux",
            "{trade} {last} et Frères",
            "{trade} {first}",
            "{flavour} Matériaux",
            "{trade} {last}",
            "{trade} {first} {last}",
            "{trade} {flavour}",
        ),
        female_share=0.12,
    ),
    _sector(
        "tailor",
        weight=1.1,
        trades_en=(
            "Fashion Designs, Tailoring, Fashion House, Stitches, Couture, Tailoring & Fashion, "
            "Designs"
        ),
        trades_fr="Couture, Atelier de Couture, Maison de Couture, Couture & Mode, Haute Couture",
        patterns_en=(
            "{first} {trade}",
            "{first}'s {trade}",
            "{flavour} {trade}",
            "Tailor {first}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {first}",
            "{first} Couture",
            "{trade} {flavour}",
            "{trade} {first} {last}",
            "Atelier {flavour} Couture",
        ),
        female_share=0.6,
    ),
    _sector(
        "auto_repair",
        weight=0.9,
        trades_en=(
            "Motors Workshop, Auto Repairs, Mechanic Workshop, Auto Garage, Auto Clinic, "
            "Motor Works, Auto Services"
        ),
        trades_fr="Garage, Garage Auto, Mécanique Générale, Auto Service, Garage Mécanique",
        patterns_en=(
            "{last} {trade}",
            "{flavour} {trade}",
            "{first} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {last}",
            "{trade} {flavour}",
            "{trade} {first}",
            "{trade} {first} {last}",
            "Garage {flavour} Auto",
        ),
        female_share=0.05,
    ),
    _sector(
        "electronics",
        weight=0.8,
        trades_en="Electronics, Electronics & Appliances, Home Appliances, Electricals, Digital",
        trades_fr="Électronique, Électroménager, Électro, Électronique & Électroménager",
        patterns_en=(
            "{flavour} {trade}",
            "{last} {trade}",
            "{first} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{flavour} {trade}",
            "{trade} {first}",
            "Ets {last} {trade}",
            "{first} {trade}",
            "{trade} {flavour}",
        ),
        female_share=0.2,
    ),
    _sector(
        "hotel",
        weight=0.5,
        trades_en="Hotel, Guest House, Lodge, Suites, Inn, Apartments, Motel",
        trades_fr="Hôtel, Auberge, Résidence, Hôtel Résidence, Motel, Campement",
        patterns_en=(
            "{flavour} {trade}",
            "{last} {trade}",
            "Hotel {flavour}",
            "{nb} {flavour} {trade}",
        ),
        patterns_fr=(
            "{trade} {flavour}",
            "{trade} {first}",
            "{trade} {last}",
            "{trade} {flavour} {nb}",
        ),
        female_share=0.35,
        landline_factor=3.0,
    ),
    _sector(
        "bakery",
        weight=0.7,
        trades_en=(
            "Bakery, Bakery & Confectioneries, Bread & Confectionery, Bakes, Cakes & Pastries"
        ),
        trades_fr="Boulangerie, Boulangerie-Pâtisserie, Pâtisserie, Boulangerie Moderne",
        patterns_en=(
            "{flavour} {trade}",
            "{first}'s {trade}",
            "{last} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {flavour}",
            "{trade} {first}",
            "{trade} {nb}",
            "{trade} {last}",
            "{trade} {first} {last}",
        ),
        female_share=0.4,
    ),
    _sector(
        "clothing",
        weight=1.2,
        trades_en=(
            "Boutique, Fashion Store, Collections, Clothing, Wardrobe, Fashion World, Outfitters"
        ),
        trades_fr="Prêt-à-porter, Mode, Fashion, Collection, Style, Boutique",
        patterns_en=(
            "{first}'s {trade}",
            "{flavour} {trade}",
            "{first} {trade}",
            "{last} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "Boutique {first} Mode",
            "{flavour} {trade}",
            "{trade} {first}",
            "Boutique {flavour} {trade}",
            "{trade} {first} {last}",
        ),
        country_patterns={"KE": ("{first} Mitumba Stall",)},
        female_share=0.6,
    ),
    _sector(
        "phone_repair",
        weight=1.2,
        trades_en=(
            "Phone Repairs, Mobile Accessories, Phones & Accessories, Gadget Hub, Mobile Clinic, "
            "Phone Doctor, Telecom Services"
        ),
        trades_fr="Téléphonie, Mobile, Phone Service, Cellulaire, Dépannage Téléphone, Télécom",
        patterns_en=(
            "{first} {trade}",
            "{flavour} {trade}",
            "{last} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{first} {trade}",
            "{flavour} {trade}",
            "{trade} {first}",
            "{trade} {flavour}",
        ),
        female_share=0.1,
    ),
    _sector(
        "school",
        weight=0.5,
        trades_en=(
            "International School, Academy, Preparatory School, Nursery & Primary School, "
            "College, Montessori School, Learning Centre"
        ),
        trades_fr=(
            "École Privée, Groupe Scolaire, Cours Privés, Institut, Complexe Scolaire, "
            "École Maternelle"
        ),
        patterns_en=(
            "{flavour} {trade}",
            "{last} {trade}",
            "{city} {flavour} {trade}",
            "{nb} {flavour} {trade}",
        ),
        patterns_fr=(
            "{trade} {flavour}",
            "{trade} {last}",
            "{trade} {first} {last}",
            "{trade} {flavour} de {nb}",
        ),
        female_share=0.45,
        b2b=True,
        landline_factor=2.5,
    ),
    _sector(
        "clinic",
        weight=0.5,
        trades_en=(
            "Medical Centre, Clinic, Hospital, Health Centre, Specialist Clinic, Maternity Home, "
            "Dental Clinic, Eye Clinic"
        ),
        trades_fr=(
            "Clinique, Cabinet Médical, Centre Médical, Cabinet Dentaire, Centre de Santé, "
            "Polyclinique"
        ),
        patterns_en=(
            "{flavour} {trade}",
            "{last} {trade}",
            "{nb} {trade}",
            "{nb} {flavour} {trade}",
        ),
        patterns_fr=(
            "{trade} {flavour}",
            "{trade} {last}",
            "{trade} {nb}",
            "{trade} Dr {last}",
            "{trade} {flavour} de {nb}",
        ),
        female_share=0.4,
        landline_factor=3.0,
    ),
    _sector(
        "transport",
        weight=0.7,
        trades_en=(
            "Transport, Logistics, Travel & Tours, Haulage, Motors, Freight Services, Movers, "
            "Express"
        ),
        trades_fr="Transport, Transit, Logistique, Transport & Logistique, Voyages, Express",
        patterns_en=("{last} {trade}", "{flavour} {trade}", "{first} {last} {trade}"),
        patterns_fr=(
            "{trade} {last}",
            "{flavour} {trade}",
            "{trade} {flavour}",
            "Ets {last} {trade}",
            "{trade} {first} {last}",
        ),
        country_patterns={"KE": ("{flavour} Sacco",)},
        female_share=0.1,
        b2b=True,
    ),
    _sector(
        "construction",
        weight=0.6,
        trades_en=(
            "Construction, Builders, Engineering & Construction, Building Contractors, "
            "Civil Works, Projects"
        ),
        trades_fr="BTP, Construction, Bâtiment, Génie Civil, Bâtiment & Travaux Publics",
        patterns_en=("{last} {trade}", "{flavour} {trade}", "{first} {last} {trade}"),
        patterns_fr=(
            "{flavour} {trade}",
            "Entreprise {last} {trade}",
            "{last} {trade}",
            "Société {flavour} {trade}",
        ),
        female_share=0.08,
        b2b=True,
        landline_factor=1.5,
    ),
    _sector(
        "consulting",
        weight=0.4,
        trades_en=(
            "Consulting, Advisory, & Associates, Consultants, Management Consultants, "
            "Business Services"
        ),
        trades_fr="Conseil, Consulting, Expertise, & Associés, Audit & Conseil, Partners",
        patterns_en=("{last} {trade}", "{flavour} {trade}", "{first} {last} {trade}"),
        patterns_fr=(
            "Cabinet {last} {trade}",
            "{flavour} {trade}",
            "{last} {trade}",
            "Cabinet {flavour} {trade}",
        ),
        female_share=0.35,
        b2b=True,
        landline_factor=2.0,
    ),
    _sector(
        "printing",
        weight=0.4,
        trades_en="Printers, Printing Press, Print & Branding, Graphics, Prints, Designs & Prints",
        trades_fr="Imprimerie, Print, Sérigraphie, Impression, Reprographie",
        patterns_en=(
            "{flavour} {trade}",
            "{last} {trade}",
            "{first} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=("{trade} {flavour}", "{flavour} {trade}", "{trade} {last}", "{trade} {first}"),
        female_share=0.2,
        b2b=True,
    ),
    _sector(
        "cosmetics",
        weight=0.8,
        trades_en=(
            "Cosmetics, Beauty Shop, Beauty World, Cosmetics & Perfumes, Beauty Supplies, Skincare"
        ),
        trades_fr="Cosmétiques, Beauté, Parfumerie, Cosmétiques & Parfums, Beauty",
        patterns_en=(
            "{first} {trade}",
            "{flavour} {trade}",
            "{first}'s {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{first} {trade}",
            "{flavour} {trade}",
            "{trade} {flavour}",
            "Boutique {first} {trade}",
        ),
        female_share=0.8,
    ),
    _sector(
        "furniture",
        weight=0.6,
        trades_en=(
            "Furniture, Furniture Works, Furniture & Interiors, Woodworks, Carpentry Workshop, "
            "Home Decor"
        ),
        trades_fr="Menuiserie, Meubles, Ébénisterie, Menuiserie Bois, Ameublement, Décoration",
        patterns_en=(
            "{last} {trade}",
            "{flavour} {trade}",
            "{first} {trade}",
            "{first} {last} {trade}",
        ),
        patterns_fr=(
            "{trade} {last}",
            "{trade} {flavour}",
            "{trade} {first}",
            "{trade} {first} {last}",
        ),
        female_share=0.1,
    ),
)

SECTOR_LIST: tuple[SectorInfo, ...] = _SECTOR_LIST

# ---------------------------------------------------------------------------------------
# Records metadata vocabularies
# ---------------------------------------------------------------------------------------

TAG_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("delivery", 1.0),
    ("mobile_money", 1.0),
    ("market", 0.8),
    ("referral", 0.7),
    ("new_opening", 0.6),
    ("wholesale", 0.5),
    ("vip", 0.35),
    ("women_led", 0.5),
    ("family_business", 0.5),
    ("export", 0.15),
)
"""Small, stable tag vocabulary; weights give a realistic mix rather than uniform noise."""

SOURCE_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("google_maps", 0.40),
    ("facebook", 0.22),
    ("openstreetmap", 0.12),
    ("directory", 0.12),
    ("manual", 0.10),
    ("linkedin", 0.04),
)
"""Where leads come from for walk-in trades; LinkedIn matters only for B2B sectors."""

SOURCE_WEIGHTS_B2B: tuple[tuple[str, float], ...] = (
    ("google_maps", 0.34),
    ("facebook", 0.14),
    ("openstreetmap", 0.08),
    ("directory", 0.16),
    ("manual", 0.08),
    ("linkedin", 0.20),
)
