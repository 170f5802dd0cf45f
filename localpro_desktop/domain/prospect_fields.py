"""The prospect fields a person may type or change: one list for the service, CLI and form.

The service refuses any other key, the CLI offers one option per field (the name is its
positional argument) and the add/edit dialog reads one widget per field, so a field
added here is a field added everywhere, and none can be left out of one of them.
"""

from __future__ import annotations

REQUIRED = "business_name"
"""The one field a prospect cannot be saved without."""

EDITABLE: tuple[str, ...] = (
    REQUIRED,
    "sector",
    "city",
    "country",
    "address",
    "phone",
    "whatsapp",
    "email",
    "website",
    "latitude",
    "longitude",
    "source_ref",
    "notes",
    "tags",
    "contact_person",
)

OPTIONAL: tuple[str, ...] = tuple(name for name in EDITABLE if name != REQUIRED)
"""Every editable field but the required one, in the same order."""
