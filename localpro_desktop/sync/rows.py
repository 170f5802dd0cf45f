"""What both directions of sync share: which columns travel, how values and clocks are
read, and the names of the whole-row clock and of the settings row every workspace has."""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Float, Integer, bindparam, text
from sqlalchemy.orm import Session

from localpro_desktop.store.database import SETTINGS_ID
from localpro_desktop.store.models import Base

SKIPPED_COLUMNS = {"id", "updated_at"}
"""``updated_at`` is each device's own bookkeeping; everything else travels."""
WHOLE = "*"
"""The outbox/clock field name meaning "every column of the row" (an insert)."""
DEFAULT_ROW = ("workspace_settings", SETTINGS_ID)
"""Every workspace creates this row, with the same id, when it is first opened. A value
still at its column default is not a user's choice: it travels with the zero clock
(``_floor``), so a laptop joining an account takes the account's settings instead of
overwriting them with its own defaults. Values the user set (edits, or settings made
before sync existed) keep their real clocks."""
IN_CHUNK = 900
"""Ids per ``IN (...)`` list: well under SQLite's bound-parameter limit on old builds."""


@cache
def synced_columns(table: str) -> dict[str, Any]:
    return {
        c.name: c.type for c in Base.metadata.tables[table].columns if c.name not in SKIPPED_COLUMNS
    }


def encode(value: Any) -> Any:
    """Column value → JSON value."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(column_type: Any, value: Any) -> Any:
    """JSON value → column value, tolerant of what another version might send."""
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Date):
        return date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Integer):
        return int(value)
    if isinstance(column_type, Float):
        return float(value)
    return value


def in_chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def read_clocks(
    session: Session | Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, str]]:
    """Field clocks of these rows (one query per table and chunk of ids)."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in keys:
        by_table[table].append(row_id)
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for table, ids in by_table.items():
        for chunk in in_chunks(ids):
            for row_id, name, hlc in session.execute(
                text(
                    "SELECT row_id, field, hlc FROM sync_clock WHERE tbl = :t AND row_id IN :ids"
                ).bindparams(bindparam("ids", expanding=True)),
                {"t": table, "ids": list(chunk)},
            ):
                out[(table, row_id)][name] = hlc
    return out
