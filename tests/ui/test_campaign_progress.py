"""A campaign going out, seen in the Campaigns tab, against real parts: the app's
dispatcher thread sends through a real SMTP server (aiosmtpd) to demo contacts.

"0 of 8 sent" moves to "8 of 8 sent · Done"; Pause stops the sending and Resume goes on;
Cancel leaves what was sent and skips the rest; a message the dispatcher could not confirm
shows under "To check" and Resend (after saying the person may get it twice) sends it; a
campaign another laptop sends offers "Take over sending", with its risk, and then sends
from here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import campaign_sending, channel_config
from localpro_desktop.services.campaign_views import load_overview
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import Contact
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.detail import CampaignDetail
from localpro_desktop.ui.campaigns.progress import CampaignProgress, open_count, sent_count
from localpro_desktop.ui.campaigns.tab import CampaignsTab
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.dispatch_worker import DispatchWorker
from tests.channels.whatsapp_standin import (
    PHONE_NUMBER_ID,
    TOKEN,
    WABA_ID,
    Answer,
    graph_error,
)
from tests.channels.whatsapp_standin import StandIn as WhatsAppStandIn
from tests.ui.outbox_kit import (
    Mailbox,
    email_campaign,
    email_channel,
    email_contacts,
    file_keyring,
    leave_sending,
    mailbox,
    sent_from_elsewhere,
    start_worker,
)

__all__ = ["email_channel", "file_keyring", "mailbox", "start_worker"]  # fixtures used here

Worker = Callable[..., DispatchWorker]
"""Tests that start it with a minute between idle rounds see it woken by the change hub
(resume, resend, take over), not by its clock."""


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CampaignsTab]:  # type: ignore[no-untyped-def]
    widget = CampaignsTab(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=15_000)
    yield widget
    widget.detail.sending.stop()
    ui_ctx.runner.wait()


@pytest.fixture
def detail(qtbot, ui_ctx: UiContext) -> Iterator[CampaignDetail]:  # type: ignore[no-untyped-def]
    """The campaign view alone (the tab around it is tested once, in the first test)."""
    widget = CampaignDetail(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 480)
    widget.show()
    yield widget
    widget.sending.stop()
    ui_ctx.runner.wait()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Confirmations are answered "yes"; what they said is kept (title, text)."""
    asked: list[tuple[str, str]] = []

    def ask(_parent: object, title: str, text: str, _yes: str, _no: str) -> bool:
        asked.append((title, text))
        return True

    monkeypatch.setattr(widgets, "ask", ask)
    return asked


def show(qtbot, view: CampaignsTab | CampaignDetail, campaign_id: str) -> CampaignProgress:  # type: ignore[no-untyped-def]
    if isinstance(view, CampaignsTab):
        view.refresh()
        view.select_campaign(campaign_id)
        panel = view.detail.sending
    else:
        row = next(r for r in load_overview(view.ctx.ws) if r.id == campaign_id)
        view.show_campaign(row)
        panel = view.sending
    qtbot.waitUntil(
        lambda: panel.campaign_id == campaign_id and panel.progress is not None, timeout=15_000
    )
    return panel


def shown_sent(panel: CampaignProgress) -> int:
    return sent_count(panel.progress) if panel.progress is not None else -1


def button_visible(panel: CampaignProgress, name: str) -> bool:
    return bool(getattr(panel, name).isVisibleTo(panel))


# -- sending, seen live -----------------------------------------------------------------


def test_the_apps_dispatcher_sends_a_queued_campaign_and_the_view_counts_to_done(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, tab, email_channel: Mailbox, start_worker: Worker
) -> None:
    email_channel.data_delay = 0.05  # a little time per message: the count is seen moving
    campaign_id, addresses = email_campaign(ui_ctx.ws, 8)
    panel = show(qtbot, tab, campaign_id)
    assert panel.count_label.text() == "0 of 8 sent"
    assert panel.state_label.text() == "Sending"
    assert button_visible(panel, "pause_button") and button_visible(panel, "cancel_button")
    seen: list[int] = []
    panel.sig_loaded.connect(lambda: seen.append(shown_sent(panel)))

    start_worker()
    qtbot.waitUntil(lambda: panel.state_label.text() == "Done", timeout=30_000)

    assert panel.count_label.text() == "8 of 8 sent"
    assert panel.bar.value() == panel.bar.maximum() == 8
    assert seen == sorted(seen) and seen[-1] == 8
    assert not button_visible(panel, "pause_button")
    assert not button_visible(panel, "cancel_button")
    assert email_channel.count_by_recipient() == Counter(dict.fromkeys(addresses, 1))
    # The list above follows: the campaign reads Completed with 8 sent.

    def listed() -> tuple[str, int] | None:
        row = tab.model.campaign(tab.model.row_of(campaign_id))
        return (row.status.value, row.stats.sent) if row is not None else None

    qtbot.waitUntil(lambda: listed() == ("completed", 8), timeout=15_000)


def test_pause_stops_resume_goes_on_and_cancel_skips_the_rest(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, detail, email_channel: Mailbox, start_worker: Worker, answers
) -> None:
    email_channel.data_delay = 0.25  # a slow server: there is time to press the buttons
    campaign_id, _addresses = email_campaign(ui_ctx.ws, 12)
    panel = show(qtbot, detail, campaign_id)
    start_worker(idle_seconds=60.0)
    qtbot.waitUntil(lambda: shown_sent(panel) >= 1, timeout=30_000)

    panel.pause_button.click()
    qtbot.waitUntil(lambda: panel.state_label.text() == "Paused", timeout=15_000)
    assert button_visible(panel, "resume_button") and not button_visible(panel, "pause_button")
    # What was in flight finishes; then nothing more leaves.
    qtbot.waitUntil(
        lambda: panel.progress is not None and panel.progress.counts.get("sending", 0) == 0,
        timeout=15_000,
    )
    paused_at = len(email_channel.received)
    qtbot.wait(1500)
    assert len(email_channel.received) == paused_at < 12

    panel.resume_button.click()
    qtbot.waitUntil(lambda: len(email_channel.received) > paused_at, timeout=15_000)
    assert panel.state_label.text() in ("Sending", "Done")

    panel.cancel_button.click()
    title, text = answers[-1]
    assert title == "Cancel sending"
    assert "stay sent" in text and "skipped" in text
    qtbot.waitUntil(
        lambda: (
            panel.state_label.text() == "Cancelled"
            and panel.progress is not None
            and open_count(panel.progress) == 0
        ),
        timeout=15_000,
    )
    progress = panel.progress
    assert progress is not None
    sent = sent_count(progress)
    assert progress.counts["skipped"] == 12 - sent - progress.counts["failed"]
    assert 0 < sent < 12
    assert len(email_channel.received) == sent
    assert f"{sent} of 12 sent" == panel.count_label.text()
    assert "skipped" in panel.detail_label.text()


# -- unknown: check before resending ----------------------------------------------------


def test_an_unknown_message_shows_to_check_and_resend_sends_it(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, detail, email_channel: Mailbox, start_worker: Worker, answers
) -> None:
    campaign_id, addresses = email_campaign(ui_ctx.ws, 3)
    # A crash left one message "sending": SMTP cannot say whether it left.
    unsure = leave_sending(ui_ctx.ws, campaign_id)
    panel = show(qtbot, detail, campaign_id)
    start_worker(idle_seconds=60.0)
    lists = detail.lists
    qtbot.waitUntil(lambda: panel.unknown_view.count == 1, timeout=30_000)
    qtbot.waitUntil(lambda: shown_sent(panel) == 2, timeout=30_000)
    assert lists.isTabVisible(2) and lists.tabText(2) == "To check (1)"
    assert panel.unknown_view.model.item(0, 1).text() == unsure
    assert "1 to check" in panel.detail_label.text()
    # Not final until a person decides; nothing is left to pause.
    qtbot.waitUntil(lambda: panel.state_label.text() == "Waiting for you", timeout=15_000)
    assert not button_visible(panel, "pause_button")
    assert email_channel.count_by_recipient()[unsure] == 0  # never resent on its own

    assert panel.unknown_view.resend_button.text() == "Resend all…"
    panel.unknown_view.resend_button.click()
    title, text = answers[-1]
    assert title == "Send again" and "twice" in text
    qtbot.waitUntil(lambda: panel.state_label.text() == "Done", timeout=30_000)
    assert panel.count_label.text() == "3 of 3 sent"
    assert email_channel.count_by_recipient() == Counter(dict.fromkeys(addresses, 1))
    assert not lists.isTabVisible(2)


def test_give_up_counts_an_unknown_message_as_not_sent(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, detail, email_channel: Mailbox, start_worker: Worker
) -> None:
    campaign_id, _addresses = email_campaign(ui_ctx.ws, 2)
    unsure = leave_sending(ui_ctx.ws, campaign_id)
    panel = show(qtbot, detail, campaign_id)
    start_worker()
    qtbot.waitUntil(lambda: panel.unknown_view.count == 1, timeout=30_000)
    panel.unknown_view.give_up_button.click()
    qtbot.waitUntil(lambda: panel.unknown_view.count == 0, timeout=30_000)
    qtbot.waitUntil(lambda: panel.state_label.text() == "Done", timeout=30_000)
    assert email_channel.count_by_recipient()[unsure] == 0
    assert panel.count_label.text() == "1 of 2 sent"


# -- another laptop sends ---------------------------------------------------------------


def test_a_campaign_another_laptop_sends_offers_take_over_with_its_risk(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, detail, email_channel: Mailbox, start_worker: Worker, answers
) -> None:
    campaign_id, addresses = email_campaign(ui_ctx.ws, 4)
    sent_from_elsewhere(ui_ctx.ws, campaign_id)
    panel = show(qtbot, detail, campaign_id)
    worker = start_worker(idle_seconds=60.0)
    qtbot.waitUntil(lambda: worker.state.leased, timeout=15_000)
    assert panel.state_label.text() == "Sending from another computer"
    bar = panel.takeover_bar
    assert bar.isVisibleTo(panel) and bar.action.text() == "Take over sending…"
    qtbot.wait(600)  # a few of the worker's rounds: this laptop sends nothing
    assert email_channel.received == []

    bar.action.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)  # the risk is counted first
    title, text = answers[-1]
    assert title == "Take over sending"
    assert "twice" in text and "last synced" in text
    qtbot.waitUntil(lambda: panel.state_label.text() == "Done", timeout=30_000)
    assert not bar.isVisibleTo(panel)
    assert email_channel.count_by_recipient() == Counter(dict.fromkeys(addresses, 1))


# -- a channel stopped ------------------------------------------------------------------


def test_a_stopped_channel_shows_why_and_where_to_fix_it(
    qtbot, ui_ctx, detail, channels_set_up
) -> None:  # type: ignore[no-untyped-def]

    svc = CampaignService(ui_ctx.ws)
    campaign = svc.create("Tabaski offer", Channel.EMAIL, "Bonjour", subject="Tabaski")
    svc.set_recipients(campaign.id, [c.id for c in email_contacts(ui_ctx.ws, 3)])
    campaign_sending.send(ui_ctx.ws, campaign.id)
    # What the dispatcher keeps when the server refused the login (no message counted).
    with ui_ctx.ws.write() as session:
        local_state.put(
            session,
            StateKey.CHANNEL_PROBLEMS,
            json.dumps({"email": "535 5.7.8 Authentication credentials invalid"}),
        )
    panel = show(qtbot, detail, campaign.id)
    bar = panel.problem_bar
    qtbot.waitUntil(lambda: bar.isVisibleTo(panel), timeout=15_000)
    assert "535 5.7.8 Authentication credentials invalid" in bar.message
    assert "Settings" in bar.message
    assert panel.state_label.text() == "Stopped"
    assert panel.count_label.text() == "0 of 3 sent"


# -- follow-ups: SMS for those not on WhatsApp, later for those the limit left out --------


def whatsapp_contacts(ws: Workspace, n: int) -> list[str]:
    with ws.read() as session:
        ids = list(
            session.scalars(
                select(Contact.id)
                .where(
                    Contact.deleted_at.is_(None),
                    Contact.whatsapp_e164.is_not(None),
                    Contact.phone_e164.is_not(None),
                    Contact.opt_out_whatsapp.is_(False),
                    Contact.opt_out_sms.is_(False),
                )
                .order_by(Contact.id)
                .limit(n)
            )
        )
    assert len(ids) == n
    return ids


@pytest.mark.usefixtures("file_keyring")
def test_people_not_on_whatsapp_are_offered_an_sms_instead(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, detail, start_worker: Worker
) -> None:
    standin = WhatsAppStandIn().start()
    try:
        settings = channel_config.WhatsAppSettings(
            PHONE_NUMBER_ID, WABA_ID, rate=50.0, base_url=standin.url
        )
        channel_config.save(ui_ctx.ws, settings, TOKEN)
        # WhatsApp's answer for a number that has no WhatsApp account (error 131026).
        not_there = Answer(400, graph_error(131026, "Message undeliverable.", "Not on WhatsApp"))
        standin.script(not_there, not_there)
        svc = CampaignService(ui_ctx.ws)
        campaign = svc.create("Tabaski offer", Channel.WHATSAPP, "Bonjour {{first_name}} !")
        svc.set_recipients(campaign.id, whatsapp_contacts(ui_ctx.ws, 4))
        campaign_sending.send(ui_ctx.ws, campaign.id)
        panel = show(qtbot, detail, campaign.id)
        start_worker()
        bar = panel.whatsapp_bar
        qtbot.waitUntil(lambda: bar.isVisibleTo(panel), timeout=30_000)
        assert bar.message == "2 people are not on WhatsApp."
        assert bar.action.text() == "Send them an SMS…"
        assert detail.lists.tabText(1) == "Failures (2)"
        assert panel.failures_view.model.item(0, 2).text() == "131026"

        with qtbot.waitSignal(detail.sig_open_draft, timeout=15_000) as made:
            bar.action.click()
        draft = CampaignService(ui_ctx.ws).get(made.args[0])
        assert (draft.status, draft.channel) == ("draft", "sms")
        assert CampaignService(ui_ctx.ws).stats(draft.id).recipients == 2
    finally:
        standin.stop()


@pytest.mark.usefixtures("channels_set_up")
def test_people_the_monthly_limit_left_out_can_get_it_later(qtbot, ui_ctx, tab) -> None:  # type: ignore[no-untyped-def]
    svc = CampaignService(ui_ctx.ws)
    campaign = svc.create("Tabaski offer", Channel.EMAIL, "Bonjour", subject="Tabaski")
    svc.set_recipients(campaign.id, [c.id for c in email_contacts(ui_ctx.ws, 5)])
    campaign_sending.send(ui_ctx.ws, campaign.id, at_most=2)  # what the plan allowed now
    panel = show(qtbot, tab, campaign.id)
    bar = panel.limit_bar
    qtbot.waitUntil(lambda: bar.isVisibleTo(panel), timeout=15_000)
    assert bar.message == "3 people were left out: this month's message limit was reached."
    assert panel.count_label.text() == "0 of 5 sent"
    assert "3 skipped" in panel.detail_label.text()
    with qtbot.waitSignal(tab.detail.sig_open_draft, timeout=15_000) as made:
        bar.action.click()
    draft = CampaignService(ui_ctx.ws).get(made.args[0])
    assert (draft.status, draft.channel) == ("draft", "email")
    assert CampaignService(ui_ctx.ws).stats(draft.id).recipients == 3
    # The new draft opens in the composer, to check and send when the month resets.
    assert tab.stack.currentWidget() is tab.composer
    qtbot.waitUntil(lambda: tab.composer.campaign_id == draft.id, timeout=15_000)
