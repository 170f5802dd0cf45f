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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from localpro_desktop.channels.base import (
    Accepted,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.channels.twilio import TwilioSms
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.outbox import (
    MAX_ATTEMPTS,
    OutboxState,
    can_move,
    retry_delay,
)
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.dispatcher import Throttle, dispatch_once
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import OutboxMessage
from tests.channels.sms_standins import Reply, StandIn, TwilioAccount, twilio_error

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


def no_wait() -> dict[ChannelKind, Throttle]:
    return {kind: Throttle(1e9, burst=1e9) for kind in ChannelKind}


def queued_campaign(ws: Workspace, channel: Channel, addresses: list[str]) -> str:
    contacts = ContactService(ws)
    ids = []
    for i, address in enumerate(addresses):
        fields = {"first_name": f"Client{i}"}
        fields["email" if channel is Channel.EMAIL else "phone"] = address
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
    assert "Bonjour Client0" in box.received[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
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
        assert states["sent"] >= len(addresses) - kills
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
