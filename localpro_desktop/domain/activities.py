"""Kinds of entries on a contact's activity timeline."""

from enum import StrEnum


class ActivityKind(StrEnum):
    STATUS_CHANGE = "status_change"
    NOTE = "note"
    CALL = "call"
    MESSAGE = "message"
    MEETING = "meeting"
    CREATED = "created"
    CONVERTED = "converted"
    REPLY = "reply"
    """A message the contact sent (a WhatsApp or SMS reply), with its text."""
