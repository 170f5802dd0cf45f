"""The Campaigns tab against a real demo workspace: list, detail, composer, save and send."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy import select

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.whatsapp import WhatsAppCloud
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.plans import Metric, Plan, next_reset
from localpro_desktop.services import usage
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.dispatch import dispatch_once
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.campaigns import models, widgets
from localpro_desktop.ui.campaigns.composer import CampaignComposer
from localpro_desktop.ui.campaigns.models import (
    ID_ROLE,
    VALUE_ROLE,
    CampaignColumn,
    RecipientColumn,
)
from localpro_desktop.ui.campaigns.tab import CampaignsTab
from localpro_desktop.ui.context import UiContext
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN
from tests.channels.whatsapp_standin import StandIn as WhatsAppStandIn
from tests.ui.channel_helpers import summary_dialog, summary_text

COUNT_COLUMNS = (
    CampaignColumn.RECIPIENTS,
    CampaignColumn.SENT,
    CampaignColumn.DELIVERED,
    CampaignColumn.OPENED,
    CampaignColumn.REPLIED,
    CampaignColumn.FAILED,
)


# -- helpers ----------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CampaignsTab]:  # type: ignore[no-untyped-def]
    widget = CampaignsTab(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready)
    settle(qtbot, widget)
    yield widget
    ui_ctx.runner.wait()


def settle(qtbot, tab: CampaignsTab) -> None:  # type: ignore[no-untyped-def]
    """Wait until the composer and the recipients table have nothing in flight."""
    qtbot.waitUntil(lambda: not tab.composer.is_busy() and not tab.detail.model.loading)


def reachable(ui_ctx: UiContext, channel: Channel, n: int) -> list[Contact]:
    column = {
        Channel.WHATSAPP: Contact.whatsapp_e164,
        Channel.SMS: Contact.phone_e164,
        Channel.EMAIL: Contact.email_normalized,
    }[channel]
    with ui_ctx.ws.read() as session:
        rows = session.scalars(
            select(Contact)
            .where(
                Contact.deleted_at.is_(None),
                column.is_not(None),
                getattr(Contact, f"opt_out_{channel.value}").is_(False),
            )
            .order_by(Contact.id)
            .limit(n)
        ).all()
    assert len(rows) == n, "the demo workspace should have reachable contacts"
    return list(rows)


def open_composer_for(qtbot, tab: CampaignsTab, ids: list[str]) -> CampaignComposer:  # type: ignore[no-untyped-def]
    tab.compose_for(ids)
    assert tab.stack.currentWidget() is tab.composer
    settle(qtbot, tab)
    return tab.composer


def campaign_named(ui_ctx: UiContext, name: str) -> Campaign | None:
    with ui_ctx.ws.read() as session:
        return session.scalars(
            select(Campaign).where(Campaign.name == name, Campaign.deleted_at.is_(None))
        ).first()


def recipient_statuses(ui_ctx: UiContext, campaign_id: str) -> list[str]:
    with ui_ctx.ws.read() as session:
        return list(
            session.scalars(
                select(CampaignRecipient.status).where(
                    CampaignRecipient.campaign_id == campaign_id,
                    CampaignRecipient.deleted_at.is_(None),
                )
            )
        )


# -- the list and the detail ------------------------------------------------------------


def test_list_shows_demo_campaigns_with_service_counts(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    expected = CampaignService(ui_ctx.ws).overview()
    model = tab.model
    assert len(expected) >= 5
    assert model.rowCount() == len(expected)
    for row, (campaign, stats) in enumerate(expected):
        index = model.index(row, CampaignColumn.NAME)
        assert index.data(ID_ROLE) == campaign.id
        assert index.data() == campaign.name
        assert model.index(row, CampaignColumn.CHANNEL).data() == labels.channel(campaign.channel)
        assert model.index(row, CampaignColumn.STATUS).data() == labels.campaign_status(
            campaign.status
        )
        counts = tuple(model.index(row, c).data(VALUE_ROLE) for c in COUNT_COLUMNS)
        assert counts == (
            stats.recipients,
            stats.sent,
            stats.delivered,
            stats.opened,
            stats.replied,
            stats.failed,
        )
        if campaign.status == CampaignStatus.COMPLETED:
            shown = model.index(row, CampaignColumn.SENT).data().replace(",", "")
            assert shown == str(stats.sent)
    assert "campaigns" in tab.count_label.text()


def test_detail_shows_tiles_and_filters_recipients_by_status(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    row = tab.selected_campaign()
    assert row is not None and row.status is CampaignStatus.COMPLETED
    stats = CampaignService(ui_ctx.ws).stats(row.id)
    tiles = tab.detail.tiles
    assert tiles["recipients"].value_label.text().replace(",", "") == str(stats.recipients)
    assert tiles["replied"].value_label.text().replace(",", "") == str(stats.replied)
    # The response rate is replies over messages sent, not over everyone or receipts.
    assert stats.sent < stats.recipients, "the demo's completed campaigns have failures"
    assert tiles["replied"].detail_label.text() == formatting.percent(stats.replied / stats.sent)
    assert tiles["failed"].detail_label.text() == formatting.percent(
        stats.failed / stats.recipients
    )
    model = tab.detail.model
    assert model.rowCount() == min(stats.recipients, 200)
    assert not tab.detail.edit_button.isVisibleTo(tab)
    assert tab.detail.duplicate_button.isVisibleTo(tab)

    failed = stats.by_status.get(RecipientStatus.FAILED.value, 0)
    assert failed, "the demo's completed campaigns have failures"
    with qtbot.waitSignal(model.sig_loaded):
        tab.detail.set_filter(RecipientStatus.FAILED)
    assert model.rowCount() == failed
    statuses = {model.index(r, RecipientColumn.STATUS).data() for r in range(model.rowCount())}
    assert statuses == {labels.recipient_status(RecipientStatus.FAILED)}


def test_recipients_load_page_by_page(qtbot, tab, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(models, "RECIPIENT_PAGE", 20)
    campaign, stats = max(
        CampaignService(ui_ctx.ws).overview(), key=lambda pair: pair[1].recipients
    )
    assert stats.recipients > 40
    tab.select_campaign(campaign.id)
    settle(qtbot, tab)
    model = tab.detail.model
    with qtbot.waitSignal(model.sig_loaded):
        model.show_campaign(campaign.id)  # start over with 20-row pages
    assert model.rowCount() == 20 and model.canFetchMore()
    assert "20 of" in tab.detail.recipients_note.text()
    with qtbot.waitSignal(model.sig_loaded):
        model.fetchMore()
    assert model.rowCount() == 40
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)
    expected = [r.id for r, _name in CampaignService(ui_ctx.ws).recipients(campaign.id)]
    assert set(ids) <= set(expected)
    # A delivery receipt refreshes the rows in place, keeping what was loaded.
    first = model.recipient(0)
    assert first is not None
    CampaignService(ui_ctx.ws).record_delivery(first.id, RecipientStatus.REPLIED)
    qtbot.waitUntil(lambda: model.recipient(0).status is RecipientStatus.REPLIED)  # type: ignore[union-attr]
    assert model.rowCount() == 40


def test_empty_workspace_shows_the_empty_state(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    svc = CampaignService(ui_ctx.ws)
    for campaign, _stats in svc.overview():
        svc.delete(campaign.id)
    widget = CampaignsTab(ui_ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(widget.is_ready)
    assert widget.content.currentWidget() is widget.empty_state
    widget.empty_new_button.click()
    assert widget.stack.currentWidget() is widget.composer
    qtbot.waitUntil(lambda: not widget.composer.is_busy())


def test_refreshes_when_another_view_adds_a_campaign(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    before = tab.model.rowCount()
    CampaignService(ui_ctx.ws).create("From elsewhere", Channel.SMS, "Hi {{first_name}}")
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)
    assert "From elsewhere" in [r.name for r in tab.model.rows()]


# -- the composer -----------------------------------------------------------------------


def test_preview_fills_placeholders_for_the_chosen_recipient(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    people = reachable(ui_ctx, Channel.WHATSAPP, 4)
    composer = open_composer_for(qtbot, tab, [c.id for c in people])
    composer.body_edit.setPlainText("Hi {{first_name}} of {{company}} in {{ city }}, {{phone}}")
    assert composer.audience is not None and len(composer.audience.included) == 4
    for person in people[2:]:
        assert composer.select_preview_contact(person.id)
        db = ContactService(ui_ctx.ws).get(person.id)
        first = db.first_name or db.company
        expected = f"Hi {first} of {db.company} in {db.city}, {db.phone}".strip()
        assert composer.preview.body.text() == expected
        # The number as every list shows it (national at home, else international).
        shown = formatting.phone(db.whatsapp_e164 or "", db.whatsapp_e164)
        assert composer.preview.address.text() == f"To: {shown}"
    assert composer.editor.template_error.isHidden()


def test_placeholder_button_inserts_at_the_cursor(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    composer = open_composer_for(qtbot, tab, [reachable(ui_ctx, Channel.WHATSAPP, 1)[0].id])
    composer.body_edit.setPlainText("Hello !")
    cursor = composer.body_edit.textCursor()
    cursor.setPosition(6)
    composer.body_edit.setTextCursor(cursor)
    qtbot.mouseClick(composer.editor.placeholder_buttons["first_name"], Qt.MouseButton.LeftButton)
    assert composer.body_edit.toPlainText() == "Hello {{first_name}}!"


def test_sms_counter_switches_to_unicode_and_counts_segments(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.new_campaign()
    settle(qtbot, tab)
    composer = tab.composer
    composer.set_channel(Channel.SMS)
    assert not composer.editor.sms_counter.isHidden()
    composer.body_edit.setPlainText("a" * 150)
    assert composer.editor.sms_counter.text() == "1 SMS · 150/160 characters · GSM-7"
    composer.body_edit.setPlainText("a" * 161)
    assert composer.editor.sms_counter.text() == "2 SMS · 161/306 characters · GSM-7"
    # One emoji makes the whole message UCS-2 (and takes two UTF-16 units): 67 per part.
    composer.body_edit.setPlainText("a" * 150 + "🎉")
    assert composer.editor.sms_counter.text() == "3 SMS · 152/201 characters · Unicode"
    composer.body_edit.setPlainText("Merci 🎉")
    assert composer.editor.sms_counter.text() == "1 SMS · 8/70 characters · Unicode"
    composer.set_channel(Channel.WHATSAPP)
    assert composer.editor.sms_counter.isHidden()


def test_exclusions_are_counted_per_reason_for_a_segment(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    contacts = ContactService(ui_ctx.ws)
    good = [c.id for c in reachable(ui_ctx, Channel.SMS, 3)]
    no_number = [contacts.add({"first_name": f"Nophone{i}"}).id for i in range(2)]
    invalid = [contacts.add({"first_name": "Bad", "phone": "123"}).id]
    opted = [contacts.add({"first_name": "Optout", "phone": "771234567"}).id]
    contacts.set_opt_out(opted[0], Channel.SMS)
    segment = SegmentService(ui_ctx.ws).create_static(
        "Mixed reachability", good + no_number + invalid + opted
    )
    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(tab.is_ready)
    tab.new_campaign()
    settle(qtbot, tab)
    composer = tab.composer
    composer.set_channel(Channel.SMS)
    assert composer.select_segment(segment.id)
    settle(qtbot, tab)
    audience = composer.audience
    assert audience is not None
    assert sorted(c.id for c in audience.included) == sorted(good)
    assert audience.excluded_counts() == {"no_address": 2, "invalid_address": 1, "opted_out": 1}
    text = composer.audience_label.text()
    assert "3 people will receive it" in text
    for phrase in ("2 without a number", "1 opted out", "1 with an invalid number"):
        assert phrase in text
    # The same people on e-mail: every one lacks an address except those with one.
    composer.set_channel(Channel.EMAIL)
    settle(qtbot, tab)
    expected = CampaignService(ui_ctx.ws).audience(
        Channel.EMAIL, SegmentService(ui_ctx.ws).contact_ids(segment.id)
    )
    assert composer.audience is not None
    assert composer.audience.excluded_counts() == expected.excluded_counts()
    ui_ctx.runner.wait()


@pytest.mark.usefixtures("channels_set_up")
def test_save_draft_then_send_queues_every_recipient(qtbot, tab, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    people = reachable(ui_ctx, Channel.WHATSAPP, 3)
    composer = open_composer_for(qtbot, tab, [c.id for c in people])
    composer.name_edit.setText("Weekend offer")
    composer.body_edit.setPlainText("Hello {{first_name}}, -10% this weekend in {{city}}.")
    with qtbot.waitSignal(composer.sig_saved):
        qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    saved = campaign_named(ui_ctx, "Weekend offer")
    assert saved is not None and saved.status == CampaignStatus.DRAFT
    assert recipient_statuses(ui_ctx, saved.id) == ["pending"] * 3
    assert tab.stack.currentWidget() is tab.list_page
    qtbot.waitUntil(lambda: tab.selected_campaign() is not None
                    and tab.selected_campaign().id == saved.id)  # fmt: skip
    assert tab.detail.edit_button.isVisibleTo(tab)

    tab.edit_campaign(saved.id)
    settle(qtbot, tab)
    assert composer.name_edit.text() == "Weekend offer"
    assert composer.audience is not None and len(composer.audience.included) == 3
    with ui_ctx.ws.read() as session:
        used_before = usage.used_this_month(session, Metric.MESSAGES, usage.today_utc())
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    dialog = summary_dialog(qtbot, composer)  # the summary first: nothing is queued yet
    assert recipient_statuses(ui_ctx, saved.id) == ["pending"] * 3
    question = summary_text(dialog)
    assert "3 people will get it on WhatsApp." in question
    assert "Nobody is left out." in question
    remaining = 1_000 - used_before  # the demo workspace is on the Starter plan
    assert f"of the {remaining:,} messages left" in question
    assert "No price is set for WhatsApp" in question
    assert dialog.send_button.text() == "Send 3 messages"
    with qtbot.waitSignal(composer.sig_sent, timeout=10_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert sent.args == [saved.id, 3]
    after = CampaignService(ui_ctx.ws).get(saved.id)
    assert after.status == CampaignStatus.SENT
    assert recipient_statuses(ui_ctx, saved.id) == ["queued"] * 3
    with ui_ctx.ws.read() as session:
        assert usage.used_this_month(session, Metric.MESSAGES, usage.today_utc()) == (
            used_before + 3
        )
    qtbot.waitUntil(lambda: tab.selected_campaign() is not None
                    and tab.selected_campaign().status is CampaignStatus.SENT)  # fmt: skip
    row = tab.model.row_of(saved.id)
    # Queued is not sent: until a provider accepts a message the list says so (issue 16).
    assert tab.model.index(row, CampaignColumn.STATUS).data() == "Waiting to send"
    assert not tab.detail.edit_button.isVisibleTo(tab)
    assert not tab.message.isHidden()
    assert "“Weekend offer” is on its way: 3 messages are queued" in tab.message.message

    # Sent by the dispatcher (to the WhatsApp stand-in): "goes out as soon as a connection
    # is available" is no longer true, so the message goes; the list says how it went.
    server = WhatsAppStandIn().start()
    try:
        with WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=server.url) as whatsapp:
            report = dispatch_once(ui_ctx.ws, {ChannelKind.WHATSAPP: whatsapp})
    finally:
        server.stop()
    assert report.sent == 3 and report.completed == [saved.id]
    qtbot.waitUntil(lambda: tab.message.isHidden(), timeout=5_000)
    assert tab.model.index(row, CampaignColumn.STATUS).data() == "Completed"


def test_invalid_template_shows_an_error_and_does_not_save(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    composer = open_composer_for(qtbot, tab, [reachable(ui_ctx, Channel.WHATSAPP, 1)[0].id])
    composer.name_edit.setText("Broken template")
    composer.body_edit.setPlainText("Hello {{first_name}, see you {% if %}")
    assert not composer.editor.template_error.isHidden()
    assert "line 1" in composer.editor.template_error.text()
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    ui_ctx.runner.wait()
    assert campaign_named(ui_ctx, "Broken template") is None
    assert tab.stack.currentWidget() is composer
    assert "Fix the message first" in composer.status_label.text()
    # Fixing it clears the error and saving works.
    composer.body_edit.setPlainText("Hello {{first_name}}")
    assert composer.editor.template_error.isHidden()
    with qtbot.waitSignal(composer.sig_saved):
        composer.save()
    assert campaign_named(ui_ctx, "Broken template") is not None


@pytest.mark.usefixtures("channels_set_up")
def test_plan_limit_is_explained_and_nothing_is_sent(qtbot, tab, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.ws.update_settings(plan=Plan.STARTER)
    with ui_ctx.ws.write() as session:
        used = usage.used_this_month(session, Metric.MESSAGES, usage.today_utc())
        usage.record(session, Metric.MESSAGES, 999 - used, "test")  # one message left
    people = reachable(ui_ctx, Channel.WHATSAPP, 3)
    composer = open_composer_for(qtbot, tab, [c.id for c in people])
    composer.name_edit.setText("Too big")
    composer.body_edit.setPlainText("Hi {{first_name}}")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    dialog = summary_dialog(qtbot, composer)
    text = summary_text(dialog)
    assert "Only 1 of the 3 messages can go now" in text
    assert "The count resets on" in text
    assert not dialog.send_button.isVisibleTo(dialog)
    assert dialog.send_allowed_button.text() == "Send 1 now"
    assert dialog.wait_button.text().startswith("Wait for the reset on ")
    kept = campaign_named(ui_ctx, "Too big")  # saved for the summary, nothing queued
    assert kept is not None and kept.status == CampaignStatus.DRAFT
    assert set(recipient_statuses(ui_ctx, kept.id)) == {"pending"}

    # If usage grew meanwhile (another laptop synced), the service refuses: nothing sent.
    with ui_ctx.ws.write() as session:
        usage.record(session, Metric.MESSAGES, 1, "test")
    qtbot.mouseClick(dialog.send_allowed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "limit" in composer.status_label.text())
    assert set(recipient_statuses(ui_ctx, kept.id)) == {"pending"}
    assert CampaignService(ui_ctx.ws).get(kept.id).status == CampaignStatus.DRAFT
    assert tab.stack.currentWidget() is composer
    assert not composer.has_unsaved_changes()


@pytest.mark.usefixtures("channels_set_up")
def test_over_the_plan_sends_what_it_allows_now(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.ws.update_settings(plan=Plan.STARTER)
    with ui_ctx.ws.write() as session:
        used = usage.used_this_month(session, Metric.MESSAGES, usage.today_utc())
        usage.record(session, Metric.MESSAGES, 998 - used, "test")  # two messages left
    people = reachable(ui_ctx, Channel.WHATSAPP, 3)
    composer = open_composer_for(qtbot, tab, [c.id for c in people])
    composer.name_edit.setText("Two now")
    composer.body_edit.setPlainText("Hi {{first_name}}")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    dialog = summary_dialog(qtbot, composer)
    assert "Send 2 now: the other person is marked “monthly limit reached”" in (
        summary_text(dialog)
    )
    with qtbot.waitSignal(composer.sig_sent, timeout=10_000) as sent:
        qtbot.mouseClick(dialog.send_allowed_button, Qt.MouseButton.LeftButton)
    campaign = campaign_named(ui_ctx, "Two now")
    assert campaign is not None and sent.args == [campaign.id, 2]
    assert sorted(recipient_statuses(ui_ctx, campaign.id)) == ["queued", "queued", "skipped"]
    ui_ctx.runner.wait()


@pytest.mark.usefixtures("channels_set_up")
def test_over_the_plan_can_wait_for_the_reset(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    with ui_ctx.ws.write() as session:
        used = usage.used_this_month(session, Metric.MESSAGES, usage.today_utc())
        usage.record(session, Metric.MESSAGES, 1_000 - used, "test")  # none left
    people = reachable(ui_ctx, Channel.WHATSAPP, 2)
    composer = open_composer_for(qtbot, tab, [c.id for c in people])
    composer.name_edit.setText("After the reset")
    composer.body_edit.setPlainText("Hi {{first_name}}")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    dialog = summary_dialog(qtbot, composer)
    assert "none of the 2 can go now" in summary_text(dialog)
    assert not dialog.send_allowed_button.isVisibleTo(dialog)
    with qtbot.waitSignal(composer.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.wait_button, Qt.MouseButton.LeftButton)
    campaign = campaign_named(ui_ctx, "After the reset")
    assert campaign is not None and campaign.status == CampaignStatus.SCHEDULED
    reset = next_reset(usage.today_utc())
    assert campaign.scheduled_at is not None
    assert abs((campaign.scheduled_at.date() - reset).days) <= 1  # 09:00 local, in UTC
    assert set(recipient_statuses(ui_ctx, campaign.id)) == {"pending"}
    ui_ctx.runner.wait()


def test_schedule_converts_local_time_to_utc(qtbot, tab, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Nairobi is UTC+3 all year: a conversion bug cannot hide behind a UTC test machine.
    monkeypatch.setenv("TZ", "Africa/Nairobi")
    time.tzset()
    try:
        composer = open_composer_for(qtbot, tab, [reachable(ui_ctx, Channel.SMS, 2)[0].id])
        composer.set_channel(Channel.SMS)
        composer.name_edit.setText("Later")
        composer.body_edit.setPlainText("See you {{first_name}}")
        composer.schedule_check.setChecked(True)
        chosen = QDateTime(QDate.currentDate().addDays(2), QTime(9, 30))
        composer.schedule_edit.setDateTime(chosen)
        assert composer.save_button.text() == "Save and schedule"
        settle(qtbot, tab)
        with qtbot.waitSignal(composer.sig_saved):
            composer.save()
        saved = campaign_named(ui_ctx, "Later")
        assert saved is not None and saved.status == CampaignStatus.SCHEDULED
        assert saved.channel == Channel.SMS.value
        day = chosen.date()
        nairobi = datetime(day.year(), day.month(), day.day(), 9, 30)
        assert saved.scheduled_at == nairobi - timedelta(hours=3)
        epoch = datetime.fromtimestamp(chosen.toSecsSinceEpoch(), UTC).replace(tzinfo=None)
        assert saved.scheduled_at == epoch

        # Reopened, it shows the same local time and stays scheduled when saved again.
        tab.edit_campaign(saved.id)
        settle(qtbot, tab)
        assert composer.schedule_check.isChecked()
        assert composer.schedule_edit.dateTime() == chosen
        composer.body_edit.setPlainText("See you soon {{first_name}}")
        with qtbot.waitSignal(composer.sig_saved):
            composer.save()
        again = CampaignService(ui_ctx.ws).get(saved.id)
        assert again.status == CampaignStatus.SCHEDULED
        assert again.scheduled_at == saved.scheduled_at
        assert again.body == "See you soon {{first_name}}"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_duplicate_makes_an_editable_draft_with_the_same_content(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    original = tab.selected_campaign()
    assert original is not None and not original.editable
    qtbot.mouseClick(tab.detail.duplicate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.composer)
    settle(qtbot, tab)
    copy = campaign_named(ui_ctx, f"{original.name} (copy)")
    assert copy is not None and copy.status == CampaignStatus.DRAFT
    assert (copy.channel, copy.body, copy.subject) == (
        original.channel.value,
        original.body,
        original.subject,
    )
    assert tab.composer.body_edit.toPlainText() == original.body
    assert tab.composer.campaign_id == copy.id


def test_editing_a_draft_can_change_its_channel_and_segment(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    draft = next(r for r in tab.model.rows() if r.status is CampaignStatus.DRAFT)
    segment = max(SegmentService(ui_ctx.ws).list(), key=lambda s: s.member_count)
    tab.select_campaign(draft.id)
    settle(qtbot, tab)
    qtbot.mouseClick(tab.detail.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    composer = tab.composer
    assert composer.campaign_id == draft.id
    assert composer.body_edit.toPlainText() == draft.body
    new_channel = Channel.EMAIL if draft.channel is not Channel.EMAIL else Channel.SMS
    composer.set_channel(new_channel)
    composer.subject_edit.setText("About {{company}}")
    assert composer.select_segment(segment.id)
    settle(qtbot, tab)
    included = len(composer.audience.included)  # type: ignore[union-attr]
    with qtbot.waitSignal(composer.sig_saved) as saved:
        composer.save()
    (new_id,) = saved.args
    svc = CampaignService(ui_ctx.ws)
    now = svc.get(new_id)
    assert (now.name, now.channel, now.segment_id) == (draft.name, new_channel.value, segment.id)
    assert svc.stats(new_id).recipients == included
    if new_id != draft.id:  # re-created: the old draft must not linger
        assert draft.id not in [c.id for c, _s in svc.overview()]
    qtbot.waitUntil(lambda: tab.selected_campaign() is not None
                    and tab.selected_campaign().id == new_id)  # fmt: skip

    tab.edit_campaign(new_id)
    settle(qtbot, tab)
    assert composer.channel() is new_channel
    assert composer.source().segment_id == segment.id
    assert composer.subject_edit.text() == "About {{company}}"


def test_delete_asks_first_and_unsaved_edits_are_not_dropped(
    qtbot, tab, ui_ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    draft = next(r for r in tab.model.rows() if r.status is CampaignStatus.DRAFT)
    tab.select_campaign(draft.id)
    settle(qtbot, tab)
    answers = [False, True]
    monkeypatch.setattr(widgets, "ask", lambda *_a: answers.pop(0))
    tab.delete_campaign(draft.id)  # "Keep it"
    ui_ctx.runner.wait()
    assert campaign_named(ui_ctx, draft.name) is not None
    before = tab.model.rowCount()
    tab.delete_campaign(draft.id)  # "Delete"
    qtbot.waitUntil(lambda: tab.model.rowCount() == before - 1)
    assert campaign_named(ui_ctx, draft.name) is None
    assert "deleted" in tab.message.text.text()

    # Writing a campaign, then "new campaign for these contacts" from elsewhere: ask first.
    tab.new_campaign()
    settle(qtbot, tab)
    tab.composer.name_edit.setText("Half written")
    monkeypatch.setattr(widgets, "ask", lambda *_a: False)
    tab.compose_for([reachable(ui_ctx, Channel.SMS, 1)[0].id])
    assert tab.composer.name_edit.text() == "Half written"
