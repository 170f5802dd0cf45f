"""``localpro campaigns``: send refuses on a channel with no service, and the list is honest."""

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import Workspace


def _draft(home: Path) -> str:
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:
        contact = ContactService(ws).add({"first_name": "Awa", "phone": "771234567"})
        svc = CampaignService(ws)
        campaign = svc.create("Tabaski promo", Channel.SMS, "Bonjour {{first_name}}")
        svc.set_recipients(campaign.id, [contact.id])
        return campaign.id
    finally:
        ws.close()


def test_send_refuses_when_no_sms_service_is_set_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    campaign_id = _draft(home)
    code = main(["--data-dir", str(home), "--json", "campaigns", "send", campaign_id])
    _out, err = capsys.readouterr()
    assert code == 1
    error = json.loads(err)["error"]
    assert error.startswith("No SMS service is set up yet — set one up before sending.")
    assert "Nothing was queued" in error
    assert main(["--data-dir", str(home), "--json", "campaigns", "list"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["status"], row["state"], row["sent"]) == ("draft", "draft", 0)


@pytest.mark.usefixtures("channels_set_up")
def test_send_queues_and_the_list_says_waiting_not_sent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    campaign_id = _draft(home)
    assert main(["--data-dir", str(home), "--json", "campaigns", "send", campaign_id]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert (sent["status"], sent["state"], sent["queued"]) == ("sent", "waiting", 1)
    assert main(["--data-dir", str(home), "--json", "campaigns", "show", campaign_id]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "waiting"
