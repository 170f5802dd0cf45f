"""Shared look: pipeline colours (board, map, charts) and spacing, so screens agree."""

from localpro_desktop.domain.campaigns import Channel

# Defined in the domain (the shared map file draws them too); re-exported for the screens.
from localpro_desktop.domain.colors import PROSPECT_COLOR, STATUS_COLORS

__all__ = [
    "CHANNEL_COLORS",
    "ERROR_COLOR",
    "MUTED_COLOR",
    "PROSPECT_COLOR",
    "STATUS_COLORS",
]

CHANNEL_COLORS: dict[Channel, str] = {
    Channel.WHATSAPP: "#25a244",
    Channel.EMAIL: "#3a6ea5",
    Channel.SMS: "#d9822b",
}
ERROR_COLOR = "#b00020"
MUTED_COLOR = "#6b6b6b"
