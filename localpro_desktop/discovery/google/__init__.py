"""Google Places (the current Places API, Text Search) as a discovery source.

``places.PlacesClient`` searches with the user's own key; ``places.estimate`` prices a
search before it runs; ``districts`` splits a wide city into circles; ``parse`` turns a
Place into a ``FoundPlace``; ``pricing`` maps the field mask to Google's SKU and price.
"""

from localpro_desktop.discovery.google.places import (
    FIELD_MASK,
    CityLike,
    PlacesClient,
    PlacesError,
    PlacesEstimate,
    PlacesKeyRejected,
    PlacesQuotaExceeded,
    PlacesUnreachable,
    estimate,
)

__all__ = [
    "FIELD_MASK",
    "CityLike",
    "PlacesClient",
    "PlacesError",
    "PlacesEstimate",
    "PlacesKeyRejected",
    "PlacesQuotaExceeded",
    "PlacesUnreachable",
    "estimate",
]
