"""The load campaign's sizes, limits and timings, and the fields its devices write."""

from __future__ import annotations

DEFAULT_CASES = 200
DEFAULT_DURATION = 300.0
DEVICES_PER_ACCOUNT = 5
BACKENDS = ("sqlite", "postgresql", "two")
PG_ENV = "LOCALPRO_TEST_PG_URL"
SECRET = "load-campaign-secret-" + "k" * 40
REGISTRATIONS_PER_HOUR = 3
"""The servers' registration limit per address (the campaign's accounts come from one
address each; the statelessness check spends this limit across the two instances)."""
PULL_MAX_BYTES = 1024 * 1024
PUSH_BATCH = 1000
FIRST_UPLOAD = 20
"""Contacts a device creates on its first round (a first upload)."""
THINK = (1.0, 6.0)
"""Seconds a device waits between rounds (uniform)."""
REFRESH_ONE_IN = 25
"""A device rotates its refresh token on about one round in this many."""
TIMEOUT = 60.0
MAX_FAILURES_KEPT = 40
OWN_FIELDS = (
    "address",
    "website",
    "company",
    "sector",
    "city",
    "name_key",
    "whatsapp",
    "email",
)
"""Each device of an account writes its own one of these on every contact it changes: so
every op changes its row whatever the order of commits, and an account's sequence must end
at exactly the number of (push, row) pairs its pushes stamped."""
SHARED_FIELDS = ("status", "notes", "tags", "updated_at")
"""Fields several devices of an account write (conflicts, resolved by HLC)."""
STATUSES = ("new", "contacted", "qualified", "customer", "lost")
CITIES = ("Dakar", "Thiès", "Abidjan", "Lagos", "Accra", "Nairobi", "Kumasi", "Mbour")
