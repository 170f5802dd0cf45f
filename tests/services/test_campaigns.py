"""Campaign lifecycle, audience exclusions, rendering, limits and delivery receipts."""

from datetime import timedelta

import pytest

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.errors import InvalidTransitionError, UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.usage import report
from localpro_desktop.services.workspace import Workspace


def _people(ws: Workspace) -> dict[str, str]:
    svc = ContactService(ws)
    ids = {
        "awa": svc.add(
            {"first_name": "Awa", "company": "Awa Couture", "city": "Dakar", "phone": "771234567"}
        ).id,
        "no_phone": svc.add({"first_name": "Ibou", "email": "ibou@example.sn"}).id,
        "bad_phone": svc.add({"first_name": "Modou", "phone": "123"}).id,
        "opted": svc.add({"first_name": "Fatou", "phone": "781112233"}).id,
    }
    svc.set_opt_out(ids["opted"], Channel.SMS)
    return ids


def test_audience_explains_exclusions(workspace: Workspace) -> None:
    people = _people(workspace)
    audience = CampaignService(workspace).audience(Channel.SMS, people.values())
    assert [c.id for c in audience.included] == [people["awa"]]
    assert audience.excluded_counts() == {"no_address": 1, "invalid_address": 1, "opted_out": 1}


@pytest.mark.usefixtures("channels_set_up")
def test_lifecycle_render_queue_and_complete(workspace: Workspace) -> None:
    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Tabaski promo", Channel.SMS, "Bonjour {{ first_name }} de {{city}} !")
    svc.set_recipients(camp.id, list(people.values()))
    ((recipient, _name),) = svc.recipients(camp.id)
    assert recipient.rendered_body == "Bonjour Awa de Dakar !"
    assert recipient.address == "+221771234567"
    svc.schedule(camp.id, utcnow() + timedelta(days=1))
    assert svc.get(camp.id).status == CampaignStatus.SCHEDULED
    svc.queue_send(camp.id)
    assert svc.get(camp.id).status == CampaignStatus.SENT
    with pytest.raises(UserError, match="only drafts and scheduled"):
        svc.update_content(camp.id, body="changed")
    # Receipts out of order: delivered first, then a late "sent" must not go back.
    svc.record_delivery(recipient.id, RecipientStatus.DELIVERED, provider_id="msg-1")
    svc.record_delivery(recipient.id, RecipientStatus.SENT)
    stats = svc.stats(camp.id)
    assert (stats.sent, stats.delivered) == (1, 1)
    assert svc.get(camp.id).status == CampaignStatus.COMPLETED
    with pytest.raises(InvalidTransitionError, match="final"):
        svc.queue_send(camp.id)
    usage = report_for(workspace)
    assert usage == 1


def report_for(ws: Workspace) -> int:
    from localpro_desktop.domain.plans import Metric

    with ws.read() as session:
        return report(session, ws.settings().plan).line(Metric.MESSAGES).used


@pytest.mark.usefixtures("channels_set_up")
def test_all_failed_means_failed(workspace: Workspace) -> None:
    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Promo", Channel.SMS, "Hi")
    svc.set_recipients(camp.id, [people["awa"]])
    svc.queue_send(camp.id)
    ((recipient, _),) = svc.recipients(camp.id)
    svc.record_delivery(recipient.id, RecipientStatus.FAILED, error="gateway refused")
    assert svc.get(camp.id).status == CampaignStatus.FAILED


@pytest.mark.usefixtures("channels_set_up")
def test_message_limit_blocks_queue(workspace: Workspace) -> None:
    from localpro_desktop.domain.plans import month_key
    from localpro_desktop.services.usage import today_utc
    from localpro_desktop.store.models import UsageEvent

    people = _people(workspace)
    with workspace.write() as session:
        session.add(UsageEvent(metric="messages", month=month_key(today_utc()), quantity=1000))
    svc = CampaignService(workspace)
    camp = svc.create("Promo", Channel.SMS, "Hi")
    svc.set_recipients(camp.id, [people["awa"]])
    with pytest.raises(PlanLimitError, match="messages limit"):
        svc.queue_send(camp.id)
    assert svc.get(camp.id).status == CampaignStatus.DRAFT


def test_bad_template_is_refused_clearly(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="line 1"):
        CampaignService(workspace).create("x", Channel.SMS, "Hello {{ first_name ")


def test_sandbox_blocks_python_internals() -> None:
    from localpro_desktop.domain.templates import render

    with pytest.raises(UserError):
        render("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})


def test_audience_agrees_with_reachable_segment(workspace: Workspace) -> None:
    from localpro_desktop.domain.segment_rules import SegmentRule
    from localpro_desktop.services.segments import SegmentService

    svc = ContactService(workspace)
    ids = [
        svc.add({"first_name": "A", "whatsapp": "70 111 22 33"}).id,
        svc.add({"first_name": "B", "phone": "77 111 22 33"}).id,
        svc.add({"first_name": "C", "whatsapp": "12"}).id,
    ]
    svc.set_opt_out(ids[0], Channel.EMAIL)
    for channel in Channel:
        audience = CampaignService(workspace).audience(channel, ids)
        segment = SegmentService(workspace).preview(SegmentRule(reachable_on=channel), limit=10)
        assert {c.id for c in audience.included} == {c.id for c in segment.contacts}, channel


def test_draft_channel_change_drops_recipients_and_status_filter(workspace: Workspace) -> None:
    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Promo", Channel.SMS, "Hi {{first_name}}")
    svc.set_recipients(camp.id, list(people.values()))
    assert len(svc.recipients(camp.id, status=RecipientStatus.PENDING)) == 1
    assert svc.recipients(camp.id, status=RecipientStatus.QUEUED) == []
    svc.update_content(camp.id, channel=Channel.EMAIL)
    assert svc.get(camp.id).channel == "email" and svc.recipients(camp.id) == []


# -- issue 16: nothing is queued on a channel no service can send on ---------------------


def test_send_is_refused_before_anything_is_queued_when_no_service_is_set_up(
    workspace: Workspace,
) -> None:
    from localpro_desktop.services import channel_setup
    from localpro_desktop.services.campaign_views import load_overview

    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Tabaski promo", Channel.SMS, "Bonjour {{first_name}}")
    svc.set_recipients(camp.id, [people["awa"]])
    assert channel_setup.set_up_channels(workspace) == frozenset()  # none before the outbox
    with pytest.raises(channel_setup.ChannelNotSetUpError) as refused:
        svc.queue_send(camp.id)
    assert refused.value.channel is Channel.SMS
    assert str(refused.value).startswith("No SMS service is set up yet — set one up")
    assert "Nothing was queued" in str(refused.value)
    assert svc.get(camp.id).status == CampaignStatus.DRAFT
    assert [r.status for r, _ in svc.recipients(camp.id)] == ["pending"]
    assert report_for(workspace) == 0
    (row,) = load_overview(workspace)
    assert not row.channel_set_up and row.state.value == "draft"


@pytest.mark.usefixtures("channels_set_up")
def test_a_queued_campaign_is_waiting_until_a_provider_accepts_a_message(
    workspace: Workspace,
) -> None:
    from localpro_desktop.domain.campaigns import ShownState
    from localpro_desktop.services.campaign_views import load_overview

    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Promo", Channel.SMS, "Hi")
    svc.set_recipients(camp.id, [people["awa"]])
    svc.queue_send(camp.id)
    (row,) = load_overview(workspace)
    assert row.status is CampaignStatus.SENT and row.state is ShownState.WAITING
    ((recipient, _),) = svc.recipients(camp.id)
    svc.record_delivery(recipient.id, RecipientStatus.SENT)
    (row,) = load_overview(workspace)
    assert row.state is not ShownState.WAITING and row.stats.sent == 1


def test_first_name_falls_back_to_the_company_and_says_so(workspace: Workspace) -> None:
    from localpro_desktop.services.campaign_drafts import audience_view

    svc = ContactService(workspace)
    shop = svc.add({"company": "Pharmacie Awa", "phone": "771234567"}).id
    person = svc.add({"first_name": "Awa", "company": "Awa Couture", "phone": "781234567"}).id
    view = audience_view(CampaignService(workspace).audience(Channel.SMS, [shop, person]))
    by_id = {m.id: m for m in view.included}
    assert by_id[shop].fields["first_name"] == "Pharmacie Awa"
    assert dict(by_id[shop].fallbacks) == {"first_name": "company"}
    assert dict(by_id[person].fallbacks) == {}


def test_scheduling_makes_this_computer_the_sender(workspace: Workspace) -> None:
    people = _people(workspace)
    svc = CampaignService(workspace)
    camp = svc.create("Promo", Channel.SMS, "Hi {{first_name}}")
    svc.set_recipients(camp.id, [people["awa"]])
    assert svc.get(camp.id).sender_device_id == ""
    svc.schedule(camp.id, utcnow() + timedelta(days=1))
    assert svc.get(camp.id).sender_device_id == workspace.device_id


def test_a_missing_field_renders_as_nothing_or_the_writers_fallback(workspace: Workspace) -> None:
    svc = CampaignService(workspace)
    contact = ContactService(workspace).add({"first_name": "Awa", "phone": "771234567"})
    camp = svc.create(
        "Promo", Channel.SMS, "Awa de {{city}}{{ sector | default(', couturière') }} !"
    )
    svc.set_recipients(camp.id, [contact.id])
    ((recipient, _),) = svc.recipients(camp.id)
    assert recipient.rendered_body == "Awa de , couturière !"
    assert "None" not in svc.preview(camp.id, contact.id)[1]
