"""Translated names of domain values (statuses, channels, sources, sectors) for the UI."""

from PySide6.QtCore import QCoreApplication

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.sectors import sector_label

# Strings are written out in full QCoreApplication.translate(...) calls: lupdate only
# finds literal calls.


def status(value: PipelineStatus | str) -> str:
    return {
        "new": QCoreApplication.translate("labels", "New"),
        "contacted": QCoreApplication.translate("labels", "Contacted"),
        "interested": QCoreApplication.translate("labels", "Interested"),
        "negotiation": QCoreApplication.translate("labels", "Negotiation"),
        "client": QCoreApplication.translate("labels", "Client"),
        "inactive": QCoreApplication.translate("labels", "Inactive"),
    }.get(str(PipelineStatus(value).value), str(value))


def channel(value: Channel | str) -> str:
    return {
        "whatsapp": "WhatsApp",
        "email": QCoreApplication.translate("labels", "E-mail"),
        "sms": "SMS",
    }.get(Channel(value).value, str(value))


def campaign_status(value: CampaignStatus | str) -> str:
    return {
        "draft": QCoreApplication.translate("labels", "Draft"),
        "scheduled": QCoreApplication.translate("labels", "Scheduled"),
        "sent": QCoreApplication.translate("labels", "Sent"),
        "completed": QCoreApplication.translate("labels", "Completed"),
        "failed": QCoreApplication.translate("labels", "Failed"),
    }.get(CampaignStatus(value).value, str(value))


def recipient_status(value: RecipientStatus | str) -> str:
    return {
        "pending": QCoreApplication.translate("labels", "Pending"),
        "queued": QCoreApplication.translate("labels", "Queued"),
        "sent": QCoreApplication.translate("labels", "Sent"),
        "delivered": QCoreApplication.translate("labels", "Delivered"),
        "opened": QCoreApplication.translate("labels", "Opened"),
        "replied": QCoreApplication.translate("labels", "Replied"),
        "failed": QCoreApplication.translate("labels", "Failed"),
        "skipped": QCoreApplication.translate("labels", "Skipped"),
    }.get(RecipientStatus(value).value, str(value))


def source(value: str) -> str:
    return {
        "google_maps": "Google Maps",
        "facebook": "Facebook",
        "linkedin": "LinkedIn",
        "directory": QCoreApplication.translate("labels", "Directory"),
        "openstreetmap": "OpenStreetMap",
        "manual": QCoreApplication.translate("labels", "Manual entry"),
        "demo": QCoreApplication.translate("labels", "Demo"),
        "import": QCoreApplication.translate("labels", "Imported file"),
    }.get(value, value)


def sector(value: str, language: str) -> str:
    """Known sector keys get their label in the language; anything else shows as typed."""
    return sector_label(value, language)


PIPELINE = tuple(PipelineStatus)
