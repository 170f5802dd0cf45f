"""The Replies tab on a real demo workspace: replies synced from the cloud as a pull brings
them, applied by the applier, listed newest first with contact and campaign; filter and
search; answering through the outbox; WhatsApp's 24-hour window; stop words shown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import select

from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.opt_out_lines import local_day
from localpro_desktop.ui.crm.panel import ContactPanel
from localpro_desktop.ui.replies.model import ReplyColumn
from localpro_desktop.ui.replies.tab import RepliesTab
from tests.channels import local_kit
from tests.services.inbound_kit import Ev, Puller, add_contact, sent_campaign

AWA = "+221770001101"
MODOU = "+221770001102"
FATOU = "+221770001103"


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


def _inbound(address: str, text: str, hours_ago: float, channel: str) -> Ev:
    key = f"ui-{address}-{hours_ago}-{text}"
    return Ev(
        "inbound",
        channel,
        "whatsapp" if channel == "whatsapp" else "twilio",
        key,
        message_id=key,
        address=address,
        text=text,
        occurred_at=utcnow() - timedelta(hours=hours_ago),
    )


def _sync(ctx: UiContext, *events: Ev) -> None:
    """What a sync does: the cloud's events pulled, then applied."""
    Puller(ctx.ws).pull(*events)
    apply_pending(ctx.ws)


def _people(ctx: UiContext) -> dict[str, str]:
    phones = {"Awa": AWA, "Modou": MODOU, "Fatou": FATOU}
    people = {
        name: add_contact(
            ctx.ws,
            name,
            phone=number,
            phone_e164=number,
            whatsapp=number,
            whatsapp_e164=number,
        )
        for name, number in phones.items()
    }
    return people


def _seed(ctx: UiContext) -> dict[str, str]:
    """Awa answers a WhatsApp campaign, Modou writes by SMS, Fatou sends STOP."""
    people = _people(ctx)
    sent_campaign(
        ctx.ws,
        "Promo Tabaski (ui)",
        "whatsapp",
        {people["Awa"]: ("awa", AWA, "wamid.ui-awa")},
        sent_at=utcnow() - timedelta(days=1),
    )
    _sync(
        ctx,
        _inbound(AWA, "Oui, je prends le bleu", 2, "whatsapp"),
        _inbound(MODOU, "Vous êtes ouverts dimanche ?", 5, "sms"),
        _inbound(FATOU, "STOP", 1, "sms"),
    )
    return people


def _open(qtbot, ctx: UiContext) -> RepliesTab:  # type: ignore[no-untyped-def]
    tab = RepliesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 690)
    tab.show()
    qtbot.waitUntil(tab.is_ready)
    return tab


def _column(tab: RepliesTab, column: ReplyColumn) -> list[str]:
    proxy = tab.proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def _select(qtbot, tab: RepliesTab, sender: str) -> None:  # type: ignore[no-untyped-def]
    row = _column(tab, ReplyColumn.FROM).index(sender)
    tab.table.selectRow(row)
    qtbot.waitUntil(
        lambda: (
            tab.side.context is not None
            and tab.side.reply is not None
            and tab.side.reply.contact_name == sender
        )
    )


@pytest.fixture
def seeded(qtbot, ui_ctx: UiContext) -> Iterator[tuple[RepliesTab, dict[str, str]]]:  # type: ignore[no-untyped-def]
    people = _seed(ui_ctx)
    tab = _open(qtbot, ui_ctx)
    yield tab, people
    ui_ctx.runner.wait()


def test_replies_are_listed_newest_first_with_contact_and_campaign(seeded) -> None:  # type: ignore[no-untyped-def]
    tab, _people = seeded
    assert tab.content.currentWidget() is tab.splitter
    assert _column(tab, ReplyColumn.FROM) == ["Fatou", "Awa", "Modou"]
    assert _column(tab, ReplyColumn.CHANNEL) == ["SMS", "WhatsApp", "SMS"]
    assert _column(tab, ReplyColumn.CAMPAIGN) == ["—", "Promo Tabaski (ui)", "—"]
    assert _column(tab, ReplyColumn.MESSAGE) == [
        "STOP",
        "Oui, je prends le bleu",
        "Vous êtes ouverts dimanche ?",
    ]
    rows = tab.model.rows()
    assert _column(tab, ReplyColumn.WHEN) == [fmt.moment(r.at) for r in rows]
    assert rows == sorted(rows, key=lambda r: r.at, reverse=True)
    assert tab.count_label.text() == "3 messages"
    # The newest is selected and shown on the side.
    assert tab.side.reply is not None and tab.side.reply.text == "STOP"


def test_the_channel_filter_and_the_search_narrow_the_list(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    tab, _people = seeded
    tab.channel_filter.setCurrentIndex(tab.channel_filter.findData(Channel.WHATSAPP))
    assert _column(tab, ReplyColumn.FROM) == ["Awa"]
    assert tab.count_label.text() == "1 of 3 messages"
    qtbot.waitUntil(lambda: tab.side.reply is not None and tab.side.reply.contact_name == "Awa")
    tab.channel_filter.setCurrentIndex(tab.channel_filter.findData(Channel.SMS))
    assert _column(tab, ReplyColumn.FROM) == ["Fatou", "Modou"]
    tab.search.setText("dimanche")  # the text
    assert _column(tab, ReplyColumn.FROM) == ["Modou"]
    tab.channel_filter.setCurrentIndex(0)
    tab.search.setText("tabaski")  # the campaign, any case
    assert _column(tab, ReplyColumn.FROM) == ["Awa"]
    tab.search.setText("770001103")  # the number
    assert _column(tab, ReplyColumn.FROM) == ["Fatou"]
    tab.search.clear()
    assert len(_column(tab, ReplyColumn.FROM)) == 3


@pytest.mark.usefixtures("channels_set_up")
def test_answering_an_sms_reply_queues_a_one_recipient_campaign(  # type: ignore[no-untyped-def]
    qtbot, seeded, ui_ctx: UiContext
) -> None:
    tab, people = seeded
    _select(qtbot, tab, "Modou")
    box = tab.side.answer
    assert box.channel() is Channel.SMS
    assert box.body_edit.isVisible() and not box.send_button.isEnabled()
    box.body_edit.setPlainText("Oui, de 10 h à 14 h.")
    assert box.send_button.isEnabled()
    assert box.counter.text() == "1 SMS · 20 characters"

    box.send_button.click()

    qtbot.waitUntil(lambda: "Your answer is queued" in tab.message.message)
    assert tab.message.message == "Your answer is queued and goes out with the next connection."
    assert box.body_edit.toPlainText() == ""
    with ui_ctx.ws.read() as session:
        campaign = session.scalars(select(Campaign).where(Campaign.name == "Answer to Modou")).one()
        recipients = session.scalars(
            select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id)
        ).all()
        outbox = session.scalars(
            select(OutboxMessage).where(OutboxMessage.campaign_id == campaign.id)
        ).all()
    assert (campaign.channel, campaign.status) == ("sms", CampaignStatus.SENT.value)
    assert [(r.contact_id, r.address, r.status) for r in recipients] == [
        (people["Modou"], MODOU, "queued")
    ]
    assert [(m.address, m.channel) for m in outbox] == [(MODOU, "sms")]
    assert outbox[0].body.startswith("Oui, de 10 h à 14 h.")


@pytest.mark.usefixtures("channels_set_up")
def test_whatsapp_outside_the_window_refuses_free_text_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext
) -> None:
    _people(ui_ctx)
    _sync(ui_ctx, _inbound(AWA, "Toujours disponible ?", 30, "whatsapp"))
    tab = _open(qtbot, ui_ctx)
    _select(qtbot, tab, "Awa")
    box = tab.side.answer
    assert box.channel() is Channel.WHATSAPP
    assert box.state.text().startswith(
        "Outside WhatsApp's 24-hour window only an approved template can be sent: "
        "Awa last wrote on WhatsApp on "
    )
    assert not box.body_edit.isVisible()
    assert box.picker.isVisible()  # an approved template instead
    assert box.picker.combo.itemText(0) == "Choose an approved template…"
    assert not box.send_button.isEnabled()
    qtbot.waitUntil(lambda: not box.picker.loading)  # no WhatsApp account: it says so
    assert not box.send_button.isEnabled()
    # SMS takes free text for the same person.
    box.channel_combo.setCurrentIndex(box.channel_combo.findData(Channel.SMS))
    assert box.body_edit.isVisible() and not box.picker.isVisible()
    ui_ctx.runner.wait()


@pytest.mark.usefixtures("channels_set_up")
def test_whatsapp_inside_the_window_takes_free_text(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    tab, _people = seeded
    _select(qtbot, tab, "Awa")
    box = tab.side.answer
    assert box.state.text().startswith("WhatsApp's 24-hour window is open until ")
    assert box.body_edit.isVisible() and not box.picker.isVisible()
    assert tab.side.campaign.text() == "Answers the campaign “Promo Tabaski (ui)”"


def test_a_stop_word_shows_its_badge_and_the_answer_is_refused_on_that_channel(  # type: ignore[no-untyped-def]
    qtbot, seeded
) -> None:
    tab, _people = seeded
    badges = _column(tab, ReplyColumn.BADGE)
    assert badges == ["Opted out", "", ""]
    _select(qtbot, tab, "Fatou")
    side = tab.side
    assert side.keyword.isVisible()
    assert side.keyword.text() == ("A stop word: SMS campaigns leave this contact out from now on.")
    stop = tab.model.rows()[0]
    assert side.opt_out_lines.text() == f"Opted out of SMS on {local_day(stop.at)} (STOP)"
    box = side.answer
    assert box.channel() is Channel.SMS
    assert box.state.text() == "Fatou opted out of SMS: answer on another channel."
    assert not box.body_edit.isVisible() and not box.send_button.isEnabled()


def test_an_empty_list_explains_how_replies_arrive_then_a_sync_fills_it(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext
) -> None:
    tab = _open(qtbot, ui_ctx)
    assert tab.content.currentWidget() is tab.empty_state
    assert tab.empty_state.title.text() == "No replies yet"
    assert "localpro channels webhooks enable" in tab.empty_state.detail.text()
    assert "File → Workspace settings → Channels" in tab.empty_state.detail.text()
    _people(ui_ctx)

    _sync(ui_ctx, _inbound(MODOU, "Bonjour", 1, "sms"))  # the change set reaches the tab

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.content.currentWidget() is tab.splitter
    assert _column(tab, ReplyColumn.FROM) == ["Modou"]
    ui_ctx.runner.wait()


def test_open_contact_asks_the_window_to_show_the_person(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    tab, people = seeded
    _select(qtbot, tab, "Awa")
    assert tab.side.open_link.isVisible()
    with qtbot.waitSignal(tab.sig_open_record) as opened:
        tab.side.open_link.linkActivated.emit("contact")
    assert opened.args == ["contact", people["Awa"]]


def test_the_contact_panel_lists_each_opt_out_with_its_date_and_words(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext
) -> None:
    people = _seed(ui_ctx)
    panel = ContactPanel(ui_ctx)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.opt_out_lines.sig_shown):
        panel.load(people["Fatou"])
    qtbot.waitUntil(lambda: panel.details is not None)
    (view,) = panel.opt_out_lines.views
    assert panel.opt_out_lines.isVisible()
    assert panel.opt_out_lines.text() == f"Opted out of SMS on {local_day(view.at)} (STOP)"
    assert panel.opt_outs[Channel.SMS].isChecked()
    # Someone who asked nothing has no line.
    with qtbot.waitSignal(panel.opt_out_lines.sig_shown):
        panel.load(people["Modou"])
    assert not panel.opt_out_lines.isVisible() and panel.opt_out_lines.text() == ""
    ui_ctx.runner.wait()


def test_local_day_is_the_day_here_written_day_first(qapp) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 12, 7, 12, 0)
    assert local_day(at) == fmt.day(at.date())  # noon UTC: the same day in Africa
