"""The product's sectors: stable keys stored on records, with English and French labels.

One list for the forms, the filters, the analytics, the import and the demo data. A record
stores the key ("hardware"); screens show the label in the user's language. A sector typed
by hand that is not in the list is kept and shown as typed.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Sector:
    key: str
    label_en: str
    label_fr: str

    def label(self, language: str) -> str:
        """The label in the UI language; English for anything but French."""
        return self.label_fr if language.lower().startswith("fr") else self.label_en


SECTOR_LIST: tuple[Sector, ...] = (
    Sector("restaurant", "Restaurant", "Restaurant"),
    Sector("hair_salon", "Hair salon", "Salon de coiffure"),
    Sector("grocery", "Grocery", "Alimentation"),
    Sector("pharmacy", "Pharmacy", "Pharmacie"),
    Sector("hardware", "Hardware store", "Quincaillerie"),
    Sector("tailor", "Tailor", "Couture"),
    Sector("auto_repair", "Auto repair", "Garage automobile"),
    Sector("electronics", "Electronics", "Électronique"),
    Sector("hotel", "Hotel", "Hôtel"),
    Sector("bakery", "Bakery", "Boulangerie"),
    Sector("clothing", "Clothing store", "Boutique de vêtements"),
    Sector("phone_repair", "Phone repair", "Réparation de téléphones"),
    Sector("school", "School", "École"),
    Sector("clinic", "Clinic", "Clinique"),
    Sector("transport", "Transport", "Transport"),
    Sector("construction", "Construction", "BTP"),
    Sector("consulting", "Consulting", "Conseil"),
    Sector("printing", "Printing", "Imprimerie"),
    Sector("cosmetics", "Cosmetics", "Cosmétiques"),
    Sector("furniture", "Furniture", "Menuiserie et meubles"),
)

SECTORS: Mapping[str, Sector] = MappingProxyType({s.key: s for s in SECTOR_LIST})
"""Key -> sector, in the product's order."""


def sector_label(value: str, language: str) -> str:
    """A known key's label in the language; anything else as it was typed."""
    sector = SECTORS.get(value)
    return value if sector is None else sector.label(language)


def sector_key(text: str) -> str | None:
    """The key of a sector typed as its key or either label, ignoring case and accents."""
    return _by_folded_name().get(_fold(text))


@cache
def _by_folded_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for sector in SECTOR_LIST:
        for name in (sector.key, sector.label_en, sector.label_fr):
            names.setdefault(_fold(name), sector.key)
    return names


def _fold(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).replace("_", " ")
