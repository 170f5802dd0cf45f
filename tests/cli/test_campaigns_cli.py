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


# -- issue 10: create, send, status and the controls, as scripts call them ------------------


def _run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _contacts(home: Path) -> dict[str, str]:
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:
        ws.update_settings(timezone="Africa/Lagos")  # UTC+1
        svc = ContactService(ws)
        people = {
            "awa": svc.add({"first_name": "Awa", "phone": "771234567", "whatsapp": "771234567"}).id,
            "modou": svc.add({"first_name": "Modou", "phone": "781112233"}).id,
            "ibou": svc.add({"first_name": "Ibou", "email": "ibou@example.sn"}).id,
        }
        from localpro_desktop.services.segments import SegmentService

        SegmentService(ws).create_static("Clients Dakar", list(people.values()))
        return people
    finally:
        ws.close()


@pytest.mark.usefixtures("channels_set_up")
def test_create_send_status_as_a_script_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    _contacts(home)
    body = tmp_path / "offer.txt"
    body.write_text("Bonjour {{first_name}}, -20% pour la Tabaski !", encoding="utf-8")
    code, out, err = _run(
        capsys, home, "campaigns", "create", "--name", "Tabaski", "--channel", "sms",
        "--segment", "clients dakar", "--body-file", str(body), "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert (created["status"], created["recipients"], created["excluded"]) == (
        "draft",
        2,
        {"no_address": 1},
    )
    campaign_id = created["id"]

    code, out, err = _run(capsys, home, "campaigns", "send", campaign_id, "--json")
    assert code == 0, err
    sent = json.loads(out)
    assert (sent["status"], sent["queued"], sent["audience"], sent["sms_parts"]) == (
        "sent",
        2,
        2,
        2,
    )
    assert (sent["cost"], sent["unicode_chars"]) == (None, "")

    code, out, err = _run(capsys, home, "--json", "campaigns", "status", campaign_id)
    assert code == 0, err
    status = json.loads(out)
    assert status["status"] == "sent"
    assert status["counts"] == {
        "queued": 2,
        "sending": 0,
        "sent": 0,
        "delivered": 0,
        "opened": 0,
        "replied": 0,
        "failed": 0,
        "skipped": 0,
        "unknown": 0,
    }
    assert (status["response_rate"], status["opted_out"]) == (None, 0)  # nothing sent yet

    for action, paused in (("pause", True), ("resume", False)):
        code, out, err = _run(capsys, home, "campaigns", action, campaign_id, "--json")
        assert code == 0, err
        assert json.loads(out)["paused"] is paused
    code, out, err = _run(capsys, home, "campaigns", "cancel", campaign_id)
    assert code == 0 and "sent messages stay sent" in out
    code, out, _err = _run(capsys, home, "campaigns", "status", campaign_id, "--json")
    assert json.loads(out)["counts"]["skipped"] == 2 and json.loads(out)["status"] == "failed"


@pytest.mark.usefixtures("channels_set_up")
def test_create_with_a_template_an_attachment_and_a_schedule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    people = _contacts(home)
    code, out, err = _run(
        capsys, home, "campaigns", "create", "--name", "Korité", "--channel", "whatsapp",
        "--contact", people["awa"], people["modou"], "--template", "korite_offer",
        "--language", "fr", "--var", "1=first_name", "--var", "2=city|chez vous",
        "--schedule", "2099-06-15T09:00", "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert created["status"] == "scheduled"
    assert created["scheduled_at"] == "2099-06-15 08:00:00"  # 09:00 in Lagos, stored UTC
    assert (created["recipients"], created["excluded"]) == (1, {"no_address": 1})
    code, out, _ = _run(capsys, home, "--json", "campaigns", "show", created["id"])
    shown = json.loads(out)
    assert (shown["template"], shown["template_vars"]) == (
        "korite_offer",
        ["1=first_name", "2=city|chez vous"],
    )

    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    ibou_body = tmp_path / "mail.txt"
    ibou_body.write_text("Bonjour {{first_name}}", encoding="utf-8")
    code, out, err = _run(
        capsys, home, "campaigns", "create", "--name", "Catalogue", "--channel", "email",
        "--contact", people["ibou"], "--body-file", str(ibou_body), "--subject", "Nouveautés",
        "--attach", str(pdf), "--schedule", "2099-06-15T09:00:00+00:00", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["scheduled_at"] == "2099-06-15 09:00:00"

    # Clear refusals, nothing created.
    code, _out, err = _run(
        capsys, home, "campaigns", "create", "--name", "x", "--channel", "sms",
        "--contact", people["awa"], "--template", "t", "--language", "fr",
    )  # fmt: skip
    assert code == 1 and "Only WhatsApp campaigns" in err
    code, _out, err = _run(
        capsys, home, "campaigns", "create", "--name", "x", "--channel", "whatsapp",
        "--contact", people["awa"], "--template", "t", "--var", "1=age", "--language", "fr",
    )  # fmt: skip
    assert code == 1 and "'age', which is not a contact field" in err
    code, _out, err = _run(
        capsys, home, "campaigns", "create", "--name", "x", "--channel", "email",
        "--contact", people["ibou"], "--body-file", str(ibou_body), "--attach",
        str(tmp_path / "missing.pdf"),
    )  # fmt: skip
    assert code == 1 and "does not exist" in err
    code, _out, err = _run(
        capsys, home, "campaigns", "create", "--name", "x", "--channel", "sms",
        "--contact", people["awa"], "--body-file", str(ibou_body), "--schedule", "soon",
    )  # fmt: skip
    assert code == 1 and "Cannot read the time 'soon'" in err
    code, out, _ = _run(capsys, home, "--json", "campaigns", "list")
    assert len(json.loads(out)) == 2


@pytest.mark.usefixtures("channels_set_up")
def test_send_over_the_plan_limit_refuses_then_sends_what_is_allowed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from localpro_desktop.domain.plans import PLAN_LIMITS, Metric, month_key
    from localpro_desktop.services.usage import today_utc
    from localpro_desktop.store.models import UsageEvent

    home = tmp_path / "ws"
    _contacts(home)
    body = tmp_path / "offer.txt"
    body.write_text("Bonjour {{first_name}}", encoding="utf-8")
    code, out, _ = _run(
        capsys, home, "--json", "campaigns", "create", "--name", "Tabaski", "--channel", "sms",
        "--segment", "Clients Dakar", "--body-file", str(body),
    )  # fmt: skip
    campaign_id = json.loads(out)["id"]
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:
        limit = PLAN_LIMITS[ws.settings().plan][Metric.MESSAGES]
        assert limit is not None
        with ws.write() as session:
            session.add(
                UsageEvent(metric="messages", month=month_key(today_utc()), quantity=limit - 1)
            )
    finally:
        ws.close()

    code, out, err = _run(capsys, home, "--json", "campaigns", "send", campaign_id)
    assert code == 1 and out == ""
    error = json.loads(err)["error"]
    assert "Only 1 of the 2 messages can go this month" in error and "--at-most 1" in error

    code, out, err = _run(capsys, home, "campaigns", "send", campaign_id, "--at-most", "1")
    assert code == 0, err
    assert out.startswith("Messages queued for 'Tabaski' on sms: 1.")
    assert "1 left for later (monthly message limit reached)" in out
    assert "No price is set for this channel" in out


@pytest.mark.usefixtures("channels_set_up")
def test_take_over_asks_on_a_terminal_and_never_without_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from sqlalchemy import delete, update

    from localpro_desktop.store.models import Campaign, OutboxMessage

    home = tmp_path / "ws"
    campaign_id = _draft(home)
    assert _run(capsys, home, "campaigns", "send", campaign_id)[0] == 0
    ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
    try:  # as after a sync: laptop B pressed Send, this one has no outbox for it
        with ws.write() as session:
            session.execute(delete(OutboxMessage))
            session.execute(update(Campaign).values(sender_device_id="laptop-b"))
    finally:
        ws.close()

    class Piped(io.StringIO):
        def isatty(self) -> bool:
            return False

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Piped("y\n"))
    code, _out, err = _run(capsys, home, "campaigns", "take-over", campaign_id)
    assert code == 1
    assert "would get the message twice" in err and "run it again with --yes" in err
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, _out, err = _run(capsys, home, "campaigns", "take-over", campaign_id)
    assert code == 1 and "Take over sending on this computer? [y/N]" in err
    assert "the other computer keeps sending" in err
    code, out, _ = _run(capsys, home, "--json", "campaigns", "status", campaign_id)
    assert json.loads(out)["sends_here"] is False

    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, err = _run(capsys, home, "campaigns", "take-over", campaign_id)
    assert code == 0, err
    assert "This computer now sends 'Tabaski promo'" in out
    code, out, _ = _run(capsys, home, "--json", "campaigns", "status", campaign_id)
    assert json.loads(out)["sends_here"] is True
    code, _out, err = _run(capsys, home, "campaigns", "take-over", campaign_id, "--yes")
    assert code == 1 and "already being sent from this computer" in err
    monkeypatch.setattr("sys.stdin", Piped(""))
    code, _out, err = _run(capsys, home, "campaigns", "take-over", campaign_id)
    assert code == 1 and "already being sent from this computer" in err and "twice" not in err
