"""The sync fuzzing campaign's sizes, odds and the values its writes draw from."""

from __future__ import annotations

DEFAULT_CASES = 10_000
EPOCH = 150
"""Cases per account: then a fresh account and three fresh devices."""
FULL_CHECK_EVERY = 25
PROGRESS_EVERY = 100
STEPS = (3, 12)
STEP_MS = (100, 3_000)
"""Virtual time between two steps (ms)."""
PAUSE_MS = (61_000, 240_000)
"""A pause: longer than the server's clamp window, so a later edit beats a clamped one."""
STATUSES = ("new", "contacted", "interested", "negotiation", "client", "inactive")
CITIES = ("Dakar", "Thiès", "Abidjan", "Accra", "Lomé", "Kumasi", "Mbour", "Bamako")
TAGS = ("vip", "relance", "grossiste", "nord", "sud")
CONTACT_FIELDS = ("city", "notes", "first_name", "company")
PROSPECT_FIELDS = ("city", "notes", "business_name", "contact_person")
FAULTS = ("cut_request", "cut_response", "drop_response")
ROUTES = ("POST /v1/sync/push", "GET /v1/sync/pull")
KILL_WEIGHT = 0.6
"""Kills are slow (a subprocess starts Python and the app): a small share of the steps."""

Key = tuple[str, str]
