"""The words a Text Search (New) query uses for each sector, in English and in French.

The product's sector labels (``domain.sectors``) are written for screens ("Grocery",
"BTP", "Conseil"); a search engine wants the words people put on a shop front or type in a
search box ("grocery store", "entreprise de BTP", "cabinet de conseil"). French is used
when the user's language is French: in Dakar or Abidjan the businesses are listed in French.

The query holds the sector words only, never the city: Google documents that "The
locationBias parameter can be overridden if the textQuery contains an explicit location"
(https://developers.google.com/maps/documentation/places/web-service/text-search), and
the circle is what makes a district search return that district's businesses.

A sector typed by the user that is not in the table is searched as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from localpro_desktop.domain.sectors import SECTORS

QUERY_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "restaurant": ("restaurant", "restaurant"),
        "hair_salon": ("hair salon", "salon de coiffure"),
        "grocery": ("grocery store", "alimentation générale"),
        "pharmacy": ("pharmacy", "pharmacie"),
        "hardware": ("hardware store", "quincaillerie"),
        "tailor": ("tailor", "couturier"),
        "auto_repair": ("car repair garage", "garage automobile"),
        "electronics": ("electronics store", "magasin d'électronique"),
        "hotel": ("hotel", "hôtel"),
        "bakery": ("bakery", "boulangerie"),
        "clothing": ("clothing store", "boutique de vêtements"),
        "phone_repair": ("phone repair shop", "réparation de téléphones"),
        "school": ("school", "école"),
        "clinic": ("medical clinic", "clinique"),
        "transport": ("transport company", "société de transport"),
        "construction": ("construction company", "entreprise de BTP"),
        "consulting": ("consulting firm", "cabinet de conseil"),
        "printing": ("printing shop", "imprimerie"),
        "cosmetics": ("cosmetics shop", "boutique de cosmétiques"),
        "furniture": ("furniture store", "menuiserie meubles"),
    }
)
"""Sector key -> (English words, French words)."""


def query_words(sector_key: str, language: str = "en") -> str:
    """The words to search for ``sector_key`` in ``language`` ("fr…" is French, else English)."""
    french = language.lower().startswith("fr")
    words = QUERY_WORDS.get(sector_key)
    if words is not None:
        return words[1] if french else words[0]
    sector = SECTORS.get(sector_key)
    if sector is not None:
        return sector.label(language).lower()
    text = " ".join(sector_key.replace("_", " ").split())
    if not text:
        raise ValueError("a sector is needed to search")
    return text
