"""Which fields each synced table has, and what values they may hold.

The server checks every pushed field against the desktop models (the single source of the
schema), so a buggy or malicious client cannot store a value that would later break
``decode`` on every other device of the account and block their sync: one bad op is
rejected with a reason instead.

Values travel as the desktop's ``sync.engine.encode`` makes them: text, numbers, booleans,
ISO-8601 text for dates and times, JSON lists/objects for tags and rules, ``null`` where the
column allows it. ``id`` never travels as a field (it is the op's ``row_id``).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric

from localpro_desktop.store.models import Base
from localpro_desktop.sync.protocol import SYNCED_TABLES


class Kind(Enum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "date-time"
    DATE = "date"
    JSON = "JSON list or object"


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    nullable: bool


def _kind(column_type: Any) -> Kind:
    # Order matters: Boolean is not an Integer in SQLAlchemy, but check it first anyway.
    if isinstance(column_type, Boolean):
        return Kind.BOOLEAN
    if isinstance(column_type, DateTime):
        return Kind.DATETIME
    if isinstance(column_type, Date):
        return Kind.DATE
    if isinstance(column_type, Integer):
        return Kind.INTEGER
    if isinstance(column_type, Float | Numeric):
        return Kind.NUMBER
    if isinstance(column_type, JSON):
        return Kind.JSON
    return Kind.TEXT


def _build() -> dict[str, dict[str, FieldSpec]]:
    tables: dict[str, dict[str, FieldSpec]] = {}
    for name in SYNCED_TABLES:
        table = Base.metadata.tables[name]
        tables[name] = {
            column.name: FieldSpec(_kind(column.type), bool(column.nullable))
            for column in table.columns
            if column.name != "id"
        }
    return tables


TABLE_FIELDS: Mapping[str, Mapping[str, FieldSpec]] = _build()
"""Synced table → field → what it may hold, derived once from the desktop models."""


def problem_with(table: str, fields: Mapping[str, tuple[Any, str]]) -> str | None:
    """Why these field writes cannot be stored, or None when they are all acceptable."""
    spec = TABLE_FIELDS.get(table)
    if spec is None:
        return f"unknown table {table!r}"
    if not fields:
        return "the operation changes no field"
    for name, (value, _hlc) in fields.items():
        field = spec.get(name)
        if field is None:
            return f"unknown field {name!r} for table {table!r}"
        problem = _value_problem(field, value)
        if problem:
            return f"field {name!r} of {table!r}: {problem}"
    return None


def _value_problem(field: FieldSpec, value: Any) -> str | None:
    if value is None:
        return None if field.nullable else "must not be null"
    if not _finite(value):
        return "numbers must be finite (no NaN or Infinity)"
    kind = field.kind
    if kind is Kind.TEXT:
        ok = isinstance(value, str)
    elif kind is Kind.INTEGER:
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63
    elif kind is Kind.NUMBER:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind is Kind.BOOLEAN:
        ok = isinstance(value, bool)
    elif kind is Kind.DATETIME:
        ok = isinstance(value, str) and _parses(datetime.fromisoformat, value)
    elif kind is Kind.DATE:
        ok = isinstance(value, str) and _parses(date.fromisoformat, value)
    else:
        ok = isinstance(value, list | dict)
    if ok:
        return None
    return f"expected {kind.value}, got {type(value).__name__} {_preview(value)}"


def _finite(value: Any) -> bool:
    """JSON has no NaN; PostgreSQL and other clients would choke on one stored here."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_finite(item) for item in value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    return True


def _parses(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def _preview(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
