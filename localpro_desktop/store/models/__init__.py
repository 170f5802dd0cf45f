"""All tables, imported here so metadata is complete for Alembic and queries."""

from localpro_desktop.store.models.activity import Activity
from localpro_desktop.store.models.assistant import AiConversation, AiMessage, AiUsage
from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_desktop.store.models.campaign import Campaign, CampaignRecipient
from localpro_desktop.store.models.contact import Contact
from localpro_desktop.store.models.discovery import (
    DiscoveryMerge,
    DiscoveryResult,
    DiscoverySearch,
    GeocodeAnswer,
)
from localpro_desktop.store.models.inbound import ContactOptOut, InboundApplied, InboundEvent
from localpro_desktop.store.models.outbox import OutboxMessage
from localpro_desktop.store.models.prospect import Prospect
from localpro_desktop.store.models.segment import Segment, SegmentMember
from localpro_desktop.store.models.sync import (
    SyncClock,
    SyncOp,
    SyncOutbox,
    SyncRejected,
    SyncState,
)
from localpro_desktop.store.models.usage import UsageEvent
from localpro_desktop.store.models.workspace import WorkspaceSettings

__all__ = [
    "Activity",
    "AiConversation",
    "AiMessage",
    "AiUsage",
    "Base",
    "Campaign",
    "CampaignRecipient",
    "Contact",
    "ContactOptOut",
    "DiscoveryMerge",
    "DiscoveryResult",
    "DiscoverySearch",
    "GeocodeAnswer",
    "InboundApplied",
    "InboundEvent",
    "OutboxMessage",
    "Prospect",
    "Segment",
    "SegmentMember",
    "SyncClock",
    "SyncOp",
    "SyncOutbox",
    "SyncRejected",
    "SyncState",
    "SyncedMixin",
    "UsageEvent",
    "WorkspaceSettings",
]
