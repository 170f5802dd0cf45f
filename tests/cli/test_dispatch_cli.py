"""``localpro dispatch``: nothing set up → says so and exits 0; with a channel → sends;
refuses (exit 3) while another dispatcher holds the lease; queues scheduled campaigns;
reports a stopped channel."""

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.cli.main import main
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import channel_setup
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign as CampaignRow


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


# -- one dispatcher per workspace ------------------------------------------------------


WORKER = Path(__file__).parents[1] / "services" / "outbox_worker.py"


def test_dispatch_refuses_while_the_app_holds_the_lease(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, smtp: tuple[Inbox, int]
) -> None:
    """Exit 3 and who holds it; nothing sent. Once the app lets go, it sends."""
    inbox, port = smtp
    home = tmp_path / "ws"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    with channel_setup.registered(SmtpProvider(port)):
        _queued(home, ["awa@example.sn"])
        app = subprocess.Popen(
            [sys.executable, str(WORKER), str(home), "lease", "the LocalPro app (pid 4242)", "30"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        try:
            assert app.stdout is not None and app.stdout.readline().strip() == b"held"
            assert main(["--data-dir", str(home), "dispatch"]) == 3
            err = capsys.readouterr().err
            assert err.startswith("error: Another dispatcher is already sending")
            assert "the LocalPro app (pid 4242)" in err
            assert main(["--data-dir", str(home), "dispatch", "--json"]) == 3
            refused = json.loads(capsys.readouterr().err)
            assert refused["holder"] == "the LocalPro app (pid 4242)"
            assert inbox.rcpts == []
        finally:
            assert app.stdin is not None
            app.stdin.close()  # the app quits: it gives the lease back
            app.wait(timeout=10)
            assert app.stdout is not None
            app.stdout.close()
        assert main(["--data-dir", str(home), "dispatch", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["sent"] == 1
        assert inbox.rcpts == ["awa@example.sn"]


# -- scheduled campaigns, and a stopped channel ----------------------------------------


def test_dispatch_sends_scheduled_campaigns_and_late_ones_only_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    home = tmp_path / "ws"
    with channel_setup.registered(SmtpProvider(port)):
        ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
        try:
            svc = CampaignService(ws)
            ids = {}
            for name, address, ago in (
                ("due", "due@example.sn", 5),
                ("late", "late@example.sn", 3000),
            ):
                contact = ContactService(ws).add({"first_name": name, "email": address})
                camp = svc.create(name, Channel.EMAIL, "Bonjour {{first_name}}", subject="Offre")
                svc.set_recipients(camp.id, [contact.id])
                svc.schedule(camp.id, utcnow() + timedelta(hours=1))
                with ws.write() as session:  # the time came while the laptop was off
                    session.execute(
                        update(CampaignRow)
                        .where(CampaignRow.id == camp.id)
                        .values(scheduled_at=utcnow() - timedelta(minutes=ago))
                    )
                ids[name] = camp.id
        finally:
            ws.close()

        assert main(["--data-dir", str(home), "dispatch", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["queued_campaigns"] == [ids["due"]] and data["sent"] == 1
        assert inbox.rcpts == ["due@example.sn"]  # 50 hours late: not without asking

        assert main(["--data-dir", str(home), "dispatch", "--include-late", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["queued_campaigns"] == [ids["late"]] and data["sent"] == 1
        assert sorted(inbox.rcpts) == ["due@example.sn", "late@example.sn"]


def test_a_stopped_channel_is_reported_and_nothing_counts_as_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])  # nobody listens there: no connection
    home = tmp_path / "ws"
    with channel_setup.registered(SmtpProvider(port)):
        _queued(home, ["awa@example.sn", "moussa@example.sn"])
        assert main(["--data-dir", str(home), "dispatch"]) == 0
        out = capsys.readouterr().out
        assert "Messages waiting for a stopped channel:" in out
        assert "Sending by e-mail is stopped (could not reach 127.0.0.1" in out
        assert "none was counted as failed" in out
        assert main(["--data-dir", str(home), "dispatch", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert (data["failed"], data["pending"]) == (0, 2)
        assert set(data["problems"]) == {"email"}
