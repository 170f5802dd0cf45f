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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    nullable: bool


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
        "latitude": FieldSpec(Kind.NUMBER, True),
        "longitude": FieldSpec(Kind.NUMBER, True),
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
        "latitude": FieldSpec(Kind.NUMBER, True),
        "longitude": FieldSpec(Kind.NUMBER, True),
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
