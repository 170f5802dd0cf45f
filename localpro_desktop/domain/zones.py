"""Time zones by name, with the fallback every screen uses."""

from __future__ import annotations

from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone_or_utc(name: str) -> tzinfo:
    """The zone called ``name``, or UTC when it is unknown.

    An unknown name (from a newer device, through sync) must not break every screen. On
    Windows the zone database is the ``tzdata`` package (a declared dependency there); were
    it missing, even ``ZoneInfo("UTC")`` would fail, so the fallback is datetime's own UTC.
    """
    for candidate in (name, "UTC"):
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return UTC
