"""The figures a sent campaign's progress shows, counted from ``campaign_sending.progress``.

Plain functions, no Qt: the progress view and its actions both count with them, and
``limit_left_out`` runs on the database worker.
"""

from __future__ import annotations

from localpro_desktop.domain.campaigns import RecipientStatus, SkipReason
from localpro_desktop.services import campaign_sending
from localpro_desktop.services.campaign_views import load_recipients
from localpro_desktop.services.workspace import Workspace

NOT_ON_WHATSAPP = SkipReason.NOT_ON_WHATSAPP.value
"""``follow_up_draft``'s reason for the people WhatsApp does not know."""
MONTHLY_LIMIT = SkipReason.LIMIT.value
"""``follow_up_draft``'s reason for the people the plan's monthly limit left out."""

_OPEN = ("queued", "sending")
"""Counts of messages still to go."""

Progress = campaign_sending.Progress


def sent_count(progress: Progress) -> int:
    """Messages a provider took (delivered, opened and replied ones were sent first)."""
    return progress.sent_total


def open_count(progress: Progress) -> int:
    return sum(progress.counts.get(key, 0) for key in _OPEN)


def limit_left_out(ws: Workspace, campaign_id: str, skipped: int) -> int:
    """People the plan's monthly limit kept out of the campaign (a follow-up draft can
    reach them after the reset): the skipped recipients whose reason is the limit."""
    if not skipped:
        return 0
    rows = load_recipients(ws, campaign_id, RecipientStatus.SKIPPED, limit=skipped)
    prefix = f"{MONTHLY_LIMIT}:"
    return sum(row.error.startswith(prefix) for row in rows)
