"""``localpro dispatch``: nothing set up → says so and exits 0; with a channel → sends."""

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.cli.main import main
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import channel_setup
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import Workspace


class Inbox:
    def __init__(self) -> None:
        self.rcpts: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.rcpts.extend(envelope.rcpt_tos)
        return "250 OK"


class SmtpProvider:
    """A provider that is set up and builds an SmtpChannel to the test's server."""

    channel = Channel.EMAIL

    def __init__(self, port: int) -> None:
        self.port = port

    def is_set_up(self, _ws: Workspace) -> bool:
        return True

    def build(self, _ws: Workspace) -> SmtpChannel:
        return SmtpChannel("127.0.0.1", self.port, "none", "shop@example.sn", timeout=5.0)


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _queued(home: Path, emails: list[str]) -> str:
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:
        ids = [
            ContactService(ws).add({"first_name": f"C{i}", "email": e}).id
            for i, e in enumerate(emails)
        ]
        svc = CampaignService(ws)
        camp = svc.create("Tabaski", Channel.EMAIL, "Bonjour {{first_name}}", subject="Offre")
        svc.set_recipients(camp.id, ids)
        svc.queue_send(camp.id)
        return camp.id
    finally:
        ws.close()


def test_dispatch_with_no_channel_set_up_says_so_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "ws")
    assert main(["--data-dir", home, "dispatch"]) == 0
    assert capsys.readouterr().out.strip() == "No channel is set up yet: nothing to send."
    assert main(["--data-dir", home, "dispatch", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "channels": [],
        "pending": 0,
        "message": "No channel is set up yet: nothing to send.",
    }


def test_dispatch_sends_a_queued_campaign_over_a_real_smtp_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    home = tmp_path / "ws"
    emails = ["awa@example.sn", "moussa@example.sn", "fatou@example.sn"]
    with channel_setup.registered(SmtpProvider(port)):
        campaign_id = _queued(home, emails)
        assert main(["--data-dir", str(home), "dispatch", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert sorted(inbox.rcpts) == sorted(emails)
        assert (data["channels"], data["sent"], data["failed"], data["pending"]) == (
            ["email"],
            3,
            0,
            0,
        )
        assert data["completed"] == [campaign_id]
        # Run again: nothing left, nothing sent twice.
        assert main(["--data-dir", str(home), "dispatch"]) == 0
        assert capsys.readouterr().out.strip() == "Nothing to send now."
        assert len(inbox.rcpts) == 3
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:
        svc = CampaignService(ws)
        assert svc.get(campaign_id).status == CampaignStatus.COMPLETED
        assert {r.status for r, _ in svc.recipients(campaign_id)} == {RecipientStatus.SENT}
    finally:
        ws.close()
