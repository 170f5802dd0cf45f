"""Real sending parts for the UI tests: an SMTP server (aiosmtpd), the e-mail channel set
up on it, campaigns queued to demo contacts, and the app's dispatcher worker.

The e-mail channel is configured the way the settings screen does it
(``channel_config.save``): a local server without sign-in needs no secret, so the adapters
the worker builds (``channel_setup.build_channels``) are the real SMTP ones.
"""

from __future__ import annotations

import asyncio
import email
import socket
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import select, update

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services import campaign_sending, channel_config
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, Contact, OutboxMessage
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.dispatch_worker import DispatchWorker

FROM = "boutique@aissata-couture.sn"


@dataclass
class Mailbox:
    """An aiosmtpd handler: keeps every message taken; can answer DATA slowly."""

    received: list[EmailMessage] = field(default_factory=list)
    data_delay: float = 0.0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.received.append(message)  # type: ignore[arg-type]  # EmailMessage with that policy
        return "250 2.0.0 Ok: queued"

    def count_by_recipient(self) -> Counter[str]:
        return Counter(str(m["To"]).split("<")[-1].rstrip(">").lower() for m in self.received)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[None]:
    """A keyring in a file under tmp_path: the real OS keyring is never touched."""
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture
def email_channel(ui_ctx: UiContext, mailbox: tuple[Mailbox, int], file_keyring: None) -> Mailbox:
    """The e-mail channel set up on the local server, fast enough for tests."""
    box, port = mailbox
    settings = channel_config.EmailSettings(
        host="127.0.0.1", port=port, security="none", from_address=FROM, rate=50.0
    )
    channel_config.save(ui_ctx.ws, settings, None)
    return box


@pytest.fixture
def start_worker(ui_ctx: UiContext) -> Iterator[Callable[..., DispatchWorker]]:
    """Starts the app's dispatcher (quick idle rounds); stopped, thread joined, at the end."""
    started: list[DispatchWorker] = []

    def start(**options: Any) -> DispatchWorker:
        options.setdefault("idle_seconds", 0.2)
        worker = DispatchWorker(ui_ctx, **options)
        worker.start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        assert worker.stop(30.0), "the dispatcher thread did not stop"
        worker.deleteLater()


def email_contacts(ws: Workspace, n: int) -> list[Contact]:
    with ws.read() as session:
        rows = list(
            session.scalars(
                select(Contact)
                .where(
                    Contact.deleted_at.is_(None),
                    Contact.email_normalized.is_not(None),
                    Contact.opt_out_email.is_(False),
                )
                .order_by(Contact.id)
                .limit(n)
            )
        )
    assert len(rows) == n, "the demo workspace has reachable e-mail contacts"
    return rows


def email_campaign(ws: Workspace, n: int, name: str = "Tabaski offer") -> tuple[str, list[str]]:
    """A campaign to ``n`` demo contacts by e-mail, queued from this laptop."""
    contacts = email_contacts(ws, n)
    svc = CampaignService(ws)
    campaign = svc.create(
        name, Channel.EMAIL, "Bonjour {{first_name}}, -20% pour la Tabaski.", subject="Tabaski"
    )
    svc.set_recipients(campaign.id, [c.id for c in contacts])
    campaign_sending.send(ws, campaign.id)
    return campaign.id, [str(c.email_normalized).lower() for c in contacts]


def leave_sending(ws: Workspace, campaign_id: str) -> str:
    """What a dispatcher killed after marking a message ``sending`` leaves behind (the
    campaign's first message, by address); returns that address."""
    with ws.write() as session:
        row = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.campaign_id == campaign_id)
            .order_by(OutboxMessage.address)
            .limit(1)
        ).one()
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(state="sending", attempts=1, attempt_started_at=utcnow())
        )
        return str(row.address).lower()


def sent_from_elsewhere(ws: Workspace, campaign_id: str, device: str = "laptop-of-awa") -> None:
    """The campaign as it arrives by sync from the laptop that pressed Send."""
    with ws.write() as session:
        session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(sender_device_id=device)
        )
