"""Which fields each synced table has, and what values they may hold.

The server checks every pushed field against this table, so a buggy or malicious client
cannot store a value that would later break ``decode`` on every other device of the account
and block their sync: one bad op is rejected with a reason instead. The desktop models are
checked against it by a test (``tests/sync/test_protocol_fields.py``): add a column to a
synced model and that test names the line to add here.

Values travel as the desktop's ``sync.engine.encode`` makes them: text, numbers, booleans,
ISO-8601 text for dates and times, JSON lists/objects for tags and rules, ``null`` where the
column allows it. ``id`` never travels as a field (it is the op's ``row_id``).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from localpro_protocol.wire import Table


class Kind(Enum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "date-time"
    DATE = "date"
    JSON = "JSON list or object"


MAX_TEXT_CHARS = 1_000_000
"""Longest text a field may hold (a long note or e-mail body is a few thousand)."""
MAX_DATE_CHARS = 64
MAX_JSON_DEPTH = 32
"""Deepest nesting of a JSON field (tags are a list, segment rules a few levels)."""
MAX_JSON_ITEMS = 10_000
MAX_INTEGER = 2**63 - 1
"""SQLite and PostgreSQL store 64-bit integers."""
MAX_FIELDS_PER_OP = 64
"""More fields than any synced table has (the widest has under 30), with room to grow."""


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    nullable: bool
    # Bounds are not part of equality: a spec equals the one derived from a model column
    # (kind and nullability, tests/sync/test_protocol_fields.py); the bounds refine it.
    minimum: float | None = field(default=None, compare=False)
    """Smallest number allowed (NUMBER and INTEGER), None for the kind's own bound."""
    maximum: float | None = field(default=None, compare=False)
    max_length: int = field(default=MAX_TEXT_CHARS, compare=False)
    """Longest text (TEXT), in characters."""


LATITUDE = FieldSpec(Kind.NUMBER, True, -90.0, 90.0)
LONGITUDE = FieldSpec(Kind.NUMBER, True, -180.0, 180.0)


TABLE_FIELDS: Mapping[str, Mapping[str, FieldSpec]] = {
    Table.WORKSPACE_SETTINGS: {
        "name": FieldSpec(Kind.TEXT, False),
        "country": FieldSpec(Kind.TEXT, False),
        "currency": FieldSpec(Kind.TEXT, False),
        "language": FieldSpec(Kind.TEXT, False),
        "timezone": FieldSpec(Kind.TEXT, False),
        "plan": FieldSpec(Kind.TEXT, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.PROSPECTS: {
        "business_name": FieldSpec(Kind.TEXT, False),
        "name_key": FieldSpec(Kind.TEXT, False),
        "sector": FieldSpec(Kind.TEXT, False),
        "city": FieldSpec(Kind.TEXT, False),
        "country": FieldSpec(Kind.TEXT, False),
        "address": FieldSpec(Kind.TEXT, False),
        "phone": FieldSpec(Kind.TEXT, False),
        "phone_e164": FieldSpec(Kind.TEXT, True),
        "whatsapp": FieldSpec(Kind.TEXT, False),
        "whatsapp_e164": FieldSpec(Kind.TEXT, True),
        "email": FieldSpec(Kind.TEXT, False),
        "email_normalized": FieldSpec(Kind.TEXT, True),
        "contact_person": FieldSpec(Kind.TEXT, False),
        "website": FieldSpec(Kind.TEXT, False),
        "latitude": LATITUDE,
        "longitude": LONGITUDE,
        "source": FieldSpec(Kind.TEXT, False),
        "source_ref": FieldSpec(Kind.TEXT, False),
        "notes": FieldSpec(Kind.TEXT, False),
        "tags": FieldSpec(Kind.JSON, False),
        "contact_id": FieldSpec(Kind.TEXT, True),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.CONTACTS: {
        "first_name": FieldSpec(Kind.TEXT, False),
        "last_name": FieldSpec(Kind.TEXT, False),
        "company": FieldSpec(Kind.TEXT, False),
        "name_key": FieldSpec(Kind.TEXT, False),
        "sector": FieldSpec(Kind.TEXT, False),
        "phone": FieldSpec(Kind.TEXT, False),
        "phone_e164": FieldSpec(Kind.TEXT, True),
        "whatsapp": FieldSpec(Kind.TEXT, False),
        "whatsapp_e164": FieldSpec(Kind.TEXT, True),
        "email": FieldSpec(Kind.TEXT, False),
        "email_normalized": FieldSpec(Kind.TEXT, True),
        "website": FieldSpec(Kind.TEXT, False),
        "address": FieldSpec(Kind.TEXT, False),
        "city": FieldSpec(Kind.TEXT, False),
        "country": FieldSpec(Kind.TEXT, False),
        "latitude": LATITUDE,
        "longitude": LONGITUDE,
        "status": FieldSpec(Kind.TEXT, False),
        "tags": FieldSpec(Kind.JSON, False),
        "notes": FieldSpec(Kind.TEXT, False),
        "last_contacted_at": FieldSpec(Kind.DATETIME, True),
        "prospect_id": FieldSpec(Kind.TEXT, True),
        "opt_out_whatsapp": FieldSpec(Kind.BOOLEAN, False),
        "opt_out_email": FieldSpec(Kind.BOOLEAN, False),
        "opt_out_sms": FieldSpec(Kind.BOOLEAN, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.ACTIVITIES: {
        "contact_id": FieldSpec(Kind.TEXT, False),
        "kind": FieldSpec(Kind.TEXT, False),
        "body": FieldSpec(Kind.TEXT, False),
        "old_status": FieldSpec(Kind.TEXT, True),
        "new_status": FieldSpec(Kind.TEXT, True),
        "occurred_at": FieldSpec(Kind.DATETIME, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.SEGMENTS: {
        "name": FieldSpec(Kind.TEXT, False),
        "kind": FieldSpec(Kind.TEXT, False),
        "rule": FieldSpec(Kind.JSON, False),
        "description": FieldSpec(Kind.TEXT, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.SEGMENT_MEMBERS: {
        "segment_id": FieldSpec(Kind.TEXT, False),
        "contact_id": FieldSpec(Kind.TEXT, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.CAMPAIGNS: {
        "name": FieldSpec(Kind.TEXT, False),
        "channel": FieldSpec(Kind.TEXT, False),
        "status": FieldSpec(Kind.TEXT, False),
        "subject": FieldSpec(Kind.TEXT, False),
        "body": FieldSpec(Kind.TEXT, False),
        "segment_id": FieldSpec(Kind.TEXT, True),
        "scheduled_at": FieldSpec(Kind.DATETIME, True),
        "sent_at": FieldSpec(Kind.DATETIME, True),
        "completed_at": FieldSpec(Kind.DATETIME, True),
        "failure_reason": FieldSpec(Kind.TEXT, False),
        "sender_device_id": FieldSpec(Kind.TEXT, False),
        "paused_at": FieldSpec(Kind.DATETIME, True),
        "cancelled_at": FieldSpec(Kind.DATETIME, True),
        "template_name": FieldSpec(Kind.TEXT, False),
        "template_language": FieldSpec(Kind.TEXT, False),
        "template_vars": FieldSpec(Kind.JSON, False),
        "attachment_path": FieldSpec(Kind.TEXT, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.CAMPAIGN_RECIPIENTS: {
        "campaign_id": FieldSpec(Kind.TEXT, False),
        "contact_id": FieldSpec(Kind.TEXT, False),
        "address": FieldSpec(Kind.TEXT, False),
        "rendered_subject": FieldSpec(Kind.TEXT, False),
        "rendered_body": FieldSpec(Kind.TEXT, False),
        "status": FieldSpec(Kind.TEXT, False),
        "provider_id": FieldSpec(Kind.TEXT, False),
        "error": FieldSpec(Kind.TEXT, False),
        "queued_at": FieldSpec(Kind.DATETIME, True),
        "sent_at": FieldSpec(Kind.DATETIME, True),
        "delivered_at": FieldSpec(Kind.DATETIME, True),
        "opened_at": FieldSpec(Kind.DATETIME, True),
        "replied_at": FieldSpec(Kind.DATETIME, True),
        "failed_at": FieldSpec(Kind.DATETIME, True),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.USAGE_EVENTS: {
        "metric": FieldSpec(Kind.TEXT, False),
        "month": FieldSpec(Kind.TEXT, False),
        "quantity": FieldSpec(Kind.INTEGER, False),
        "occurred_at": FieldSpec(Kind.DATETIME, False),
        "reason": FieldSpec(Kind.TEXT, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.INBOUND_EVENTS: {
        "kind": FieldSpec(Kind.TEXT, False),
        "channel": FieldSpec(Kind.TEXT, False),
        "provider": FieldSpec(Kind.TEXT, False),
        "message_id": FieldSpec(Kind.TEXT, False),
        "status": FieldSpec(Kind.TEXT, False),
        "error_code": FieldSpec(Kind.TEXT, False),
        "error_words": FieldSpec(Kind.TEXT, False),
        "address": FieldSpec(Kind.TEXT, False),
        "text": FieldSpec(Kind.TEXT, False),
        "occurred_at": FieldSpec(Kind.DATETIME, False),
        "received_at": FieldSpec(Kind.DATETIME, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.CONTACT_OPT_OUTS: {
        "contact_id": FieldSpec(Kind.TEXT, False),
        "channel": FieldSpec(Kind.TEXT, False),
        "opted_out": FieldSpec(Kind.BOOLEAN, False),
        "source": FieldSpec(Kind.TEXT, False),
        "words": FieldSpec(Kind.TEXT, False),
        "at": FieldSpec(Kind.DATETIME, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.AI_CONVERSATIONS: {
        "title": FieldSpec(Kind.TEXT, False),
        "mode": FieldSpec(Kind.TEXT, False),
        "campaign_id": FieldSpec(Kind.TEXT, True),
        "personal_data": FieldSpec(Kind.BOOLEAN, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.AI_MESSAGES: {
        "conversation_id": FieldSpec(Kind.TEXT, False),
        "role": FieldSpec(Kind.TEXT, False),
        "text": FieldSpec(Kind.TEXT, False),
        "model": FieldSpec(Kind.TEXT, False),
        "state": FieldSpec(Kind.TEXT, False),
        "at": FieldSpec(Kind.DATETIME, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
    Table.AI_USAGE: {
        "kind": FieldSpec(Kind.TEXT, False),
        "model": FieldSpec(Kind.TEXT, False),
        "month": FieldSpec(Kind.TEXT, False),
        "prompt_tokens": FieldSpec(Kind.INTEGER, False),
        "completion_tokens": FieldSpec(Kind.INTEGER, False),
        "at": FieldSpec(Kind.DATETIME, False),
        "created_at": FieldSpec(Kind.DATETIME, False),
        "updated_at": FieldSpec(Kind.DATETIME, False),
        "deleted_at": FieldSpec(Kind.DATETIME, True),
    },
}
"""Synced table → field → what it may hold."""


def problem_with(table: str, fields: Mapping[str, tuple[Any, str]]) -> str | None:
    """Why these field writes cannot be stored, or None when they are all acceptable."""
    spec = TABLE_FIELDS.get(table)
    if spec is None:
        return f"unknown table {table!r}"
    if not fields:
        return "the operation changes no field"
    if len(fields) > MAX_FIELDS_PER_OP:
        return f"{len(fields)} fields; at most {MAX_FIELDS_PER_OP}"
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
    kind = field.kind
    if kind is Kind.JSON:
        if not isinstance(value, list | dict):
            return f"expected {kind.value}, got {type(value).__name__} {_preview(value)}"
        return _json_problem(value)
    if isinstance(value, list | dict):
        return f"expected {kind.value}, got {type(value).__name__}"
    if isinstance(value, float) and not math.isfinite(value):
        return "numbers must be finite (no NaN or Infinity)"
    if kind is Kind.TEXT:
        if not isinstance(value, str):
            return _expected(kind, value)
        if len(value) > field.max_length:
            return f"text longer than {field.max_length} characters ({len(value)})"
        return _text_problem(value)
    if kind in (Kind.INTEGER, Kind.NUMBER):
        return _number_problem(field, value)
    if kind is Kind.BOOLEAN:
        return None if isinstance(value, bool) else _expected(kind, value)
    parse = datetime.fromisoformat if kind is Kind.DATETIME else date.fromisoformat
    if isinstance(value, str) and len(value) <= MAX_DATE_CHARS and _parses(parse, value):
        return None
    return _expected(kind, value)


def _expected(kind: Kind, value: Any) -> str:
    return f"expected {kind.value}, got {type(value).__name__} {_preview(value)}"


def _number_problem(field: FieldSpec, value: Any) -> str | None:
    """Integers within 64 bits, numbers finite and within the field's range."""
    integral = isinstance(value, int) and not isinstance(value, bool)
    if field.kind is Kind.INTEGER and not integral:
        return _expected(field.kind, value)
    if not integral and not isinstance(value, float):
        return _expected(field.kind, value)
    if abs(value) > MAX_INTEGER:
        return f"{_preview(value)} is out of range (beyond 64 bits)"
    low = field.minimum if field.minimum is not None else -MAX_INTEGER
    high = field.maximum if field.maximum is not None else MAX_INTEGER
    if not low <= value <= high:
        return f"{_preview(value)} is out of range ({low:g} to {high:g})"
    return None


def _text_problem(text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "text holds an invalid character (a lone UTF-16 surrogate)"
    return None


def _json_problem(value: list[Any] | dict[str, Any]) -> str | None:
    """Bounded depth and size, finite numbers, valid text (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    seen = 0
    while stack:
        item, depth = stack.pop()
        seen += 1
        if seen > MAX_JSON_ITEMS:
            return f"JSON value larger than {MAX_JSON_ITEMS} items"
        if isinstance(item, float) and not math.isfinite(item):
            return "numbers must be finite (no NaN or Infinity)"
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) > MAX_INTEGER:
            return "a number is out of range (beyond 64 bits)"
        if isinstance(item, str) and (problem := _text_problem(item)):
            return problem
        if isinstance(item, list | dict):
            if depth > MAX_JSON_DEPTH:
                return f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
            if isinstance(item, dict):
                stack += [(key, depth) for key in item]
                stack += [(child, depth + 1) for child in item.values()]
            else:
                stack += [(child, depth + 1) for child in item]
    return None


def _parses(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def _preview(value: Any) -> str:
    if isinstance(value, int) and value.bit_length() > 100:
        return f"a number of {value.bit_length()} bits"
    text = ascii(value[:60]) if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
