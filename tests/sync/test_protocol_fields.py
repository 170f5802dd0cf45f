"""The shared field table (what the cloud accepts) matches the desktop models exactly.

The cloud no longer imports the desktop models; this test keeps the schema single-sourced:
add, drop or retype a column of a synced model and it names the line to change in
``localpro_protocol/fields.py``.
"""

from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric

from localpro_desktop.store.models import Base
from localpro_protocol.fields import TABLE_FIELDS, FieldSpec, Kind, problem_with
from localpro_protocol.wire import SYNCED_TABLES, Table


def _kind(column_type: Any) -> Kind:
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


def from_models() -> dict[str, dict[str, FieldSpec]]:
    return {
        name: {
            column.name: FieldSpec(_kind(column.type), bool(column.nullable))
            for column in Base.metadata.tables[name].columns
            if column.name != "id"
        }
        for name in SYNCED_TABLES
    }


def test_every_synced_model_column_is_in_the_shared_table_with_its_kind() -> None:
    assert {t: dict(f) for t, f in TABLE_FIELDS.items()} == from_models()


# Bookkeeping of this device, never synced: the sync engine's own, the sending outbox and
# the provider events this laptop applied.
_LOCAL_ONLY = {
    "outbox_messages",
    "inbound_applied",
    "discovery_results",
    "discovery_searches",
    "discovery_merges",
    "geocode_cache",
}


def test_the_synced_tables_are_the_models_tables() -> None:
    synced = {
        name
        for name in Base.metadata.tables
        if not name.startswith("sync_") and name not in _LOCAL_ONLY
    }
    assert synced == {table.value for table in Table}


def test_a_value_of_the_wrong_kind_is_refused_with_the_field_named() -> None:
    problem = problem_with("prospects", {"latitude": ("north", "0" * 13 + "-00000-a")})
    assert problem is not None and "latitude" in problem
    assert problem_with("prospects", {"latitude": (14.7, "0" * 13 + "-00000-a")}) is None
