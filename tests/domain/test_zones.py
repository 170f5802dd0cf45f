"""The time zone every screen falls back to (issue 15, item 2: Windows without tzdata)."""

from datetime import UTC
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from localpro_desktop.domain import zones
from localpro_desktop.domain.zones import zone_or_utc


def test_a_known_zone_and_an_unknown_one() -> None:
    assert zone_or_utc("Africa/Dakar") == ZoneInfo("Africa/Dakar")
    assert zone_or_utc("Mars/Olympus") == ZoneInfo("UTC")
    assert zone_or_utc("../etc") == ZoneInfo("UTC")


def test_without_a_zone_database_it_is_still_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on Windows without the tzdata package: even ZoneInfo("UTC") fails there."""

    def no_database(name: str) -> ZoneInfo:
        raise ZoneInfoNotFoundError(f"No time zone found with key {name}")

    monkeypatch.setattr(zones, "ZoneInfo", no_database)
    assert zone_or_utc("Africa/Dakar") is UTC
