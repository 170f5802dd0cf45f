"""The countries LocalPro supports: code, names, default currency, language and time zone.

The product's one list (settings, sign-up, forms, the demo data): a workspace in one of
these countries gets its currency and time zone by default. Numbers of any other country
are still accepted; only these are offered.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166 alpha-2
    name_en: str
    name_fr: str
    currency: str  # ISO 4217
    language: str  # the language most businesses write in ("en" or "fr")
    timezone: str  # IANA

    def name(self, language: str) -> str:
        """The name in the UI language; English for anything but French."""
        return self.name_fr if language.lower().startswith("fr") else self.name_en


COUNTRY_LIST: tuple[Country, ...] = (
    Country("SN", "Senegal", "Sénégal", "XOF", "fr", "Africa/Dakar"),
    Country("CI", "Côte d'Ivoire", "Côte d'Ivoire", "XOF", "fr", "Africa/Abidjan"),
    Country("NG", "Nigeria", "Nigeria", "NGN", "en", "Africa/Lagos"),
    Country("GH", "Ghana", "Ghana", "GHS", "en", "Africa/Accra"),
    Country("KE", "Kenya", "Kenya", "KES", "en", "Africa/Nairobi"),
    Country("CM", "Cameroon", "Cameroun", "XAF", "fr", "Africa/Douala"),
    Country("MA", "Morocco", "Maroc", "MAD", "fr", "Africa/Casablanca"),
    Country("ZA", "South Africa", "Afrique du Sud", "ZAR", "en", "Africa/Johannesburg"),
)

COUNTRIES: Mapping[str, Country] = MappingProxyType({c.code: c for c in COUNTRY_LIST})
"""ISO code -> country, in the product's order."""


def country(code: str) -> Country | None:
    """The supported country with this code (any case), or None."""
    return COUNTRIES.get(code.strip().upper())
