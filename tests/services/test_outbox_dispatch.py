"""The outbox and the dispatcher against real parts: an SMTP server (aiosmtpd) and the
Twilio stand-in. Exactly once, or flagged unknown — never twice."""

from __future__ import annotations

import asyncio
import email
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select, update

from localpro_desktop.channels.base import (
    Accepted,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.channels.twilio import TwilioSms
from localpro_desktop.channels.whatsapp import WhatsAppCloud
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.outbox import (
    MAX_ATTEMPTS,
    OutboxState,
    can_move,
    retry_delay,
)
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import campaign_sending, channel_setup
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.dispatch import (
    Throttle,
    channel_problems,
    dispatch_once,
    dispatch_until_idle,
    next_due,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, OutboxMessage
from tests.channels.sms_standins import Reply, StandIn, TwilioAccount, twilio_error
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID
from tests.channels.whatsapp_standin import TOKEN as WA_TOKEN
from tests.channels.whatsapp_standin import StandIn as WhatsAppStandIn

FROM = "boutique@aissata-couture.sn"


@dataclass
class Mailbox:
    """An aiosmtpd handler: keeps each message taken; can refuse or answer slowly."""

    received: list[email.message.EmailMessage] = field(default_factory=list)
    rcpt_replies: dict[str, str] = field(default_factory=dict)
    data_delay: float = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.received.append(message)  # type: ignore[arg-type]
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        return "250 2.0.0 Ok: queued"

    def count_by_recipient(self) -> Counter[str]:
        return Counter(str(m["To"]).split("<")[-1].rstrip(">") for m in self.received)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[Mailbox, int]]]:
    started: list[Controller] = []

    def start(box: Mailbox | None = None) -> tuple[Mailbox, int]:
        box = box or Mailbox()
        port = _free_port()
        controller = Controller(box, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return box, port

    yield start
    for controller in started:
        controller.stop()


def smtp(port: int) -> SmtpChannel:
    return SmtpChannel("127.0.0.1", port, "none", FROM, timeout=5.0, helo_name="laptop.local")


class _Ready:
    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    def is_set_up(self, _ws: Workspace) -> bool:
        return True


@contextmanager
def channel_ready(*channels: Channel) -> Iterator[None]:
    """These channels answer "set up" inside the block (queueing needs it)."""
    providers = [_Ready(channel) for channel in channels]
    for provider in providers:
        channel_setup.register(provider)
    try:
        yield
    finally:
        for provider in providers:
            channel_setup.unregister(provider)


def no_wait() -> dict[ChannelKind, Throttle]:
    return {kind: Throttle(1e9, burst=1e9) for kind in ChannelKind}


def queued_campaign(ws: Workspace, channel: Channel, addresses: list[str]) -> str:
    contacts = ContactService(ws)
    ids = []
    for i, address in enumerate(addresses):
        fields = {"first_name": f"Client{i}"}
        fields[{"email": "email", "sms": "phone", "whatsapp": "whatsapp"}[channel.value]] = address
        ids.append(contacts.add(fields).id)
    svc = CampaignService(ws)
    camp = svc.create(
        "Tabaski", channel, "Bonjour {{first_name}}, -20% pour la Tabaski.", subject="Offre"
    )
    svc.set_recipients(camp.id, ids)
    svc.queue_send(camp.id)
    return camp.id


def outbox_rows(ws: Workspace, campaign_id: str) -> list[OutboxMessage]:
    with ws.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.campaign_id == campaign_id)
                .order_by(OutboxMessage.address)
            )
        )


# -- the pure rules ---------------------------------------------------------------------


def test_states_and_backoff_rules() -> None:
    assert can_move(OutboxState.QUEUED, OutboxState.SENDING)
    assert not can_move(OutboxState.QUEUED, OutboxState.SENT)  # never sent unmarked
    assert not can_move(OutboxState.SENT, OutboxState.QUEUED)
    assert not can_move(OutboxState.UNKNOWN, OutboxState.SENDING)  # a person decides first
    assert retry_delay(1, jitter=0.0) == timedelta(seconds=15)
    assert retry_delay(3, jitter=0.999) < timedelta(seconds=120)
    assert retry_delay(3, jitter=0.0) == timedelta(seconds=60)
    assert retry_delay(30, jitter=0.5) <= timedelta(hours=1)
    assert retry_delay(1, jitter=0.0, retry_after=90) == timedelta(seconds=90)


def test_throttle_holds_the_rate_with_an_injected_clock() -> None:
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    bucket = Throttle(4.0, burst=1.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(9):
        bucket.acquire()
    assert clock[0] == pytest.approx(2.0)  # 9 messages at 4/s: the first free, 8 × 0.25 s


# -- queueing writes the outbox ---------------------------------------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_queue_send_writes_one_outbox_row_per_recipient(workspace: Workspace) -> None:
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn", "moussa@example.sn"])
    rows = outbox_rows(workspace, camp)
    recipients = {r.id: r for r, _ in CampaignService(workspace).recipients(camp)}
    assert [r.address for r in rows] == ["awa@example.sn", "moussa@example.sn"]
    assert {r.key for r in rows} == set(recipients)  # the idempotency key: the recipient id
    for row in rows:
        assert (row.state, row.attempts, row.channel) == ("queued", 0, "email")
        assert row.body == recipients[row.recipient_id].rendered_body
        assert row.subject == "Offre"
    # Local only: no change capture for the outbox.
    with workspace.engine.connect() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='outbox_messages'"
        ).all()
    assert triggers == []


# -- sending over SMTP ------------------------------------------------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_an_email_campaign_is_sent_once_to_each_and_completes(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    box, port = smtp_server()
    addresses = [f"client{i}@example.sn" for i in range(5)]
    camp = queued_campaign(workspace, Channel.EMAIL, addresses)

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert (report.sent, report.failed, report.unknown, report.completed) == (5, 0, 0, [camp])
    assert box.count_by_recipient() == Counter({a: 1 for a in addresses})
    (first,) = [m for m in box.received if m["To"] == "client0@example.sn"]
    assert "Bonjour Client0" in first.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    svc = CampaignService(workspace)
    assert svc.get(camp).status == CampaignStatus.COMPLETED
    stats = svc.stats(camp)
    assert (stats.sent, stats.failed) == (5, 0)
    for recipient, _ in svc.recipients(camp):
        assert recipient.status == RecipientStatus.SENT and recipient.sent_at is not None
        assert recipient.provider_id.startswith("<")
    assert {r.state for r in outbox_rows(workspace, camp)} == {"sent"}
    # A second round finds nothing: nothing is ever sent twice.
    again = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())
    assert again.attempted == 0 and len(box.received) == 5


@pytest.mark.usefixtures("channels_set_up")
def test_permanent_refusal_is_recorded_and_a_campaign_of_failures_fails(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    box = Mailbox(rcpt_replies={"gone@example.sn": "550 5.1.1 No such user"})
    box, port = smtp_server(box)
    camp = queued_campaign(workspace, Channel.EMAIL, ["gone@example.sn"])

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert (report.sent, report.failed) == (0, 1)
    ((recipient, _),) = CampaignService(workspace).recipients(camp)
    assert recipient.status == RecipientStatus.FAILED and recipient.failed_at is not None
    assert recipient.error == "550: 5.1.1 No such user (at RCPT TO)"
    (row,) = outbox_rows(workspace, camp)
    assert (row.state, row.error_code) == ("failed", "550")
    assert CampaignService(workspace).get(camp).status == CampaignStatus.FAILED


class Flaky:
    """Refuses with a transient error ``times`` times, then hands over to ``inner``."""

    kind = ChannelKind.EMAIL

    def __init__(self, inner: SmtpChannel, times: int, retry_after: float | None = None) -> None:
        self.inner, self.times, self.retry_after, self.calls = inner, times, retry_after, 0

    def send(self, message: OutboundMessage) -> Accepted:
        self.calls += 1
        if self.calls <= self.times:
            raise SendError("421", "try again later", transient=True, retry_after=self.retry_after)
        return self.inner.send(message)

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        return self.inner.lookup(message, since)


@pytest.mark.usefixtures("channels_set_up")
def test_transient_errors_are_retried_with_backoff_then_sent(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    box, port = smtp_server()
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn"])
    flaky = Flaky(smtp(port), times=2, retry_after=100)
    clock = [utcnow()]
    run = lambda: dispatch_once(  # noqa: E731
        workspace,
        {ChannelKind.EMAIL: flaky},
        now=lambda: clock[0],
        throttles=no_wait(),
        rng=random.Random(7),
    )

    assert run().retried == 1
    (row,) = outbox_rows(workspace, camp)
    assert (row.state, row.attempts, row.error_code) == ("queued", 1, "421")
    assert row.next_attempt_at - clock[0] >= timedelta(seconds=100)  # Retry-After honoured
    assert run().attempted == 0  # not due yet: nothing is tried
    clock[0] = row.next_attempt_at
    assert run().retried == 1
    (row,) = outbox_rows(workspace, camp)
    first_wait = timedelta(seconds=100)
    assert row.attempts == 2 and row.next_attempt_at - clock[0] >= first_wait
    clock[0] = row.next_attempt_at
    assert run().sent == 1
    assert len(box.received) == 1 and flaky.calls == 3
    assert CampaignService(workspace).get(camp).status == CampaignStatus.COMPLETED


@pytest.mark.usefixtures("channels_set_up")
def test_transient_errors_give_up_after_the_maximum_attempts(workspace: Workspace) -> None:
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn"])
    flaky = Flaky(smtp(_free_port()), times=99)
    clock = [utcnow()]
    for _ in range(MAX_ATTEMPTS):
        dispatch_once(
            workspace, {ChannelKind.EMAIL: flaky}, now=lambda: clock[0], throttles=no_wait()
        )
        clock[0] += timedelta(hours=2)
    (row,) = outbox_rows(workspace, camp)
    assert (row.state, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert row.error_words.startswith(f"Gave up after {MAX_ATTEMPTS} attempts")
    assert flaky.calls == MAX_ATTEMPTS


def _leave_sending(ws: Workspace, campaign_id: str, address: str, started: datetime) -> None:
    """What a dispatcher killed after marking a message ``sending`` leaves behind."""
    with ws.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.campaign_id == campaign_id, OutboxMessage.address == address)
            .values(state="sending", attempts=1, attempt_started_at=started)
        )


@pytest.mark.usefixtures("channels_set_up")
def test_a_message_left_sending_over_smtp_is_held_unknown_and_not_resent(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    box, port = smtp_server()
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn", "moussa@example.sn"])
    _leave_sending(workspace, camp, "awa@example.sn", utcnow())

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert (report.unknown, report.sent) == (1, 1)
    assert box.count_by_recipient() == Counter({"moussa@example.sn": 1})
    awa, moussa = outbox_rows(workspace, camp)
    assert (awa.state, moussa.state) == ("unknown", "sent")
    assert awa.error_code == "unknown"
    statuses = {
        r.address: (r.status, r.error) for r, _ in CampaignService(workspace).recipients(camp)
    }
    assert statuses["awa@example.sn"][0] == "queued"
    assert "check with the recipient before resending" in statuses["awa@example.sn"][1]
    # Held, never resent, however many rounds run.
    dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())
    assert len(box.received) == 1
    # An unknown message is not final: the campaign stays Sent until a person checks it.
    assert CampaignService(workspace).get(camp).status == CampaignStatus.SENT


# -- the look-up path (Twilio) ----------------------------------------------------------

SID, TOKEN, SENDER = "AC" + "0" * 32, "token-123", "+15005550006"


@pytest.mark.usefixtures("channels_set_up")
def test_twilio_lookup_resolves_a_sending_message_without_a_resend(workspace: Workspace) -> None:
    account = TwilioAccount(SID, TOKEN)
    with StandIn(account) as server, TwilioSms(SID, TOKEN, SENDER, base_url=server.url) as sms:
        camp = queued_campaign(workspace, Channel.SMS, ["771000001", "771000002", "771000003"])
        rows = {r.address: r for r in outbox_rows(workspace, camp)}
        started = utcnow()
        # 771000001: Twilio took it, then the dispatcher died before writing it down.
        taken = rows["+221771000001"]
        account.add(SENDER, to=taken.address, body=taken.body, sid="SMtaken", status="sent")
        _leave_sending(workspace, camp, "+221771000001", started)
        # 771000002: died before the request left; Twilio never saw it.
        _leave_sending(workspace, camp, "+221771000002", started)

        report = dispatch_once(workspace, {ChannelKind.SMS: sms}, throttles=no_wait())

        posts = [r.form["To"][0] for r in server.requests if r.method == "POST"]
    assert sorted(posts) == ["+221771000002", "+221771000003"]  # never 771000001 again
    assert (report.sent, report.requeued, report.unknown) == (3, 1, 0)
    by_address = {r.address: r for r in outbox_rows(workspace, camp)}
    assert by_address["+221771000001"].provider_id == "SMtaken"
    assert {r.state for r in by_address.values()} == {"sent"}
    for recipient, _ in CampaignService(workspace).recipients(camp):
        assert recipient.status == RecipientStatus.SENT
    assert CampaignService(workspace).get(camp).status == CampaignStatus.COMPLETED


# -- killed at random moments -----------------------------------------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_a_dispatcher_killed_at_random_moments_never_sends_twice(
    tmp_path: Path, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    """SIGKILL a dispatcher process again and again against a slow server, then let one
    finish: each person got exactly one message, or is flagged unknown — never two."""
    box, port = smtp_server(Mailbox(data_delay=0.2))
    root = tmp_path / "ws"
    addresses = [f"client{i:02d}@example.sn" for i in range(24)]
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        camp = queued_campaign(ws, Channel.EMAIL, addresses)
    finally:
        ws.close()
    worker = [sys.executable, str(Path(__file__).with_name("outbox_worker.py")), str(root)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    moments = random.Random(20261207)
    kills = 0
    for _ in range(8):
        proc = subprocess.Popen(
            [*worker, str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(moments.uniform(0.05, 0.6))
        if proc.poll() is None:
            proc.kill()  # SIGKILL: no cleanup, no finally
            kills += 1
        proc.wait(timeout=30)
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()
    done = subprocess.run([*worker, str(port)], capture_output=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr.decode()

    assert kills >= 6  # (all 8 with this seed: each run is cut short)
    got = box.count_by_recipient()
    assert max(got.values()) == 1, got  # never two
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        rows = outbox_rows(ws, camp)
        states = Counter(r.state for r in rows)
        assert set(states) <= {"sent", "unknown"}, states
        for row in rows:
            if row.state == "sent":
                assert got[row.address] == 1, row.address  # sent means it arrived, once
            else:
                assert got[row.address] <= 1
        # A kill costs at most the channel's window: 2 SMTP connections, each answer
        # written before its place is used again.
        assert states["sent"] >= len(addresses) - 2 * kills, states
        recipients = {r.address: r for r, _ in CampaignService(ws).recipients(camp)}
        for row in rows:
            expected = "sent" if row.state == "sent" else "queued"
            assert recipients[row.address].status == expected
        # Completed only when every message is final; unknown ones keep it Sent.
        final = CampaignStatus.SENT if states.get("unknown") else CampaignStatus.COMPLETED
        assert CampaignService(ws).get(camp).status == final
    finally:
        ws.close()


@pytest.mark.usefixtures("channels_set_up")
def test_a_lookup_twilio_cannot_answer_now_keeps_the_message_for_the_next_round(
    workspace: Workspace,
) -> None:
    account = TwilioAccount(SID, TOKEN)
    with StandIn(account) as server, TwilioSms(SID, TOKEN, SENDER, base_url=server.url) as sms:
        camp = queued_campaign(workspace, Channel.SMS, ["771000001"])
        _leave_sending(workspace, camp, "+221771000001", utcnow())
        server.script(Reply(500, twilio_error(500, 20500, "Internal Server Error")))

        first = dispatch_once(workspace, {ChannelKind.SMS: sms}, throttles=no_wait())
        (row,) = outbox_rows(workspace, camp)
        assert (first.unresolved, first.attempted, row.state) == (1, 0, "sending")
        assert not [r for r in server.requests if r.method == "POST"]

        second = dispatch_once(workspace, {ChannelKind.SMS: sms}, throttles=no_wait())
        posts = [r for r in server.requests if r.method == "POST"]
    assert (second.requeued, second.sent, len(posts)) == (1, 1, 1)
    assert CampaignService(workspace).get(camp).status == CampaignStatus.COMPLETED


# -- the outbox's extras reach the provider --------------------------------------------


def _set_extra(ws: Workspace, campaign_id: str, extra: Callable[[OutboxMessage], dict]) -> None:  # type: ignore[type-arg]
    """What ``outbox.enqueue`` keeps for the channel (rendered at queue time), set here so
    the test says exactly what goes in."""
    rows = outbox_rows(ws, campaign_id)
    with ws.write() as session:
        for row in rows:
            session.execute(
                update(OutboxMessage).where(OutboxMessage.id == row.id).values(extra=extra(row))
            )


@pytest.mark.usefixtures("channels_set_up")
def test_an_email_with_its_extras_goes_from_the_outbox_to_the_smtp_server(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]], tmp_path: Path
) -> None:
    """Queued → dispatched → aiosmtpd: headers, both parts with the personal fields, the
    unsubscribe line and headers (RFC 8058), the attachment byte for byte."""
    box, port = smtp_server()
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
    (tmp_path / "catalogue.pdf").write_bytes(pdf)
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn", "moussa@example.sn"])
    _set_extra(
        workspace,
        camp,
        lambda row: {
            "html": f"<html><body><p>{row.body.replace('Bonjour ', 'Bonjour <b>')}</b></p>"
            "</body></html>",
            "attachment": str(tmp_path / "catalogue.pdf"),
            "unsubscribe_url": f"https://cloud.localpro.app/u/{row.key}",
        },
    )

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert (report.sent, report.failed) == (2, 0)
    rows = {r.address: r for r in outbox_rows(workspace, camp)}
    for message in box.received:
        to = str(message["To"])
        row = rows[to]
        link = f"https://cloud.localpro.app/u/{row.key}"
        assert message["Subject"] == "Offre"
        assert message["Message-ID"] == row.provider_id  # from the key: same on a resend
        assert str(message["List-Unsubscribe"]).strip() == f"<{link}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_content_type() == "multipart/mixed"
        alternative, attached = message.iter_parts()
        plain, rich = alternative.iter_parts()  # type: ignore[attr-defined]
        name = "Client0" if to == "awa@example.sn" else "Client1"
        assert f"Bonjour {name}, -20% pour la Tabaski." in plain.get_content()
        assert plain.get_content().rstrip().endswith(link)
        assert f"Bonjour <b>{name}, -20% pour la Tabaski.</b>" in rich.get_content()
        assert f'<a href="{link}">' in rich.get_content()
        assert attached.get_content_type() == "application/pdf"
        assert attached.get_filename() == "catalogue.pdf"
        assert attached.get_content() == pdf


@pytest.mark.usefixtures("channels_set_up")
def test_an_attachment_that_is_neither_an_image_nor_a_pdf_fails_the_message(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]], tmp_path: Path
) -> None:
    box, port = smtp_server()
    (tmp_path / "prices.xlsx").write_bytes(b"PK\x03\x04")
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn"])
    _set_extra(workspace, camp, lambda _row: {"attachment": str(tmp_path / "prices.xlsx")})

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert (report.sent, report.failed, len(box.received)) == (0, 1, 0)
    (row,) = outbox_rows(workspace, camp)
    assert (row.state, row.error_code) == ("failed", "attachment")
    assert row.error_words == "Only an image or a PDF can be attached, not prices.xlsx."


@pytest.mark.usefixtures("channels_set_up")
def test_a_whatsapp_template_with_named_values_leaves_the_outbox_as_meta_documents(
    workspace: Workspace,
) -> None:
    camp = queued_campaign(workspace, Channel.WHATSAPP, ["771000001"])
    _set_extra(
        workspace,
        camp,
        lambda row: {
            "template": "tabaski_offer",
            "template_language": "fr",
            "template_params": [["first_name", "Awa"], ["discount", "20%"]],
        },
    )
    server = WhatsAppStandIn().start()
    try:
        with WhatsAppCloud(PHONE_NUMBER_ID, WA_TOKEN, base_url=server.url) as wa:
            report = dispatch_once(workspace, {ChannelKind.WHATSAPP: wa}, throttles=no_wait())
    finally:
        server.stop()
    assert report.sent == 1
    (got,) = server.received
    (row,) = outbox_rows(workspace, camp)
    payload = got.json()
    assert payload["biz_opaque_callback_data"] == row.key
    assert payload["template"] == {
        "name": "tabaski_offer",
        "language": {"code": "fr"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "parameter_name": "first_name", "text": "Awa"},
                    {"type": "text", "parameter_name": "discount", "text": "20%"},
                ],
            }
        ],
    }
    assert row.provider_id.startswith("wamid.")


# -- channel-wide errors: the channel stops, nothing is counted --------------------------

SMTP_PASSWORD = "s3cret-P@ss"


def _login_check(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"tailor"
        and auth_data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


@pytest.mark.usefixtures("channels_set_up")
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_a_wrong_smtp_password_stops_email_and_fails_nothing_then_all_go_out(
    workspace: Workspace,
) -> None:
    box = Mailbox()
    port = _free_port()
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=port,
        authenticator=_login_check,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    try:
        addresses = [f"client{i}@example.sn" for i in range(6)]
        camp = queued_campaign(workspace, Channel.EMAIL, addresses)

        def channel(password: str) -> SmtpChannel:
            return SmtpChannel("127.0.0.1", port, "none", FROM, "tailor", password, timeout=5.0)

        first = dispatch_once(workspace, {ChannelKind.EMAIL: channel("wrong")}, throttles=no_wait())

        assert (first.sent, first.failed, first.retried, first.unknown) == (0, 0, 0, 0)
        assert first.held >= 1 and first.attempted == 0
        assert set(first.problems) == {"email"}
        assert box.received == []
        rows = outbox_rows(workspace, camp)
        assert {(r.state, r.attempts) for r in rows} == {("queued", 0)}  # no attempt counted
        problems = channel_problems(workspace)
        assert set(problems) == {Channel.EMAIL}
        assert "refused the login for user 'tailor'" in problems[Channel.EMAIL]
        assert "wrong" not in problems[Channel.EMAIL]  # never the password
        recipients = CampaignService(workspace).recipients(camp)
        assert {(r.status, r.error) for r, _ in recipients} == {("queued", "")}

        # The password is fixed: everything goes, once, and the problem is forgotten.
        second = dispatch_once(
            workspace, {ChannelKind.EMAIL: channel(SMTP_PASSWORD)}, throttles=no_wait()
        )
        assert (second.sent, second.failed, second.held) == (6, 0, 0)
        assert box.count_by_recipient() == Counter({a: 1 for a in addresses})
        assert channel_problems(workspace) == {}
        assert {r.state for r in outbox_rows(workspace, camp)} == {"sent"}
        assert CampaignService(workspace).get(camp).status == CampaignStatus.COMPLETED
    finally:
        controller.stop()


@pytest.mark.usefixtures("channels_set_up")
def test_no_connection_holds_the_messages_without_spending_their_attempts(
    workspace: Workspace,
) -> None:
    camp = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn", "moussa@example.sn"])
    for _ in range(MAX_ATTEMPTS + 2):  # more rounds than attempts: offline never fails one
        report = dispatch_once(
            workspace, {ChannelKind.EMAIL: smtp(_free_port())}, throttles=no_wait()
        )
        assert (report.failed, report.retried, report.attempted) == (0, 0, 0)
    assert {(r.state, r.attempts) for r in outbox_rows(workspace, camp)} == {("queued", 0)}
    assert "could not reach 127.0.0.1" in channel_problems(workspace)[Channel.EMAIL]


def test_dispatch_until_idle_rests_a_stopped_channel_and_keeps_sending_the_others(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    """A stopped channel does not spin the loop: the others' messages still go."""
    with channel_ready(Channel.EMAIL, Channel.SMS):
        box, port = smtp_server()
        mail = queued_campaign(workspace, Channel.EMAIL, ["awa@example.sn"])
        sms_camp = queued_campaign(workspace, Channel.SMS, ["771000001"])
        account = TwilioAccount(SID, "another-token")  # our token is refused: 20003
        with StandIn(account) as server, TwilioSms(SID, TOKEN, SENDER, base_url=server.url) as sms:
            total = dispatch_until_idle(
                workspace,
                {ChannelKind.EMAIL: smtp(port), ChannelKind.SMS: sms},
                throttles=no_wait(),
            )
            posts = [r for r in server.requests if r.method == "POST"]
    assert (total.sent, total.failed) == (1, 0)
    assert len(posts) == 1  # tried once, then the SMS channel rested
    assert set(total.problems) == {"sms"}
    assert "auth token" in channel_problems(workspace)[Channel.SMS]
    assert CampaignService(workspace).get(mail).status == CampaignStatus.COMPLETED
    assert {r.state for r in outbox_rows(workspace, sms_camp)} == {"queued"}
    assert len(box.received) == 1


# -- which campaigns may leave from here -------------------------------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_paused_cancelled_or_taken_over_campaigns_are_not_claimed(
    workspace: Workspace, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    box, port = smtp_server()
    paused = queued_campaign(workspace, Channel.EMAIL, ["p@example.sn"])
    cancelled = queued_campaign(workspace, Channel.EMAIL, ["c@example.sn"])
    elsewhere = queued_campaign(workspace, Channel.EMAIL, ["e@example.sn"])
    here = queued_campaign(workspace, Channel.EMAIL, ["h@example.sn"])
    with workspace.write() as session:
        for campaign_id, values in (
            (paused, {"paused_at": utcnow()}),
            (cancelled, {"cancelled_at": utcnow()}),
            (elsewhere, {"sender_device_id": "0190-another-laptop"}),
        ):
            session.execute(update(Campaign).where(Campaign.id == campaign_id).values(**values))

    report = dispatch_once(workspace, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())

    assert report.sent == 1
    assert box.count_by_recipient() == Counter({"h@example.sn": 1})
    for campaign_id in (paused, cancelled, elsewhere):
        assert {r.state for r in outbox_rows(workspace, campaign_id)} == {"queued"}
    assert CampaignService(workspace).get(here).status == CampaignStatus.COMPLETED
    assert next_due(workspace, [ChannelKind.EMAIL]) is None  # nothing left that may go


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[None]:
    """Sync keeps its tokens in the keyring: a file under tmp_path, never the real one."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.mark.usefixtures("channels_set_up", "file_keyring")
def test_two_laptops_synced_only_the_sending_one_dispatches(
    tmp_path: Path, smtp_server: Callable[..., tuple[Mailbox, int]]
) -> None:
    """Two workspaces (two SQLite files) on one account, synced through a real server:
    laptop A queues; B sees the campaign but has nothing to send; B takes over; after the
    next sync A's dispatcher sends nothing of it, B sends it all, once."""
    from localpro_cloud.app import create_app
    from tests.sync.synckit import SECRET, Cloud, Fleet, ServerClock, running

    box, port = smtp_server()
    database_url = f"sqlite:///{(tmp_path / 'cloud.sqlite').as_posix()}"
    clock = ServerClock()
    with running(create_app(database_url, secret=SECRET, clock=clock)) as url:
        cloud = Cloud(url=url, database_url=database_url, clock=clock, backend="sqlite")
        fleet = Fleet(cloud, tmp_path / "laptops")
        try:
            a, b = fleet.device("a"), fleet.device("b")
            addresses = ["awa@example.sn", "moussa@example.sn", "fatou@example.sn"]
            camp = queued_campaign(a.ws, Channel.EMAIL, addresses)
            fleet.sync_all()
            seen = CampaignService(b.ws).get(camp)
            assert (seen.status, seen.sender_device_id) == ("sent", a.ws.device_id)
            assert dispatch_once(b.ws, {ChannelKind.EMAIL: smtp(port)}).attempted == 0

            campaign_sending.take_over(b.ws, camp)
            fleet.sync_all()
            assert CampaignService(a.ws).get(camp).sender_device_id == b.ws.device_id

            on_a = dispatch_once(a.ws, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())
            assert (on_a.attempted, box.received) == (0, [])
            assert {r.state for r in outbox_rows(a.ws, camp)} == {"queued"}  # left alone

            on_b = dispatch_once(b.ws, {ChannelKind.EMAIL: smtp(port)}, throttles=no_wait())
            assert on_b.sent == 3
            assert box.count_by_recipient() == Counter({address: 1 for address in addresses})
        finally:
            fleet.close()
            cloud.close()
