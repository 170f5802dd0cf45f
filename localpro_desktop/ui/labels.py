"""Translated names of domain values (statuses, channels, sources, sectors) for the UI."""

from PySide6.QtCore import QCoreApplication

from localpro_desktop.discovery.demo.generator import SECTORS
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.pipeline import PipelineStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status(value: PipelineStatus | str) -> str:
    return {
        "new": _t("New"),
        "contacted": _t("Contacted"),
        "interested": _t("Interested"),
        "negotiation": _t("Negotiation"),
        "client": _t("Client"),
        "inactive": _t("Inactive"),
    }.get(str(PipelineStatus(value).value), str(value))


def channel(value: Channel | str) -> str:
    return {"whatsapp": "WhatsApp", "email": _t("E-mail"), "sms": "SMS"}.get(
        Channel(value).value, str(value)
    )


def campaign_status(value: CampaignStatus | str) -> str:
    return {
        "draft": _t("Draft"),
        "scheduled": _t("Scheduled"),
        "sent": _t("Sent"),
        "completed": _t("Completed"),
        "failed": _t("Failed"),
    }.get(CampaignStatus(value).value, str(value))


def recipient_status(value: RecipientStatus | str) -> str:
    return {
        "pending": _t("Pending"),
        "queued": _t("Queued"),
        "sent": _t("Sent"),
        "delivered": _t("Delivered"),
        "opened": _t("Opened"),
        "replied": _t("Replied"),
        "failed": _t("Failed"),
        "skipped": _t("Skipped"),
    }.get(RecipientStatus(value).value, str(value))


def source(value: str) -> str:
    return {
        "google_maps": "Google Maps",
        "facebook": "Facebook",
        "linkedin": "LinkedIn",
        "directory": _t("Directory"),
        "openstreetmap": "OpenStreetMap",
        "manual": _t("Manual entry"),
        "demo": _t("Demo"),
        "import": _t("Imported file"),
    }.get(value, value)


def sector(value: str, language: str) -> str:
    """Known sector ids get their label in the language; anything else shows as typed."""
    info = SECTORS.get(value)
    if info is None:
        return value
    return info.label_fr if language == "fr" else info.label_en


PIPELINE = tuple(PipelineStatus)
