"""Sending a campaign, on a real workspace: the summary before, queueing, the plan's limit,
pause/resume/cancel, take over, progress, unknown messages and follow-up drafts."""

from __future__ import annotations

import html
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import delete, func, select, update

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus, ShownState
from localpro_desktop.domain.errors import InvalidTransitionError, UserError
from localpro_desktop.domain.messages import outbox as outbox_msg
from localpro_desktop.domain.plans import Metric, Plan, PlanLimitError, month_key
from localpro_desktop.services import campaign_drafts, campaign_sending, channel_config
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.campaign_drafts import CampaignDraft, RecipientSource
from localpro_desktop.services.campaign_views import load_overview
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.usage import report, today_utc
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage, UsageEvent
from tests.channels import local_kit

pytestmark = pytest.mark.usefixtures("channels_set_up")

FROM = "boutique@aissata-couture.sn"
# ’ and ê force UCS-2: 97 characters are 2 parts in UCS-2, 1 in GSM-7.
SMS_BODY = (
    "Bonjour {{first_name}}, l’offre de fête est là : -20 % sur tous les boubous jusqu'à samedi !"
)


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring in a file under tmp_path (never the OS one)."""
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


def _people(ws: Workspace) -> dict[str, str]:
    svc = ContactService(ws)
    return {
        "awa": svc.add(
            {
                "first_name": "Awa",
                "company": "Awa Couture",
                "phone": "771234567",
                "whatsapp": "771234567",
                "email": "awa@example.sn",
            }
        ).id,
        "modou": svc.add(
            {"first_name": "Modou", "city": "Thiès", "phone": "781112233", "whatsapp": "781112233"}
        ).id,
        "fatou": svc.add(
            {"first_name": "Fatou", "phone": "761234567", "email": "fatou@example.sn"}
        ).id,
        "ibou": svc.add({"first_name": "Ibou", "email": "ibou@example.sn"}).id,
    }


def _draft(
    ws: Workspace,
    contact_ids: list[str],
    *,
    channel: Channel = Channel.SMS,
    body: str = "Bonjour {{first_name}}",
    **extra: object,
) -> str:
    draft = CampaignDraft(
        campaign_id=None,
        name="Tabaski",
        channel=channel,
        subject=str(extra.pop("subject", "")),
        body=body,
        source=RecipientSource(contact_ids=tuple(contact_ids)),
        **extra,  # type: ignore[arg-type]
    )
    return campaign_drafts.save_draft(ws, draft)


def _outbox(ws: Workspace, campaign_id: str) -> list[OutboxMessage]:
    with ws.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.campaign_id == campaign_id)
                .order_by(OutboxMessage.address)
            )
        )


def _recipients(ws: Workspace, campaign_id: str) -> dict[str, CampaignRecipient]:
    return {name: r for r, name in CampaignService(ws).recipients(campaign_id)}


def _used(ws: Workspace) -> int:
    with ws.read() as session:
        return report(session, ws.settings().plan).line(Metric.MESSAGES).used


def _use_messages(ws: Workspace, quantity: int) -> None:
    with ws.write() as session:
        session.add(UsageEvent(metric="messages", month=month_key(today_utc()), quantity=quantity))


# -- before sending -------------------------------------------------------------------------


def test_the_summary_says_who_gets_it_who_is_left_out_the_parts_and_the_cost(
    workspace: Workspace,
) -> None:
    workspace.update_settings(currency="XOF")
    channel_config.save(
        workspace,
        channel_config.SmsSettings(
            provider="africastalking", username="sandbox", price=Decimal("25")
        ),
        "at-key",
    )
    people = _people(workspace)
    segment = SegmentService(workspace).create_static("Clients", list(people.values()))
    campaign_id = campaign_drafts.save_draft(
        workspace,
        CampaignDraft(
            None, "Tabaski", Channel.SMS, "", SMS_BODY, RecipientSource(segment_id=segment.id)
        ),
    )
    ContactService(workspace).set_opt_out(people["fatou"], Channel.SMS)  # after saving

    summary = campaign_sending.summarize(workspace, campaign_id)

    assert summary.recipients == 2  # Awa, Modou
    assert summary.excluded == {"no_address": 1, "opted_out": 1}  # Ibou: no phone; Fatou
    assert set(summary.unicode_chars) == {"’", "ê"}
    assert (summary.sms_parts, summary.parts_if_replaced) == (4, 2)
    assert (summary.price, summary.currency, summary.cost) == (Decimal("25"), "XOF", Decimal("100"))
    assert summary.cost_if_replaced == Decimal("50")
    assert (summary.allowed_now, summary.over_limit) == (2, False)
    assert summary.resets_on > today_utc()


def test_replacing_unicode_rewrites_the_draft_and_halves_the_parts(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"]], body=SMS_BODY)
    campaign_sending.replace_unicode(workspace, campaign_id)
    campaign = CampaignService(workspace).get(campaign_id)
    assert "’" not in campaign.body and "fete" in campaign.body and "jusqu'à" in campaign.body
    summary = campaign_sending.summarize(workspace, campaign_id)
    assert (summary.sms_parts, summary.unicode_chars, summary.price) == (2, "", None)
    assert _recipients(workspace, campaign_id)["Awa"].rendered_body.startswith(
        "Bonjour Awa, l'offre"
    )
    email = _draft(workspace, [people["ibou"]], channel=Channel.EMAIL, subject="x")
    with pytest.raises(UserError, match="Only SMS"):
        campaign_sending.replace_unicode(workspace, email)
    campaign_sending.send(workspace, campaign_id)
    with pytest.raises(UserError, match="only drafts and scheduled"):
        campaign_sending.replace_unicode(workspace, campaign_id)


# -- queueing ---------------------------------------------------------------------------------


def test_send_queues_everyone_in_one_transaction_and_this_computer_sends(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"], people["fatou"]])
    ContactService(workspace).set_opt_out(people["fatou"], Channel.SMS)
    ContactService(workspace).update(people["modou"], {"first_name": "Moussa"})

    campaign = campaign_sending.send(workspace, campaign_id)

    assert campaign.status == CampaignStatus.SENT
    assert campaign.sender_device_id == workspace.device_id
    recipients = _recipients(workspace, campaign_id)
    assert recipients["Moussa"].rendered_body == "Bonjour Moussa"  # rendered again at Send
    assert recipients["Fatou"].status == "skipped"
    assert recipients["Fatou"].error == "opted_out: opted out"
    rows = _outbox(workspace, campaign_id)
    assert [(r.address, r.body, r.state, r.extra) for r in rows] == [
        ("+221771234567", "Bonjour Awa", "queued", {}),
        ("+221781112233", "Bonjour Moussa", "queued", {}),
    ]
    assert {r.key for r in rows} == {recipients["Awa"].id, recipients["Moussa"].id}
    assert _used(workspace) == 2  # only what was queued counts
    with pytest.raises(InvalidTransitionError):
        campaign_sending.send(workspace, campaign_id)


def test_an_email_carries_its_html_signature_unsubscribe_address_and_attachment(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.update_settings(name="Atelier Aissata")
    channel_config.save(
        workspace,
        channel_config.EmailSettings(
            host="smtp.example.sn", port=587, security="starttls", from_address=FROM
        ),
        None,
    )
    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    people = _people(workspace)
    body = (
        "Bonjour {{first_name}} de {{ city | default('chez vous') }},\n"
        "<b>-20%</b> & plus\n\nÀ bientôt"
    )
    campaign_id = _draft(
        workspace,
        [people["awa"]],
        channel=Channel.EMAIL,
        subject="Offre {{first_name}}",
        body=body,
        attachment_path=str(pdf),
    )
    campaign_sending.send(workspace, campaign_id)
    (row,) = _outbox(workspace, campaign_id)
    assert row.subject == "Offre Awa"
    assert row.body == "Bonjour Awa de chez vous,\n<b>-20%</b> & plus\n\nÀ bientôt"
    assert row.extra["attachment"] == str(pdf.resolve())
    assert row.extra["unsubscribe_url"] == f"mailto:{FROM}?subject=unsubscribe"  # English workspace
    markup = row.extra["html"]
    assert "<p>Bonjour Awa de chez vous,<br>\n&lt;b&gt;-20%&lt;/b&gt; &amp; plus</p>" in markup
    assert "<p>À bientôt</p>" in markup
    assert '<p class="signature">Atelier Aissata</p>' in markup
    assert html.unescape(markup).count("<b>") == 1  # the user's tag stays text


def test_a_whatsapp_template_gets_its_values_from_the_contact_or_the_fallback(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(
        workspace,
        [people["awa"], people["modou"]],
        channel=Channel.WHATSAPP,
        body="",
        template_name="tabaski_offer",
        template_language="fr",
        template_vars=("1=first_name", "city=city|chez vous"),
    )
    campaign_sending.send(workspace, campaign_id)
    extras = [r.extra for r in _outbox(workspace, campaign_id)]
    assert extras == [
        {
            "template": "tabaski_offer",
            "template_language": "fr",
            "template_params": [["1", "Awa"], ["city", "chez vous"]],
        },
        {
            "template": "tabaski_offer",
            "template_language": "fr",
            "template_params": [["1", "Modou"], ["city", "Thiès"]],
        },
    ]


def test_templates_and_attachments_are_checked_with_clear_words(
    workspace: Workspace, tmp_path: Path
) -> None:
    svc = CampaignService(workspace)
    with pytest.raises(
        UserError, match="'age', which is not a contact field: use one of first_name"
    ):
        svc.create("x", Channel.WHATSAPP, "", options=MessageOptions("t", "fr", ("1=age",)))
    with pytest.raises(UserError, match="should look like NAME=FIELD"):
        svc.create("x", Channel.WHATSAPP, "", options=MessageOptions("t", "fr", ("first_name",)))
    with pytest.raises(UserError, match="template's language"):
        svc.create("x", Channel.WHATSAPP, "", options=MessageOptions("t", ""))
    with pytest.raises(UserError, match="Only WhatsApp"):
        svc.create("x", Channel.SMS, "Hi", options=MessageOptions("t", "fr"))
    with pytest.raises(UserError, match="does not exist"):
        campaign_drafts.validate_attachment(str(tmp_path / "nope.pdf"))
    (tmp_path / "prices.xlsx").write_bytes(b"PK\x03\x04 spreadsheet")
    with pytest.raises(UserError, match="not an image or a PDF"):
        campaign_drafts.validate_attachment(str(tmp_path / "prices.xlsx"))
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(11 * 1024 * 1024)
    with pytest.raises(
        UserError, match=r"big\.pdf is 11\.0 MB; an attachment may be at most 10 MB"
    ):
        campaign_drafts.validate_attachment(str(big))
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    assert campaign_drafts.validate_attachment(str(png)) == str(png.resolve())
    with pytest.raises(UserError, match="Only e-mail"):
        svc.create("x", Channel.SMS, "Hi", options=MessageOptions(attachment_path=str(png)))
    # A composer switched to SMS keeps no stale template: dropped when saving.
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"]], template_name="t", template_language="fr")
    assert svc.get(campaign_id).template_name == ""


def test_nothing_to_say_is_refused_before_anything_is_queued(workspace: Workspace) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"]], body="  ")
    with pytest.raises(UserError, match="Write the message"):
        campaign_sending.send(workspace, campaign_id)
    assert _outbox(workspace, campaign_id) == [] and _used(workspace) == 0


# -- the plan's monthly limit -------------------------------------------------------------------


def test_over_the_limit_send_what_is_allowed_and_follow_up_with_the_rest(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    limit = report_limit(workspace)
    _use_messages(workspace, limit - 2)
    campaign_id = _draft(workspace, [people["awa"], people["modou"], people["fatou"]])

    summary = campaign_sending.summarize(workspace, campaign_id)
    assert (summary.recipients, summary.allowed_now, summary.over_limit) == (3, 2, True)
    with pytest.raises(PlanLimitError):
        campaign_sending.send(workspace, campaign_id)
    assert _outbox(workspace, campaign_id) == [] and _used(workspace) == limit - 2
    with pytest.raises(UserError, match="at least one"):
        campaign_sending.send(workspace, campaign_id, at_most=0)

    campaign_sending.send(workspace, campaign_id, at_most=2)

    assert len(_outbox(workspace, campaign_id)) == 2 and _used(workspace) == limit
    by_status = CampaignService(workspace).stats(campaign_id).by_status
    assert by_status == {"queued": 2, "skipped": 1}
    (later,) = [r for r in _recipients(workspace, campaign_id).values() if r.status == "skipped"]
    assert later.error == "limit: monthly message limit reached"
    follow_up = campaign_sending.follow_up_draft(
        workspace, campaign_id, reason="limit", channel=Channel.SMS
    )
    draft = CampaignService(workspace).get(follow_up)
    assert (draft.name, draft.status, draft.body) == (
        "Tabaski (follow-up)",
        "draft",
        "Bonjour {{first_name}}",
    )
    assert [r.contact_id for r, _ in CampaignService(workspace).recipients(follow_up)] == [
        later.contact_id
    ]
    with pytest.raises(UserError, match="Unknown follow-up reason"):
        campaign_sending.follow_up_draft(workspace, campaign_id, reason="x", channel=Channel.SMS)


def report_limit(ws: Workspace) -> int:
    with ws.read() as session:
        limit = report(session, ws.settings().plan).line(Metric.MESSAGES).limit
    assert limit is not None
    return limit


# -- not on WhatsApp ---------------------------------------------------------------------------


def test_people_not_on_whatsapp_are_left_out_and_offered_sms(workspace: Workspace) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"]], channel=Channel.WHATSAPP)
    campaign_sending.send(workspace, campaign_id)
    svc = CampaignService(workspace)
    recipients = _recipients(workspace, campaign_id)
    # What the dispatcher writes for WhatsApp's 131026 ("code: words").
    svc.record_delivery(
        recipients["Awa"].id, RecipientStatus.FAILED, error="131026: Message undeliverable"
    )
    svc.record_delivery(recipients["Modou"].id, RecipientStatus.SENT, provider_id="wamid.1")

    progress = campaign_sending.progress(workspace, campaign_id)
    assert progress.not_on_whatsapp == 1
    (failure,) = progress.failures
    assert (failure.name, failure.code, failure.words) == ("Awa", "131026", "Message undeliverable")
    assert progress.status is CampaignStatus.COMPLETED

    sms = campaign_sending.follow_up_draft(
        workspace, campaign_id, reason="not_on_whatsapp", channel=Channel.SMS
    )
    ((recipient, name),) = svc.recipients(sms)
    assert (name, recipient.address, svc.get(sms).channel) == ("Awa", "+221771234567", "sms")

    again = campaign_drafts.compute_audience(
        workspace, Channel.WHATSAPP, RecipientSource(contact_ids=(people["awa"], people["modou"]))
    )
    assert [m.id for m in again.included] == [people["modou"]]
    assert again.excluded_counts() == {"not_on_whatsapp": 1}
    later = _draft(workspace, [people["awa"], people["modou"]], channel=Channel.WHATSAPP)
    assert campaign_sending.summarize(workspace, later).excluded == {}  # not a recipient


# -- pause, resume, cancel -----------------------------------------------------------------------


def test_pause_resume_and_cancel_follow_the_rules(workspace: Workspace) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"]])
    with pytest.raises(InvalidTransitionError, match="Only a campaign being sent can be paused"):
        campaign_sending.pause(workspace, campaign_id)
    campaign_sending.send(workspace, campaign_id)
    campaign_sending.pause(workspace, campaign_id)
    svc = CampaignService(workspace)
    assert svc.get(campaign_id).paused_at is not None
    assert campaign_sending.progress(workspace, campaign_id).paused
    # The list and the detail say "paused", not "sent" (the status itself stays Sent).
    (row,) = [r for r in load_overview(workspace) if r.id == campaign_id]
    assert (row.status, row.state) == (CampaignStatus.SENT, ShownState.PAUSED)
    assert campaign_sending.progress(workspace, campaign_id).shown is ShownState.PAUSED
    with pytest.raises(InvalidTransitionError, match="already paused"):
        campaign_sending.pause(workspace, campaign_id)
    campaign_sending.resume(workspace, campaign_id)
    assert svc.get(campaign_id).paused_at is None
    with pytest.raises(InvalidTransitionError, match="is not paused"):
        campaign_sending.resume(workspace, campaign_id)

    campaign_sending.pause(workspace, campaign_id)
    campaign_sending.cancel(workspace, campaign_id)  # a paused one can be cancelled

    campaign = svc.get(campaign_id)
    assert (campaign.status, campaign.failure_reason) == ("failed", "cancelled")
    assert campaign.cancelled_at is not None
    assert {r.state for r in _outbox(workspace, campaign_id)} == {"skipped"}
    assert {r.error for r in _recipients(workspace, campaign_id).values()} == {
        "cancelled: the campaign was cancelled"
    }
    with pytest.raises(InvalidTransitionError, match="already cancelled"):
        campaign_sending.cancel(workspace, campaign_id)
    with pytest.raises(InvalidTransitionError, match="already cancelled"):
        campaign_sending.resume(workspace, campaign_id)


def test_cancel_keeps_sent_messages_and_lets_one_leaving_now_finish(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"], people["fatou"]])
    campaign_sending.send(workspace, campaign_id)
    recipients = _recipients(workspace, campaign_id)
    CampaignService(workspace).record_delivery(recipients["Awa"].id, RecipientStatus.DELIVERED)
    with workspace.write() as session:  # the dispatcher is handing Modou's to the provider
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient_id.in_([recipients["Awa"].id]))
            .values(state="sent")
        )
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient_id == recipients["Modou"].id)
            .values(state="sending")
        )

    campaign_sending.cancel(workspace, campaign_id)

    assert CampaignService(workspace).get(campaign_id).status == "completed"
    after = _recipients(workspace, campaign_id)
    assert {name: r.status for name, r in after.items()} == {
        "Awa": "delivered",
        "Modou": "queued",  # its answer still counts when it comes
        "Fatou": "skipped",
    }
    states = {r.recipient_id: r.state for r in _outbox(workspace, campaign_id)}
    assert states == {
        recipients["Awa"].id: "sent",
        recipients["Modou"].id: "sending",
        recipients["Fatou"].id: "skipped",
    }


def test_a_scheduled_campaign_can_be_cancelled_and_a_draft_cannot(workspace: Workspace) -> None:
    from datetime import timedelta

    from localpro_desktop.domain.ids import utcnow

    people = _people(workspace)
    draft = _draft(workspace, [people["awa"]])
    with pytest.raises(InvalidTransitionError, match="can be cancelled"):
        campaign_sending.cancel(workspace, draft)
    scheduled = _draft(workspace, [people["awa"]], schedule_at=utcnow() + timedelta(days=1))
    assert CampaignService(workspace).get(scheduled).sender_device_id == workspace.device_id
    campaign_sending.cancel(workspace, scheduled)
    assert CampaignService(workspace).get(scheduled).status == "failed"
    assert CampaignService(workspace).stats(scheduled).by_status == {"skipped": 1}


# -- another computer sends -----------------------------------------------------------------------


def _sent_elsewhere(ws: Workspace, campaign_id: str) -> None:
    """As after a sync: another computer pressed Send, this one has no outbox for it."""
    with ws.write() as session:
        session.execute(delete(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id))
        session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(sender_device_id="laptop-b")
        )


def test_take_over_sends_only_what_is_still_waiting_and_says_the_risk(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"], people["fatou"]])
    campaign_sending.send(workspace, campaign_id)
    _sent_elsewhere(workspace, campaign_id)
    recipients = _recipients(workspace, campaign_id)
    svc = CampaignService(workspace)
    svc.record_delivery(recipients["Awa"].id, RecipientStatus.SENT)  # synced from laptop B
    unknown = str(outbox_msg.UNKNOWN_OUTCOME())
    with workspace.write() as session:  # laptop B could not tell whether Modou's left
        session.execute(
            update(CampaignRecipient)
            .where(CampaignRecipient.id == recipients["Modou"].id)
            .values(error=unknown)
        )

    before = campaign_sending.progress(workspace, campaign_id)
    assert not before.sends_here and before.sender_device_id == "laptop-b"
    assert (before.counts["queued"], before.counts["unknown"], before.counts["sent"]) == (1, 1, 1)
    risk = campaign_sending.take_over_risk(workspace, campaign_id)
    assert "2 messages still waiting" in risk and "twice" in risk

    campaign_sending.take_over(workspace, campaign_id)

    assert svc.get(campaign_id).sender_device_id == workspace.device_id
    rows = {r.recipient_id: r.state for r in _outbox(workspace, campaign_id)}
    assert rows == {recipients["Modou"].id: "unknown", recipients["Fatou"].id: "queued"}
    after = campaign_sending.progress(workspace, campaign_id)
    assert after.sends_here and [u.name for u in after.unknown] == ["Modou"]
    with pytest.raises(InvalidTransitionError, match="already being sent from this computer"):
        campaign_sending.take_over(workspace, campaign_id)
    with pytest.raises(InvalidTransitionError, match="already being sent from this computer"):
        campaign_sending.take_over_risk(workspace, campaign_id)  # no risk to accept


# -- progress and unknown messages -----------------------------------------------------------------


def test_progress_counts_every_status_and_a_person_decides_on_unknown_ones(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = _draft(workspace, [people["awa"], people["modou"], people["fatou"]])
    campaign_sending.send(workspace, campaign_id)
    recipients = _recipients(workspace, campaign_id)
    with workspace.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient_id == recipients["Awa"].id)
            .values(state="sending")
        )
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient_id == recipients["Modou"].id)
            .values(state="unknown", error_words="connection cut after DATA")
        )

    progress = campaign_sending.progress(workspace, campaign_id)

    assert list(progress.counts) == list(campaign_sending.PROGRESS_KEYS)
    assert progress.counts == {
        "queued": 1,
        "sending": 1,
        "sent": 0,
        "delivered": 0,
        "opened": 0,
        "replied": 0,
        "failed": 0,
        "skipped": 0,
        "unknown": 1,
    }
    assert (progress.total, progress.sends_here, progress.shown.value) == (3, True, "waiting")
    (unknown,) = progress.unknown
    assert (unknown.name, unknown.words) == ("Modou", "connection cut after DATA")

    assert campaign_sending.resend_unknown(workspace, [recipients["Modou"].id]) == 1
    (row,) = [r for r in _outbox(workspace, campaign_id) if r.recipient_id == unknown.recipient_id]
    assert (row.state, row.error_words) == ("queued", "")

    with workspace.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient_id == recipients["Modou"].id)
            .values(state="unknown")
        )
    assert campaign_sending.give_up_unknown(workspace, [recipients["Modou"].id]) == 1
    modou = _recipients(workspace, campaign_id)["Modou"]
    assert (modou.status, modou.error.split(":")[0]) == ("failed", "unknown")
    assert campaign_sending.progress(workspace, campaign_id).counts["failed"] == 1
    assert campaign_sending.give_up_unknown(workspace, [recipients["Fatou"].id]) == 0


def test_queueing_is_a_few_batched_statements_not_one_per_recipient(
    workspace: Workspace,
) -> None:
    """Batch writes: the statements sent for 2,000 recipients do not grow with them."""
    from sqlalchemy import event, insert

    from localpro_desktop.domain.ids import new_ids
    from localpro_desktop.store.models import Contact

    workspace.update_settings(plan=Plan.ENTERPRISE)
    ids = new_ids(2000)
    with workspace.write() as session:
        session.execute(
            insert(Contact),
            [
                {
                    "id": cid,
                    "first_name": f"Client{i}",
                    "phone": f"77{i:07d}",
                    "phone_e164": f"+22177{i:07d}",
                }
                for i, cid in enumerate(ids)
            ],
        )
    campaign_id = _draft(workspace, ids)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(workspace.engine, "before_cursor_execute", count)
    try:
        campaign_sending.send(workspace, campaign_id)
    finally:
        event.remove(workspace.engine, "before_cursor_execute", count)
    assert len(statements) < 30, statements
    with workspace.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 2000


@pytest.mark.parametrize(
    "source",
    [
        "Bonjour {{first_name}} de {{ city }} !",
        "a\r\nb {{ missing }} c\rd\n",
        "{{first_name}}",
        "  plain text  ",
        "}} {{first_name}} }}",
        "{ {first_name} }",
        "{{ first_name|upper }} {{ city | default('chez vous') }}",
        "{% if city %}à {{city}}{% endif %}",
        "{{-first_name}} {#note#}",
        "{{\tfirst_name}}",
        "{{ company }}",
    ],
)
def test_the_fast_renderer_gives_exactly_the_sandboxed_render(source: str) -> None:
    from localpro_desktop.domain.templates import render
    from localpro_desktop.services.campaign_render import compile_template

    for fields in ({"first_name": "Awa", "city": "Thiès"}, {"first_name": "{{city}}"}, {}):
        assert compile_template(source)(fields) == render(source, fields)
