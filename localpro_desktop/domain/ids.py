"""Record identifiers made on the client so offline devices never collide."""

from datetime import UTC, datetime

import uuid6


def new_id() -> str:
    """A UUIDv7 string: time-ordered, so B-tree inserts stay local and ids sort by creation."""
    return str(uuid6.uuid7())


def utcnow() -> datetime:
    """Naive UTC timestamp; SQLite has no time zones, so we store everything in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)
