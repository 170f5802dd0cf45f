"""Shared look: pipeline colours (board, map, charts) and spacing, so screens agree."""

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PipelineStatus

STATUS_COLORS: dict[PipelineStatus, str] = {
    PipelineStatus.NEW: "#5b8def",
    PipelineStatus.CONTACTED: "#00a2b8",
    PipelineStatus.INTERESTED: "#f0a202",
    PipelineStatus.NEGOTIATION: "#e86a17",
    PipelineStatus.CLIENT: "#1b9e4b",
    PipelineStatus.INACTIVE: "#8c8c8c",
}
PROSPECT_COLOR = "#7b4fc9"
CHANNEL_COLORS: dict[Channel, str] = {
    Channel.WHATSAPP: "#25a244",
    Channel.EMAIL: "#3a6ea5",
    Channel.SMS: "#d9822b",
}
ERROR_COLOR = "#b00020"
MUTED_COLOR = "#6b6b6b"
