"""Record identifiers made on the client so offline devices never collide."""

import os
from datetime import UTC, datetime

import uuid6

# The variant's two bits (10) over a random nibble: "0"-"f" -> "8"-"b".
_VARIANT = {f"{n:x}": f"{8 | n & 3:x}" for n in range(16)}


def new_id() -> str:
    """A UUIDv7 string: time-ordered, so B-tree inserts stay local and ids sort by creation."""
    return str(uuid6.uuid7())


def new_ids(count: int) -> list[str]:
    """``count`` new UUIDv7 strings in increasing order, for records made in bulk.

    An import makes two ids per contact (the contact and its timeline entry); one by one,
    ``uuid6.uuid7`` and its ``os.urandom`` call cost about a second per 100,000 contacts.
    Here the randomness is read once and every id shares one millisecond, taken from
    ``uuid6.uuid7`` itself, so ids made before and after still sort before and after these.
    """
    if count <= 0:
        return []
    stamp = f"{uuid6.uuid7().int >> 80:012x}"
    head = f"{stamp[:8]}-{stamp[8:]}-7"
    noise = os.urandom(10 * count).hex()  # 20 hex digits per id, 19 used
    variant = _VARIANT
    ids = [
        f"{head}{r[1:4]}-{variant[r[4]]}{r[5:8]}-{r[8:]}"
        for r in (noise[i : i + 20] for i in range(0, 20 * count, 20))
    ]
    ids.sort()  # same length and case: text order is numeric order
    return ids


def utcnow() -> datetime:
    """Naive UTC timestamp; SQLite has no time zones, so we store everything in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)
