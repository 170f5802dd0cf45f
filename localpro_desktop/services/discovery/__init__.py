"""Finding prospects by sector and city (OpenStreetMap, Google Places), de-duplicated."""

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.services.discovery.model import (
    RADIUS_KM,
    AddMode,
    AddOutcome,
    CityChoice,
    CostEstimate,
    MatchKind,
    MergeRecord,
    Preview,
    PreviewRow,
    Queued,
    SavedSearch,
    SearchRequest,
)
from localpro_desktop.services.discovery.service import (
    DiscoveryService,
    Offline,
    SectorRow,
    default_radius_km,
)

__all__ = [
    "RADIUS_KM",
    "AddMode",
    "AddOutcome",
    "CityChoice",
    "CostEstimate",
    "DiscoveryService",
    "DiscoverySource",
    "FoundPlace",
    "MatchKind",
    "MergeRecord",
    "Offline",
    "Preview",
    "PreviewRow",
    "Queued",
    "SavedSearch",
    "SearchRequest",
    "SectorRow",
    "default_radius_km",
]
