"""What a Text Search (New) request costs: the field mask picks the SKU, the SKU the price.

Google bills each ``places:searchText`` request at the most expensive SKU any field of its
``X-Goog-FieldMask`` belongs to ("You are then billed at the highest SKU applicable to your
request", https://developers.google.com/maps/documentation/places/web-service/usage-and-billing).
Which field belongs to which SKU is listed on the Text Search (New) page, section "FieldMask"
(https://developers.google.com/maps/documentation/places/web-service/text-search): ids are
"Essentials (IDs Only)", names/addresses/locations/business status are "Pro", phone numbers,
website, opening hours and ratings are "Enterprise", reviews and amenities are
"Enterprise + Atmosphere". Each page fetched with a ``pageToken`` is a request of its own.

Prices: the Google Maps Platform core services pricing list
(https://developers.google.com/maps/billing-and-pricing/pricing), per 1,000 requests in USD,
first volume band ("free cap – 100,000"), with the free monthly cap per SKU that replaced
the $200 credit on 1 March 2025. Read on 2026-12-07 through quotations of that page (its
"last updated 2026-09-24" version: "Places API Text Search Enterprise E967-44BC-B44D 1,000
$35.00 $28.00 …"), since the search tool returns excerpts only. Check the page again when
Google announces a price change: ``PRICES_CHECKED`` says when this table was last read.

The estimate shown to the user is deliberately the list price without the free cap: the app
cannot know how much of this month's free requests the key already used elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PRICING_URL = "https://developers.google.com/maps/billing-and-pricing/pricing"
FIELDS_URL = "https://developers.google.com/maps/documentation/places/web-service/text-search"
PRICES_CHECKED = date(2026, 12, 7)


@dataclass(frozen=True, slots=True)
class Sku:
    """One Text Search (New) SKU: its name on Google's bill, rank, price and fields."""

    name: str
    rank: int
    """Higher is dearer; a request is billed at the highest rank among its fields."""
    per_thousand: Decimal
    """USD per 1,000 requests, first volume band (after the free cap)."""
    free_per_month: int | None
    """Requests free each calendar month per billing account (None: unlimited)."""
    fields: frozenset[str]


def _fields(text: str) -> frozenset[str]:
    return frozenset(text.split())


ESSENTIALS_IDS = Sku(
    "Places API Text Search Essentials (IDs Only)",
    0,
    Decimal("0.00"),
    None,
    _fields(
        "places.attributions places.id places.name nextPageToken places.movedPlace"
        " places.movedPlaceId"
    ),
)
PRO = Sku(
    "Places API Text Search Pro",
    1,
    Decimal("32.00"),
    5_000,
    _fields(
        "places.accessibilityOptions places.addressComponents places.addressDescriptor"
        " places.adrFormatAddress places.businessStatus places.containingPlaces"
        " places.displayName places.formattedAddress places.googleMapsLinks"
        " places.googleMapsUri places.iconBackgroundColor places.iconMaskBaseUri"
        " places.location places.openingDate places.photos places.plusCode"
        " places.postalAddress places.primaryType places.primaryTypeDisplayName"
        " places.pureServiceAreaBusiness places.shortFormattedAddress places.searchUri"
        " places.subDestinations places.timeZone places.types places.utcOffsetMinutes"
        " places.viewport"
    ),
)
ENTERPRISE = Sku(
    "Places API Text Search Enterprise",
    2,
    Decimal("35.00"),
    1_000,
    _fields(
        "places.currentOpeningHours places.currentSecondaryOpeningHours"
        " places.internationalPhoneNumber places.nationalPhoneNumber places.priceLevel"
        " places.priceRange places.rating places.regularOpeningHours"
        " places.regularSecondaryOpeningHours places.userRatingCount places.websiteUri"
    ),
)
ENTERPRISE_ATMOSPHERE = Sku(
    "Places API Text Search Enterprise + Atmosphere",
    3,
    Decimal("40.00"),
    1_000,
    _fields(
        "places.allowsDogs places.curbsidePickup places.delivery places.dineIn"
        " places.editorialSummary places.evChargeAmenitySummary places.evChargeOptions"
        " places.fuelOptions places.generativeSummary places.goodForChildren"
        " places.goodForGroups places.goodForWatchingSports places.liveMusic"
        " places.menuForChildren places.neighborhoodSummary places.parkingOptions"
        " places.paymentOptions places.outdoorSeating places.reservable places.restroom"
        " places.reviews places.reviewSummary routingSummaries places.servesBeer"
        " places.servesBreakfast places.servesBrunch places.servesCocktails"
        " places.servesCoffee places.servesDessert places.servesDinner places.servesLunch"
        " places.servesVegetarianFood places.servesWine places.takeout"
    ),
)

SKUS: tuple[Sku, ...] = (ESSENTIALS_IDS, PRO, ENTERPRISE, ENTERPRISE_ATMOSPHERE)
"""One row per Text Search (New) SKU, cheapest first."""

_SKU_OF_FIELD: dict[str, Sku] = {field: sku for sku in SKUS for field in sku.fields}


def split_field_mask(mask: str | Iterable[str]) -> tuple[str, ...]:
    """``"places.id,places.displayName"`` -> its fields (spaces are not allowed by Google)."""
    parts = mask.split(",") if isinstance(mask, str) else list(mask)
    return tuple(part.strip() for part in parts if part.strip())


def sku_of_field(field: str) -> Sku:
    """The SKU one field mask entry bills at; a sub-field (``places.regularOpeningHours
    .weekdayDescriptions``) bills as its field. ``ValueError`` for a field not in Google's
    list: an estimate must never be silently low."""
    if field == "*":
        return ENTERPRISE_ATMOSPHERE  # every field, so the dearest SKU
    parts = field.split(".")
    for end in range(len(parts), 0, -1):
        sku = _SKU_OF_FIELD.get(".".join(parts[:end]))
        if sku is not None:
            return sku
    raise ValueError(f"{field!r} is not a Text Search (New) field listed at {FIELDS_URL}")


def sku_for_field_mask(mask: str | Iterable[str]) -> Sku:
    """The SKU a request with this field mask is billed at: its dearest field's."""
    fields = split_field_mask(mask)
    if not fields:
        raise ValueError("a Text Search (New) request needs a field mask")
    return max((sku_of_field(field) for field in fields), key=lambda sku: sku.rank)


def cost_usd(requests: int, sku: Sku) -> Decimal:
    """List price of ``requests`` requests at ``sku``, to the cent (free cap not deducted)."""
    if requests < 0:
        raise ValueError("requests must not be negative")
    return (sku.per_thousand * requests / 1000).quantize(Decimal("0.01"), ROUND_HALF_UP)
