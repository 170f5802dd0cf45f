"""What the Channels page and the send-flow tests share: a file keyring, an SMTP server on
127.0.0.1 with a login (aiosmtpd), and the WhatsApp Cloud API stand-in answering the phone
number's own data too (``GET /{version}/{phone-number-id}``, which "Test connection" reads:
https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.channels import local_kit, whatsapp_standin

SMTP_USER = "tailor"
SMTP_PASSWORD = "s3cret-P@ss"

TEMPLATES: list[dict[str, Any]] = [
    {
        "name": "tabaski_offer",
        "language": "fr",
        "status": "APPROVED",
        "category": "MARKETING",
        "id": "1",
        "components": [{"type": "BODY", "text": "Bonjour {{1}}, -20 % à {{2}} pour la Tabaski !"}],
    },
    {
        "name": "reservation",
        "language": "en_US",
        "status": "APPROVED",
        "category": "UTILITY",
        "parameter_format": "NAMED",
        "id": "3",
        "components": [{"type": "BODY", "text": "Hello {{customer_name}}, see you in {{town}}."}],
    },
]


file_keyring = local_kit.file_keyring


class Mailbox:
    """An aiosmtpd handler keeping what arrives: (from, recipients, raw message)."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Ok: queued as 4F2A1"


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on 127.0.0.1 (no TLS) taking ``SMTP_USER``'s login."""
    with local_kit.smtp_with_login(SMTP_USER, SMTP_PASSWORD, Mailbox()) as (box, port):
        yield box, port


WhatsAppStandIn = whatsapp_standin.StandIn


def summary_dialog(qtbot, composer):  # type: ignore[no-untyped-def]
    """The Send summary the composer opened (after its save and count on the worker)."""
    qtbot.waitUntil(lambda: composer.flow.dialog is not None, timeout=15_000)
    dialog = composer.flow.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def summary_text(dialog) -> str:  # type: ignore[no-untyped-def]
    """Every line the summary shows, as the user reads them."""
    from PySide6.QtWidgets import QLabel

    return "\n".join(
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog) and label.text()
    )
