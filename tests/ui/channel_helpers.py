"""What the Channels page and the send-flow tests share: a file keyring, an SMTP server on
127.0.0.1 with a login (aiosmtpd), and the WhatsApp Cloud API stand-in answering the phone
number's own data too (``GET /{version}/{phone-number-id}``, which "Test connection" reads:
https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyrings.alt.file import PlaintextKeyring

from tests.channels import whatsapp_standin
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN, Answer, Received

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


@contextmanager
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring in a file under tmp_path for the test (never the user's own)."""
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "xdg" / "python_keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class Mailbox:
    """An aiosmtpd handler keeping what arrives: (from, recipients, raw message)."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Ok: queued as 4F2A1"


def _login(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == SMTP_USER.encode()
        and auth_data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on 127.0.0.1 (no TLS) taking ``SMTP_USER``'s login."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    mailbox = Mailbox()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, authenticator=_login, auth_require_tls=False
    )
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


class WhatsAppStandIn(whatsapp_standin.StandIn):
    """The WhatsApp stand-in plus the phone number's data."""

    def answer(self, got: Received) -> Answer:
        authorized = got.headers.get("authorization") == f"Bearer {TOKEN}"
        if authorized and got.method == "GET" and got.path.endswith(f"/{PHONE_NUMBER_ID}"):
            return Answer(
                200,
                {
                    "verified_name": "Boutique Aissata",
                    "display_phone_number": "+221 77 555 01 01",
                    "quality_rating": "GREEN",
                    "id": PHONE_NUMBER_ID,
                },
            )
        return super().answer(got)


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
