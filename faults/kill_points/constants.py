"""The targets, the default number of cases, and the data each target works on."""

from __future__ import annotations

from pathlib import Path

TARGETS = ("import", "demo", "sync", "dispatch")
DEFAULT_CASES = 1000
REPO = Path(__file__).resolve().parent.parent.parent
CHILD_TIMEOUT = 300.0

IMPORT_ROWS = 3000
DEMO_SIZE = 1500
SYNC_A, SYNC_B = 1500, 400
DISPATCH_RECIPIENTS = 120
DEMO_TABLES = ("prospects", "contacts", "activities", "campaigns", "campaign_recipients")
